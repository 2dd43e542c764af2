import { compileAt, type BundledSpec } from '../../mocks/core/spec-schema'

/**
 * How a real vendor's answer is compared with the spec. The spec's object schemas are closed
 * (`additionalProperties: false`) so the mock's own answers are checked strictly; a real server may
 * send fields the spec does not list, and those are reported as unknown fields (path and JSON type)
 * rather than as violations. Everything else (a missing field, a wrong type) stays a violation.
 */
export interface UnknownField {
  /** JSON pointer of the field in the response body, e.g. `/list/0/snmp_community`. */
  path: string
  /** Its JSON type: string, number, boolean, null, array or object. */
  type: string
}

type Schema = Record<string, unknown>

const lenientCopies = new WeakMap<BundledSpec, BundledSpec>()

/** The spec with every object schema opened (`additionalProperties: false` removed), under its own id. */
export function lenientSpec(spec: BundledSpec): BundledSpec {
  let lenient = lenientCopies.get(spec)
  if (!lenient) {
    lenient = open(structuredClone(spec)) as BundledSpec
    lenient.info = { ...lenient.info, title: `${spec.info.title} (unknown fields allowed)` }
    lenientCopies.set(spec, lenient)
  }
  return lenient
}

function open(node: unknown): unknown {
  if (Array.isArray(node)) node.forEach(open)
  else if (node && typeof node === 'object') {
    const object = node as Schema
    if (object.additionalProperties === false) delete object.additionalProperties
    Object.values(object).forEach(open)
  }
  return node
}

/**
 * Fields of `value` the schema at `pointer` does not list, found by walking the schema alongside the
 * value: `$ref`s are followed, and of `anyOf`/`oneOf` branches the first one the value satisfies
 * (leniently) is the one walked, so a field is only unknown to the schema the value actually matched.
 */
export function unknownFields(spec: BundledSpec, pointer: string, value: unknown, path = ''): UnknownField[] {
  const lenient = lenientSpec(spec)
  const schema = at(spec, pointer)
  if (!schema || typeof schema !== 'object') return []
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/')) return unknownFields(spec, schema.$ref.slice(1), value, path)
  const found: UnknownField[] = []
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword]
    if (!Array.isArray(branches)) continue
    const index = branches.findIndex((_, branch) => compileAt(lenient, `${pointer}/${keyword}/${branch}`)(value))
    if (index >= 0) found.push(...unknownFields(spec, `${pointer}/${keyword}/${index}`, value, path))
  }
  if (Array.isArray(schema.allOf))
    schema.allOf.forEach((_, index) => found.push(...unknownFields(spec, `${pointer}/allOf/${index}`, value, path)))
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => found.push(...unknownFields(spec, `${pointer}/items`, item, `${path}/${index}`)))
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const properties = (schema.properties ?? {}) as Schema
    for (const [key, inner] of Object.entries(value)) {
      if (Object.hasOwn(properties, key))
        found.push(...unknownFields(spec, `${pointer}/properties/${escape(key)}`, inner, `${path}/${escape(key)}`))
      else if (schema.additionalProperties === false) found.push({ path: `${path}/${escape(key)}`, type: jsonType(inner) })
    }
  }
  return found
}

function at(spec: BundledSpec, pointer: string): Schema | undefined {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, part) => (node as Schema | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], spec) as
    Schema | undefined
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}
