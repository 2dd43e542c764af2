/**
 * The transport-neutral request and response every handler works on.
 * Both adapters (MSW and node:http) translate to and from these plain values,
 * so handler logic never sees a Fetch `Request` or a Node `IncomingMessage`.
 */
export interface MockRequest {
  method: string
  /** Path without query string, as sent (percent-encoded). */
  path: string
  query: URLSearchParams
  /** Header lookup by lower-case name; multiple values are joined with ", ". */
  header(name: string): string | undefined
  /** Raw body text; '' when the request had none. */
  body: string
  /** Every header by lower-case name, as the transport parsed them (kept by reference for the journal). */
  rawHeaders?: Readonly<Record<string, string | string[] | undefined>>
}

export interface MockResponse {
  status: number
  headers?: Record<string, string | string[]>
  /** A JSON-serialisable body, or a pre-serialised text body when `text` is set. */
  json?: unknown
  text?: string
  /** A binary body (an archive); its content type comes from `headers`, else application/octet-stream. */
  bytes?: Uint8Array
}

export interface SerializedBody {
  contentType: string | undefined
  payload: string | Uint8Array
}

const serialized = new WeakMap<MockResponse, SerializedBody>()

/**
 * Serialises a response body once (the service does it inside its error handling; the adapters then get the
 * cached bytes), so both transports write identical bytes. Throws when the body has no JSON form (a function,
 * a BigInt, a cycle), which the service turns into a 500.
 */
export function serializeBody(response: MockResponse): SerializedBody {
  let body = serialized.get(response)
  if (!body) {
    body = serializeOnce(response)
    serialized.set(response, body)
  }
  return body
}

function serializeOnce(response: MockResponse): SerializedBody {
  if (response.bytes !== undefined) return { contentType: 'application/octet-stream', payload: response.bytes }
  if (response.text !== undefined) return { contentType: 'text/plain; charset=utf-8', payload: String(response.text) }
  if (response.json === undefined) return { contentType: undefined, payload: '' }
  const payload = stringify(response.json) as string | undefined
  if (typeof payload !== 'string') throw new TypeError(`the response body (${typeof response.json}) has no JSON form`)
  return { contentType: 'application/json; charset=utf-8', payload }
}

/**
 * A frozen object cannot change, so its JSON is computed once. Stores that hand out frozen list items
 * (OpManager's alarms) make large lists cheap to serialise again; everything else is stringified as usual.
 */
const frozenJson = new WeakMap<object, string>()

function stringify(json: unknown): string {
  if (!Array.isArray(json) || !json.length || !isFrozenObject(json[0])) return JSON.stringify(json)
  return `[${json.map((item) => (isFrozenObject(item) ? cachedJson(item) : (JSON.stringify(item) ?? 'null'))).join(',')}]`
}

function isFrozenObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Object.isFrozen(value)
}

function cachedJson(value: object): string {
  let json = frozenJson.get(value)
  if (json === undefined) {
    json = JSON.stringify(value)
    frozenJson.set(value, json)
  }
  return json
}

/** Largest request body the mocks accept; bigger ones get the vendor's 413 answer before any parsing. */
export const MAX_BODY_BYTES = 1024 * 1024
