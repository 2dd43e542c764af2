import { describe, expect, it } from 'vitest'
import type { BundledSpec } from './spec-schema'
import { specRouteFinder, specRoutes } from './spec-routes'

const spec: BundledSpec = {
  info: { title: 'Example API' },
  paths: {
    '/items': {
      parameters: [{ name: 'q', in: 'query' }],
      get: { operationId: 'listItems' },
      post: { operationId: 'createItem' },
      head: { operationId: 'headItems' },
    },
    '/items/{id}': { delete: { operationId: 'deleteItem' }, put: {} },
  },
}

type ExampleId = 'listItems' | 'createItem' | 'deleteItem'

describe('specRoutes', () => {
  it('lists every operation with its upper-case method and path template, in spec order', () => {
    expect(specRoutes<ExampleId>(spec)).toEqual([
      { operationId: 'listItems', method: 'GET', path: '/items' },
      { operationId: 'createItem', method: 'POST', path: '/items' },
      { operationId: 'deleteItem', method: 'DELETE', path: '/items/{id}' },
    ])
  })

  it('passes over path-level parameters, HEAD (the service answers it as GET) and operations without an id', () => {
    const ids = specRoutes(spec).map((route) => route.operationId)
    expect(ids).not.toContain('headItems')
    expect(ids).toHaveLength(3)
  })
})

describe('specRouteFinder', () => {
  const routeOf = specRouteFinder<ExampleId>(spec)

  it("finds an operation's method and path by its operationId", () => {
    expect(routeOf('deleteItem')).toEqual({ operationId: 'deleteItem', method: 'DELETE', path: '/items/{id}' })
  })

  it('refuses an id the types allow but the bundle lacks, naming the spec and the id', () => {
    const stale = specRouteFinder<ExampleId | 'renamedItem'>(spec)
    expect(() => stale('renamedItem')).toThrow("the Example API spec has no operation 'renamedItem'")
  })

  it('makes an operationId outside the spec type a compile error', () => {
    // @ts-expect-error 'listItem' is not an operationId of the example spec
    expect(() => routeOf('listItem')).toThrow(/no operation 'listItem'/)
  })
})
