import { describe, expectTypeOf, it } from 'vitest'
import type { ReplyOf } from './typed-reply'

/** A hand-written operation shaped like openapi-typescript's output, so the test does not move with a spec. */
interface ExampleOperation {
  responses: {
    200: { headers: { [name: string]: unknown }; content: { 'application/json': { token: string } } }
    404: { headers: { [name: string]: unknown }; content: { 'application/json': { message: string } } }
    204: { headers: { [name: string]: unknown }; content?: never }
  }
}
type Reply = ReplyOf<ExampleOperation>

describe('ReplyOf', () => {
  it('allows exactly the statuses the operation documents', () => {
    expectTypeOf<Reply['status']>().toEqualTypeOf<200 | 404 | 204>()
  })

  it('ties each status to its own JSON body', () => {
    expectTypeOf<Extract<Reply, { status: 200 }>['json']>().toEqualTypeOf<{ token: string }>()
    expectTypeOf<Extract<Reply, { status: 404 }>['json']>().toEqualTypeOf<{ message: string }>()
  })

  it('gives a status without a JSON body no body at all', () => {
    expectTypeOf<Extract<Reply, { status: 204 }>['json']>().toEqualTypeOf<never>()
  })

  it('refuses an undocumented status or a body of another status', () => {
    // @ts-expect-error 500 is not documented for this operation
    const undocumented: Reply = { status: 500, json: { message: 'boom' } }
    // @ts-expect-error the 200 body is { token }, not the 404's { message }
    const crossed: Reply = { status: 200, json: { message: 'not found' } }
    expectTypeOf(undocumented).toEqualTypeOf<Reply>()
    expectTypeOf(crossed).toEqualTypeOf<Reply>()
  })

  it('is never for something that is not an operation', () => {
    expectTypeOf<ReplyOf<{ parameters: object }>>().toEqualTypeOf<never>()
  })
})
