import type { MockResponse } from '../core/exchange'
import type { MockError, MockErrorCode } from '../core/mock-error'

/** Opsview answers every error with an HTTP status and `{"message": ...}`. */
const STATUS: Record<MockErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
}

/** `info` carries supplementary text (e.g. why a list write was rolled back); `detail` is debug-only in Opsview. */
export function renderOpsviewError(error: MockError): MockResponse {
  const info = error.detail?.reason
  return { status: STATUS[error.code], json: typeof info === 'string' ? { message: error.message, info } : { message: error.message } }
}
