/**
 * `opsmocks/server` (Node only): serve a vendor mock over node:http(s) from your own code, e.g.
 *
 *   const { service } = await createOpsviewService()
 *   const server = await listen(service, { port: 0 })   // server.url, server.close()
 */
export { listen, createRequestListener, type ListenOptions, type RequestListener, type RunningServer } from './node-adapter'
export { corsPolicy, withCors, CORS_ALLOWED_HEADERS, type CorsPolicy } from './cors'
export { withRequestLog, type LogFormat } from './request-log'
export { VENDORS, type VendorEntry, type VendorSettings } from '../vendors'
export { startProxy, type ProxyOptions, type RunningProxy } from './proxy'
