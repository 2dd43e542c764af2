import { describe, expect, it } from 'vitest'
import { call, dropCookieSession, loginAs, NOT_LOGGED_IN, type OpscenterTarget } from './target'

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }
const BASIC_ADMIN = { Authorization: `Basic ${btoa('admin:admin')}` }

export function authContract(target: OpscenterTarget): void {
  const admin = () => target.credentials.admin
  const adminJson = () => JSON.stringify({ username: admin().username, password: admin().password })
  const mockOnly = target.kind === 'mock'

  describe('login', () => {
    it('answers a 32-hex sessionid for a JSON body sent without a content type', async () => {
      const result = await call(target, 'POST', '/login', { body: adminJson() })
      expect(result.status).toBe(200)
      expect(result.json).toEqual({ sessionid: expect.stringMatching(/^[0-9a-f]{32}$/) })
    })

    it('reads a JSON body labelled as a form, as the documented curl sends it', async () => {
      const result = await call(target, 'POST', '/login', { body: adminJson(), headers: FORM })
      expect(result.status).toBe(200)
      expect(result.json.sessionid).toMatch(/^[0-9a-f]{32}$/)
    })

    it('reads a real form body', async () => {
      const body = new URLSearchParams({ username: admin().username, password: admin().password }).toString()
      const result = await call(target, 'POST', '/login', { body, headers: FORM })
      expect(result.status).toBe(200)
      expect(result.json.sessionid).toMatch(/^[0-9a-f]{32}$/)
    })

    it.runIf(mockOnly)('sets the opscenter-session cookie to the same id', async () => {
      const result = await call(target, 'POST', '/login', { body: adminJson() })
      expect(result.headers.get('set-cookie')).toContain(`opscenter-session=${result.json.sessionid}`)
    })

    it('issues a different session on every login', async () => {
      const [first, second] = [await loginAs(target, admin()), await loginAs(target, admin())]
      expect(first.sessionid).not.toBe(second.sessionid)
    })

    it('answers 401 in the vendor envelope for a wrong password', async () => {
      const result = await call(target, 'POST', '/login', {
        body: JSON.stringify({ username: admin().username, password: 'wrong-password' }),
      })
      expect(result.status).toBe(401)
      expect(result.json).toEqual({ message: expect.any(String), type: 'Unauthorized' })
    })

    it.runIf(mockOnly)('answers 400 naming the field when the password is missing', async () => {
      const result = await call(target, 'POST', '/login', { body: JSON.stringify({ username: 'admin' }) })
      expect(result.status).toBe(400)
      expect(result.json).toEqual({ message: expect.stringContaining('password'), type: 'BadRequest' })
    })

    it.runIf(mockOnly)('answers 400 for malformed JSON instead of guessing a form', async () => {
      const result = await call(target, 'POST', '/login', { body: '{"username": "admin", ' })
      expect(result.status).toBe(400)
      expect(result.json.message).toMatch(/Malformed JSON/)
    })

    it.runIf(mockOnly)('answers 400 for a body that is neither JSON nor a form', async () => {
      const result = await call(target, 'POST', '/login', { body: 'hello', headers: { 'Content-Type': 'text/plain' } })
      expect(result.status).toBe(400)
    })

    it.runIf(mockOnly)('answers 413 for a body over 1 MiB', async () => {
      const result = await call(target, 'POST', '/login', { body: `{"username":"${'a'.repeat(1024 * 1024 + 10)}"}` })
      expect(result.status).toBe(413)
      expect(result.json.type).toBe('RequestEntityTooLarge')
    })

    it.runIf(mockOnly)('answers 405 with an Allow header for GET', async () => {
      const result = await call(target, 'GET', '/login')
      expect(result.status).toBe(405)
      expect(result.headers.get('allow')).toBe('POST')
    })
  })

  describe('session transport', () => {
    it('answers 401 with the vendor envelope when no session is sent', async () => {
      await dropCookieSession(target)
      const result = await call(target, 'GET', '/cluster-configs')
      expect(result.status).toBe(401)
      expect(result.json).toEqual(NOT_LOGGED_IN)
    })

    it('answers 401 for an unknown session id', async () => {
      const result = await call(target, 'GET', '/cluster-configs', { headers: { 'opscenter-session': '0'.repeat(32) } })
      expect(result.status).toBe(401)
      expect(result.json).toEqual(NOT_LOGGED_IN)
    })

    it.runIf(target.kind === 'real')('answers 401 to HTTP Basic credentials, as OpsCenter 5.x does', async () => {
      await dropCookieSession(target)
      const result = await call(target, 'GET', '/cluster-configs', { headers: BASIC_ADMIN })
      expect(result.status).toBe(401)
      expect(result.json).toEqual(NOT_LOGGED_IN)
    })

    // A deliberate, switchable deviation so Basic-only clients (Nagios plugins) work (decisions/023).
    it.runIf(mockOnly)('accepts valid HTTP Basic credentials without a login, and answers 401 to wrong ones', async () => {
      await dropCookieSession(target)
      expect((await call(target, 'GET', '/cluster-configs', { headers: BASIC_ADMIN })).status).toBe(200)
      const wrong = await call(target, 'GET', '/cluster-configs', { headers: { Authorization: `Basic ${btoa('admin:wrong')}` } })
      expect(wrong.status).toBe(401)
      expect(wrong.json).toEqual(NOT_LOGGED_IN)
    })

    it('accepts the session from the opscenter-session header', async () => {
      const session = await loginAs(target, admin())
      expect((await call(target, 'GET', '/cluster-configs', { session })).status).toBe(200)
    })

    it.runIf(mockOnly)('accepts the session from a sessionid header, as DataStax utilLCM.py sends it', async () => {
      const session = await loginAs(target, admin())
      expect((await call(target, 'GET', '/cluster-configs', { headers: { sessionid: session.sessionid } })).status).toBe(200)
    })

    it.runIf(mockOnly)('accepts the session from the cookie login set', async () => {
      const session = await loginAs(target, admin())
      const result = await call(target, 'GET', '/cluster-configs', {
        headers: { Cookie: `other=1; opscenter-session=${session.sessionid}` },
      })
      expect(result.status).toBe(200)
    })
  })

  describe('logout', () => {
    it('answers {} and the session stops working', async () => {
      const session = await loginAs(target, admin())
      const result = await call(target, 'GET', '/logout', { session })
      expect(result.status).toBe(200)
      expect(result.json).toEqual({})
      expect((await call(target, 'GET', '/cluster-configs', { session })).status).toBe(401)
    })

    it('leaves other sessions of the same user working', async () => {
      const [ending, staying] = [await loginAs(target, admin()), await loginAs(target, admin())]
      await call(target, 'GET', '/logout', { session: ending })
      expect((await call(target, 'GET', '/cluster-configs', { session: staying })).status).toBe(200)
    })

    it.runIf(mockOnly)('answers 401 without a session', async () => {
      await dropCookieSession(target)
      expect((await call(target, 'GET', '/logout')).json).toEqual(NOT_LOGGED_IN)
    })
  })

  describe('getMeta', () => {
    it('answers 401 without a session, which clients read as "log in first"', async () => {
      await dropCookieSession(target)
      const result = await call(target, 'GET', '/meta')
      expect(result.status).toBe(401)
      expect(result.json).toEqual(NOT_LOGGED_IN)
    })

    it('answers the version with a session', async () => {
      const session = await loginAs(target, admin())
      const result = await call(target, 'GET', '/meta', { session })
      expect(result.status).toBe(200)
      expect(result.json).toEqual({ version: expect.stringMatching(/^[0-9]+\.[0-9]+/) })
    })
  })

  describe.runIf(mockOnly)('session lifetime', () => {
    it('keeps a session working for a day of mock time, since OpsCenter documents no expiry', async () => {
      const session = await loginAs(target, admin())
      await target.control!.advanceClock(24 * 3600)
      expect((await call(target, 'GET', '/meta', { session })).status).toBe(200)
    })
  })

  describe.runIf(mockOnly)('unknown paths', () => {
    it('answers 404 "Resource not found." in the envelope', async () => {
      const result = await call(target, 'GET', '/no/such/thing/here/at/all')
      expect(result.status).toBe(404)
      expect(result.json).toEqual({ message: expect.stringMatching(/^Resource not found\./), type: 'NotFound' })
    })
  })
}

