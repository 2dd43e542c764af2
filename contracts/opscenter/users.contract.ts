import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uniqueName } from '../support/target'
import { call, dropCookieSession, loginAs, NO_PERMISSION, type OpscenterSession, type OpscenterTarget } from './target'

const enc = encodeURIComponent

export function usersContract(target: OpscenterTarget): void {
  const mockOnly = target.kind === 'mock'
  let admin: OpscenterSession
  /** A role of the suite's own, so writes on a real server touch nothing they did not create. */
  const role = uniqueName('opsmocks-role')
  const created: string[] = []

  async function createUser(password = 'Secret-1', roles: string[] = [role]): Promise<string> {
    const username = uniqueName('opsmocks-user')
    const result = await call(target, 'POST', `/users/${enc(username)}`, { session: admin, body: JSON.stringify({ password, roles }) })
    expect(result.status).toBe(200)
    created.push(username)
    return username
  }

  beforeAll(async () => {
    admin = await loginAs(target, target.credentials.admin)
    if (target.allowWrites) await call(target, 'POST', `/permissions/roles/${enc(role)}`, { session: admin, body: '{}' })
  })
  afterAll(async () => {
    if (!target.allowWrites) return
    for (const username of created) await call(target, 'DELETE', `/users/${enc(username)}`, { session: admin })
    await call(target, 'DELETE', `/permissions/roles/${enc(role)}`, { session: admin })
  })

  describe('listUsers', () => {
    it('lists users with roles, and the legacy role only for users with at most one role', async () => {
      const result = await call(target, 'GET', '/users', { session: admin })
      expect(result.status).toBe(200)
      for (const user of result.json) expect('role' in user).toBe(user.roles.length <= 1)
      if (mockOnly) {
        expect(result.json).toContainEqual({ username: 'admin', roles: ['admin'], role: 'admin' })
        expect(result.json).toContainEqual({ username: 'ops', roles: ['user', 'operator'] })
      }
    })

    it.runIf(mockOnly)('answers 401 with the permission text to a non-admin', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      const result = await call(target, 'GET', '/users', { session: viewer })
      expect(result.status).toBe(401)
      expect(result.json).toEqual(NO_PERMISSION)
    })

    it('answers 401 without a session', async () => {
      await dropCookieSession(target)
      expect((await call(target, 'GET', '/users')).status).toBe(401)
    })
  })

  describe('getUser', () => {
    it('answers username, role and roles', async () => {
      const result = await call(target, 'GET', `/users/${enc(target.credentials.admin.username)}`, { session: admin })
      expect(result.status).toBe(200)
      expect(result.json).toEqual(expect.objectContaining({ username: target.credentials.admin.username, roles: expect.any(Array) }))
    })

    it('answers 404 for a user that does not exist', async () => {
      const result = await call(target, 'GET', `/users/${uniqueName('nobody')}`, { session: admin })
      expect(result.status).toBe(404)
      expect(result.json.type).toBe('NotFound')
    })

    it.runIf(mockOnly)('lets a user read themselves but not others', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect((await call(target, 'GET', `/users/${target.credentials.viewer!.username}`, { session: viewer })).json).toEqual({
        username: 'testuser',
        roles: ['user'],
        role: 'user',
      })
      expect((await call(target, 'GET', '/users/admin', { session: viewer })).status).toBe(401)
    })
  })

  describe.runIf(target.allowWrites)('createUser', () => {
    it('creates a user who can then log in', async () => {
      const username = await createUser('Pw-1')
      await loginAs(target, { username, password: 'Pw-1' })
      expect((await call(target, 'GET', `/users/${enc(username)}`, { session: admin })).json).toEqual({ username, roles: [role], role })
    })

    it('accepts UTF-8 in usernames and passwords', async () => {
      const username = `${uniqueName('jürgen')}-日本`
      const password = 'pässwörd-密码'
      const result = await call(target, 'POST', `/users/${enc(username)}`, { session: admin, body: JSON.stringify({ password, role }) })
      expect(result.status).toBe(200)
      created.push(username)
      await loginAs(target, { username, password })
    })

    it('answers 409 for an existing username and leaves the user as it was', async () => {
      const username = await createUser('Original-1')
      const result = await call(target, 'POST', `/users/${enc(username)}`, {
        session: admin,
        body: JSON.stringify({ password: 'Other-2', role }),
      })
      expect(result.status).toBe(409)
      expect(result.json).toEqual({ message: expect.stringContaining('already exists'), type: 'Conflict' })
      await loginAs(target, { username, password: 'Original-1' })
    })

    it.each([
      ['the password is missing', { role: 'user' }],
      ['the role is missing', { password: 'pw' }],
      ['the role does not exist', { password: 'pw', role: 'no-such-role' }],
      ['a field is unknown', { password: 'pw', role: 'user', colour: 'blue' }],
      ['the password is not a string', { password: 42, role: 'user' }],
    ])('answers 400 and creates nothing when %s', async (_case, body) => {
      const username = uniqueName('opsmocks-bad')
      const result = await call(target, 'POST', `/users/${enc(username)}`, { session: admin, body: JSON.stringify(body) })
      expect(result.status).toBe(400)
      expect(result.json.type).toBe('BadRequest')
      expect((await call(target, 'GET', `/users/${enc(username)}`, { session: admin })).status).toBe(404)
    })

    it.runIf(mockOnly)('answers 401 to a non-admin and creates nothing', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      const result = await call(target, 'POST', '/users/sneaky', {
        session: viewer,
        body: JSON.stringify({ password: 'pw', role: 'user' }),
      })
      expect(result.status).toBe(401)
      expect((await call(target, 'GET', '/users/sneaky', { session: admin })).status).toBe(404)
    })
  })

  describe.runIf(target.allowWrites)('updateUser', () => {
    it('lets users change their own password with the matching old_password', async () => {
      const username = await createUser('Before-1')
      const own = await loginAs(target, { username, password: 'Before-1' })
      const result = await call(target, 'PUT', `/users/${enc(username)}`, {
        session: own,
        body: JSON.stringify({ password: 'After-2', old_password: 'Before-1' }),
      })
      expect(result.status).toBe(200)
      await loginAs(target, { username, password: 'After-2' })
    })

    it.each([
      ['old_password is missing', {}],
      ['old_password does not match', { old_password: 'wrong' }],
    ])('answers 400 and keeps the password when %s', async (_case, extra) => {
      const username = await createUser('Keep-1')
      const own = await loginAs(target, { username, password: 'Keep-1' })
      const result = await call(target, 'PUT', `/users/${enc(username)}`, {
        session: own,
        body: JSON.stringify({ password: 'Changed-2', ...extra }),
      })
      expect(result.status).toBe(400)
      await loginAs(target, { username, password: 'Keep-1' })
    })

    it('answers 401 when a non-admin changes their own role, and keeps it', async () => {
      const username = await createUser('Pw-1')
      const own = await loginAs(target, { username, password: 'Pw-1' })
      const result = await call(target, 'PUT', `/users/${enc(username)}`, { session: own, body: JSON.stringify({ role: 'admin' }) })
      expect(result.status).toBe(401)
      expect((await call(target, 'GET', `/users/${enc(username)}`, { session: admin })).json.roles).toEqual([role])
    })

    it('answers 401 when a non-admin changes another user', async () => {
      const [victim, other] = [await createUser('Victim-1'), await createUser('Other-1')]
      const session = await loginAs(target, { username: other, password: 'Other-1' })
      expect((await call(target, 'PUT', `/users/${enc(victim)}`, { session, body: JSON.stringify({ password: 'pwned' }) })).status).toBe(
        401,
      )
      await loginAs(target, { username: victim, password: 'Victim-1' })
    })

    it("lets an admin set another user's password and role without old_password", async () => {
      const username = await createUser('Pw-1', [])
      const result = await call(target, 'PUT', `/users/${enc(username)}`, {
        session: admin,
        body: JSON.stringify({ password: 'Reset-2', role }),
      })
      expect(result.status).toBe(200)
      expect((await call(target, 'GET', `/users/${enc(username)}`, { session: admin })).json).toEqual({ username, roles: [role], role })
      await loginAs(target, { username, password: 'Reset-2' })
    })

    it('answers 404 for a user that does not exist', async () => {
      expect(
        (await call(target, 'PUT', `/users/${uniqueName('nobody')}`, { session: admin, body: JSON.stringify({ password: 'x' }) })).status,
      ).toBe(404)
    })

    it('answers 400 for a body with nothing to change', async () => {
      const username = await createUser()
      expect((await call(target, 'PUT', `/users/${enc(username)}`, { session: admin, body: '{}' })).status).toBe(400)
    })
  })

  describe.runIf(target.allowWrites)('deleteUser', () => {
    it('deletes the user and ends their sessions', async () => {
      const username = await createUser('Pw-1')
      const theirs = await loginAs(target, { username, password: 'Pw-1' })
      expect((await call(target, 'DELETE', `/users/${enc(username)}`, { session: admin })).json).toEqual({})
      expect((await call(target, 'GET', `/users/${enc(username)}`, { session: admin })).status).toBe(404)
      expect((await call(target, 'GET', '/meta', { session: theirs })).status).toBe(401)
    })

    it('answers 404 for a user that does not exist', async () => {
      expect((await call(target, 'DELETE', `/users/${uniqueName('nobody')}`, { session: admin })).status).toBe(404)
    })

    it.runIf(mockOnly)('answers 400 when admins delete themselves', async () => {
      expect((await call(target, 'DELETE', '/users/admin', { session: admin })).status).toBe(400)
    })

    it('answers 401 to a non-admin and deletes nothing', async () => {
      const [victim, other] = [await createUser('Victim-1'), await createUser('Other-1')]
      const session = await loginAs(target, { username: other, password: 'Other-1' })
      expect((await call(target, 'DELETE', `/users/${enc(victim)}`, { session })).status).toBe(401)
      expect((await call(target, 'GET', `/users/${enc(victim)}`, { session: admin })).status).toBe(200)
    })
  })
}
