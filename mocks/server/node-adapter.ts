import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { MAX_BODY_BYTES, serializeBody, type MockRequest, type MockResponse } from '../core/exchange'
import type { MockService } from '../core/service'

/**
 * The standalone transport: node:http straight into the service, with no Fetch objects
 * and no msw in between (that layer alone caps throughput near 11k req/s; see peers.md §4.7).
 */
export function createRequestListener(service: MockService): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const method = req.method ?? 'GET'
    if (method === 'GET' || method === 'HEAD' || req.headers['content-length'] === '0') {
      void respond(service, req, res, '')
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
      void respond(service, req, res, body)
    })
    req.on('error', () => res.destroy())
  }
}

async function respond(service: MockService, req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
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
  let response: MockResponse
  try {
    response = await service.handle(request)
  } catch (error) {
    response = { status: 500, json: { message: `opsmocks: ${String(error)}` } }
  }
  writeResponse(res, response, request.method === 'HEAD')
}

function writeResponse(res: ServerResponse, response: MockResponse, headOnly: boolean): void {
  const { contentType, payload } = serializeBody(response)
  const headers: Record<string, string | string[] | number> = { ...response.headers }
  if (contentType && !hasHeader(headers, 'content-type')) headers['content-type'] = contentType
  headers['content-length'] = Buffer.byteLength(payload)
  res.writeHead(response.status, headers)
  res.end(headOnly ? undefined : payload)
}

function hasHeader(headers: Record<string, unknown>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name)
}

export interface RunningServer {
  readonly url: string
  readonly port: number
  readonly server: Server
  close(): Promise<void>
}

export async function listen(
  service: MockService,
  { port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {},
): Promise<RunningServer> {
  const server = createServer({ keepAliveTimeout: 30_000 }, createRequestListener(service))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const actualPort = (server.address() as AddressInfo).port
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
