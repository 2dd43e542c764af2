import { isPlainObject } from './body'

/**
 * Every request a vendor mock answered, newest last, in a bounded ring (`/__opsmocks/requests`,
 * `mock.journal` in process). Recording keeps references only (the adapter's header object, the body
 * string, the query); secrets are redacted and values copied when entries are read, so the hot path
 * pays for one small object per request.
 */
export interface JournalEntry {
  /** Increasing per journal; `after=<seq>` reads only newer entries. */
  seq: number
  /** Wall-clock time the request arrived (ISO 8601). */
  at: string
  method: string
  path: string
  query: Record<string, string | string[]>
  /** Lower-case names; credentials and session ids replaced by `[redacted]`. */
  headers: Record<string, string>
  /** The body as sent, with password, token and key values replaced by `[redacted]`. */
  body: string
  status: number
  durationMs: number
  /** The spec operation (or control operation) that answered; null when no route matched. */
  operationId: string | null
  /** False when no route matched the method and path (the mock's 404/405). */
  matched: boolean
  /** The injected fault that answered instead of the operation. */
  fault?: string
}

/** What the adapters hand over: header values by lower-case name, as node:http and Headers give them. */
type RawHeaders = Readonly<Record<string, string | string[] | undefined>>

interface RawEntry {
  seq: number
  at: number
  method: string
  path: string
  query: URLSearchParams
  headers: RawHeaders | undefined
  body: string
  status: number
  durationMs: number
  operationId: string | null
  matched: boolean
  fault: string | undefined
}

export interface JournalFilter {
  operationId?: string
  method?: string
  /** Exact path, or a prefix ending in `*`. */
  path?: string
  /** An exact status (`503`) or a class (`4xx`). */
  status?: string | number
  /** Entries at or after this time (ISO 8601 or epoch milliseconds). */
  since?: string | number | Date
  /** Entries with a higher sequence number. */
  after?: number
  /** Only requests no route matched (true) or only matched ones (false). */
  unmatched?: boolean
  /** The newest N matching entries. */
  limit?: number
}

const DEFAULT_JOURNAL_SIZE = 1000
const REDACTED = '[redacted]'

/** Header names that carry credentials or session ids in any of the three vendors' APIs. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-opsview-token',
  'opscenter-session',
  'sessionid',
  'apikey',
  'x-api-key',
])
/** Field names (body or query) whose value is a secret: passwords, tokens, keys, private keys. */
const SECRET_FIELD = /pass(word)?|secret|token|api[-_]?key|private[-_]?key|session/i

export class Journal {
  readonly capacity: number
  readonly #ring: Array<RawEntry | undefined>
  #next = 0
  #seq = 0
  #count = 0

  constructor(capacity = DEFAULT_JOURNAL_SIZE) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`[opsmocks] journal size must be a positive whole number, got ${capacity}`)
    this.capacity = capacity
    this.#ring = new Array<RawEntry | undefined>(capacity)
  }

  /** Called once per answered request by the service; stores references, copies nothing. */
  record(entry: Omit<RawEntry, 'seq'>): void {
    ;(entry as RawEntry).seq = ++this.#seq
    this.#ring[this.#next] = entry as RawEntry
    this.#next = (this.#next + 1) % this.capacity
    if (this.#count < this.capacity) this.#count++
  }

  /** How many entries the ring holds now. */
  get size(): number {
    return this.#count
  }

  clear(): void {
    this.#ring.fill(undefined)
    this.#count = 0
  }

  /** Matching entries, oldest first, redacted. */
  entries(filter: JournalFilter = {}): JournalEntry[] {
    const test = compileFilter(filter)
    const out: RawEntry[] = []
    for (let i = 0; i < this.capacity; i++) {
      const entry = this.#ring[(this.#next + i) % this.capacity]
      if (entry && test(entry)) out.push(entry)
    }
    const limited = filter.limit !== undefined && out.length > filter.limit ? out.slice(out.length - filter.limit) : out
    return limited.map(publicEntry)
  }

  /** The calls to one operation (optionally narrowed further): the plain verification helper. */
  calls(operationId: string, filter: Omit<JournalFilter, 'operationId'> = {}): JournalEntry[] {
    return this.entries({ ...filter, operationId })
  }

  /** Requests the mock does not serve, grouped by method and path, most frequent first. */
  unmatched(): Array<{ method: string; path: string; count: number; lastStatus: number }> {
    const groups = new Map<string, { method: string; path: string; count: number; lastStatus: number }>()
    for (const entry of this.entries({ unmatched: true })) {
      const key = `${entry.method} ${entry.path}`
      const group = groups.get(key) ?? { method: entry.method, path: entry.path, count: 0, lastStatus: entry.status }
      group.count++
      group.lastStatus = entry.status
      groups.set(key, group)
    }
    return [...groups.values()].sort((a, b) => b.count - a.count || a.path.localeCompare(b.path))
  }
}

