import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import { LineCounter, parseDocument, stringify, type Node } from 'yaml'
import { isPlainObject } from './body'
import { MockError } from './mock-error'
import { ownValue } from './own'

/**
 * World files: a vendor's objects and runtime state as one declarative document (YAML or JSON).
 * This module is vendor-neutral: parsing with line numbers, checking against a JSON Schema,
 * composing several files, and the error that lists every problem. Each vendor's `world.ts`
 * turns a checked world into store records and back.
 */
export type World = Record<string, unknown> & { vendor: string }

export interface WorldProblem {
  /** JSON Pointer-like path into the document, e.g. `/hosts/3/hostgroup`. */
  path: string
  message: string
  /** Where the problem is in the file (1-based), when the world came from text. */
  file?: string
  line?: number
}

export class WorldError extends Error {
  readonly problems: WorldProblem[]

  constructor(problems: WorldProblem[], what = 'world') {
    super(`Invalid ${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map(formatProblem).join('\n')}`)
    this.name = 'WorldError'
    this.problems = problems
  }
}

function formatProblem(problem: WorldProblem): string {
  const where = problem.file ? `${problem.file}${problem.line ? `:${problem.line}` : ''} ` : problem.line ? `line ${problem.line} ` : ''
  return `  ${where}${problem.path || '/'}: ${problem.message}`
}

/** A world read from text: the document plus a way back from a path to its line. */
export class ParsedWorld {
  constructor(
    readonly document: unknown,
    readonly source: string,
    readonly lineOf: (path: string) => number | undefined,
  ) {}
}

/** A world in memory (a plain object) or read from a file with line numbers. */
export type WorldSource = Record<string, unknown> | ParsedWorld

/** Parses YAML or JSON (JSON is YAML); syntax errors are a WorldError with their line. */
export function parseWorldText(text: string, source = 'world'): ParsedWorld {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
  if (document.errors.length) {
    throw new WorldError(
      document.errors.map((error) => ({
        path: '',
        message: error.message.split('\n')[0]!,
        file: source,
        line: error.linePos?.[0]?.line,
      })),
      source,
    )
  }
  const lineOf = (path: string): number | undefined => {
    const keys = path.split('/').slice(1).map(unescapePointer)
    // The deepest node that exists: a missing field is reported on the object that lacks it.
    for (let depth = keys.length; depth >= 0; depth--) {
      const node = document.getIn(
        keys.slice(0, depth).map((key) => (/^[0-9]+$/.test(key) ? Number(key) : key)),
        true,
      ) as Node | undefined
      if (node && typeof node === 'object' && 'range' in node && node.range) return lineCounter.linePos(node.range[0]).line
      if (depth === 0 && document.contents?.range) return lineCounter.linePos(document.contents.range[0]).line
    }
    return undefined
  }
  const value = document.toJS({ maxAliasCount: 100 }) as unknown
  return new ParsedWorld(value ?? {}, source, lineOf)
}

function unescapePointer(key: string): string {
  return key.replace(/~1/g, '/').replace(/~0/g, '~')
}

