import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { MAX_BODY_BYTES, serializeBody, type MockRequest, type MockResponse, type SerializedBody } from '../core/exchange'
import type { MockService } from '../core/service'
import { hostGuard, type HostGuard } from './host-guard'

/**
 * The standalone transport: node:http straight into the service, with no Fetch objects
 * and no msw in between (that layer alone caps throughput near 11k req/s; see peers.md §4.7).
 * Nothing a client sends can end the process: every failure while answering becomes a 500 or a closed socket.
 */
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void

export function createRequestListener(service: MockService, guard: HostGuard = () => undefined): RequestListener {
  return (req, res) => {
    trackInFlight(req, res)
    const refusal = guard(req.headers.host)
    if (refusal) {
      req.resume()
      writeResponse(res, { status: 403, json: { message: refusal } }, req.method === 'HEAD')
      return
    }
    const method = req.method ?? 'GET'
    if (method === 'GET' || method === 'HEAD' || req.headers['content-length'] === '0') {
      respond(service, req, res, '')
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () => {
      // An oversized body is replaced by a marker of the same excess size so the service answers its 413.
      const body = tooLarge ? ' '.repeat(MAX_BODY_BYTES + 1) : Buffer.concat(chunks).toString('utf8')
      respond(service, req, res, body)
    })
    req.on('error', () => res.destroy())
  }
}

function respond(service: MockService, req: IncomingMessage, res: ServerResponse, body: string): void {
  const url = req.url ?? '/'
  const queryStart = url.indexOf('?')
  const request: MockRequest = {
    method: req.method ?? 'GET',
    path: queryStart === -1 ? url : url.slice(0, queryStart),
    query: new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1)),
    header: (name) => {
      const value = req.headers[name]
      return Array.isArray(value) ? value.join(', ') : value
    },
    body,
    rawHeaders: req.headers,
  }
  service
    .handle(request)
    .catch((error: unknown) => transportFailure(`handling ${request.method} ${request.path}`, error))
    .then((response) => writeResponse(res, response, request.method === 'HEAD'))
    .catch((error: unknown) => {
      console.error('[opsmocks] writing a response failed:', error)
      res.destroy()
    })
}

function transportFailure(what: string, error: unknown): MockResponse {
  console.error(`[opsmocks] ${what} failed:`, error)
  return { status: 500, json: { message: `opsmocks failed while ${what}: ${error instanceof Error ? error.name : 'error'}` } }
}

function writeResponse(res: ServerResponse, response: MockResponse, headOnly: boolean): void {
  if (res.headersSent || res.destroyed) return
  let body: SerializedBody
  try {
    body = serializeBody(response)
  } catch (error) {
    response = transportFailure('serialising the response', error)
    body = serializeBody(response)
  }
  try {
    res.writeHead(response.status, headersOf(response, body))
  } catch (error) {
    // A header value node refuses (a control character, an invalid status): answer a plain 500 instead.
    response = transportFailure('writing the response headers', error)
    body = serializeBody(response)
    res.writeHead(response.status, headersOf(response, body))
  }
  res.end(headOnly ? undefined : body.payload)
}

function headersOf(response: MockResponse, body: SerializedBody): Record<string, string | string[] | number> {
  const headers: Record<string, string | string[] | number> = { ...response.headers }
  if (body.contentType && !hasHeader(headers, 'content-type')) headers['content-type'] = body.contentType
  headers['content-length'] = Buffer.byteLength(body.payload)
  return headers
}

function hasHeader(headers: Record<string, unknown>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name)
}

/**
 * Answers in progress per connection. When a client sends a complete request followed by bytes that do not
 * parse, node reports the junk (`clientError`) while the handler is still working; node's default answer, a
 * bare 400 and a closed socket, then told the client its write failed although it ran (issue 8). With this,
 * the connection is closed only after the pending answer has gone out.
 */
const inFlight = new WeakMap<Socket, { req: IncomingMessage; res: ServerResponse }>()

function trackInFlight(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket
  const exchange = { req, res }
  inFlight.set(socket, exchange)
  res.once('close', () => {
    if (inFlight.get(socket) === exchange) inFlight.delete(socket)
  })
}

function onClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const pending = inFlight.get(socket)
  // A request received in full is being answered: let the answer out, then close. A request still arriving
  // (a timeout, a body that broke off) gets the error answer at once.
  if (pending?.req.complete && !pending.res.writableFinished) {
    pending.res.once('finish', () => socket.end())
    pending.res.once('close', () => socket.destroy())
    return
  }
  if (pending?.res.headersSent) {
    socket.destroy()
    return
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
  const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/**
 * How long a client may take: to send its headers, its whole request, and how long an idle connection stays
 * open. node's defaults let a client that trickles a body hold a socket for five minutes; these are generous
 * for any real client and longer than the slowest injected fault (60 s), so a fault never cuts its own answer.
 */
interface ServerTimeouts {
  headersMs: number
  requestMs: number
  idleMs: number
  keepAliveMs: number
  /** How often node checks the header and request timeouts. */
  checkIntervalMs: number
}

const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 20_000,
  requestMs: 30_000,
  idleMs: 120_000,
  keepAliveMs: 30_000,
  checkIntervalMs: 5_000,
}

export interface RunningServer {
  readonly url: string
  readonly port: number
  readonly server: Server
  close(): Promise<void>
}

export interface ListenOptions {
  port?: number
  /** Interface to bind; its name (with loopback names and IP literals) is what the Host header may say. */
  host?: string
  /** More names the Host header may carry (a LAN name behind `--host 0.0.0.0`); `*` allows any. */
  allowedHosts?: readonly string[]
  timeouts?: Partial<ServerTimeouts>
  /** Serve HTTPS with this PEM certificate and key. */
  tls?: { cert: string; key: string }
  /** Wraps the service's listener (CORS, request log); without it nothing sits in front of the service. */
  wrap?: (listener: RequestListener) => RequestListener
}

export async function listen(service: MockService, options: ListenOptions = {}): Promise<RunningServer> {
  const { port = 0, host = '127.0.0.1', allowedHosts = [], tls, wrap } = options
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
  const serverOptions = {
    keepAliveTimeout: timeouts.keepAliveMs,
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: timeouts.checkIntervalMs,
  }
  const inner = createRequestListener(service, hostGuard(host, allowedHosts))
  const listener = wrap ? wrap(inner) : inner
  const server: Server = tls
    ? createTlsServer({ ...serverOptions, cert: tls.cert, key: tls.key }, listener)
    : createServer(serverOptions, listener)
  server.setTimeout(timeouts.idleMs, (socket) => socket.destroy())
  server.on('clientError', onClientError)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const actualPort = (server.address() as AddressInfo).port
  return {
    url: `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    port: actualPort,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
