import type { ResponseDifference, SpecValidator } from './spec-validator'

/**
 * Where a contract suite runs: the in-process MSW handlers, the standalone server over HTTP, or a
 * real vendor. Contracts see only a base URL, a fetch and what the target can do; they know nothing of MSW.
 */
export interface ContractTarget<Credentials> {
  readonly name: 'msw' | 'http' | 'real'
  /** Mocks can be reset, have their clock moved and hold the seeded users; real servers cannot. */
  readonly kind: 'mock' | 'real'
  /** Whether the suite may create (and then delete) objects of its own. Always true for mocks. */
  readonly allowWrites: boolean
  readonly credentials: Credentials
  /** Set once `start()` has resolved. */
  baseUrl: string
  fetch: typeof fetch
  control?: MockControl
  start(): Promise<void>
  stop(): Promise<void>
}

export interface MockControl {
  reset(): Promise<void>
  advanceClock(seconds: number): Promise<void>
}

/** The operationId × status pairs a run has seen, for the coverage report (`.reports/coverage/`). */
export class StatusCoverage {
  readonly seen = new Set<string>()

  record(operationId: string | undefined, status: number): void {
    if (operationId) this.seen.add(`${operationId} ${status}`)
  }

  /** Documented pairs no response matched (a documented `4XX` counts as seen by any 4xx status). */
  missing(validator: SpecValidator): string[] {
    return validator.documentedPairs().filter((pair) => {
      const [operationId, status] = pair.split(' ')
      if (!/X/.test(status!)) return !this.seen.has(pair)
      return ![...this.seen].some((seen) => seen.startsWith(`${operationId} ${status![0]}`))
    })
  }
}

/**
 * Wraps a fetch so every response is checked against the spec; a response the spec does not allow
 * rejects the call, which fails the test that made it.
 */
export function validatingFetch(
  inner: typeof fetch,
  validator: SpecValidator,
  coverage?: StatusCoverage,
  /**
   * Instead of failing, hand each difference to this (how real servers are compared with the spec): fields
   * the spec does not list come apart from real violations.
   */
  onDifference?: (difference: ResponseDifference, request: string) => void,
  basePath = '',
): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const response = await inner(request.clone())
    const url = new URL(request.url)
    const path = url.pathname.slice(basePath.length) || '/'
    // Injected faults are outside the spec on purpose.
    if (response.headers.has('x-opsmocks-fault')) return response
    const body = await response.clone().text()
    const checked = { method: request.method, path, status: response.status, contentType: response.headers.get('content-type'), body }
    coverage?.record(validator.operationIdFor(request.method, path), response.status)
    if (onDifference) {
      const difference = validator.compare(checked)
      if (difference.problems.length || difference.unknownFields.length)
        onDifference(difference, `${request.method} ${url.pathname}${url.search}`)
      return response
    }
    const problems = validator.check(checked)
    if (problems.length) {
      throw new Error(`Mock response violates the spec for ${request.method} ${url.pathname}${url.search}:\n  ${problems.join('\n  ')}`)
    }
    return response
  }
}

/** Control over a mock served on a port: the `/__opsmocks` API every vendor mock has. */
export function httpControl(getBaseUrl: () => string): MockControl {
  const post = async (path: string) => {
    const response = await fetch(`${getBaseUrl()}/__opsmocks${path}`, { method: 'POST' })
    if (!response.ok) throw new Error(`mock control ${path} failed with ${response.status}: ${await response.text()}`)
  }
  return {
    reset: () => post('/reset'),
    advanceClock: (seconds) => post(`/clock?advanceSeconds=${seconds}`),
  }
}

/** A name no seed or earlier run uses, for objects a suite creates on a real server and deletes again. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`
}

/** A response read once: status, headers, text and the parsed JSON (undefined when the body is not JSON). */
export interface CallResult {
  status: number
  headers: Headers
  text: string
  json: any
}

export async function readCallResult(response: Response): Promise<CallResult> {
  const text = await response.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}
