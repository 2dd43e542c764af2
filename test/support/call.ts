import { expect } from 'vitest'
import { createSpecValidator } from '../../contracts/support/spec-validator'
import { serializeBody, type MockRequest } from '../../mocks/core/exchange'
import type { MockService } from '../../mocks/core/service'
import type { BundledSpec } from '../../mocks/core/spec-schema'

/** What a test sees of one answer: the status, headers and the bytes a transport would write. */
export interface CallResult {
  status: number
  headers: Record<string, string | string[]>
  contentType: string | null
  body: string
  json: unknown
}

export interface CallInit {
  headers?: Record<string, string>
  body?: string
}

/** Builds the transport-neutral request a node:http or msw adapter would hand the service. */
function mockRequest(method: string, pathAndQuery: string, init: CallInit = {}): MockRequest {
  const queryStart = pathAndQuery.indexOf('?')
  const headers = new Map(Object.entries(init.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]))
  return {
    method,
    path: queryStart === -1 ? pathAndQuery : pathAndQuery.slice(0, queryStart),
    query: new URLSearchParams(queryStart === -1 ? '' : pathAndQuery.slice(queryStart + 1)),
    header: (name) => headers.get(name),
    body: init.body ?? '',
  }
}

/** Calls a service in-process and serialises the answer as the adapters do. */
export async function call(service: MockService, method: string, pathAndQuery: string, init: CallInit = {}): Promise<CallResult> {
  const response = await service.handle(mockRequest(method, pathAndQuery, init))
  const { contentType, payload: raw } = serializeBody(response)
  // Binary bodies (archives) read as latin1 text, one character per byte.
  const payload = typeof raw === 'string' ? raw : Buffer.from(raw).toString('latin1')
  let json: unknown
  try {
    json = payload ? JSON.parse(payload) : undefined
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers ?? {}, contentType: contentType ?? null, body: payload, json }
}

export function basic(username: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` }
}

/** `call`, with every answer checked against the vendor's spec: an answer the spec does not allow fails the test. */
export function specCheckedCall(
  spec: BundledSpec,
): (service: MockService, method: string, pathAndQuery: string, init?: CallInit) => Promise<CallResult> {
  const validator = createSpecValidator(spec)
  return async (service, method, pathAndQuery, init = {}) => {
    const result = await call(service, method, pathAndQuery, init)
    const path = pathAndQuery.split('?')[0]!
    const problems = validator.check({ method, path, status: result.status, contentType: result.contentType, body: result.body })
    expect(problems, `${method} ${path.slice(0, 80)} answered ${result.status} ${result.body.slice(0, 200)}`).toEqual([])
    return result
  }
}
