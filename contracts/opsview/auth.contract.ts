import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginAs, opsviewApi, rawCall, type OpsviewTarget } from './target'

const JSON_HEADERS = { 'Content-Type': 'application/json' }

export function authContract(target: OpsviewTarget): void {
  const admin = () => target.credentials.admin
  const mockOnly = target.kind === 'mock'

  describe('login', () => {
    it('returns a 40-hex token for a JSON body', async () => {
      const { data, response } = await opsviewApi(target).POST('/rest/login', { body: admin() })
      expect(response.status).toBe(200)
      expect(data).toEqual({ token: expect.stringMatching(/^[0-9a-f]{40}$/) })
    })

    it('accepts a form-encoded body', async () => {
      const body = new URLSearchParams({ username: admin().username, password: admin().password })
      const result = await rawCall(target, '/rest/login', {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      })
      expect(result.status).toBe(200)
      expect(result.json.token).toMatch(/^[0-9a-f]{40}$/)
    })

    it('accepts credentials in the query string with an empty JSON-typed body', async () => {
      const query = new URLSearchParams({ password: admin().password, username: admin().username })
      const result = await rawCall(target, `/rest/login?${query}`, { method: 'POST', headers: { ...JSON_HEADERS, 'Content-Length': '0' } })
      expect(result.status).toBe(200)
      expect(result.json.token).toMatch(/^[0-9a-f]{40}$/)
    })

    it('ignores stale X-Opsview headers sent with the login', async () => {
      const result = await rawCall(target, '/rest/login', {
        method: 'POST',
        headers: { ...JSON_HEADERS, 'X-Opsview-Username': admin().username, 'X-Opsview-Token': 'null' },
        body: JSON.stringify(admin()),
      })
      expect(result.status).toBe(200)
    })

    it('issues a different token on every login', async () => {
      const [first, second] = [await loginAs(target, admin()), await loginAs(target, admin())]
      expect(first.token).not.toBe(second.token)
    })

    it('adds user_data when include_user_data=1', async () => {
      const { data } = await opsviewApi(target).POST('/rest/login', { params: { query: { include_user_data: '1' } }, body: admin() })
      expect(data && 'user_data' in data && data.user_data?.name).toBe(admin().username)
    })

    it('returns 401 with a message when the password is wrong', async () => {
      const { error, response } = await opsviewApi(target).POST('/rest/login', {
        body: { username: admin().username, password: 'wrong-password' },
      })
      expect(response.status).toBe(401)
      expect(error).toEqual({ message: expect.any(String) })
    })

    it('returns 400 when the password is missing', async () => {
      const result = await rawCall(target, '/rest/login', {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ username: admin().username }),
      })
      expect(result.status).toBe(400)
      expect(result.json.message).toEqual(expect.any(String))
    })

    it('returns 400 with a parse message for malformed JSON', async () => {
      const result = await rawCall(target, '/rest/login', { method: 'POST', headers: JSON_HEADERS, body: '{"username": "admin", ' })
      expect(result.status).toBe(400)
      expect(result.json.message).toMatch(/malformed JSON/)
    })

    it.runIf(mockOnly)('accepts trailing commas, as the relaxed JSON parser does', async () => {
      const result = await rawCall(target, '/rest/login', {
        method: 'POST',
        headers: JSON_HEADERS,
        body: `{"username":"${admin().username}","password":"${admin().password}",}`,
      })
      expect(result.status).toBe(200)
    })

    it.runIf(mockOnly)('returns 415 for a body in an unsupported format', async () => {
      const result = await rawCall(target, '/rest/login', { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: '<login/>' })
      expect(result.status).toBe(415)
      expect(result.json.message).toMatch(/text\/xml/)
    })

    it.runIf(mockOnly)('returns 413 for a body over 1 MiB', async () => {
      const result = await rawCall(target, '/rest/login', {
        method: 'POST',
        headers: JSON_HEADERS,
        body: `{"username":"${'a'.repeat(1024 * 1024 + 10)}"}`,
      })
      expect(result.status).toBe(413)
    })

    it('answers 405 with an Allow header for GET and PUT', async () => {
      for (const method of ['GET', 'PUT']) {
        const result = await rawCall(target, '/rest/login', { method })
        expect(result.status).toBe(405)
        expect(result.headers.get('allow')).toMatch(/POST/)
      }
    })
  })

  describe('logout', () => {
    it('ends the session so the token stops working', async () => {
      const session = await loginAs(target, admin())
      const { data, response } = await opsviewApi(target).POST('/rest/logout', { headers: session.headers })
      expect(response.status).toBe(200)
      expect(data).toEqual({ logout_via: 'REST API' })
      const after = await opsviewApi(target).GET('/rest/user', { headers: session.headers })
      expect(after.response.status).toBe(401)
    })

    it('accepts an empty body with a JSON content type', async () => {
      const session = await loginAs(target, admin())
      const result = await rawCall(target, '/rest/logout', {
        method: 'POST',
        headers: { ...session.headers, ...JSON_HEADERS, 'Content-Length': '0' },
      })
      expect(result.status).toBe(200)
    })

    it('returns 401 without a valid token', async () => {
      const { response } = await opsviewApi(target).POST('/rest/logout', {
        headers: { 'X-Opsview-Username': admin().username, 'X-Opsview-Token': '0'.repeat(40) },
      })
      expect(response.status).toBe(401)
    })

    it('answers 405 for GET, PUT and DELETE', async () => {
      for (const method of ['GET', 'PUT', 'DELETE']) expect((await rawCall(target, '/rest/logout', { method })).status).toBe(405)
    })
  })

  describe('deleteLogin', () => {
    it('ends the session, the older logout style', async () => {
      const session = await loginAs(target, admin())
      const { response } = await opsviewApi(target).DELETE('/rest/login', { headers: session.headers })
      expect(response.status).toBe(200)
      expect((await opsviewApi(target).GET('/rest/user', { headers: session.headers })).response.status).toBe(401)
    })

    it('returns 401 when there is no session to end', async () => {
      const { response } = await opsviewApi(target).DELETE('/rest/login', {})
      expect(response.status).toBe(401)
    })
  })

  describe('getUser', () => {
    it('returns the logged-in user with role and access_list', async () => {
      const session = await loginAs(target, admin())
      const { data, response } = await opsviewApi(target).GET('/rest/user', { headers: session.headers })
      expect(response.status).toBe(200)
      expect(data?.name).toBe(admin().username)
      expect(Object.values(data?.access_list ?? {}).every((value) => value === 1)).toBe(true)
    })

    it('accepts the auth headers in any letter case', async () => {
      const session = await loginAs(target, admin())
      const result = await rawCall(target, '/rest/user', {
        headers: { 'x-opsview-username': session.username, 'X-OPSVIEW-TOKEN': session.token },
      })
      expect(result.status).toBe(200)
    })

    it('returns 401 "Token invalid" without auth headers', async () => {
      const { error, response } = await opsviewApi(target).GET('/rest/user', {})
      expect(response.status).toBe(401)
      if (mockOnly) expect(error).toEqual({ message: 'Token invalid' })
    })

    it('returns 401 when the token belongs to another username', async () => {
      const session = await loginAs(target, admin())
      const { response } = await opsviewApi(target).GET('/rest/user', {
        headers: { 'X-Opsview-Username': 'someone-else', 'X-Opsview-Token': session.token },
      })
      expect(response.status).toBe(401)
    })

    it('answers 405 for POST, PUT and DELETE', async () => {
      for (const method of ['POST', 'PUT', 'DELETE']) expect((await rawCall(target, '/rest/user', { method })).status).toBe(405)
    })

    describe.runIf(mockOnly)('with the seeded roles', () => {
      it('gives the operator a role without CONFIGUREHOSTS', async () => {
        const session = await loginAs(target, target.credentials.operator!)
        const { data } = await opsviewApi(target).GET('/rest/user', { headers: session.headers })
        expect(data?.role).toBe('Operator')
        expect(data?.access_list).toMatchObject({ VIEWALL: 1, ACTIONALL: 1, DOWNTIMEALL: 1 })
        expect(data?.access_list).not.toHaveProperty('CONFIGUREHOSTS')
      })

      it('gives the viewer only VIEWSOME-style accesses', async () => {
        const session = await loginAs(target, target.credentials.viewer!)
        const { data } = await opsviewApi(target).GET('/rest/user', { headers: session.headers })
        expect(data?.access_list).toHaveProperty('VIEWSOME', 1)
        expect(data?.access_list).not.toHaveProperty('VIEWALL')
      })
    })
  })

  describe.runIf(mockOnly)('token lifetime', () => {
    beforeAll(async () => target.control!.reset())
    // Moving the clock expires every session; later suites start from a fresh seed.
    afterAll(async () => target.control!.reset())

    it('returns 401 "Token has expired" after an hour without use', async () => {
      const session = await loginAs(target, admin())
      await target.control!.advanceClock(3601)
      const { error, response } = await opsviewApi(target).GET('/rest/user', { headers: session.headers })
      expect(response.status).toBe(401)
      expect(error).toEqual({ message: 'Token has expired' })
    })

    it('extends the expiry on every successful call', async () => {
      const session = await loginAs(target, admin())
      await target.control!.advanceClock(3000)
      expect((await opsviewApi(target).GET('/rest/user', { headers: session.headers })).response.status).toBe(200)
      await target.control!.advanceClock(3000)
      expect((await opsviewApi(target).GET('/rest/user', { headers: session.headers })).response.status).toBe(200)
    })
  })
}
