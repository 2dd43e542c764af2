import { toMswHandlers, type MswHandlerOptions } from '../core/msw-adapter'
import { createOpsviewService, type OpsviewMockOptions, type OpsviewService } from './service'

export { OPSVIEW_DEFAULT_PORT, OPSVIEW_SEEDED_USERS, createOpsviewService, type OpsviewMockOptions, type OpsviewService } from './service'

/** Where the Opsview API lives, as msw path patterns under a base URL. */
export const OPSVIEW_PATH_PREFIXES = ['/rest', '/rest/*', '/__opsmocks/*'] as const

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
  return { ...mock, handlers: (handlerOptions) => toMswHandlers(mock.service, OPSVIEW_PATH_PREFIXES, handlerOptions) }
}
