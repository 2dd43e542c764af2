import { describe, expect, it } from 'vitest'
import type { MockRequest } from '../core/exchange'
import { cookieValue, sessionToken } from './auth'
import { mergePermissions, parsePermissionMap, withoutHiddenClusters } from './permissions'
import { readOpscenterBody } from './request-body'
import { publicUser } from './store'

function request(body: string, headers: Record<string, string> = {}): MockRequest {
  return { method: 'POST', path: '/login', query: new URLSearchParams(), header: (name) => headers[name], body }
}

describe('readOpscenterBody', () => {
  it('reads JSON whatever the content type says', () => {
    expect(readOpscenterBody(request('{"a":1}', { 'content-type': 'application/x-www-form-urlencoded' }))).toEqual({ a: 1 })
  })

  it('falls back to a form body', () => {
    expect(readOpscenterBody(request('username=admin&password=a%26b'))).toEqual({ username: 'admin', password: 'a&b' })
  })

  it('reports JSON-looking text that does not parse as bad JSON, not as a form', () => {
    expect(() => readOpscenterBody(request('{"a": 1, b=2'))).toThrow(/Malformed JSON/)
  })

  it('rejects text that is neither JSON nor a form', () => {
    expect(() => readOpscenterBody(request('hello'))).toThrow(/neither JSON nor a form/)
  })

  it('treats a blank body as no body', () => {
    expect(readOpscenterBody(request('  \n'))).toBeUndefined()
  })
})

describe('sessionToken', () => {
  it('prefers the opscenter-session header, then sessionid, then the cookie', () => {
    const cookie = 'x=1; opscenter-session=fromcookie'
    expect(sessionToken(request('', { 'opscenter-session': 'a', sessionid: 'b', cookie }))).toBe('a')
    expect(sessionToken(request('', { sessionid: 'b', cookie }))).toBe('b')
    expect(sessionToken(request('', { cookie }))).toBe('fromcookie')
    expect(sessionToken(request('', { authorization: 'Basic YWRtaW46YWRtaW4=' }))).toBeUndefined()
  })

  it('reads a quoted or percent-encoded cookie value', () => {
    expect(cookieValue('a="q%20v"', 'a')).toBe('q v')
    expect(cookieValue('ab=1', 'a')).toBeUndefined()
  })
})

describe('permissions', () => {
  it('merges roles with OR and keeps only granted permissions', () => {
    const merged = mergePermissions([
      { A: { 'View Cluster': true, 'Manage Alerts': false } },
      { A: { 'Manage Alerts': true }, B: { 'View Cluster': false } },
    ])
    expect(merged).toEqual({ A: { 'View Cluster': true, 'Manage Alerts': true } })
  })

  it('hides clusters with no granted permission', () => {
    expect(withoutHiddenClusters({ A: { 'View Cluster': false }, B: { 'View Cluster': true } })).toEqual({ B: { 'View Cluster': true } })
  })

  it('accepts any permission name but only booleans, on existing clusters', () => {
    const exists = (id: string) => id === 'A'
    expect(parsePermissionMap({ A: { Alerting: true } }, exists)).toEqual({ A: { Alerting: true } })
    expect(() => parsePermissionMap({ B: {} }, exists)).toThrow(/Unknown cluster 'B'/)
    expect(() => parsePermissionMap({ A: { 'View Cluster': 1 } }, exists)).toThrow(/true or false/)
    expect(() => parsePermissionMap([], exists)).toThrow(/JSON object/)
  })
})

describe('publicUser', () => {
  it('adds the legacy role only for users with 0 or 1 roles', () => {
    expect(publicUser({ username: 'a', roles: ['x'] })).toEqual({ username: 'a', roles: ['x'], role: 'x' })
    expect(publicUser({ username: 'a', roles: [] })).toEqual({ username: 'a', roles: [], role: null })
    expect(publicUser({ username: 'a', roles: ['x', 'y'] })).toEqual({ username: 'a', roles: ['x', 'y'] })
  })
})

describe('OpscenterStore.newId', () => {
  it('hands out UUID v4-shaped ids that repeat for the same seed after a clear, and differ between seeds', async () => {
    const { createOpscenterService } = await import('./service')
    const { store } = await createOpscenterService({})
    const ids = () => {
      store.clear()
      return [store.newId(), store.newId()]
    }
    const first = ids()
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(first[0]).not.toBe(first[1])
    expect(ids()).toEqual(first)
    store.seed = 2
    expect(ids()).not.toEqual(first)
  })
})
