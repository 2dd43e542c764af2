import { isPlainObject } from './body'
import type { World } from './world'

/**
 * What the record-through proxy learns from real answers: each vendor's learner turns the exchanges it
 * understands (lists and reads of objects, status views, a successful login's credentials) into a world.
 */
export interface LearnedExchange {
  operationId: string
  params: Record<string, string>
  query: URLSearchParams
  /** Request headers by lower-case name. */
  headers: Record<string, string>
  /** The request body as sent (JSON or form text). */
  requestBody: string
  status: number
  /** The parsed JSON answer, when there was one. */
  json: unknown
}

export interface WorldLearner {
  learn(exchange: LearnedExchange): void
  /** Everything learned so far as a world of this vendor. */
  world(): World
}

/** A request body's fields, from JSON or a form; {} when it is neither. */
export function bodyFields(body: string, query?: URLSearchParams): Record<string, unknown> {
  const fields: Record<string, unknown> = query ? Object.fromEntries(query) : {}
  const text = body.trim()
  if (!text) return fields
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as unknown
      return isPlainObject(parsed) ? { ...fields, ...parsed } : fields
    } catch {
      return fields
    }
  }
  return { ...fields, ...Object.fromEntries(new URLSearchParams(text)) }
}

/** Records keyed by name, later reads replacing earlier ones field by field. */
export class NamedRecords<T extends Record<string, unknown>> {
  readonly #byName = new Map<string, T>()

  merge(name: string, fields: T): void {
    this.#byName.set(name, { ...(this.#byName.get(name) ?? {}), ...fields } as T)
  }

  get(name: string): T | undefined {
    return this.#byName.get(name)
  }

  values(): T[] {
    return [...this.#byName.values()]
  }
}
