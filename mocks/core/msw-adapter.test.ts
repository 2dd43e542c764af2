import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { failingOperations } from '../../test/support/failing-operations'
import { Clock } from './clock'
import type { MockError } from './mock-error'
import { toMswHandlers } from './msw-adapter'
import { createService, type Operation } from './service'

/** The msw transport answers every failure inside a request as a 500 and keeps serving. */
const operations: Operation<object>[] = [
  ...failingOperations<object>(),
  { operationId: 'cycle', method: 'GET', path: '/cycle', handle: () => ({ status: 200, json: cyclic() }) },
]

function cyclic(): object {
  const value: Record<string, unknown> = {}
  value.self = value
  return value
}

const service = createService<object>({
  vendor: 'testvendor',
  operations,
  context: {},
  clock: new Clock(),
  renderError: (error: MockError) => ({ status: 400, json: { vendorMessage: error.message } }),
  reset: async () => {},
})
const server = setupServer(...toMswHandlers(service, ['/*'], undefined, 'http://msw.test'))

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => vi.restoreAllMocks())
afterAll(() => server.close())

describe('msw adapter', () => {
  it('answers a handler that throws, or returns a body with no JSON form, with a 500 and keeps serving', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    for (const path of ['/throws', '/function', '/cycle', '/bad-header']) {
      const response = await fetch(`http://msw.test${path}`)
      expect(response.status, path).toBe(500)
      expect(await response.text()).not.toMatch(/\bat \S+:\d+/)
    }
    expect(logged).toHaveBeenCalledTimes(4)
    expect((await fetch('http://msw.test/ok')).status).toBe(200)
  })

  it('answers in the vendor envelope when the failure is inside the service', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await (await fetch('http://msw.test/throws')).json()).toEqual({
      vendorMessage: 'opsmocks testvendor mock failed on GET /throws: TypeError: kaput',
    })
  })
})
