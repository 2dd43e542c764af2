import { describe, expectTypeOf, it } from 'vitest'
import type { operations } from '../generated/opsview'
import opsviewSpec from '../generated/opsview.openapi.json'
import type { BundledSpec } from './spec-schema'
import { specRouteFinder, type SpecRoute } from './spec-routes'

describe('specRouteFinder', () => {
  const find = specRouteFinder<keyof operations>(opsviewSpec as BundledSpec)

  it('carries the spec operationId type into the route it finds', () => {
    expectTypeOf(find('login')).toEqualTypeOf<SpecRoute<keyof operations>>()
  })

  it('refuses an operationId the spec does not have at compile time', () => {
    // @ts-expect-error 'logon' is not an Opsview operationId
    expectTypeOf(find).toBeCallableWith('logon')
  })
})
