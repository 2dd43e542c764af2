import { describe, expect, it } from 'vitest'
import spec from '../../mocks/generated/opsview.openapi.json'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { createSpecValidator, type ResponseCheck, type SpecValidator } from './spec-validator'
import { StatusCoverage } from './target'

const opsview = createSpecValidator(spec)
type SeedExample = { components: { examples: { Host: { value: { object: Record<string, unknown> } } } } }
const TOKEN = '7cd5652f7bfde4220211d063c166b263160a7d52'

const json = (method: string, path: string, status: number, body: unknown): ResponseCheck => ({
  method,
  path,
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
})

/** A small spec for what the Opsview bundle does not have: wildcard statuses, `default`, responses without a body. */
const fixture: BundledSpec = {
  info: { title: 'Spec validator fixture' },
  components: { schemas: { Err: { type: 'object', required: ['message'] } } },
  paths: {
    '/items/{id}': {
      get: {
        operationId: 'getItem',
        responses: {
          '200': {
            description: 'An item.',
            content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } },
          },
          '204': { description: 'Nothing.' },
          '4XX': { description: 'A client error.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Err' } } } },
          default: { description: 'Anything else.', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
    },
  },
}
const items = createSpecValidator(fixture)

function validatorOf(pairs: string[]): SpecValidator {
  return {
    check: () => [],
    compare: () => ({ problems: [], unknownFields: [] }),
    operationIdFor: () => undefined,
    documentedPairs: () => pairs,
  }
}

