/**
 * Coded errors thrown by stores and handlers. They know nothing of HTTP: each vendor
 * maps a code to its own status and body in one place (`<vendor>/errors.ts`).
 */
export type MockErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'SESSION_EXPIRED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'VALIDATION'

export class MockError extends Error {
  readonly code: MockErrorCode
  readonly detail: Record<string, unknown> | undefined

  constructor(code: MockErrorCode, message: string, detail?: Record<string, unknown>) {
    super(message)
    this.name = 'MockError'
    this.code = code
    this.detail = detail
  }
}

export function isMockError(error: unknown): error is MockError {
  return error instanceof MockError
}
