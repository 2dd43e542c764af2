import type { MockRequest } from '../core/exchange'
import { MockError } from '../core/mock-error'
import type { SessionStore } from '../core/sessions'
import { ANONYMOUS_ADMIN, type Principal } from './permissions'
import type { OpscenterStore } from './store'

/** The cookie `POST /login` sets; the docs say a cookie is set but not its name (decisions/021). */
export const SESSION_COOKIE = 'opscenter-session'

export const NOT_LOGGED_IN = 'You must be logged in for this operation'

/**
 * The session id a request carries: the documented `opscenter-session` header, else the `sessionid`
 * header DataStax's utilLCM.py sends, else the cookie. The first one present decides, so a stale header
 * is not rescued by a cookie jar. HTTP Basic credentials are not a session: a real OpsCenter answers
 * 401 to them (decisions/023).
 */
export function sessionToken(request: MockRequest): string | undefined {
  const candidates = [
    request.header('opscenter-session'),
    request.header('sessionid'),
    cookieValue(request.header('cookie'), SESSION_COOKIE),
  ]
  return candidates.map((value) => value?.trim()).find((value): value is string => !!value)
}

/** One cookie's value from a `Cookie` header (`a=1; b=2`), or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const equals = part.indexOf('=')
    if (equals === -1 || part.slice(0, equals).trim() !== name) continue
    const value = part
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
    try {
      return decodeURIComponent(value)
    } catch {
      return value
    }
  }
  return undefined
}

export interface AuthSettings {
  enabled: boolean
}

/** The request's session token when it names an active session. */
export function activeToken(sessions: SessionStore, request: MockRequest): string | undefined {
  const token = sessionToken(request)
  return token && sessions.lookup(token).status === 'active' ? token : undefined
}

/** Resolves the caller, or throws 401 "You must be logged in". With auth off, everyone is an admin. */
export function authenticate(store: OpscenterStore, sessions: SessionStore, auth: AuthSettings, request: MockRequest): Principal {
  if (!auth.enabled) return ANONYMOUS_ADMIN
  const token = activeToken(sessions, request)
  const lookup = token ? sessions.lookup(token) : undefined
  const principal = lookup?.status === 'active' ? store.principalFor(lookup.session.subject) : undefined
  if (!principal) throw new MockError('UNAUTHENTICATED', NOT_LOGGED_IN)
  return principal
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly`
}

export function expiredSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Max-Age=0`
}
