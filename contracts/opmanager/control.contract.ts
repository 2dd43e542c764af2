import { beforeAll, describe, expect, it } from 'vitest'
import { controlApi, type OpmanagerTarget } from './target'

/** The mock-only key and user management API under /__opsmocks/opmanager. */
export function controlContract(target: OpmanagerTarget): void {
  describe.runIf(target.kind === 'mock')('opsmocks control API', () => {
    beforeAll(() => target.control!.reset())

    it('controlListKeys lists the seeded keys with their fixed values and scopes', async () => {
      const keys = (await controlApi.raw(target, 'GET', '/keys')).json as any[]
      expect(keys.map((key) => [key.userName, key.value, key.accessType])).toEqual([
        ['admin', target.credentials.adminKey, 'All'],
        ['operator', target.credentials.operatorKey, 'Module'],
        ['helpdesk', target.credentials.helpdeskKey, 'All'],
      ])
      expect(keys[1].modules).toEqual({ Alarms: 'Read', Events: 'Read', Inventory: 'Read', Discovery: 'Read', UserManagement: 'NoAccess' })
    })

    it('controlCreateKey fills the UI defaults and a random 32-hex value', async () => {
      const result = await controlApi.raw(target, 'POST', '/keys', { userName: 'operator', description: 'dashboards' })
      expect(result.status).toBe(201)
      expect(result.json).toMatchObject({
        userName: 'operator',
        type: 'Custom',
        status: 'enabled',
        accessType: 'All',
        expiresAt: null,
        value: expect.stringMatching(/^[0-9a-f]{32}$/),
      })
    })

    it('controlCreateKey normalises Specific API names and keeps a given value', async () => {
      const key = await controlApi.createKey(target, {
        userName: 'admin',
        value: 'frontend-dev-key-1',
        accessType: 'SpecificAPI',
        apis: ['/api/json/alarm/listAlarms', 'v2/device/listDevices'],
      })
      expect(key.value).toBe('frontend-dev-key-1')
      expect(key.apis).toEqual(['v1/alarm/listAlarms', 'v2/device/listDevices'])
    })

    it('controlCreateKey answers 400 for a bad field or unknown user and 409 for a taken value', async () => {
      expect((await controlApi.raw(target, 'POST', '/keys', { userName: 'admin', accessType: 'Everything' })).status).toBe(400)
      expect((await controlApi.raw(target, 'POST', '/keys', { userName: 'nobody' })).status).toBe(400)
      expect((await controlApi.raw(target, 'POST', '/keys', { userName: 'admin', expiresAt: 'someday' })).status).toBe(400)
      const taken = await controlApi.raw(target, 'POST', '/keys', { userName: 'admin', value: target.credentials.adminKey })
      expect(taken.status).toBe(409)
      expect(taken.json.error.errorcode).toBe('CONTROL_CONFLICT')
    })

    it('controlGetKey, controlUpdateKey and controlDeleteKey answer 404 for an unknown id', async () => {
      expect((await controlApi.raw(target, 'GET', '/keys/999')).status).toBe(404)
      expect((await controlApi.raw(target, 'PATCH', '/keys/999', { status: 'disabled' })).status).toBe(404)
      expect((await controlApi.raw(target, 'DELETE', '/keys/999')).status).toBe(404)
      expect((await controlApi.raw(target, 'POST', '/keys/999/regenerate')).status).toBe(404)
    })

    it('controlUpdateKey and controlUpdateUser answer 400 and change nothing for a bad value', async () => {
      const before = (await controlApi.raw(target, 'GET', '/keys/2')).json
      expect((await controlApi.raw(target, 'PATCH', '/keys/2', { status: 'sleeping' })).status).toBe(400)
      expect((await controlApi.raw(target, 'GET', '/keys/2')).json).toEqual(before)
      expect((await controlApi.raw(target, 'PATCH', '/users/helpdesk', { restApiAccess: 'maybe' })).status).toBe(400)
    })

    it('controlUpdateKey changes only the given fields and stores the expiry as an ISO instant', async () => {
      const updated = await controlApi.updateKey(target, '2', { name: 'renamed', expiresAt: '2030-01-31' })
      expect(updated).toMatchObject({ id: '2', name: 'renamed', expiresAt: '2030-01-31T00:00:00.000Z', accessType: 'Module' })
      expect((await controlApi.raw(target, 'GET', '/keys/2')).json.name).toBe('renamed')
    })

    it('controlUpdateUser switches REST API access and answers 404 for an unknown user', async () => {
      expect((await controlApi.setRestApiAccess(target, 'helpdesk', true)).json).toMatchObject({
        userName: 'helpdesk',
        restApiAccess: true,
      })
      expect((await controlApi.raw(target, 'GET', '/users')).json.find((user: any) => user.userName === 'helpdesk').restApiAccess).toBe(
        true,
      )
      expect((await controlApi.setRestApiAccess(target, 'nobody', true)).status).toBe(404)
    })

    it('restores the seeded keys and users on reset', async () => {
      await target.control!.reset()
      expect((await controlApi.raw(target, 'GET', '/keys')).json).toHaveLength(3)
      expect((await controlApi.raw(target, 'GET', '/users')).json.find((user: any) => user.userName === 'helpdesk').restApiAccess).toBe(
        false,
      )
    })
  })
}
