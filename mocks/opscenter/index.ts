import { toMswHandlers, type MswHandlerOptions } from '../core/msw-adapter'
import { OPSCENTER_DEFAULT_PORT, createOpscenterService, type OpscenterMockOptions, type OpscenterService } from './service'

export {
  OPSCENTER_DEFAULT_PORT,
  OPSCENTER_SEEDED_USERS,
  createOpscenterService,
  type OpscenterMockOptions,
  type OpscenterService,
} from './service'

/**
 * OpsCenter's resources sit at the root (`/login`, `/{cluster_id}/nodes`), so one catch-all pattern
 * under the base URL (its own origin, by default OPSCENTER_DEFAULT_BASE_URL).
 */
export const OPSCENTER_PATH_PREFIXES = ['/*'] as const

/** Where the handlers answer without a `baseUrl`: the URL `npx opsmocks start` serves opscenter at. */
export const OPSCENTER_DEFAULT_BASE_URL = `http://127.0.0.1:${OPSCENTER_DEFAULT_PORT}`

export interface OpscenterMock extends OpscenterService {
  /** MSW handlers for `setupServer` (Node) or `setupWorker` (browser). */
  handlers(options?: MswHandlerOptions): ReturnType<typeof toMswHandlers>
}

/**
 * A seeded, self-contained OpsCenter mock (its own clock, store and sessions) with MSW handlers.
 *
 * @example
 *   const opscenter = await createOpscenterMock({ authEnabled: false })
 *   const server = setupServer(...opscenter.handlers({ baseUrl: 'http://opscenter.test:8888' }))
 */
export async function createOpscenterMock(options: OpscenterMockOptions = {}): Promise<OpscenterMock> {
  const mock = await createOpscenterService(options)
  return {
    ...mock,
    handlers: (handlerOptions) => toMswHandlers(mock.service, OPSCENTER_PATH_PREFIXES, handlerOptions, OPSCENTER_DEFAULT_BASE_URL),
  }
}
