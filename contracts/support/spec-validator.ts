import { Router } from '../../mocks/core/router'
import { compileAt, describeErrors, type BundledSpec } from '../../mocks/core/spec-schema'
import { lenientSpec, unknownFields, type UnknownField } from './unknown-fields'

/**
 * Checks a response against what the spec documents for its operation: the status must be listed,
 * the content type declared and the JSON body valid against the schema (Ajv, draft 2020-12).
 * Requests to paths or methods the spec does not have are not judged (their 404/405 are the router's).
 */
export interface ResponseCheck {
  method: string
  path: string
  status: number
  contentType: string | null
  body: string
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const

interface SpecRoute {
  method: string
  path: string
  template: string
}

/** How a real server's response differs from the spec: violations, and fields the spec does not list. */
export interface ResponseDifference {
  problems: string[]
  unknownFields: UnknownField[]
}

export interface SpecValidator {
  /** Problems with the response, [] when the spec allows it (strict: an unlisted field is a problem). */
  check(response: ResponseCheck): string[]
  /**
   * For real servers: fields the spec does not list are reported apart, as unknown fields with their path
   * and type; only what the spec contradicts (a missing field, a wrong type, an undocumented status) is a problem.
   */
  compare(response: ResponseCheck): ResponseDifference
  /** The operationId a method and path belong to, if the spec has one. */
  operationIdFor(method: string, path: string): string | undefined
  /** Every operationId × status pair the spec documents, as "operationId status". */
  documentedPairs(): string[]
}

export function createSpecValidator(spec: BundledSpec): SpecValidator {
  const paths = (spec.paths ?? {}) as Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>
  const routes: SpecRoute[] = []
  for (const [template, item] of Object.entries(paths)) {
    for (const method of METHODS) if (item[method]) routes.push({ method: method.toUpperCase(), path: template, template })
  }
  const router = new Router(routes)

  function find(method: string, path: string) {
    const match = router.match(method.toUpperCase(), path)
    if (match.kind !== 'matched') return undefined
    const operation = paths[match.route.template]![method.toLowerCase()]!
    return { template: match.route.template, operation }
  }

  return {
    operationIdFor: (method, path) => find(method, path)?.operation.operationId,
    documentedPairs: () =>
      Object.values(paths).flatMap((item) =>
        METHODS.flatMap((method) => {
          const operation = item[method]
          return operation ? Object.keys(operation.responses ?? {}).map((status) => `${operation.operationId} ${status}`) : []
        }),
      ),
    check(response) {
      const inspected = inspect(response)
      return inspected.problems
    },
    compare(response) {
      const inspected = inspect(response)
      if (!inspected.problems.length || inspected.pointer === undefined) return { problems: inspected.problems, unknownFields: [] }
      const lenient = compileAt(lenientSpec(spec), inspected.pointer)
      const problems = lenient(inspected.value) ? [] : describeErrors(lenient, `${inspected.label}: body`)
      return { problems, unknownFields: unknownFields(spec, inspected.pointer, inspected.value) }
    },
  }

  /** Strict problems, and where the body's schema is (for comparing a real response leniently). */
  function inspect({ method, path, status, contentType, body }: ResponseCheck): {
    problems: string[]
    label?: string
    pointer?: string
    value?: unknown
  } {
    {
      const found = find(method, path)
      if (!found) return { problems: [] }
      const { template, operation } = found
      const label = `${operation.operationId ?? `${method} ${template}`} → ${status}`
      const responses = (operation.responses ?? {}) as Record<string, { content?: Record<string, { schema?: unknown }> }>
      const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => responses[candidate])
      if (!key) return { problems: [`${label}: status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`] }
      const { value: response, pointer: responsePointer } = resolveRef(
        spec,
        responses[key]!,
        `/paths/${escapePointer(template)}/${method.toLowerCase()}/responses/${key}`,
      )
      const content = (response as { content?: Record<string, { schema?: unknown }> }).content
      if (!content) return { problems: body === '' ? [] : [`${label}: the spec documents no body, but one was sent`] }
      if (body === '') return { problems: [`${label}: the spec documents a body, but none was sent`] }
      const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
      const documented = Object.keys(content)
      const mediaKey = documented.find((candidate) => candidate.toLowerCase() === mediaType)
      if (!mediaKey) return { problems: [`${label}: content type "${mediaType}" is not documented (documented: ${documented.join(', ')})`] }
      if (!mediaKey.includes('json') || !content[mediaKey]!.schema) return { problems: [] }
      let value: unknown
      try {
        value = JSON.parse(body)
      } catch {
        return { problems: [`${label}: body is not valid JSON: ${body.slice(0, 200)}`] }
      }
      const pointer = `${responsePointer}/content/${escapePointer(mediaKey)}/schema`
      const validate = compileAt(spec, pointer)
      return { problems: validate(value) ? [] : describeErrors(validate, `${label}: body`), label, pointer, value }
    }
  }
}

/** Follows a local `$ref` (bundled specs keep them for shared responses), returning the target and its pointer. */
function resolveRef(spec: BundledSpec, value: unknown, pointer: string): { value: unknown; pointer: string } {
  const ref = (value as { $ref?: unknown }).$ref
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return { value, pointer }
  const target = ref
    .slice(1)
    .split('/')
    .slice(1)
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], spec)
  return resolveRef(spec, target, ref.slice(1))
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}
