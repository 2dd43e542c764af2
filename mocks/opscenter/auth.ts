import type { MockRequest } from '../core/exchange'
import { MockError } from '../core/mock-error'
import type { SessionStore } from '../core/sessions'
import { ANONYMOUS_ADMIN, type Principal } from './permissions'
import type { OpscenterStore } from './store'

/** The cookie `POST /login` sets; the docs say a cookie is set but not its name (decisions/021). */
const SESSION_COOKIE = 'opscenter-session'

export const NOT_LOGGED_IN = 'You must be logged in for this operation'

/**
 * The session id a request carries: the documented `opscenter-session` header, else the `sessionid`
 * header DataStax's utilLCM.py sends, else the cookie. The first one present decides, so a stale header
 * is not rescued by a cookie jar. HTTP Basic credentials are handled apart (`basicAuthUser`, decisions/023).
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
  /**
   * HTTP Basic credentials sent without a login (HariSekhon's Nagios plugins). 'accept' lets valid ones
   * through so those clients work against the mock; 'reject' answers 401 as OpsCenter 5.x did (decisions/023).
   */
  basicAuth: 'accept' | 'reject'
}

/** The request's session token when it names an active session. */
export function activeToken(sessions: SessionStore, request: MockRequest): string | undefined {
  const token = sessionToken(request)
  return token && sessions.lookup(token).status === 'active' ? token : undefined
}

/** Resolves the caller, or throws 401 "You must be logged in". With auth off, everyone is an admin. */
export function authenticate(store: OpscenterStore, sessions: SessionStore, auth: AuthSettings, request: MockRequest): Principal {
  if (!auth.enabled) return ANONYMOUS_ADMIN
  const token = sessionToken(request)
  const lookup = token ? sessions.lookup(token) : undefined
  const subject =
    lookup?.status === 'active' ? lookup.session.subject : auth.basicAuth === 'accept' ? basicAuthUser(store, request) : undefined
  const principal = subject === undefined ? undefined : store.principalFor(subject)
  if (!principal) throw new MockError('UNAUTHENTICATED', NOT_LOGGED_IN)
  return principal
}

/** The user named by valid `Authorization: Basic` credentials (UTF-8), if any. */
function basicAuthUser(store: OpscenterStore, request: MockRequest): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.header('authorization') ?? '')
  if (!match) return undefined
  let decoded: string
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]!), (char) => char.charCodeAt(0)))
  } catch {
    return undefined
  }
  const colon = decoded.indexOf(':')
  if (colon === -1) return undefined
  return store.checkPassword(decoded.slice(0, colon), decoded.slice(colon + 1))?.username
}

export function sessionCookie(token: string): string {
  // SameSite=Lax: a page on another site cannot ride the session on its own requests (issue 8).
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`
}

export function expiredSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`
}
