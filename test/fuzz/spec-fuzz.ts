import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSpecValidator } from '../../contracts/support/spec-validator'
import { MAX_BODY_BYTES } from '../../mocks/core/exchange'
import type { MockService } from '../../mocks/core/service'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { call, type CallResult } from '../support/call'

/**
 * Property-based fuzzing driven by a vendor's spec (issue 8). Every operation gets requests built from its own
 * path, query and body description, bent the ways careless and hostile clients bend them: malformed and
 * wrong-typed bodies, prototype-pollution names in path, query and body, deep nesting, huge and odd values, every
 * content type, missing or wrong credentials. Every answer must come in time, be below 500, be one the spec allows,
 * and a rejected request must leave the state as it was; Object.prototype must stay clean.
 *
 * Seeded and bounded: FUZZ_RUNS runs per operation (default 10) from FUZZ_SEED (default 8), so `npm test` gives
 * the same requests every time; `FUZZ_RUNS=500 npx vitest run --project fuzz` searches longer.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10)
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 8)
/**
 * An answer slower than this counts as a hang: a bound on correctness, not a speed measurement (a normal answer
 * takes milliseconds; the ReDoS took 9.5 s and grew threefold per `%`). Checked both ways: a timer for answers that
 * never come, and the elapsed time for work that blocks the event loop (a timer cannot fire during it).
 */
const HANG_MS = 10_000

export const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'toLocaleString',
] as const

export interface FuzzTarget {
  vendor: string
  spec: BundledSpec
  /** A fresh, seeded mock; called once per operation. */
  create(): Promise<{ service: MockService; state(): unknown }>
  /** Headers of a user allowed to call everything, for the service just created. */
  credentials(service: MockService): Promise<Record<string, string>>
  /** Whether an answer is a rejection (default: a 4xx; OpManager answers HTTP 200 with an `error` envelope). */
  isRejection?(result: CallResult): boolean
}

interface SpecParameter {
  name: string
  in: string
  example?: unknown
  schema?: { type?: string | string[]; examples?: unknown[]; enum?: unknown[]; default?: unknown }
  $ref?: string
}

interface SpecOperation {
  operationId: string
  parameters?: SpecParameter[]
  requestBody?: {
    $ref?: string
    content?: Record<string, { example?: unknown; examples?: Record<string, { value?: unknown; $ref?: string }> }>
  }
}

interface FuzzOperation {
  operationId: string
  method: string
  template: string
  pathParams: SpecParameter[]
  queryParams: SpecParameter[]
  sampleBody: unknown
}

interface FuzzRequest {
  path: Record<string, string>
  query: Array<[string, string]>
  body: { contentType: string | undefined; text: string } | undefined
  auth: 'valid' | 'none' | 'wrong'
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

function resolve<T>(spec: BundledSpec, node: T & { $ref?: string }): T {
  if (!node?.$ref) return node
  const target = node.$ref
    .slice(2)
    .split('/')
    .reduce<unknown>((at, part) => {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~')
      return at !== null && typeof at === 'object' && Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined
    }, spec)
  return resolve(spec, target as T & { $ref?: string })
}

export function specOperations(spec: BundledSpec): FuzzOperation[] {
  const paths = (spec.paths ?? {}) as Record<string, Record<string, unknown> & { parameters?: SpecParameter[] }>
  return Object.entries(paths).flatMap(([template, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method] as SpecOperation
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => resolve(spec, parameter))
      const requestBody = operation.requestBody ? resolve(spec, operation.requestBody) : undefined
      const media = requestBody?.content ? Object.values(requestBody.content)[0] : undefined
      const firstExample = media?.examples ? Object.values(media.examples)[0] : undefined
      return {
        operationId: operation.operationId,
        method: method.toUpperCase(),
        template,
        pathParams: parameters.filter((parameter) => parameter.in === 'path'),
        queryParams: parameters.filter((parameter) => parameter.in === 'query'),
        sampleBody: media?.example ?? (firstExample ? resolve(spec, firstExample).value : undefined),
      }
    }),
  )
}

function exampleOf(parameter: SpecParameter): string {
  const value = parameter.example ?? parameter.schema?.examples?.[0] ?? parameter.schema?.enum?.[0] ?? parameter.schema?.default ?? 'x'
  return String(value)
}

