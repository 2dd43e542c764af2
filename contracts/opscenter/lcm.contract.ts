import { beforeAll, describe, expect, it } from 'vitest'
import { uniqueName } from '../support/target'
import { call, dropCookieSession, loginAs, type OpscenterSession, type OpscenterTarget } from './target'

const KINDS = [
  {
    kind: 'repositories',
    type: 'repository',
    body: { 'use-proxy': false, comment: 'Created by opsmocks', 'repo-url': null, 'repo-key-url': null },
  },
  {
    kind: 'machine_credentials',
    type: 'machine_credential',
    body: {
      'login-user': 'ubuntu',
      'login-password': 'pw',
      'become-user': 'root',
      'become-password': 'pw',
      'become-mode': 'sudo',
      'ssh-private-key': null,
      'use-ssh-keys': false,
    },
  },
  { kind: 'clusters', type: 'cluster', body: { comment: null } },
] as const

export function lcmContract(target: OpscenterTarget): void {
  let admin: OpscenterSession
  beforeAll(async () => {
    admin = await loginAs(target, target.credentials.admin)
  })

  describe.each(KINDS)('LCM $kind', ({ kind, type, body }) => {
    const base = `/api/v2/lcm/${kind}/`

    it('lists objects as {"results": [...]}', async () => {
      const result = await call(target, 'GET', base, { session: admin })
      expect(result.status).toBe(200)
      expect(result.json.results).toEqual(expect.any(Array))
    })

    it.runIf(target.allowWrites)('creates an object with an id, reads it back and deletes it', async () => {
      const name = uniqueName('opsmocks')
      const created = await call(target, 'POST', base, {
        session: admin,
        body: JSON.stringify({ name, ...body }),
        headers: { 'Content-Type': 'application/json' },
      })
      expect(created.status).toBe(201)
      expect(created.json).toEqual(expect.objectContaining({ id: expect.any(String), name, type }))
      expect((await call(target, 'GET', `${base}${created.json.id}/`, { session: admin })).json).toEqual(created.json)
      expect((await call(target, 'GET', base, { session: admin })).json.results.map((item: any) => item.id)).toContain(created.json.id)
      expect((await call(target, 'DELETE', `${base}${created.json.id}/`, { session: admin })).status).toBe(200)
      expect((await call(target, 'GET', `${base}${created.json.id}/`, { session: admin })).status).toBe(404)
    })

    it.runIf(target.kind === 'mock')('never returns passwords or keys', async () => {
      const created = await call(target, 'POST', base, { session: admin, body: JSON.stringify({ name: uniqueName('secret'), ...body }) })
      expect(Object.keys(created.json)).not.toEqual(expect.arrayContaining(['login-password']))
      expect(created.json).not.toHaveProperty('become-password')
    })

    it.runIf(target.allowWrites)('answers 400 and creates nothing without a name', async () => {
      const before = (await call(target, 'GET', base, { session: admin })).json.results.length
      const result = await call(target, 'POST', base, { session: admin, body: JSON.stringify(body) })
      expect(result.status).toBe(400)
      expect(result.json.type).toBe('BadRequest')
      expect((await call(target, 'GET', base, { session: admin })).json.results).toHaveLength(before)
    })

    it('answers 404 for an id that does not exist', async () => {
      expect((await call(target, 'GET', `${base}00000000-0000-4000-8000-000000000000/`, { session: admin })).status).toBe(404)
    })

    it.runIf(target.allowWrites)('answers 404 when deleting an id that does not exist', async () => {
      expect((await call(target, 'DELETE', `${base}00000000-0000-4000-8000-000000000000/`, { session: admin })).status).toBe(404)
    })

    it('answers 401 without a session', async () => {
      await dropCookieSession(target)
      expect((await call(target, 'GET', base)).status).toBe(401)
    })

    it.runIf(target.kind === 'mock')('answers 401 to a non-admin', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect((await call(target, 'GET', base, { session: viewer })).status).toBe(401)
    })
  })
}
