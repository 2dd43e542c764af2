import { isPlainObject, parseJsonText } from './body'
import { Clock } from './clock'
import { delay, FAULT_HEADER, FaultInjector } from './faults'
import { MAX_BODY_BYTES, serializeBody, type MockRequest, type MockResponse } from './exchange'
import { consolePage } from './console-page'
import { crossOriginProblem } from './control-guard'
import { Journal } from './journal'
import { journalControlOperations } from './journal-control'
import { MockError, isMockError } from './mock-error'
import { Router, type RouteDefinition } from './router'
import type { BundledSpec } from './spec-schema'
import { stateControlOperations, type StateHooks } from './state-control'

/**
 * One row of a vendor's operation table. `operationId` is the spec's; the same name is used
 * by the handler function, the store method and the contract `describe`.
 */
export interface Operation<Ctx> extends RouteDefinition {
  operationId: string
  handle(context: Ctx, request: MockRequest, params: Record<string, string>): MockResponse | Promise<MockResponse>
}

/** The whole mock for one vendor, independent of how requests reach it. */
export interface MockService {
  readonly vendor: string
  readonly clock: Clock
  /** Injected latency and failures (`/__opsmocks/faults`). */
  readonly faults: FaultInjector
  /** Every vendor API request answered, secrets redacted (`/__opsmocks/requests`). */
  readonly journal: Journal
  handle(request: MockRequest): Promise<MockResponse>
  /** Drops all state and injected faults and re-applies the seed. */
  reset(): Promise<void>
  /**
   * The latest contract coverage and fidelity reports for the console; the standalone server sets it
   * (it can read `.reports/`), in-process mocks leave it unset.
   */
  reports?: () => unknown
}

export interface ServiceDefinition<Ctx> {
  vendor: string
  /** The vendor's name as people write it (the console's title); default `vendor`. */
  title?: string
  operations: readonly Operation<Ctx>[]
  /** Mock-only endpoints (reset, clock, key management), kept apart from the vendor's API. */
  controlOperations?: readonly Operation<Ctx>[]
  context: Ctx
  clock: Clock
  /** The vendor's own error answer for a coded error. */
  renderError(error: MockError, request: MockRequest): MockResponse
  reset(): Promise<void>
  /**
   * The vendor's bundled spec. With it, only operations that document 413 answer an oversized body with 413;
   * the others (bodyless deletes) ignore the body, since the spec allows them no such answer.
   */
  spec?: BundledSpec
  /** Export and import of the whole state as a world (`/__opsmocks/state`, snapshots, `/__opsmocks/world/*`). */
  state?: StateHooks
  /** How many requests the journal keeps (default 1000). */
  journalSize?: number
}

export const CONTROL_PREFIX = '/__opsmocks'

