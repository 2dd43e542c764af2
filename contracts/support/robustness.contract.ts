import { describe, expect, it } from 'vitest'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { readCallResult, type CallResult, type ContractTarget } from './target'

/**
 * Spec-driven checks every vendor gets for free: each operation that documents 401, 413 or 415 is
 * called in the way that must produce it (no credentials; a body over 1 MiB; an XML body), and must
 * answer exactly that status with the vendor's envelope (the target's fetch validates the body). Each
 * operation that takes a JSON body must reject a malformed one with the vendor's error, never a 500.
 * Mock targets only: on a real server with authentication switched off a write without credentials
 * would really happen.
 */
export interface RobustnessOptions {
  spec: BundledSpec
  /** Headers that authenticate as a user allowed to call every operation. */
  credentials(): Promise<Record<string, string>>
  /** Runs before each call that must carry no credentials (e.g. to drop a cookie the client kept). */
  beforeAnonymousCall?(): Promise<void>
  /** How the vendor rejects bad input; default a 4xx status (OpManager answers HTTP 200 with an `error` envelope). */
  isRejection?(result: CallResult): boolean
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const
const OVERSIZED = 'x'.repeat(1024 * 1024 + 1)

/** Well-formed JSON of the wrong shapes clients get wrong in practice; none may crash a handler. */
const ADVERSARIAL_BODIES = [
  'null',
  '[]',
  '"a string"',
  '12345678901234567890',
  '{"name": {"nested": {"deeper": [1, {"x": null}]}}}',
  '{"name": ["a", "b"], "password": 5, "role": [], "roles": "admin", "id": -1}',
  '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
  `{"name": "${'é'.repeat(300)}\u0000", "comment": "\ud83d\ude00"}`,
]

interface SpecParameter {
  name: string
  in: string
  example?: unknown
  schema?: { examples?: unknown[]; enum?: unknown[] }
  $ref?: string
}

interface SpecOperation {
  operationId: string
  security?: unknown[]
  requestBody?: { content?: Record<string, unknown> }
  parameters?: SpecParameter[]
  responses: Record<string, unknown>
}

export function robustnessContract<C>(target: ContractTarget<C>, options: RobustnessOptions): void {
  const paths = (options.spec.paths ?? {}) as Record<string, Record<string, unknown> & { parameters?: SpecParameter[] }>
  const resolve = (parameter: SpecParameter): SpecParameter =>
    parameter.$ref ? (resolvePointer(options.spec, parameter.$ref) as SpecParameter) : parameter

  const cases = Object.entries(paths).flatMap(([template, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method] as SpecOperation
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(resolve)
      const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
        const parameter = parameters.find((candidate) => candidate.in === 'path' && candidate.name === name)
        return encodeURIComponent(String(parameter?.example ?? parameter?.schema?.examples?.[0] ?? parameter?.schema?.enum?.[0] ?? 'x'))
      })
      return { method: method.toUpperCase(), path, operation }
    }),
  )
  const call = async (method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) =>
    readCallResult(await target.fetch(`${target.baseUrl}${path}`, { method, ...init }))

  const isRejection = options.isRejection ?? ((result: CallResult) => result.status >= 400 && result.status < 500)

  describe.runIf(target.kind === 'mock')('every documented 401, 413 and 415, and malformed JSON on every body', () => {
    for (const { method, path, operation } of cases) {
      const documents = (status: string) => status in operation.responses
      // Operations open to everyone (login) document 401 for bad credentials, not for missing ones.
      const public_ = Array.isArray(operation.security) && operation.security.length === 0
      if (documents('401') && !public_) {
        it(`${operation.operationId} answers 401 without credentials`, async () => {
          await options.beforeAnonymousCall?.()
          expect((await call(method, path)).status).toBe(401)
        })
      }
      if (documents('413')) {
        it(`${operation.operationId} answers 413 for a body over 1 MiB`, async () => {
          const headers = { ...(await options.credentials()), 'Content-Type': 'application/json' }
          expect((await call(method, path, { headers, body: OVERSIZED })).status).toBe(413)
        })
      }
      if (operation.requestBody?.content?.['application/json']) {
        it(`${operation.operationId} rejects malformed JSON with the vendor's error, not a crash`, async () => {
          const headers = { ...(await options.credentials()), 'Content-Type': 'application/json' }
          const result = await call(method, path, { headers, body: '{"name": "unterminated' })
          expect(isRejection(result), `${result.status} ${result.text}`).toBe(true)
        })
      }
      if (operation.requestBody?.content?.['application/json']) {
        it(`${operation.operationId} survives JSON of the wrong shape without a server error`, async () => {
          const headers = { ...(await options.credentials()), 'Content-Type': 'application/json' }
          for (const body of ADVERSARIAL_BODIES) {
            const result = await call(method, path, { headers, body })
            expect(result.status, `${body} → ${result.status} ${result.text}`).toBeLessThan(500)
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        })
      }
      if (documents('415')) {
        it(`${operation.operationId} answers 415 for an XML body`, async () => {
          const headers = { ...(await options.credentials()), 'Content-Type': 'text/xml' }
          expect((await call(method, path, { headers, body: '<object/>' })).status).toBe(415)
        })
      }
    }
  })
}

function resolvePointer(spec: BundledSpec, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], spec)
}
