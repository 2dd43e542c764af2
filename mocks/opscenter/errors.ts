import type { MockResponse } from '../core/exchange'
import type { MockError, MockErrorCode } from '../core/mock-error'

/**
 * OpsCenter answers errors with `{"message": ..., "type": ...}` (seen verbatim from 5.1.3/5.2.4 for a
 * missing session). A lack of permission is a 401 like a missing session, as the access-roles docs say.
 */
const ANSWER: Record<MockErrorCode, [status: number, type: string]> = {
  BAD_REQUEST: [400, 'BadRequest'],
  VALIDATION: [400, 'BadRequest'],
  UNAUTHENTICATED: [401, 'Unauthorized'],
  SESSION_EXPIRED: [401, 'Unauthorized'],
  FORBIDDEN: [401, 'Unauthorized'],
  NOT_FOUND: [404, 'NotFound'],
  ROUTE_NOT_FOUND: [404, 'NotFound'],
  METHOD_NOT_ALLOWED: [405, 'MethodNotAllowed'],
  CONFLICT: [409, 'Conflict'],
  PAYLOAD_TOO_LARGE: [413, 'RequestEntityTooLarge'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'UnsupportedMediaType'],
}

export function renderOpscenterError(error: MockError): MockResponse {
  const [status, type] = ANSWER[error.code]
  // "Resource not found." is the text a HariSekhon client comment quotes for unknown paths.
  const message = error.code === 'ROUTE_NOT_FOUND' ? `Resource not found. ${error.message}` : error.message
  return { status, json: { message, type } }
}