/** What an instance with authentication disabled (OpsCenter's default) must do: everything, without a session. */
export function authDisabledContract(target: OpscenterTarget): void {
  describe('authentication disabled', () => {
    it('answers getMeta without a session, which clients read as "no login needed"', async () => {
      const result = await call(target, 'GET', '/meta')
      expect(result.status).toBe(200)
      expect(result.json.version).toEqual(expect.any(String))
    })

    it('serves cluster reads without a session, ignoring HTTP Basic credentials', async () => {
      const configs = await call(target, 'GET', '/cluster-configs', { headers: BASIC_ADMIN })
      expect(configs.status).toBe(200)
      expect(Object.keys(configs.json)).toContain('Test_Cluster')
      const nodes = await call(target, 'GET', '/Test_Cluster/nodes')
      expect(nodes.json[0]).toEqual(
        expect.objectContaining({ node_ip: expect.any(String), node_name: expect.any(String), last_seen: expect.any(Number) }),
      )
    })

    it('lets anyone manage users, as every caller is an admin', async () => {
      const created = await call(target, 'POST', '/users/anon-made', { body: JSON.stringify({ password: 'pw', role: 'user' }) })
      expect(created.status).toBe(200)
      expect((await call(target, 'GET', '/users/anon-made')).json).toEqual({ username: 'anon-made', roles: ['user'], role: 'user' })
    })

    it('still checks credentials at login', async () => {
      expect((await call(target, 'POST', '/login', { body: JSON.stringify({ username: 'admin', password: 'nope' }) })).status).toBe(401)
      expect((await call(target, 'POST', '/login', { body: JSON.stringify(target.credentials.admin) })).status).toBe(200)
    })

    it('answers logout with {} even without a session', async () => {
      expect((await call(target, 'GET', '/logout')).json).toEqual({})
    })
  })
}
