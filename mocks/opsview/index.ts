import { toMswHandlers, type MswHandlerOptions } from '../core/msw-adapter'
import { OPSVIEW_DEFAULT_PORT, createOpsviewService, type OpsviewMockOptions, type OpsviewService } from './service'

export { OPSVIEW_DEFAULT_PORT, OPSVIEW_SEEDED_USERS, createOpsviewService, type OpsviewMockOptions, type OpsviewService } from './service'

/** Where the Opsview API lives, as msw path patterns under a base URL. */
export const OPSVIEW_PATH_PREFIXES = ['/rest', '/rest/*', '/__opsmocks/*'] as const

/** Where the handlers answer without a `baseUrl`: the URL `npx opsmocks start` serves opsview at. */
export const OPSVIEW_DEFAULT_BASE_URL = `http://127.0.0.1:${OPSVIEW_DEFAULT_PORT}`

export interface OpsviewMock extends OpsviewService {
  /** MSW handlers for `setupServer` (Node) or `setupWorker` (browser). */
  handlers(options?: MswHandlerOptions): ReturnType<typeof toMswHandlers>
}

/**
 * A seeded, self-contained Opsview mock (its own clock, store and sessions) with MSW handlers.
 *
 * @example
 *   const opsview = await createOpsviewMock()
 *   const server = setupServer(...opsview.handlers({ baseUrl: 'https://opsview.test' }))
 */
export async function createOpsviewMock(options: OpsviewMockOptions = {}): Promise<OpsviewMock> {
  const mock = await createOpsviewService(options)
  return {
    ...mock,
    handlers: (handlerOptions) => toMswHandlers(mock.service, OPSVIEW_PATH_PREFIXES, handlerOptions, OPSVIEW_DEFAULT_BASE_URL),
  }
}