// ---- arbitraries -------------------------------------------------------------------------------

const prototypeName = fc.constantFrom(...PROTOTYPE_NAMES)

const deepJson = fc
  .tuple(fc.integer({ min: 60, max: 5000 }), fc.constantFrom('[', '{"a":'))
  .map(([depth, open]) => open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth))

/** Text that breaks naive code: huge digits, patterns, separators, control and astral characters. */
const oddText = fc.oneof(
  fc.integer({ min: 10, max: 60 }).map((count) => '%'.repeat(count) + 'x'),
  fc.integer({ min: 16, max: 40 }).map((digits) => '9'.repeat(digits)),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e400',
    'NaN',
    'Infinity',
    '99999999999999999999999',
    '%'.repeat(40) + 'x',
    '_%_%_%_%_%_%_%_%_%_%_%_%',
    '\\',
    '../../etc/passwd',
    'a/b',
    '\u0000',
    '\ud800',
    '😀',
    'null',
    'true',
    '[]',
    '{}',
    '+99999999999999h',
    '9999/99/99 99:99',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.integer({ min: 1000, max: 20_000 }).map((length) => 'x'.repeat(length)),
)

function pathValue(parameter: SpecParameter): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant(exampleOf(parameter)), weight: 4 },
    { arbitrary: prototypeName, weight: 3 },
    { arbitrary: oddText.filter((text) => text !== ''), weight: 2 },
  )
}

function queryValue(parameter: SpecParameter): fc.Arbitrary<string> {
  const json = parameter.name === 'json_filter'
  return fc.oneof(
    { arbitrary: fc.constant(exampleOf(parameter)), weight: 3 },
    { arbitrary: oddText, weight: 3 },
    { arbitrary: prototypeName, weight: 1 },
    {
      arbitrary: json
        ? fc.oneof(
            deepJson,
            pollutingJson.map((value) => JSON.stringify(value)),
            fc.json(),
          )
        : fc.json(),
      weight: json ? 4 : 1,
    },
  )
}

/** JSON values that carry prototype names as keys, at the top and nested. */
const pollutingJson = fc.oneof(
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown),
  fc.dictionary(
    prototypeName,
    fc.oneof(
      fc.json().map((text) => JSON.parse(text) as unknown),
      fc.constant({ polluted: true }),
    ),
  ),
)

/** A value of any JSON type, including odd numbers and long strings. */
const anyJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2, -1, 0.5, '', 'x'.repeat(100_000)),
  oddText,
)

/** The operation's own example with fields removed, retyped or added under prototype names. */
function mutatedSample(sample: unknown): fc.Arbitrary<unknown> {
  if (sample === null || typeof sample !== 'object' || Array.isArray(sample)) return fc.constant(sample)
  const keys = Object.keys(sample)
  return fc
    .tuple(
      fc.subarray(keys),
      fc.dictionary(keys.length ? fc.constantFrom(...keys) : fc.string(), anyJsonValue, { maxKeys: 2 }),
      fc.dictionary(prototypeName, anyJsonValue, { maxKeys: 2 }),
    )
    .map(([dropped, retyped, polluting]) => {
      const result: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(sample)) if (!dropped.includes(key)) result[key] = value
      for (const [key, value] of [...Object.entries(retyped), ...Object.entries(polluting)])
        Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true })
      return result
    })
}

function bodyArbitrary(operation: FuzzOperation): fc.Arbitrary<FuzzRequest['body']> {
  const contentType = fc.constantFrom<string | undefined>(
    'application/json',
    'application/json',
    'application/x-www-form-urlencoded',
    'text/plain',
    'text/xml',
    'multipart/form-data; boundary=x',
    undefined,
  )
  const jsonText = fc.oneof(
    { arbitrary: mutatedSample(operation.sampleBody).map((value) => JSON.stringify(value) ?? 'null'), weight: 4 },
    { arbitrary: fc.json(), weight: 2 },
    { arbitrary: pollutingJson.map((value) => JSON.stringify(value)), weight: 2 },
    { arbitrary: deepJson, weight: 1 },
    { arbitrary: fc.string({ maxLength: 60 }), weight: 1 },
    {
      arbitrary: fc.constantFrom('{"name": "unterminated', '{,}', '[1,]', '{"a":1,}', '<object/>', 'a=1&a=2&__proto__=x&constructor=y'),
      weight: 1,
    },
  )
  const formText = fc
    .dictionary(fc.oneof(prototypeName, fc.string({ maxLength: 12 })), oddText, { maxKeys: 4 })
    .map((fields) => new URLSearchParams(Object.entries(fields)).toString())
  const body = fc.record({ contentType, text: fc.oneof({ arbitrary: jsonText, weight: 3 }, { arbitrary: formText, weight: 1 }) })
  const takesBody = operation.method !== 'GET' && operation.method !== 'HEAD'
  return takesBody ? fc.option(body, { freq: 6, nil: undefined }) : fc.constant(undefined)
}

