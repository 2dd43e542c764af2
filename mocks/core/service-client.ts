import { serializeBody, type MockRequest } from './exchange'
import type { MockService } from './service'

/**
 * Calls a service directly, without a transport: what unit tests and the world round-trip checks use
 * to compare two mocks' answers. Headers are matched by lower-case name.
 */
export async function callService(
  service: MockService,
  method: string,
  pathAndQuery: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; json: any; text: string }> {
  const [path, query = ''] = pathAndQuery.split('?')
  const headers = new Map(Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]))
  const body = options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
  if (options.body !== undefined && typeof options.body !== 'string' && !headers.has('content-type'))
    headers.set('content-type', 'application/json')
  const request: MockRequest = {
    method,
    path: path!,
    query: new URLSearchParams(query),
    header: (name) => headers.get(name),
    body,
    rawHeaders: Object.fromEntries(headers),
  }
  const response = await service.handle(request)
  const serialized = serializeBody(response).payload
  // Binary answers (a tarball) are compared by their bytes: one character per byte, so every byte survives.
  const payload = typeof serialized === 'string' ? serialized : Array.from(serialized, (byte) => String.fromCharCode(byte)).join('')
  let json: unknown
  try {
    json = payload ? JSON.parse(payload) : undefined
  } catch {
    json = undefined
  }
  return { status: response.status, json, text: payload }
}
