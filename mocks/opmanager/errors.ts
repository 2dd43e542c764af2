import type { MockRequest, MockResponse } from '../core/exchange'
import { MockError, type MockErrorCode } from '../core/mock-error'
import { CONTROL_PREFIX } from '../core/service'

/**
 * OpManager answers vendor-level failures with HTTP 200 and `{"error": {"message", "errorcode"}}`.
 * Only transport failures (unknown path 404, method 405, body over 1 MiB 413) and the mock-only
 * control API use real HTTP statuses, always with the same envelope (decisions/031).
 */
export function opmError(code: MockErrorCode, errorcode: string, message: string): MockError {
  return new MockError(code, message, { errorcode })
}

const TRANSPORT_STATUS: Partial<Record<MockErrorCode, number>> = { ROUTE_NOT_FOUND: 404, METHOD_NOT_ALLOWED: 405, PAYLOAD_TOO_LARGE: 413 }

const CONTROL_STATUS: Partial<Record<MockErrorCode, number>> = { NOT_FOUND: 404, CONFLICT: 409, UNSUPPORTED_MEDIA_TYPE: 415 }

/** Codes for errors thrown without an explicit OpManager errorcode (core routing, body limits). */
const DEFAULT_ERRORCODE: Record<MockErrorCode, string> = {
  BAD_REQUEST: 'INVALID_INPUT',
  VALIDATION: 'DATATYPE_NOT_MATCHED',
  UNAUTHENTICATED: 'API_KEY_INVALID',
  SESSION_EXPIRED: 'API_KEY_EXPIRED',
  FORBIDDEN: 'ACCESS_DENIED',
  NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'URL_NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  CONFLICT: 'ALREADY_EXISTS',
  PAYLOAD_TOO_LARGE: 'REQUEST_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_CONTENT_TYPE',
}

export function renderOpmanagerError(error: MockError, request: MockRequest): MockResponse {
  const explicit = error.detail?.errorcode
  const errorcode = typeof explicit === 'string' ? explicit : DEFAULT_ERRORCODE[error.code]
  const json = { error: { message: error.message, errorcode } }
  // The rate limit is the one vendor refusal with its own HTTP status (429 + Retry-After; decisions/086).
  const retryAfter = error.detail?.retryAfterSeconds
  if (error.detail?.status === 429 && typeof retryAfter === 'number')
    return { status: 429, headers: { 'Retry-After': String(retryAfter) }, json }
  const transport = TRANSPORT_STATUS[error.code]
  const status = transport ?? (request.path.startsWith(CONTROL_PREFIX) ? (CONTROL_STATUS[error.code] ?? 400) : 200)
  return { status, json }
}