function requestArbitrary(operation: FuzzOperation): fc.Arbitrary<FuzzRequest> {
  const path = fc.record(Object.fromEntries(operation.pathParams.map((parameter) => [parameter.name, pathValue(parameter)])))
  const documented = operation.queryParams.map((parameter) =>
    fc.option(
      queryValue(parameter).map((value): [string, string] => [parameter.name, value]),
      { freq: 2, nil: undefined },
    ),
  )
  const extra = fc.array(
    fc.tuple(
      fc.oneof(
        prototypeName,
        prototypeName.map((name) => `s.${name}`),
        fc.string({ maxLength: 10 }),
      ),
      oddText,
    ),
    {
      maxLength: 2,
    },
  )
  const query = fc
    .tuple(fc.tuple(...documented), extra)
    .map(([known, more]) => [...known.filter((entry): entry is [string, string] => entry !== undefined), ...more])
  return fc.record({
    path,
    query,
    body: bodyArbitrary(operation),
    auth: fc.constantFrom<FuzzRequest['auth']>('valid', 'valid', 'valid', 'valid', 'none', 'wrong'),
  })
}

function nested(depth: number): unknown {
  let value: unknown = 1
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value }
  return value
}

/** Values that once broke a mock, tried on every parameter and body field of every operation on every run. */
const HOSTILE_VALUES: readonly unknown[] = [
  '%'.repeat(40) + 'x',
  '9'.repeat(22),
  '+99999999999999h',
  nested(3000),
  1e308,
  -1,
  { __proto__: null, nested: { deeper: [1, { x: null }] } },
]

/**
 * Requests always run besides the random ones: each path parameter set to each prototype name, each query
 * parameter and each field of the operation's example body set to each hostile value, and a body nested
 * 5,000 deep; the others keep their examples. Each is one class of defect found before (issue 8).
 */
function fixedExamples(operation: FuzzOperation): Array<[FuzzRequest]> {
  const examples = Object.fromEntries(operation.pathParams.map((parameter) => [parameter.name, exampleOf(parameter)]))
  const base: FuzzRequest = { path: examples, query: [], body: undefined, auth: 'valid' }
  const requests: FuzzRequest[] = operation.pathParams.flatMap((parameter) =>
    PROTOTYPE_NAMES.map((name) => ({ ...base, path: { ...examples, [parameter.name]: name } })),
  )
  for (const parameter of operation.queryParams) {
    for (const value of HOSTILE_VALUES) {
      requests.push({ ...base, query: [[parameter.name, typeof value === 'string' ? value : JSON.stringify(value)]] })
    }
  }
  const takesBody = operation.method !== 'GET' && operation.method !== 'HEAD'
  const sample = operation.sampleBody
  if (takesBody) {
    const json = (value: unknown) => ({ contentType: 'application/json', text: JSON.stringify(value) })
    requests.push({ ...base, body: { contentType: 'application/json', text: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) } })
    requests.push({ ...base, body: { contentType: 'application/json', text: 'x'.repeat(MAX_BODY_BYTES + 1) } })
    requests.push({
      ...base,
      body: {
        contentType: 'application/json',
        text: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
      },
    })
    if (sample !== null && typeof sample === 'object' && !Array.isArray(sample)) {
      for (const key of Object.keys(sample)) {
        for (const value of HOSTILE_VALUES) requests.push({ ...base, body: json({ ...sample, [key]: value }) })
      }
    }
  }
  return requests.map((request): [FuzzRequest] => [request])
}

