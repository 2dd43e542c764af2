import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestListener } from './node-adapter'

/**
 * CORS for browser apps on other origins (a dev server on http://localhost:5173 calling the mock on
 * 127.0.0.1:4010). Only requests that carry an `Origin` header pay for it; the rest go straight through.
 */
export interface CorsPolicy {
  /** Any http(s) origin on localhost, 127.0.0.0/8 or [::1], whatever the port. */
  loopback: boolean
  /** Every origin (`*`): the request's origin is echoed back. */
  any: boolean
  origins: ReadonlySet<string>
}

/** The headers the vendors' clients send: Opsview's token pair, OpsCenter's session, OpManager's key. */
export const CORS_ALLOWED_HEADERS = [
  'Content-Type',
  'Accept',
  'Authorization',
  'X-Requested-With',
  'X-Opsview-Username',
  'X-Opsview-Token',
  'opscenter-session',
  'sessionid',
  'apiKey',
].join(', ')
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'
const EXPOSED_HEADERS = 'x-opsmocks-fault'
const LOOPBACK_ORIGIN = /^https?:\/\/(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i

/** `--cors` values: `loopback` (the default), `off`, `*`, or origins such as `https://app.example:8443`. */
export function corsPolicy(values: readonly string[]): CorsPolicy | undefined {
  if (values.some((value) => value.toLowerCase() === 'off')) {
    if (values.length > 1) throw new Error(`--cors off cannot be combined with ${values.filter((value) => value !== 'off').join(', ')}`)
    return undefined
  }
  const origins = new Set<string>()
  let loopback = false
  let any = false
  for (const value of values) {
    if (value === '*') any = true
    else if (value.toLowerCase() === 'loopback') loopback = true
    else origins.add(originOf(value))
  }
  return { loopback, any, origins }
}

function originOf(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`--cors: "${value}" is not an origin (like http://localhost:5173), loopback, * or off`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--cors: "${value}" is not an http(s) origin`)
  return url.origin
}

export function allowsOrigin(policy: CorsPolicy, origin: string): boolean {
  return policy.any || policy.origins.has(origin) || (policy.loopback && LOOPBACK_ORIGIN.test(origin))
}

/** Wraps a listener: answers allowed preflights itself and adds the CORS headers to every other answer. */
export function withCors(policy: CorsPolicy, next: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin
    if (origin === undefined || !allowsOrigin(policy, origin)) return next(req, res)
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Access-Control-Allow-Credentials', 'true')
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      res.setHeader('Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers')
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS)
      res.setHeader('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS)
      res.setHeader('Access-Control-Max-Age', '600')
      // Chrome's Private Network Access: a page on a public origin may call this loopback server.
      if (req.headers['access-control-request-private-network'] === 'true') res.setHeader('Access-Control-Allow-Private-Network', 'true')
      res.writeHead(204, { 'Content-Length': '0' })
      res.end()
      // The preflight may carry a body the client never reads; drain it so keep-alive stays usable.
      req.resume()
      return
    }
    res.setHeader('Vary', 'Origin')
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS)
    next(req, res)
  }
}