describe('spec-validator', () => {
  it('reports fields a real server sends beyond the spec as unknown fields with path and type, not as problems', () => {
    const host = { ...(spec as unknown as SeedExample).components.examples.Host.value.object, snmp_community: 'public', tags: [1] }
    const response = json('GET', '/rest/config/host/7', 200, { object: host })
    expect(opsview.check(response).join('\n')).toMatch(/must NOT have additional properties/)
    expect(opsview.compare(response)).toEqual({
      problems: [],
      unknownFields: [
        { path: '/object/snmp_community', type: 'string' },
        { path: '/object/tags', type: 'array' },
      ],
    })
  })

  it('keeps a real violation a problem next to the unknown fields', () => {
    const { ip: _ip, ...host } = (spec as unknown as SeedExample).components.examples.Host.value.object
    const difference = opsview.compare(json('GET', '/rest/config/host/7', 200, { object: { ...host, colour: 'red' } }))
    expect(difference.problems.join('\n')).toMatch(/required property 'ip'/)
  })

  it('finds unknown fields inside lists and nested references', () => {
    const list = {
      list: [{ id: '1', ref: '/rest/config/hostgroup/1', name: 'Opsview', extra: true }],
      summary: { rows: '1', allrows: '1', page: '1', totalrows: '1', totalpages: '1', more: 1 },
    }
    expect(opsview.compare(json('GET', '/rest/config/hostgroup', 200, list)).unknownFields).toEqual([
      { path: '/summary/more', type: 'number' },
    ])
  })

  it('passes a documented status with a body the schema allows', () => {
    expect(opsview.check(json('POST', '/rest/login', 200, { token: TOKEN }))).toEqual([])
  })

  it('reports a status the operation does not document, listing the documented ones', () => {
    expect(opsview.check(json('POST', '/rest/login', 418, { message: 'teapot' }))).toEqual([
      'login → 418: status 418 is not documented (documented: 200, 400, 401, 413, 415)',
    ])
  })

  it('reports a body that violates the schema, naming the field', () => {
    expect(opsview.check(json('POST', '/rest/login', 200, { token: 'abc' }))).toEqual([
      'login → 200: body/token must match pattern "^[0-9a-f]{40}$"',
    ])
  })

  it('resolves a $ref to a shared response such as 401', () => {
    expect(opsview.check(json('POST', '/rest/login', 401, { message: 'Invalid username or password' }))).toEqual([])
    expect(opsview.check(json('POST', '/rest/login', 401, { msg: 'x' }))).toEqual([
      "login → 401: body must have required property 'message'",
      'login → 401: body must NOT have additional properties',
    ])
  })

  it('matches templated paths, ignoring a trailing slash', () => {
    expect(opsview.check(json('GET', '/rest/config/host/7', 404, { message: 'No such object' }))).toEqual([])
    expect(opsview.check(json('GET', '/rest/status/service/', 418, {}))).toEqual([
      'listServiceStatus → 418: status 418 is not documented (documented: 200, 400, 401, 403)',
    ])
  })

  it('judges nothing on paths or methods the spec does not have', () => {
    expect(opsview.check(json('GET', '/rest/nothing', 404, 'not the spec'))).toEqual([])
    expect(opsview.check(json('GET', '/rest/login', 405, { message: 'no' }))).toEqual([])
  })

  it('reports a content type the response does not document', () => {
    expect(opsview.check({ ...json('GET', '/rest/user', 200, {}), contentType: 'text/html' })).toEqual([
      'getUser → 200: content type "text/html" is not documented (documented: application/json)',
    ])
  })

  it('reports a JSON response whose body does not parse', () => {
    expect(opsview.check({ ...json('POST', '/rest/login', 401, {}), body: '<html>' })).toEqual([
      'login → 401: body is not valid JSON: <html>',
    ])
  })

  it('accepts a documented content type whatever its case and parameters', () => {
    expect(opsview.check({ ...json('POST', '/rest/login', 401, { message: 'x' }), contentType: 'Application/JSON;charset=UTF-8' })).toEqual(
      [],
    )
  })

  it('knows the operationId of a method and path, and none for what the spec lacks', () => {
    expect(opsview.operationIdFor('post', '/rest/login')).toBe('login')
    expect(opsview.operationIdFor('DELETE', '/rest/login')).toBe('deleteLogin')
    expect(opsview.operationIdFor('GET', '/rest/config/host/exists')).toBe('configObjectExists')
    expect(opsview.operationIdFor('GET', '/rest/config/host/12')).toBe('getConfigObject')
    expect(opsview.operationIdFor('GET', '/rest/login')).toBeUndefined()
    expect(opsview.operationIdFor('GET', '/nowhere')).toBeUndefined()
  })

  it('lists every documented operationId and status pair once', () => {
    const pairs = opsview.documentedPairs()
    expect(pairs).toEqual(expect.arrayContaining(['login 200', 'login 401', 'login 415', 'deleteLogin 401', 'getApiVersion 200']))
    expect(pairs).not.toContain('getApiVersion 401')
    expect(new Set(pairs).size).toBe(pairs.length)
    expect(pairs.filter((pair) => pair.startsWith('login '))).toEqual(['login 200', 'login 400', 'login 401', 'login 413', 'login 415'])
  })

  it('checks a status against a documented wildcard such as 4XX', () => {
    expect(items.check(json('GET', '/items/1', 404, { message: 'gone' }))).toEqual([])
    expect(items.check(json('GET', '/items/1', 409, {}))).toEqual(["getItem → 409: body must have required property 'message'"])
  })

  it('falls back to the default response for other statuses', () => {
    expect(items.check({ method: 'GET', path: '/items/1', status: 503, contentType: 'text/plain', body: 'down' })).toEqual([])
  })

  it('reports a body on a response the spec documents without one, and a missing body where one is documented', () => {
    expect(items.check({ method: 'GET', path: '/items/1', status: 204, contentType: null, body: '' })).toEqual([])
    expect(items.check(json('GET', '/items/1', 204, {}))).toEqual(['getItem → 204: the spec documents no body, but one was sent'])
    expect(items.check({ ...json('GET', '/items/1', 200, {}), body: '' })).toEqual([
      'getItem → 200: the spec documents a body, but none was sent',
    ])
  })

  it('counts a documented pair as covered once a response with that status was recorded', () => {
    const coverage = new StatusCoverage()
    coverage.record('login', 200)
    coverage.record(undefined, 401)
    expect([...coverage.seen]).toEqual(['login 200'])
    expect(coverage.missing(validatorOf(['login 200', 'login 401']))).toEqual(['login 401'])
  })

  it('counts a documented 4XX as covered by any 4xx status of the same operation only', () => {
    const coverage = new StatusCoverage()
    coverage.record('getItem', 404)
    coverage.record('other', 500)
    expect(coverage.missing(validatorOf(['getItem 4XX', 'getItem 5XX', 'other 4XX', 'other 5XX']))).toEqual(['getItem 5XX', 'other 4XX'])
  })

  it('does not let one operation cover another whose name it starts with', () => {
    const coverage = new StatusCoverage()
    coverage.record('loginAgain', 401)
    expect(coverage.missing(validatorOf(['login 4XX', 'login 401']))).toEqual(['login 4XX', 'login 401'])
  })
})
