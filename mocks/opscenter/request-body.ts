import { assertJsonDepth, isPlainObject, parseFormText, type FormFields } from '../core/body'
import type { MockRequest } from '../core/exchange'
import { MockError } from '../core/mock-error'

/**
 * OpsCenter reads a body as JSON whatever the Content-Type says: its own docs' curl sends JSON labelled
 * `application/x-www-form-urlencoded`, and python clients send JSON with no type at all. A body that is
 * not JSON is read as a form (`username=admin&password=admin`, DataStax's utilLCM.py). A body that
 * starts like JSON but does not parse is reported as bad JSON rather than guessed to be a form.
 */
export function readOpscenterBody(request: MockRequest): unknown {
  const text = request.body
  if (text.trim() === '') return undefined
  assertJsonDepth(text)
  try {
    return JSON.parse(text)
  } catch (error) {
    if (/^\s*[[{"]/.test(text)) throw new MockError('BAD_REQUEST', `Malformed JSON body: ${(error as Error).message}`)
  }
  if (!text.includes('=')) throw new MockError('BAD_REQUEST', 'The body is neither JSON nor a form (name=value&...)')
  return parseFormText(text.trim())
}

/** The body as an object of fields; anything else (no body, a list, a number) is a 400 naming `what`. */
export function readObjectBody(request: MockRequest, what: string): Record<string, unknown> | FormFields {
  const body = readOpscenterBody(request)
  if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', `Expected a JSON object with ${what}`)
  return body
}