function compileFilter(filter: JournalFilter): (entry: RawEntry) => boolean {
  const method = filter.method?.toUpperCase()
  const path = filter.path
  const prefix = path?.endsWith('*') ? path.slice(0, -1) : undefined
  const status = filter.status === undefined ? undefined : String(filter.status).toLowerCase()
  const statusClass = status && /^[1-5]xx$/.test(status) ? status[0] : undefined
  const since = filter.since === undefined ? undefined : toMillis(filter.since)
  return (entry) =>
    (filter.operationId === undefined || entry.operationId === filter.operationId) &&
    (method === undefined || entry.method === method) &&
    (path === undefined || (prefix !== undefined ? entry.path.startsWith(prefix) : entry.path === path)) &&
    (status === undefined || (statusClass ? String(entry.status)[0] === statusClass : String(entry.status) === status)) &&
    (since === undefined || entry.at >= since) &&
    (filter.after === undefined || entry.seq > filter.after) &&
    (filter.unmatched === undefined || entry.matched !== filter.unmatched)
}

function toMillis(value: string | number | Date): number {
  if (value instanceof Date) return value.getTime()
  if (typeof value === 'number') return value
  const number = /^[0-9]+$/.test(value) ? Number(value) : Date.parse(value)
  if (!Number.isFinite(number)) throw new TypeError(`'since' must be an ISO 8601 time or epoch milliseconds, got '${value}'`)
  return number
}

/** Reads a filter from a query string (`/__opsmocks/requests?operationId=…&status=4xx`). */
export function filterFromQuery(query: URLSearchParams): JournalFilter {
  const filter: JournalFilter = {}
  const text = (name: string) => query.get(name) ?? undefined
  if (text('operationId')) filter.operationId = text('operationId')
  if (text('method')) filter.method = text('method')
  if (text('path')) filter.path = text('path')
  const status = text('status')
  if (status) {
    if (!/^([1-5][0-9][0-9]|[1-5]xx)$/i.test(status))
      throw new TypeError(`'status' must be a status like 404 or a class like 4xx, got '${status}'`)
    filter.status = status
  }
  if (text('since')) filter.since = text('since')
  for (const name of ['after', 'limit'] as const) {
    const raw = text(name)
    if (raw === undefined) continue
    if (!/^[0-9]+$/.test(raw)) throw new TypeError(`'${name}' must be a whole number, got '${raw}'`)
    filter[name] = Number(raw)
  }
  const unmatched = text('unmatched')
  if (unmatched !== undefined) {
    if (!['true', 'false', '1', '0'].includes(unmatched)) throw new TypeError(`'unmatched' must be true or false, got '${unmatched}'`)
    filter.unmatched = unmatched === 'true' || unmatched === '1'
  }
  if (filter.since !== undefined) toMillis(filter.since)
  return filter
}

function publicEntry(entry: RawEntry): JournalEntry {
  return {
    seq: entry.seq,
    at: new Date(entry.at).toISOString(),
    method: entry.method,
    path: entry.path,
    query: redactedQuery(entry.query),
    headers: redactedHeaders(entry.headers),
    body: redactBody(entry.body),
    status: entry.status,
    durationMs: Math.round(entry.durationMs * 1000) / 1000,
    operationId: entry.operationId,
    matched: entry.matched,
    ...(entry.fault === undefined ? {} : { fault: entry.fault }),
  }
}

/** Names are the client's, so the result is built from entries (own properties, even for `__proto__`). */
function redactedHeaders(headers: RawHeaders | undefined): Record<string, string> {
  if (!headers) return {}
  const out = new Map<string, string>()
  for (const [rawName, value] of Object.entries(headers)) {
    if (value === undefined) continue
    const name = rawName.toLowerCase()
    out.set(name, SECRET_HEADERS.has(name) ? REDACTED : Array.isArray(value) ? value.join(', ') : value)
  }
  return Object.fromEntries(out)
}

function redactedQuery(query: URLSearchParams): Record<string, string | string[]> {
  const out = new Map<string, string | string[]>()
  for (const [name, raw] of query) {
    const value = SECRET_FIELD.test(name) ? REDACTED : raw
    const previous = out.get(name)
    out.set(name, previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value])
  }
  return Object.fromEntries(out)
}

/** JSON bodies have secret fields replaced at any depth; form bodies per field; other text is kept. */
export function redactBody(body: string): string {
  if (body === '' || !SECRET_FIELD.test(body)) return body
  const trimmed = body.trimStart()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(redactJson(JSON.parse(body)))
    } catch {
      // Not JSON after all: fall through to the form rule, which redacts `password=…` pairs in any text.
    }
  }
  return body.replace(/([^&=\s]+)=([^&]*)/g, (pair, name: string) => (SECRET_FIELD.test(name) ? `${name}=${REDACTED}` : pair))
}

function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson)
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [name, item] of Object.entries(value)) {
    Object.defineProperty(out, name, {
      value: SECRET_FIELD.test(name) && (typeof item === 'string' || typeof item === 'number') ? REDACTED : redactJson(item),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}