export function createService<Ctx>(definition: ServiceDefinition<Ctx>): MockService {
  const faults = new FaultInjector()
  const journal = new Journal(definition.journalSize)
  const reset = async () => {
    faults.clear()
    await definition.reset()
  }
  const api = new Router(definition.operations)
  const service: MockService = { vendor: definition.vendor, clock: definition.clock, faults, journal, handle, reset }
  const control = new Router<Operation<Ctx>>([
    ...commonControlOperations(definition, faults, reset),
    ...journalControlOperations<Ctx>(journal),
    ...(definition.state ? stateControlOperations<Ctx>(definition.state) : []),
    ...consoleOperations<Ctx>(service, definition),
    ...(definition.controlOperations ?? []),
  ])

  const documents413 = definition.spec ? operationsDocumenting(definition.spec, '413') : undefined

  /** Control requests are the mock talking to its user, not the app under test, so they stay out of the journal. */
  async function handle(request: MockRequest): Promise<MockResponse> {
    if (request.path.startsWith(CONTROL_PREFIX)) return answer(request, undefined)
    const started = performance.now()
    const note: Note = { operationId: null, matched: false, fault: undefined }
    const response = await answer(request, note)
    journal.record({
      at: Date.now(),
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.rawHeaders,
      body: request.body,
      status: response.status,
      durationMs: performance.now() - started,
      operationId: note.operationId,
      matched: note.matched,
      fault: note.fault,
    })
    return response
  }

  /** `note` collects what the journal records; control requests pass none. */
  async function answer(request: MockRequest, note: Note | undefined): Promise<MockResponse> {
    try {
      const isControl = note === undefined
      if (isControl && request.method !== 'GET' && request.method !== 'HEAD') {
        const problem = crossOriginProblem(request)
        if (problem) return withStatus(definition.renderError(new MockError('FORBIDDEN', problem), request), 403)
      }
      const router = isControl ? control : api
      // HEAD is GET without the body (the adapters drop it), as every HTTP server does.
      const match = router.match(request.method === 'HEAD' ? 'GET' : request.method, request.path)
      if (note && match.kind === 'matched') {
        note.operationId = match.route.operationId
        note.matched = true
      }
      const fault = isControl ? undefined : faults.take(request)
      if (fault?.delayMs) await delay(fault.delayMs)
      if (fault?.status !== undefined) {
        note!.fault = fault.id
        const injected = definition.renderError(
          new MockError('BAD_REQUEST', fault.message ?? `Fault ${fault.id} injected by opsmocks`),
          request,
        )
        return { ...injected, status: fault.status, headers: { ...injected.headers, [FAULT_HEADER]: fault.id } }
      }
      if (match.kind === 'not-found') throw new MockError('ROUTE_NOT_FOUND', `No such resource: ${request.method} ${request.path}`)
      if (match.kind === 'method-not-allowed') {
        throw new MockError('METHOD_NOT_ALLOWED', `Method ${request.method} is not implemented for ${request.path}`, { allow: match.allow })
      }
      const bodyBytes = utf8Length(request.body)
      if (bodyBytes > MAX_BODY_BYTES) {
        if (documents413 && !documents413.has(match.route.operationId)) request = { ...request, body: '' }
        else throw new MockError('PAYLOAD_TOO_LARGE', `Request body of ${bodyBytes} bytes exceeds the ${MAX_BODY_BYTES}-byte limit`)
      }
      const response = await match.route.handle(definition.context, request, match.params)
      // Serialised here, inside the try, so a body JSON cannot express becomes a 500 and never reaches a transport.
      serializeBody(response)
      return response
    } catch (error) {
      return errorResponse(error, request)
    }
  }

  function errorResponse(error: unknown, request: MockRequest): MockResponse {
    try {
      if (isMockError(error)) return withAllowHeader(definition.renderError(error, request), error)
      // A bug in the mock, not a vendor answer: logged once with its stack, answered in the vendor's envelope
      // with a short message and no stack trace.
      console.error(`[opsmocks] ${definition.vendor}: unhandled error on ${request.method} ${request.path}:`, error)
      const rendered = definition.renderError(
        new MockError('BAD_REQUEST', internalErrorMessage(definition.vendor, request, error)),
        request,
      )
      return withStatus(rendered, 500)
    } catch (renderFailure) {
      console.error(`[opsmocks] ${definition.vendor}: rendering an error failed:`, renderFailure)
      return { status: 500, json: { message: internalErrorMessage(definition.vendor, request, renderFailure) } }
    }
  }

  return service
}

interface Note {
  operationId: string | null
  matched: boolean
  fault: string | undefined
}

/** The console page and the two reads it needs besides the rest of the control API. */
function consoleOperations<Ctx>(service: MockService, definition: ServiceDefinition<Ctx>): Operation<Ctx>[] {
  const page = consolePage(definition.vendor, definition.title ?? definition.vendor)
  const operationIds = [...new Set(definition.operations.map((operation) => operation.operationId))]
  return [
    {
      operationId: 'controlConsole',
      method: 'GET',
      path: CONTROL_PREFIX,
      handle: () => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, text: page }),
    },
    {
      operationId: 'controlGetClock',
      method: 'GET',
      path: `${CONTROL_PREFIX}/clock`,
      handle: () => ({
        status: 200,
        json: { now: new Date(service.clock.now()).toISOString(), offsetSeconds: Math.round((service.clock.now() - Date.now()) / 1000) },
      }),
    },
    {
      operationId: 'controlSummary',
      method: 'GET',
      path: `${CONTROL_PREFIX}/summary`,
      handle: async () => {
        const entries = service.journal.entries()
        const called = [...new Set(entries.map((entry) => entry.operationId).filter((id): id is string => id !== null))].sort()
        return {
          status: 200,
          json: {
            session: {
              operations: operationIds.length,
              called,
              notCalled: operationIds.filter((id) => !called.includes(id)),
              requests: entries.length,
              failed: entries.filter((entry) => entry.status >= 400).length,
              unmatched: entries.filter((entry) => !entry.matched).length,
            },
            reports: (await service.reports?.()) ?? null,
          },
        }
      },
    },
  ]
}

