import { setupWorker, type SetupWorker } from 'msw/browser'
import { createOpsviewMock, type OpsviewMock, type OpsviewMockOptions } from '../opsview'
import { createOpscenterMock, type OpscenterMock, type OpscenterMockOptions } from '../opscenter'
import { createOpmanagerMock, type OpmanagerMock, type OpmanagerMockOptions } from '../opmanager'

/**
 * Serves the three vendor mocks from a service worker inside a front-end app, with the same handlers and
 * state the Node server uses. Each vendor lives under its own base URL, by default a path on the page's
 * origin (`/opsview/rest/...`, `/opscenter/login`, `/opmanager/api/json/...`): point the app's per-vendor
 * API base URL there. OpsCenter's API sits at its root, so it must have a base of its own.
 *
 * @example
 *   // once, before the app renders (public/mockServiceWorker.js comes from `npx msw init public`)
 *   await startOpsmocksWorker()
 *   await fetch('/opsview/rest/login', { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'initial' }) })
 */
export interface BrowserMocksOptions {
  opsview?: OpsviewMockOptions & { baseUrl?: string }
  opscenter?: OpscenterMockOptions & { baseUrl?: string }
  opmanager?: OpmanagerMockOptions & { baseUrl?: string }
  /** Where the worker script is served; default `/mockServiceWorker.js`. */
  workerUrl?: string
  /** Hide msw's console lines (the start banner and one line per mocked request); default false, as in msw. */
  quiet?: boolean
  /** What msw does with a request no vendor mock handles; default `'bypass'` (it goes to the network). */
  onUnhandledRequest?: 'bypass' | 'warn' | 'error'
}

export interface BrowserMocks {
  worker: SetupWorker
  opsview: OpsviewMock
  opscenter: OpscenterMock
  opmanager: OpmanagerMock
}

export async function startOpsmocksWorker(options: BrowserMocksOptions = {}): Promise<BrowserMocks> {
  const [opsview, opscenter, opmanager] = await Promise.all([
    createOpsviewMock(options.opsview),
    createOpscenterMock(options.opscenter),
    createOpmanagerMock(options.opmanager),
  ])
  const base = (vendor: string, configured?: string) => configured ?? `${location.origin}/${vendor}`
  const worker = setupWorker(
    ...opsview.handlers({ baseUrl: base('opsview', options.opsview?.baseUrl) }),
    ...opscenter.handlers({ baseUrl: base('opscenter', options.opscenter?.baseUrl) }),
    ...opmanager.handlers({ baseUrl: base('opmanager', options.opmanager?.baseUrl) }),
  )
  await worker.start({
    serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: options.onUnhandledRequest ?? 'bypass',
    quiet: options.quiet ?? false,
  })
  return { worker, opsview, opscenter, opmanager }
}
