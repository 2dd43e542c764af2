import { describe, expect, it } from 'vitest'
import type { MockRequest } from './exchange'
import { FaultInjector } from './faults'
import { MockError } from './mock-error'

const request = (method: string, path: string): MockRequest => ({
  method,
  path,
  query: new URLSearchParams(),
  header: () => undefined,
  body: '',
})

describe('FaultInjector', () => {
  it('applies a rule to matching requests only, by method and exact path', () => {
    const faults = new FaultInjector()
    const rule = faults.add({ method: 'get', path: '/rest/user', status: 503 })
    expect(rule).toEqual({ id: '1', method: 'GET', path: '/rest/user', status: 503 })
    expect(faults.take(request('POST', '/rest/user'))).toBeUndefined()
    expect(faults.take(request('GET', '/rest/users'))).toBeUndefined()
    expect(faults.take(request('GET', '/rest/user'))?.id).toBe('1')
  })

  it('treats a trailing * as a path prefix and a missing path as every path', () => {
    const faults = new FaultInjector()
    faults.add({ path: '/api/json/*', delayMs: 5 })
    expect(faults.take(request('GET', '/api/json/alarm/listAlarms'))?.delayMs).toBe(5)
    expect(faults.take(request('GET', '/rest'))).toBeUndefined()
    faults.add({ status: 500 })
    expect(faults.take(request('DELETE', '/anything'))?.status).toBe(500)
  })

  it('uses a rule up after `times` requests', () => {
    const faults = new FaultInjector()
    faults.add({ status: 503, times: 2 })
    expect(faults.take(request('GET', '/x'))?.status).toBe(503)
    expect(faults.list()).toEqual([{ id: '1', status: 503, remaining: 1 }])
    expect(faults.take(request('GET', '/x'))?.status).toBe(503)
    expect(faults.take(request('GET', '/x'))).toBeUndefined()
    expect(faults.list()).toEqual([])
  })

  it.each([
    [null, /JSON object/],
    [{}, /delayMs, status or both/],
    [{ status: 42 }, /status must be 200-599/],
    [{ status: 503, times: 0 }, /times must be a positive/],
    [{ delayMs: -1 }, /delayMs must be/],
    [{ delayMs: 10, path: 'rest' }, /path must start with \//],
    [{ status: 503, method: 'GET /' }, /method must be/],
  ])('rejects %j with a BAD_REQUEST that says what is wrong', (input, message) => {
    const faults = new FaultInjector()
    expect(() => faults.add(input)).toThrowError(expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringMatching(message) }))
    expect(() => faults.add(input)).toThrow(MockError)
    expect(faults.list()).toEqual([])
  })

  it('forgets every rule on clear', () => {
    const faults = new FaultInjector()
    faults.add({ status: 500 })
    faults.clear()
    expect(faults.take(request('GET', '/x'))).toBeUndefined()
  })
})
