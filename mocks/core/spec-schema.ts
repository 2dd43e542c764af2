import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import type { StandardSchemaV1 } from '@standard-schema/spec'

/**
 * Validation against the vendor spec itself (the bundled `mocks/generated/<vendor>.openapi.json`),
 * with Ajv's JSON Schema 2020-12 dialect, which is OpenAPI 3.1's. Stores use it as the Standard Schema
 * of their collections; tests use it to check every mock response (decisions/001).
 */
export interface BundledSpec {
  info: { title: string }
  components?: { schemas?: Record<string, object> }
  paths?: Record<string, unknown>
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false })
const registered = new WeakMap<BundledSpec, string>()
const compiled = new Map<string, ValidateFunction>()

function specId(spec: BundledSpec): string {
  let id = registered.get(spec)
  if (!id) {
    id = `https://opsmocks.invalid/${spec.info.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.json`
    if (!ajv.getSchema(id)) ajv.addSchema(spec as object, id)
    registered.set(spec, id)
  }
  return id
}

/** Compiles the schema at a JSON pointer inside the spec (e.g. `/components/schemas/Host`). */
export function compileAt(spec: BundledSpec, pointer: string): ValidateFunction {
  const ref = `${specId(spec)}#${pointer}`
  let validate = compiled.get(ref)
  if (!validate) {
    validate = ajv.compile({ $ref: ref })
    compiled.set(ref, validate)
  }
  return validate
}

export function describeErrors(validate: ValidateFunction, label: string): string[] {
  return (validate.errors ?? []).map((error) => `${label}${error.instancePath} ${error.message ?? 'is invalid'}`)
}

/** A Standard Schema for `components.schemas[name]`, for @msw/data collections. */
export function specSchema<T>(spec: BundledSpec, name: string): StandardSchemaV1<T, T> {
  if (!spec.components?.schemas?.[name]) throw new Error(`[opsmocks] ${spec.info.title} has no component schema "${name}"`)
  const validate = compileAt(spec, `/components/schemas/${name}`)
  return {
    '~standard': {
      version: 1,
      vendor: 'opsmocks',
      validate: (value) =>
        validate(value) ? { value: value as T } : { issues: describeErrors(validate, name).map((message) => ({ message })) },
    },
  }
}

/** Reasons a value fails `components.schemas[name]`, or [] when it passes. */
export function schemaProblems(spec: BundledSpec, name: string, value: unknown): string[] {
  const validate = compileAt(spec, `/components/schemas/${name}`)
  return validate(value) ? [] : describeErrors(validate, name)
}
