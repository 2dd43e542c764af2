import { describe, expect, it } from 'vitest'
import { Router, type RouteDefinition } from './router'

interface Route extends RouteDefinition {
  name: string
}

const route = (name: string, method: string, path: string): Route => ({ name, method, path })

function matchedName(router: Router<Route>, method: string, path: string): string | undefined {
  const match = router.match(method, path)
  return match.kind === 'matched' ? match.route.name : undefined
}

describe('Router', () => {
  it('prefers a static segment over a parameter at the same position, whatever the table order', () => {
    const router = new Router([
      route('object', 'GET', '/rest/config/{objecttype}/{id}'),
      route('exists', 'GET', '/rest/config/{objecttype}/exists'),
    ])
    expect(router.match('GET', '/rest/config/host/exists')).toEqual({
      kind: 'matched',
      route: route('exists', 'GET', '/rest/config/{objecttype}/exists'),
      params: { objecttype: 'host' },
    })
    expect(router.match('GET', '/rest/config/host/7')).toEqual({
      kind: 'matched',
      route: route('object', 'GET', '/rest/config/{objecttype}/{id}'),
      params: { objecttype: 'host', id: '7' },
    })
  })

  it('prefers the template whose leftmost differing segment is static', () => {
    const router = new Router([route('late', 'GET', '/{a}/b/c'), route('early', 'GET', '/a/{b}/c')])
    expect(matchedName(router, 'GET', '/a/b/c')).toBe('early')
  })

  it('ignores a trailing slash on the request path', () => {
    const router = new Router([route('services', 'GET', '/rest/status/service')])
    expect(matchedName(router, 'GET', '/rest/status/service/')).toBe('services')
  })

  it('ignores a trailing slash on the route template', () => {
    const router = new Router([route('repositories', 'GET', '/api/v2/lcm/repositories/')])
    expect(matchedName(router, 'GET', '/api/v2/lcm/repositories')).toBe('repositories')
    expect(matchedName(router, 'GET', '/api/v2/lcm/repositories/')).toBe('repositories')
  })

  it('matches the root path only to a root template', () => {
    const router = new Router([route('root', 'GET', '/'), route('one', 'GET', '/{x}')])
    expect(matchedName(router, 'GET', '/')).toBe('root')
    expect(matchedName(router, 'GET', '/a')).toBe('one')
  })

  it('upper-cases the method of a route definition', () => {
    const router = new Router([route('lower', 'get', '/things')])
    expect(matchedName(router, 'GET', '/things')).toBe('lower')
  })

  it('answers method-not-allowed with the sorted methods of the matching template', () => {
    const router = new Router([
      route('login', 'POST', '/rest/login'),
      route('logout', 'DELETE', '/rest/login'),
      route('other', 'PUT', '/rest/user'),
    ])
    expect(router.match('PUT', '/rest/login')).toEqual({ kind: 'method-not-allowed', allow: ['DELETE', 'POST'] })
  })

  it('lists each allowed method once when several templates of the same shape match', () => {
    const router = new Router([route('a', 'GET', '/x/{id}'), route('b', 'GET', '/x/{name}'), route('c', 'POST', '/x/{id}')])
    expect(router.match('DELETE', '/x/1')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'POST'] })
  })

  it('takes the allowed methods only from the most specific matching shape', () => {
    const router = new Router([
      route('login', 'POST', '/rest/login'),
      route('logout', 'DELETE', '/rest/login'),
      route('anything', 'GET', '/rest/{x}'),
      route('anythingPut', 'PUT', '/rest/{x}'),
    ])
    expect(router.match('GET', '/rest/login')).toEqual({ kind: 'method-not-allowed', allow: ['DELETE', 'POST'] })
    expect(router.match('PATCH', '/rest/login')).toEqual({ kind: 'method-not-allowed', allow: ['DELETE', 'POST'] })
    expect(matchedName(router, 'GET', '/rest/user')).toBe('anything')
    expect(router.match('POST', '/rest/user')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'PUT'] })
  })

  it('percent-decodes parameter values after splitting the path', () => {
    const router = new Router([route('user', 'GET', '/users/{name}/roles/{role}')])
    expect(router.match('GET', '/users/J%C3%BCrgen%20K/roles/a%2Fb')).toEqual({
      kind: 'matched',
      route: route('user', 'GET', '/users/{name}/roles/{role}'),
      params: { name: 'Jürgen K', role: 'a/b' },
    })
  })

  it('keeps a parameter with a malformed percent escape as sent', () => {
    const router = new Router([route('user', 'GET', '/users/{name}')])
    expect(router.match('GET', '/users/100%25%zz%E0%A4')).toMatchObject({ kind: 'matched', params: { name: '100%25%zz%E0%A4' } })
  })

  it('compares static segments exactly, without decoding or case folding', () => {
    const router = new Router([route('login', 'POST', '/rest/login')])
    expect(router.match('POST', '/rest/Login')).toEqual({ kind: 'not-found' })
    expect(router.match('POST', '/rest/log%69n')).toEqual({ kind: 'not-found' })
  })

  it('answers not-found when the number of segments differs from every template', () => {
    const router = new Router([route('object', 'GET', '/rest/config/{objecttype}/{id}')])
    expect(router.match('GET', '/rest/config/host')).toEqual({ kind: 'not-found' })
    expect(router.match('GET', '/rest/config/host/1/extra')).toEqual({ kind: 'not-found' })
    expect(router.match('GET', '/')).toEqual({ kind: 'not-found' })
  })

  it('does not let a parameter match an empty segment', () => {
    const router = new Router([route('object', 'GET', '/things/{id}/detail')])
    expect(router.match('GET', '/things//detail')).toEqual({ kind: 'not-found' })
  })

  it('answers not-found, not method-not-allowed, when no template of that length matches', () => {
    const router = new Router([route('hosts', 'GET', '/rest/config/host')])
    expect(router.match('POST', '/rest/config/role')).toEqual({ kind: 'not-found' })
  })
})