export function pointer(...keys: Array<string | number>): string {
  return keys.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

/** A world as YAML text, for `GET /__opsmocks/state?format=yaml` and files written by the proxy. */
export function worldToYaml(world: unknown, header?: string): string {
  const body = stringify(world, { lineWidth: 0, aliasDuplicateObjects: false })
  return header
    ? `${header
        .split('\n')
        .map((line) => `# ${line}`)
        .join('\n')}\n${body}`
    : body
}

const ajv = new Ajv2020({ allErrors: true, strict: false })
const compiled = new WeakMap<object, ReturnType<typeof ajv.compile>>()

/** Every place the document breaks the schema, by path. */
function schemaProblemsOf(schema: object, document: unknown): WorldProblem[] {
  let validate = compiled.get(schema)
  if (!validate) {
    validate = ajv.compile(schema)
    compiled.set(schema, validate)
  }
  if (validate(document)) return []
  return (validate.errors ?? []).filter(isUseful).map((error) => ({
    // An unknown field is reported where it is, so its line is the field's own.
    path:
      error.keyword === 'additionalProperties'
        ? `${error.instancePath}${pointer(String(error.params.additionalProperty))}`
        : error.instancePath,
    message: describe(error),
  }))
}

/** `anyOf`/`oneOf` summaries repeat what their branches said; keep the branch errors only. */
function isUseful(error: ErrorObject): boolean {
  return error.keyword !== 'anyOf' && error.keyword !== 'oneOf' && error.keyword !== 'if'
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `unknown field '${String(error.params.additionalProperty)}'`
  if (error.keyword === 'required') return `missing required field '${String(error.params.missingProperty)}'`
  if (error.keyword === 'enum')
    return `must be one of ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`
  return error.message ?? error.keyword
}

/** Adds file and line to problems found in a parsed world. */
function locate(problems: WorldProblem[], source: WorldSource): WorldProblem[] {
  if (!(source instanceof ParsedWorld)) return problems
  return problems.map((problem) => ({ ...problem, file: source.source, line: problem.line ?? source.lineOf(problem.path) }))
}

function documentOf(source: WorldSource): unknown {
  return source instanceof ParsedWorld ? source.document : source
}

/**
 * Later worlds override earlier ones: lists of named objects merge by their key (a later entry's fields
 * replace the earlier entry's, and named lists inside an entry, such as a cluster's nodes, merge the same
 * way), maps merge by key, anything else is replaced. `keyOf` takes a collection (`hosts`) or a nested
 * list (`clusters/nodes`).
 */
function composeWorlds(
  worlds: readonly Record<string, unknown>[],
  keyOf: (collection: string) => string | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const world of worlds) {
    for (const [name, value] of Object.entries(world)) {
      const previous = Object.hasOwn(out, name) ? out[name] : undefined
      const key = keyOf(name)
      if (key && Array.isArray(previous) && Array.isArray(value)) setOwn(out, name, mergeByKey(previous, value, key, name, keyOf))
      else if (isPlainObject(previous) && isPlainObject(value) && !key) setOwn(out, name, { ...previous, ...value })
      else setOwn(out, name, value)
    }
  }
  return out
}

function mergeByKey(
  earlier: unknown[],
  later: unknown[],
  key: string,
  path: string,
  keyOf: (collection: string) => string | undefined,
): unknown[] {
  const merged = [...earlier]
  for (const item of later) {
    const index = isPlainObject(item)
      ? merged.findIndex((other) => isPlainObject(other) && ownValue(other, key) === ownValue(item, key))
      : -1
    if (index === -1) {
      merged.push(item)
      continue
    }
    const entry = { ...(merged[index] as Record<string, unknown>) }
    for (const [field, value] of Object.entries(item as Record<string, unknown>)) {
      const nestedKey = keyOf(`${path}/${field}`)
      const previous = Object.hasOwn(entry, field) ? entry[field] : undefined
      setOwn(
        entry,
        field,
        nestedKey && Array.isArray(previous) && Array.isArray(value)
          ? mergeByKey(previous, value, nestedKey, `${path}/${field}`, keyOf)
          : value,
      )
    }
    merged[index] = entry
  }
  return merged
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * How a vendor's store is read and written as a world. `check` finds every problem (schema and
 * references) before anything changes; `apply` replaces the store's state with a checked world.
 */
export interface WorldAdapter<Store> {
  readonly vendor: string
  /** JSON Schema (2020-12) of this vendor's world files. */
  readonly schema: object
  /** The field that names the entries of a collection, for composing (`hosts` → `name`, `clusters/nodes` → `ip`). */
  keyOf(collection: string): string | undefined
  check(world: Record<string, unknown>): WorldProblem[]
  apply(store: Store, world: Record<string, unknown>): Promise<void>
  export(store: Store): World
}

/**
 * One store write while a world loads: a store rule the checks did not foresee becomes a WorldError naming
 * the object (`/hosts/3: ...`), so the caller puts the previous state back and reports it.
 */
export async function writeAt<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (error instanceof MockError) throw new WorldError([{ path, message: error.message }])
    throw error
  }
}

/** Parses, composes and checks world sources for one vendor; throws a WorldError listing every problem. */
export function resolveWorlds<Store>(adapter: WorldAdapter<Store>, sources: readonly WorldSource[]): Record<string, unknown> {
  const problems: WorldProblem[] = []
  const documents: Record<string, unknown>[] = []
  for (const source of sources) {
    const document = documentOf(source)
    if (!isPlainObject(document)) {
      problems.push(...locate([{ path: '', message: 'a world is an object with a "vendor" field' }], source))
      continue
    }
    if (document.vendor !== adapter.vendor) {
      problems.push(
        ...locate(
          [{ path: '/vendor', message: `must be "${adapter.vendor}" (this world is for ${JSON.stringify(document.vendor)})` }],
          source,
        ),
      )
      continue
    }
    // Each file is checked alone first, so problems point at the file and line they are in. A file that
    // overrides an earlier one may give only some fields, so only the first is held to required fields.
    const schema = documents.length === 0 ? adapter.schema : partialSchema(adapter.schema)
    problems.push(...locate(schemaProblemsOf(schema, document), source))
    documents.push(document)
  }
  const composed = composeWorlds(documents, (collection) => adapter.keyOf(collection))
  if (documents.length > 1)
    problems.push(...schemaProblemsOf(adapter.schema, composed).map((problem) => ({ ...problem, file: 'composed world' })))
  // References are checked even when the shapes are wrong, so one run lists every problem.
  let semantic: WorldProblem[]
  try {
    semantic = adapter.check(composed)
  } catch {
    semantic = []
  }
  // A reference problem is located in the file when there is only one.
  problems.push(...(sources.length === 1 ? locate(semantic, sources[0]!) : semantic))
  if (problems.length) throw new WorldError(problems)
  return composed
}

const partials = new WeakMap<object, object>()

/** The schema with `required` dropped below the top level: what an overriding file must satisfy. */
function partialSchema(schema: object): object {
  let partial = partials.get(schema)
  if (!partial) {
    const strip = (value: unknown, depth: number): unknown => {
      if (Array.isArray(value)) return value.map((item) => strip(item, depth + 1))
      if (!isPlainObject(value)) return value
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => !(key === 'required' && depth > 0) && key !== '$id')
          .map(([key, item]) => [key, strip(item, depth + 1)]),
      )
    }
    partial = strip(schema, 0) as object
    partials.set(schema, partial)
  }
  return partial
}

/**
 * The named component schemas of a bundled spec (and every schema they reference) as `$defs`, with
 * `#/components/schemas/X` rewritten to `#/$defs/X`: how world schemas reuse the spec's own definitions.
 */
export function specDefs(spec: { components?: { schemas?: Record<string, unknown> } }, names: readonly string[]): Record<string, unknown> {
  const schemas = spec.components?.schemas ?? {}
  const defs: Record<string, unknown> = {}
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite)
    if (!isPlainObject(value)) return value
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      if (key === 'examples' || key === 'example') continue
      if (key === '$ref' && typeof item === 'string' && item.startsWith('#/components/schemas/')) {
        const name = item.slice('#/components/schemas/'.length)
        add(name)
        setOwn(out, key, `#/$defs/${name}`)
      } else setOwn(out, key, rewrite(item))
    }
    return out
  }
  const add = (name: string) => {
    if (Object.hasOwn(defs, name)) return
    if (!Object.hasOwn(schemas, name)) throw new Error(`[opsmocks] the spec has no component schema ${name}`)
    setOwn(defs, name, true)
    setOwn(defs, name, rewrite(ownValue(schemas, name)))
  }
  names.forEach(add)
  return defs
}

/**
 * World times are seconds before a moment: the world's `at` when it has one (an exported world
 * keeps its exact times), otherwise the moment it is loaded (a hand-written world stays fresh).
 */
const WORLD_AT_SCHEMA = {
  type: 'string',
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T',
  description: 'The moment the relative times count back from (ISO 8601); default: when the world is loaded.',
}

/**
 * The frame every vendor's world schema shares (which vendor, a description, the time anchor); `lists` are the
 * vendor's own collections and `defs` the spec schemas they refer to.
 */
export function worldSchema(
  vendor: string,
  head: { title: string; description: string },
  lists: Record<string, unknown>,
  defs?: Record<string, unknown>,
): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://opsmocks.dev/schemas/${vendor}.world.json`,
    ...head,
    type: 'object',
    required: ['vendor'],
    additionalProperties: false,
    properties: { vendor: { const: vendor }, description: { type: 'string' }, at: WORLD_AT_SCHEMA, ...lists },
    ...(defs ? { $defs: defs } : {}),
  }
}

export function worldAnchorMs(world: Record<string, unknown>, nowMs: number): number {
  const at = typeof world.at === 'string' ? Date.parse(world.at) : Number.NaN
  return Number.isFinite(at) ? at : nowMs
}
