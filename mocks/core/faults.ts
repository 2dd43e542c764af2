import type { MockRequest } from './exchange'
import { MockError } from './mock-error'
import { isPlainObject } from './body'

/**
 * Scenario overrides for front-end and resilience tests: slow a route down, or make it fail with a
 * status of your choice in the vendor's own error envelope, a given number of times or until cleared.
 * Managed through `/__opsmocks/faults` (or `service.faults` in-process); reset clears them.
 */
export interface FaultRule {
  id: string
  /** Only this method (any when absent). */
  method?: string
  /** An exact path, or a prefix ending in `*` (any when absent). */
  path?: string
  /** Wait this long before answering. */
  delayMs?: number
  /** Answer with this status instead of running the operation. */
  status?: number
  message?: string
  /** How many more requests it applies to; absent = until cleared. */
  remaining?: number
}

export const FAULT_HEADER = 'x-opsmocks-fault'
const MAX_DELAY_MS = 60_000

export class FaultInjector {
  #rules: FaultRule[] = []
  #lastId = 0

  add(input: unknown): FaultRule {
    if (!isPlainObject(input))
      throw new MockError('BAD_REQUEST', 'A fault is a JSON object: {"method","path","delayMs","status","message","times"}')
    const { method, path, delayMs, status, message, times } = input
    const problem = (text: string) => new MockError('BAD_REQUEST', `Invalid fault: ${text}`)
    if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) throw problem('method must be an HTTP method')
    if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/'))) throw problem('path must start with /')
    if (delayMs !== undefined && (typeof delayMs !== 'number' || !(delayMs >= 0 && delayMs <= MAX_DELAY_MS)))
      throw problem(`delayMs must be 0-${MAX_DELAY_MS}`)
    if (status !== undefined && (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599))
      throw problem('status must be 200-599')
    if (message !== undefined && typeof message !== 'string') throw problem('message must be a string')
    if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1))
      throw problem('times must be a positive whole number')
    if (delayMs === undefined && status === undefined) throw problem('give delayMs, status or both')
    const rule: FaultRule = {
      id: String(++this.#lastId),
      ...(method === undefined ? {} : { method: method.toUpperCase() }),
      ...(path === undefined ? {} : { path }),
      ...(delayMs === undefined ? {} : { delayMs }),
      ...(status === undefined ? {} : { status }),
      ...(message === undefined ? {} : { message }),
      ...(times === undefined ? {} : { remaining: times }),
    }
    this.#rules.push(rule)
    return rule
  }

  list(): FaultRule[] {
    return this.#rules.map((rule) => ({ ...rule }))
  }

  clear(): void {
    this.#rules = []
  }

  /** The first rule that applies to the request, used up by one. */
  take(request: MockRequest): FaultRule | undefined {
    if (!this.#rules.length) return undefined
    const rule = this.#rules.find((candidate) => matches(candidate, request))
    if (rule?.remaining !== undefined && --rule.remaining === 0) this.#rules = this.#rules.filter((other) => other !== rule)
    return rule
  }
}

function matches(rule: FaultRule, request: MockRequest): boolean {
  if (rule.method && rule.method !== request.method.toUpperCase()) return false
  if (!rule.path) return true
  return rule.path.endsWith('*') ? request.path.startsWith(rule.path.slice(0, -1)) : request.path === rule.path
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
