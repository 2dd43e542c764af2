import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Clock } from './clock'
import { MAX_BODY_BYTES, type MockRequest, type MockResponse } from './exchange'
import { MockError, type MockErrorCode } from './mock-error'
import { createService, type MockService, type Operation } from './service'

interface Context {
  calls: string[]
}

const STATUS: Partial<Record<MockErrorCode, number>> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
}

function request(method: string, pathAndQuery: string, body = ''): MockRequest {
  const [path, query = ''] = pathAndQuery.split('?')
  return { method, path: path!, query: new URLSearchParams(query), header: () => undefined, body }
}

let context: Context
let clock: Clock
let reset: ReturnType<typeof vi.fn<() => Promise<void>>>
let echo: ReturnType<typeof vi.fn<Operation<Context>['handle']>>
let service: MockService

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2030, 0, 1) })
  context = { calls: [] }
  clock = new Clock()
  reset = vi.fn(async () => {})
  echo = vi.fn((ctx: Context, req: MockRequest, params: Record<string, string>): MockResponse => {
    ctx.calls.push(req.method)
    return { status: 200, json: { params, body: req.body.length } }
  })
  const operations: Operation<Context>[] = [
    { operationId: 'getThing', method: 'GET', path: '/things/{id}', handle: echo },
    { operationId: 'deleteThing', method: 'DELETE', path: '/things/{id}', handle: echo },
    { operationId: 'createThing', method: 'POST', path: '/things', handle: echo },
    {
      operationId: 'missing',
      method: 'GET',
      path: '/missing',
      handle: () => {
        throw new MockError('NOT_FOUND', 'No such thing', { hint: 'x' })
      },
    },
    {
      operationId: 'boom',
      method: 'GET',
      path: '/boom',
      handle: async () => {
        throw new TypeError('kaput')
      },
    },
  ]
  service = createService<Context>({
    vendor: 'testvendor',
    operations,
    context,
    clock,
    renderError: (error: MockError) => ({
      status: STATUS[error.code] ?? 500,
      json: { code: error.code, message: error.message },
      headers: { 'x-vendor': 'yes' },
    }),
    reset,
  })
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('createService', () => {
  it('routes a request to its operation with the decoded path parameters and the context', async () => {
    const response = await service.handle(request('GET', '/things/a%20b'))
    expect(response).toEqual({ status: 200, json: { params: { id: 'a b' }, body: 0 } })
    expect(echo).toHaveBeenCalledOnce()
    expect(echo.mock.calls[0]![0]).toBe(context)
  })

  it('answers an unknown path with the vendor rendering of ROUTE_NOT_FOUND', async () => {
    expect(await service.handle(request('GET', '/nothing/here'))).toEqual({
      status: 404,
      json: { code: 'ROUTE_NOT_FOUND', message: 'No such resource: GET /nothing/here' },
      headers: { 'x-vendor': 'yes' },
    })
  })

  it('answers a known path with another method 405 and an allow header, keeping the vendor headers', async () => {
    const response = await service.handle(request('PUT', '/things/1'))
    expect(response).toEqual({
      status: 405,
      json: { code: 'METHOD_NOT_ALLOWED', message: 'Method PUT is not implemented for /things/1' },
      headers: { 'x-vendor': 'yes', allow: 'DELETE, GET' },
    })
    expect(echo).not.toHaveBeenCalled()
  })

  it('answers 413 to a body over MAX_BODY_BYTES before any handler runs', async () => {
    const response = await service.handle(request('POST', '/things', 'x'.repeat(MAX_BODY_BYTES + 1)))
    expect(response.status).toBe(413)
    expect(response.json).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' })
    expect(response.headers).toEqual({ 'x-vendor': 'yes' })
    expect(echo).not.toHaveBeenCalled()
  })

  it('counts the body limit in UTF-8 bytes, not characters, as the node:http transport does', async () => {
    const overLimit = await service.handle(request('POST', '/things', 'é'.repeat(MAX_BODY_BYTES / 2 + 1)))
    expect(overLimit.status).toBe(413)
    expect(overLimit.json).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: `Request body of ${MAX_BODY_BYTES + 2} bytes exceeds the ${MAX_BODY_BYTES}-byte limit`,
    })
    expect(echo).not.toHaveBeenCalled()
    expect((await service.handle(request('POST', '/things', 'é'.repeat(MAX_BODY_BYTES / 2)))).status).toBe(200)
  })

  it('answers an oversized body on a path that does not exist with 404, as routing comes first', async () => {
    const response = await service.handle(request('POST', '/nothing', 'x'.repeat(MAX_BODY_BYTES + 1)))
    expect(response.status).toBe(404)
  })

  it('accepts a body of exactly MAX_BODY_BYTES', async () => {
    const response = await service.handle(request('POST', '/things', 'x'.repeat(MAX_BODY_BYTES)))
    expect(response).toEqual({ status: 200, json: { params: {}, body: MAX_BODY_BYTES } })
  })

  it('renders a MockError thrown by a handler with the vendor renderer', async () => {
    expect(await service.handle(request('GET', '/missing'))).toEqual({
      status: 404,
      json: { code: 'NOT_FOUND', message: 'No such thing' },
      headers: { 'x-vendor': 'yes' },
    })
  })

  it('answers an unexpected throw with a 500 JSON message and no stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await service.handle(request('GET', '/boom'))
    expect(response).toEqual({
      status: 500,
      json: { code: 'BAD_REQUEST', message: 'opsmocks testvendor mock failed on GET /boom: TypeError: kaput' },
      headers: { 'x-vendor': 'yes' },
    })
    expect(JSON.stringify(response)).not.toMatch(/\bat \S+:\d+/)
    expect(logged).toHaveBeenCalledOnce()
  })

  it('serves health on the control API', async () => {
    expect(await service.handle(request('GET', '/__opsmocks/health'))).toEqual({
      status: 200,
      json: { vendor: 'testvendor', status: 'ok' },
    })
  })

  it('keeps control routes apart from the vendor routes', async () => {
    expect((await service.handle(request('GET', '/__opsmocks/things/1'))).status).toBe(404)
    expect((await service.handle(request('GET', '/__opsmocks/nothing'))).json).toMatchObject({ code: 'ROUTE_NOT_FOUND' })
    expect(echo).not.toHaveBeenCalled()
  })

  it('answers a control path with the wrong method 405 and an allow header', async () => {
    const response = await service.handle(request('GET', '/__opsmocks/reset'))
    expect(response.status).toBe(405)
    expect(response.headers?.allow).toBe('POST')
    expect(reset).not.toHaveBeenCalled()
  })

  it('calls the definition reset on POST /__opsmocks/reset', async () => {
    expect(await service.handle(request('POST', '/__opsmocks/reset'))).toEqual({ status: 200, json: { reset: true } })
    expect(reset).toHaveBeenCalledOnce()
  })

  it('advances the clock by advanceSeconds from the query and answers the new time', async () => {
    const response = await service.handle(request('POST', '/__opsmocks/clock?advanceSeconds=90'))
    expect(response).toEqual({ status: 200, json: { now: '2030-01-01T00:01:30.000Z' } })
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1, 0, 1, 30))
  })

  it('advances the clock by advanceSeconds from a JSON body', async () => {
    await service.handle(request('POST', '/__opsmocks/clock', '{"advanceSeconds": 3600}'))
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1, 1))
  })

  it('rejects a negative, non-numeric or missing advance with BAD_REQUEST and leaves the clock alone', async () => {
    for (const bad of [
      request('POST', '/__opsmocks/clock?advanceSeconds=-5'),
      request('POST', '/__opsmocks/clock?advanceSeconds=soon'),
      request('POST', '/__opsmocks/clock?advanceSeconds=Infinity'),
      request('POST', '/__opsmocks/clock', '{"advanceSeconds": "NaN"}'),
      request('POST', '/__opsmocks/clock?advanceSeconds='),
      request('POST', '/__opsmocks/clock', '{"advanceSeconds": true}'),
      request('POST', '/__opsmocks/clock', '{"advanceSeconds": null}'),
      request('POST', '/__opsmocks/clock'),
    ]) {
      const response = await service.handle(bad)
      expect(response.status).toBe(400)
      expect(response.json).toMatchObject({ code: 'BAD_REQUEST' })
    }
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1))
  })

  it('refuses a clock move past year 9999 with BAD_REQUEST and leaves the clock alone (defect 9)', async () => {
    for (const seconds of ['99999999999999', String(Number.MAX_SAFE_INTEGER), '1e400']) {
      const response = await service.handle(request('POST', `/__opsmocks/clock?advanceSeconds=${seconds}`))
      expect(response.status, seconds).toBe(400)
    }
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1))
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(RangeError)
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1))
  })

  it('answers a body with no JSON form as a 500 in the vendor envelope', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    echo.mockImplementationOnce(() => ({ status: 200, json: () => 'a function' }))
    const response = await service.handle(request('GET', '/things/1'))
    expect(response.status).toBe(500)
    expect(response.json).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/has no JSON form/) })
  })

  it('refuses control writes labelled as coming from another origin, before they run', async () => {
    const withHeaders = (headers: Record<string, string>) => ({
      ...request('POST', '/__opsmocks/reset'),
      header: (name: string) => headers[name],
    })
    expect((await service.handle(withHeaders({ origin: 'https://evil.example', host: '127.0.0.1:4010' }))).status).toBe(403)
    expect((await service.handle(withHeaders({ 'sec-fetch-site': 'cross-site' }))).status).toBe(403)
    expect(reset).not.toHaveBeenCalled()
    expect((await service.handle(withHeaders({ origin: 'http://127.0.0.1:4010', host: '127.0.0.1:4010' }))).status).toBe(200)
    expect((await service.handle(withHeaders({ origin: 'http://localhost', host: 'localhost:80' }))).status).toBe(200)
    expect(reset).toHaveBeenCalledTimes(2)
  })
})

describe('createService with a spec', () => {
  it('answers 413 only on operations that document it, and lets the others ignore the body', async () => {
    const spec = {
      info: { title: 'test' },
      paths: {
        '/things': { post: { operationId: 'createThing', responses: { '200': {}, '413': {} } } },
        '/things/{id}': { delete: { operationId: 'deleteThing', responses: { '200': {} } } },
      },
    }
    const withSpec = createService<Context>({
      vendor: 'testvendor',
      operations: [
        { operationId: 'createThing', method: 'POST', path: '/things', handle: echo },
        { operationId: 'deleteThing', method: 'DELETE', path: '/things/{id}', handle: echo },
      ],
      context,
      clock,
      renderError: (error: MockError) => ({ status: STATUS[error.code] ?? 500, json: { code: error.code } }),
      reset,
      spec,
    })
    const big = 'x'.repeat(MAX_BODY_BYTES + 1)
    expect((await withSpec.handle(request('POST', '/things', big))).status).toBe(413)
    expect(await withSpec.handle(request('DELETE', '/things/1', big))).toEqual({ status: 200, json: { params: { id: '1' }, body: 0 } })
  })
})