// ---- the property ------------------------------------------------------------------------------

/** Lone surrogates cannot be percent-encoded (a client sends their replacement character); everything else can. */
function encodeSegment(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'))
}

function concretePath(operation: FuzzOperation, values: Record<string, string>): string {
  return operation.template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeSegment(Object.hasOwn(values, name) ? values[name]! : 'x'))
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms: ${what}`)), HANG_MS)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function describeRequest(method: string, path: string, request: FuzzRequest): string {
  const query = new URLSearchParams(request.query).toString()
  const body = request.body ? ` [${request.body.contentType ?? 'no type'}] ${request.body.text.slice(0, 200)}` : ''
  return `${method} ${path.slice(0, 200)}${query ? `?${query.slice(0, 200)}` : ''} (${request.auth})${body}`
}

export function fuzzVendor(target: FuzzTarget): void {
  const validator = createSpecValidator(target.spec)
  const isRejection = target.isRejection ?? ((result: CallResult) => result.status >= 400 && result.status < 500)

  describe(`${target.vendor}: every operation survives fuzzed requests`, () => {
    for (const operation of specOperations(target.spec)) {
      it(`${operation.operationId}: below 500, answered in time, spec-valid, no state change when rejected`, async () => {
        const { service, state } = await target.create()
        const credentials = await target.credentials(service)
        const changes = operation.method !== 'GET'
        await fc.assert(
          fc.asyncProperty(requestArbitrary(operation), async (request) => {
            const path = concretePath(operation, request.path)
            const query = new URLSearchParams(request.query).toString()
            const headers: Record<string, string> =
              request.auth === 'valid'
                ? { ...credentials }
                : request.auth === 'wrong'
                  ? Object.fromEntries(Object.keys(credentials).map((name) => [name, 'wrong-credential']))
                  : {}
            if (request.body?.contentType) headers['content-type'] = request.body.contentType
            const what = describeRequest(operation.method, path, request)
            const before = changes ? JSON.stringify(state()) : ''
            const started = performance.now()
            const result = await withTimeout(
              call(service, operation.method, query ? `${path}?${query}` : path, { headers, body: request.body?.text }),
              what,
            )
            expect(performance.now() - started, `blocked the event loop: ${what}`).toBeLessThan(HANG_MS)
            expect(result.status, `${what} → ${result.status} ${result.body.slice(0, 300)}`).toBeLessThan(500)
            const problems = validator.check({
              method: operation.method,
              path,
              status: result.status,
              contentType: result.contentType,
              body: result.body,
            })
            expect(problems, `${what} → ${result.status} ${result.body.slice(0, 300)}`).toEqual([])
            if (changes && isRejection(result)) {
              expect(
                JSON.stringify(state()) === before,
                `state changed after the rejection ${what} → ${result.status} ${result.body.slice(0, 300)}`,
              ).toBe(true)
            }
            expect(({} as Record<string, unknown>).polluted, `Object.prototype polluted by ${what}`).toBeUndefined()
          }),
          { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, examples: fixedExamples(operation), endOnFailure: true },
        )
      })
    }
  })
}

/**
 * Everything a store holds that requests can change, as plain data: tables through `all()`, Maps and Sets as
 * entries, nested records; functions and the clock are left out. Private `#fields` are out of reach, so this
 * sees what each store exposes, which is where every vendor keeps its records.
 */
export function storeState(store: object, seen = new WeakSet<object>()): unknown {
  if (seen.has(store)) return '[seen]'
  seen.add(store)
  if (store instanceof Map) return [...store.entries()].map(([key, value]) => [key, plain(value, seen)])
  if (store instanceof Set) return [...store.values()].map((value) => plain(value, seen))
  const all = (store as { all?: unknown }).all
  if (typeof all === 'function' && typeof (store as { snapshot?: unknown }).snapshot === 'function')
    return (all.call(store) as unknown[]).map((value) => plain(value, seen))
  return Object.fromEntries(
    Object.entries(store)
      .filter(([key, value]) => key !== 'clock' && typeof value !== 'function')
      .map(([key, value]) => [key, plain(value, seen)]),
  )
}

function plain(value: unknown, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => plain(item, seen))
  return storeState(value, seen)
}