/** What an unexpected failure answers: which mock failed, on what, and the error's own words (no stack). */
function internalErrorMessage(vendor: string, request: MockRequest, error: unknown): string {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  const short = what.length > 200 ? `${what.slice(0, 200)}…` : what
  return `opsmocks ${vendor} mock failed on ${request.method} ${request.path.slice(0, 200)}: ${short}`
}

function withStatus(response: MockResponse, status: number): MockResponse {
  return { ...response, status }
}

/** The operationIds whose spec responses include `status`. */
function operationsDocumenting(spec: BundledSpec, status: string): Set<string> {
  const ids = new Set<string>()
  for (const item of Object.values(spec.paths ?? {}) as Array<Record<string, unknown>>) {
    for (const operation of Object.values(item)) {
      if (typeof operation !== 'object' || operation === null) continue
      const { operationId, responses } = operation as { operationId?: unknown; responses?: object }
      if (typeof operationId === 'string' && responses && Object.hasOwn(responses, status)) ids.add(operationId)
    }
  }
  return ids
}

/** UTF-8 size of a body, so the limit is the same bytes node:http counts; exact only where it could exceed the limit. */
function utf8Length(body: string): number {
  // One UTF-16 unit is at most 3 UTF-8 bytes, so short bodies need no encoding.
  return body.length * 3 <= MAX_BODY_BYTES ? body.length : new TextEncoder().encode(body).length
}

function withAllowHeader(response: MockResponse, error: MockError): MockResponse {
  const allow = error.detail?.allow
  if (error.code !== 'METHOD_NOT_ALLOWED' || !Array.isArray(allow)) return response
  return { ...response, headers: { ...response.headers, allow: allow.join(', ') } }
}

function commonControlOperations<Ctx>(
  definition: ServiceDefinition<Ctx>,
  faults: FaultInjector,
  reset: () => Promise<void>,
): Operation<Ctx>[] {
  return [
    {
      operationId: 'controlHealth',
      method: 'GET',
      path: `${CONTROL_PREFIX}/health`,
      handle: () => ({ status: 200, json: { vendor: definition.vendor, status: 'ok' } }),
    },
    {
      operationId: 'controlReset',
      method: 'POST',
      path: `${CONTROL_PREFIX}/reset`,
      handle: async () => {
        await reset()
        return { status: 200, json: { reset: true } }
      },
    },
    {
      operationId: 'controlAdvanceClock',
      method: 'POST',
      path: `${CONTROL_PREFIX}/clock`,
      handle: (_context, request) => {
        const raw = request.query.get('advanceSeconds') ?? advanceFromBody(request.body)
        const seconds = typeof raw === 'number' || (typeof raw === 'string' && /^[0-9]+(\.[0-9]+)?$/.test(raw)) ? Number(raw) : Number.NaN
        if (!Number.isFinite(seconds) || seconds < 0) {
          throw new MockError('BAD_REQUEST', 'controlAdvanceClock needs a non-negative number "advanceSeconds" (query or JSON body)')
        }
        // Checked before the move: a clock past year 9999 cannot be shown by any vendor's time format.
        const maxSeconds = Math.floor(definition.clock.maxAdvanceMs() / 1000)
        if (seconds > maxSeconds) {
          throw new MockError(
            'BAD_REQUEST',
            `advanceSeconds ${seconds} would move the clock past 9999-12-31; at most ${maxSeconds} is allowed`,
          )
        }
        definition.clock.advance(seconds * 1000)
        return { status: 200, json: { now: new Date(definition.clock.now()).toISOString() } }
      },
    },
    {
      operationId: 'controlListFaults',
      method: 'GET',
      path: `${CONTROL_PREFIX}/faults`,
      handle: () => ({ status: 200, json: faults.list() }),
    },
    {
      operationId: 'controlAddFault',
      method: 'POST',
      path: `${CONTROL_PREFIX}/faults`,
      handle: (_context, request) => ({ status: 201, json: faults.add(parseControlJson(request.body)) }),
    },
    {
      operationId: 'controlClearFaults',
      method: 'DELETE',
      path: `${CONTROL_PREFIX}/faults`,
      handle: () => {
        faults.clear()
        return { status: 200, json: [] }
      },
    },
  ]
}

function parseControlJson(body: string): unknown {
  try {
    return parseJsonText(body)
  } catch (error) {
    throw new MockError('BAD_REQUEST', `The control API takes JSON: ${(error as Error).message}`)
  }
}

function advanceFromBody(body: string): unknown {
  try {
    const parsed = parseJsonText(body)
    return isPlainObject(parsed) && Object.hasOwn(parsed, 'advanceSeconds') ? parsed.advanceSeconds : undefined
  } catch {
    return undefined
  }
}
