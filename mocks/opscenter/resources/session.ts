import { MockError } from '../../core/mock-error'
import { activeToken, expiredSessionCookie, NOT_LOGGED_IN, sessionCookie } from '../auth'
import { ok, withPrincipal, type ResourceHandlers } from '../handler'
import { readObjectBody } from '../request-body'

/** Sessions: log in, log out, and the server version (decisions/020, 021, 026). */
export const sessionHandlers: ResourceHandlers<'login' | 'logout' | 'getMeta'> = {
  login: ({ store, sessions }, request) => {
    const body = readObjectBody(request, 'username and password')
    const username = body.username
    const password = body.password
    if (typeof username !== 'string' || username === '') throw new MockError('BAD_REQUEST', "Missing required field 'username'")
    if (typeof password !== 'string') throw new MockError('BAD_REQUEST', "Missing required field 'password'")
    if (!store.checkPassword(username, password)) throw new MockError('UNAUTHENTICATED', 'Invalid username or password')
    const session = sessions.create(username)
    return { status: 200, json: { sessionid: session.token }, headers: { 'set-cookie': sessionCookie(session.token) } }
  },

  logout: ({ sessions, auth }, request) => {
    const token = activeToken(sessions, request)
    if (auth.enabled && !token) throw new MockError('UNAUTHENTICATED', NOT_LOGGED_IN)
    // Only the session that authenticated the call ends: a client may hold an older id in its cookie jar.
    if (token) sessions.revoke(token)
    return { status: 200, json: {}, headers: { 'set-cookie': expiredSessionCookie() } }
  },

  getMeta: withPrincipal(({ version }) => ok({ version })),
}
