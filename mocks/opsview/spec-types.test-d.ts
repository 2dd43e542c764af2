import { describe, expectTypeOf, it } from 'vitest'
import type { ConfigTypeName, Reply } from './spec-types'

describe('Opsview replies typed from the spec', () => {
  it('types login: a token on 200, the documented error statuses beside it', () => {
    expectTypeOf<Extract<Reply<'login'>, { status: 200 }>['json']['token']>().toEqualTypeOf<string>()
    expectTypeOf<401>().toMatchTypeOf<Reply<'login'>['status']>()
    // @ts-expect-error login documents no 418
    expectTypeOf<418>().toMatchTypeOf<Reply<'login'>['status']>()
  })

  it('refuses an operationId the spec does not have', () => {
    // @ts-expect-error no such operation in the Opsview spec
    expectTypeOf<Reply<'loginEverywhere'>>().toBeObject()
  })

  it('names the configuration types the spec documents, and only those', () => {
    expectTypeOf<'host'>().toMatchTypeOf<ConfigTypeName>()
    // @ts-expect-error not an Opsview configuration type
    expectTypeOf<'device'>().toMatchTypeOf<ConfigTypeName>()
  })
})
