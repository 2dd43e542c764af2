import { toMswHandlers, type MswHandlerOptions } from '../core/msw-adapter'
import { OPMANAGER_DEFAULT_PORT, createOpmanagerService, type OpmanagerMockOptions, type OpmanagerService } from './service'

export {
  OPMANAGER_DEFAULT_PORT,
  OPMANAGER_ADMIN_API_KEY,
  OPMANAGER_OPERATOR_API_KEY,
  OPMANAGER_HELPDESK_API_KEY,
  OPMANAGER_SEEDED_KEYS,
  createOpmanagerService,
  type OpmanagerMockOptions,
  type OpmanagerService,
} from './service'

/** Where the OpManager API lives, as msw path patterns under a base URL. */
export const OPMANAGER_PATH_PREFIXES = ['/api/json/*', '/__opsmocks/*'] as const

/** Where the handlers answer without a `baseUrl`: the URL `npx opsmocks start` serves opmanager at. */
export const OPMANAGER_DEFAULT_BASE_URL = `http://127.0.0.1:${OPMANAGER_DEFAULT_PORT}`

export interface OpmanagerMock extends OpmanagerService {
  /** MSW handlers for `setupServer` (Node) or `setupWorker` (browser). */
  handlers(options?: MswHandlerOptions): ReturnType<typeof toMswHandlers>
}

/**
 * A seeded, self-contained OpManager mock (its own clock, store and keys) with MSW handlers.
 *
 * @example
 *   const opmanager = await createOpmanagerMock()
 *   const server = setupServer(...opmanager.handlers({ baseUrl: 'http://opmanager.test:8060' }))
 *   await fetch('http://opmanager.test:8060/api/json/alarm/listAlarms', { headers: { apiKey: OPMANAGER_ADMIN_API_KEY } })
 */
export async function createOpmanagerMock(options: OpmanagerMockOptions = {}): Promise<OpmanagerMock> {
  const mock = await createOpmanagerService(options)
  return {
    ...mock,
    handlers: (handlerOptions) => toMswHandlers(mock.service, OPMANAGER_PATH_PREFIXES, handlerOptions, OPMANAGER_DEFAULT_BASE_URL),
  }
}
