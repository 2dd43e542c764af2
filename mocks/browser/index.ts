import { setupWorker, type SetupWorker } from 'msw/browser'
import { createOpsviewMock, type OpsviewMock, type OpsviewMockOptions } from '../opsview'

/**
 * Serves the vendor mocks from a service worker inside a front-end app, with the same handlers
 * and state the Node server uses. Each vendor answers under its own base URL on the page's origin
 * (by default Opsview at `/rest`, where the real API lives).
 *
 * @example
 *   // once, before the app renders (public/mockServiceWorker.js comes from `npx msw init public`)
 *   const { opsview } = await startOpsmocksWorker()
 *   await fetch('/rest/login', { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'initial' }) })
 */
export interface BrowserMocksOptions {
  opsview?: OpsviewMockOptions & { baseUrl?: string }
  /** Where the worker script is served; default `/mockServiceWorker.js`. */
  workerUrl?: string
}

export interface BrowserMocks {
  worker: SetupWorker
  opsview: OpsviewMock
}

export async function startOpsmocksWorker(options: BrowserMocksOptions = {}): Promise<BrowserMocks> {
  const opsview = await createOpsviewMock(options.opsview)
  const worker = setupWorker(...opsview.handlers({ baseUrl: options.opsview?.baseUrl ?? location.origin }))
  await worker.start({ serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true })
  return { worker, opsview }
}
