import { FORM_MEDIA_TYPE, isJsonMediaType, mediaType, paramsToFields, parseFormText, parseJsonText } from '../core/body'
import type { MockRequest } from '../core/exchange'
import { MockError } from '../core/mock-error'

/**
 * Opsview picks the body parser from Content-Type (Catalyst::Action::REST): JSON (also when no type is
 * given), or form fields. JSON is parsed "relaxed" (trailing commas). Anything else is a 415.
 */
export function readOpsviewBody(request: MockRequest): unknown {
  if (request.body.trim() === '') return undefined
  const type = mediaType(request)
  if (type === '' || isJsonMediaType(type)) {
    try {
      return parseJsonText(request.body, { relaxed: true })
    } catch (error) {
      throw new MockError(
        'BAD_REQUEST',
        `Content-Type ${type || 'application/json'} had a problem with your request. ***ERROR*** ${(error as Error).message}`,
      )
    }
  }
  if (type === FORM_MEDIA_TYPE) return parseFormText(request.body)
  throw new MockError('UNSUPPORTED_MEDIA_TYPE', `Content-Type ${type} is not supported; send application/json or ${FORM_MEDIA_TYPE}`)
}

/** Body fields merged over query-string fields, for endpoints that accept either (login, downtime). */
export function readParams(request: MockRequest): Record<string, unknown> {
  const body = readOpsviewBody(request)
  if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body))) {
    throw new MockError('BAD_REQUEST', 'Error when parsing data: expected a JSON object')
  }
  return { ...paramsToFields(request.query), ...(body as Record<string, unknown> | undefined) }
}
