import { beforeAll, describe, expect, it } from 'vitest'
import { action, controlApi, errorcodeOf, opm, type OpmanagerTarget } from './target'

const LIST_ALARMS = '/api/json/alarm/listAlarms'
const LIST_DEVICES = '/api/json/device/listDevices'

/** Every API-key rule of the seed page, through real requests (mock-only where the codes are opsmocks' own). */
export function authContract(target: OpmanagerTarget): void {
  const mockOnly = target.kind === 'mock'

  describe('API key transport', () => {
    it('accepts the key in the apiKey header', async () => {
      const result = await opm(target, LIST_DEVICES)
      expect(result.status).toBe(200)
      expect(Array.isArray(result.json)).toBe(true)
    })

    it('accepts the header in any case, such as apikey', async () => {
      const result = await opm(target, LIST_DEVICES, { keyHeader: 'apikey' })
      expect(Array.isArray(result.json)).toBe(true)
    })

    it.runIf(mockOnly)('accepts ?apiKey= on a URL that is not header-only', async () => {
      expect(Array.isArray((await opm(target, LIST_DEVICES, { keyIn: 'query' })).json)).toBe(true)
    })

    it.runIf(mockOnly)('accepts the key as a form field of a POST', async () => {
      const result = await opm(target, '/api/json/alarm/addNotes', {
        keyIn: 'form',
        form: { entity: 'IF-1', notes: 'form-authenticated note' },
      })
      expect(result.json).toEqual({ result: { message: expect.any(String) } })
    })

    it.runIf(mockOnly)('rejects a query-string apiKey on a header-only URL with a distinct error', async () => {
      expect(errorcodeOf(await opm(target, LIST_ALARMS, { keyIn: 'query' }))).toBe('API_KEY_NOT_IN_HEADER')
    })

    it.runIf(mockOnly)('answers a missing key with HTTP 200 and API_KEY_MISSING', async () => {
      const result = await opm(target, LIST_DEVICES, { key: null })
      expect(result.status).toBe(200)
      expect(result.json).toEqual({ error: { message: expect.stringMatching(/apiKey/), errorcode: 'API_KEY_MISSING' } })
    })

    it.runIf(mockOnly)('answers an unknown key with API_KEY_INVALID', async () => {
      expect(errorcodeOf(await opm(target, LIST_ALARMS, { key: '0'.repeat(32) }))).toBe('API_KEY_INVALID')
    })
  })

  describe.runIf(mockOnly)('key lifecycle and user access', () => {
    beforeAll(() => target.control!.reset())

    it('fails every key of a user whose REST API access is off, until it is switched on', async () => {
      const key = target.credentials.helpdeskKey!
      expect(errorcodeOf(await opm(target, LIST_DEVICES, { key }))).toBe('REST_API_ACCESS_DISABLED')
      expect((await controlApi.setRestApiAccess(target, 'helpdesk', true)).json.restApiAccess).toBe(true)
      expect(Array.isArray((await opm(target, LIST_DEVICES, { key })).json)).toBe(true)
      await controlApi.setRestApiAccess(target, 'helpdesk', false)
      expect(errorcodeOf(await opm(target, LIST_DEVICES, { key }))).toBe('REST_API_ACCESS_DISABLED')
    })

    it('starts a user added through admin/addUser with REST API access off', async () => {
      const added = await action(target, '/api/json/admin/addUser', { userName: 'newbie', password: 'newbie-pw', privilege: 'Operators' })
      expect(added.json).toEqual({ result: { message: 'User has been successfully added.' } })
      const key = await controlApi.createKey(target, { userName: 'newbie' })
      expect(errorcodeOf(await opm(target, LIST_DEVICES, { key: key.value }))).toBe('REST_API_ACCESS_DISABLED')
      await controlApi.setRestApiAccess(target, 'newbie', true)
      expect(Array.isArray((await opm(target, LIST_DEVICES, { key: key.value })).json)).toBe(true)
    })

    it('stops a disabled key at once and revives it when re-enabled', async () => {
      const key = await controlApi.createKey(target, { userName: 'admin', name: 'toggled' })
      await controlApi.updateKey(target, key.id, { status: 'disabled' })
      expect(errorcodeOf(await opm(target, LIST_DEVICES, { key: key.value }))).toBe('API_KEY_DISABLED')
      await controlApi.updateKey(target, key.id, { status: 'enabled' })
      expect(Array.isArray((await opm(target, LIST_DEVICES, { key: key.value })).json)).toBe(true)
    })

    it('fails a key once the mock clock passes its expiry date', async () => {
      const key = await controlApi.createKey(target, { userName: 'admin', expiresAt: new Date(Date.now() + 3_600_000).toISOString() })
      expect(Array.isArray((await opm(target, LIST_DEVICES, { key: key.value })).json)).toBe(true)
      await target.control!.advanceClock(3_601)
      expect(errorcodeOf(await opm(target, LIST_DEVICES, { key: key.value }))).toBe('API_KEY_EXPIRED')
    })

    it('fails a key created with an expiry in the past, and works again when the expiry is cleared', async () => {
      const key = await controlApi.createKey(target, { userName: 'admin', expiresAt: '2020-01-01' })
      expect(errorcodeOf(await opm(target, LIST_DEVICES, { key: key.value }))).toBe('API_KEY_EXPIRED')
      await controlApi.updateKey(target, key.id, { expiresAt: null })
      expect(Array.isArray((await opm(target, LIST_DEVICES, { key: key.value })).json)).toBe(true)
    })

    it('kills the old value when a key is regenerated, and the new value works', async () => {
      const key = await controlApi.createKey(target, { userName: 'admin' })
      const renewed = await controlApi.regenerateKey(target, key.id)
      expect(renewed.value).toMatch(/^[0-9a-f]{32}$/)
      expect(renewed.value).not.toBe(key.value)
      expect(errorcodeOf(await opm(target, LIST_DEVICES, { key: key.value }))).toBe('API_KEY_REGENERATED')
      expect(Array.isArray((await opm(target, LIST_DEVICES, { key: renewed.value })).json)).toBe(true)
    })

    it('stops a deleted key at once', async () => {
      const key = await controlApi.createKey(target, { userName: 'admin' })
      expect((await controlApi.deleteKey(target, key.id)).json).toEqual({ deleted: key.id })
      expect(errorcodeOf(await opm(target, LIST_DEVICES, { key: key.value }))).toBe('API_KEY_DELETED')
    })

    it('authenticates MCP keys like Custom keys', async () => {
      const key = await controlApi.createKey(target, { userName: 'admin', type: 'MCP' })
      expect(Array.isArray((await opm(target, LIST_ALARMS, { key: key.value })).json)).toBe(true)
    })
  })

  describe.runIf(mockOnly)('key scopes', () => {
    beforeAll(() => target.control!.reset())

    it('lets the seeded read-only module key read alarms and devices', async () => {
      const key = target.credentials.operatorKey!
      expect(Array.isArray((await opm(target, LIST_ALARMS, { key })).json)).toBe(true)
      expect(Array.isArray((await opm(target, LIST_DEVICES, { key })).json)).toBe(true)
    })

    it('refuses a write with a Read module key (API_KEY_MODULE_READ_ONLY) and changes nothing', async () => {
      const key = target.credentials.operatorKey!
      expect(errorcodeOf(await action(target, '/api/json/alarm/clearAlarm', { entity: 'IF-1' }, { key }))).toBe('API_KEY_MODULE_READ_ONLY')
      expect((await opm(target, LIST_ALARMS, { query: { entity: 'IF-1' } })).json[0].numericSeverity).toBe(1)
    })

    it('refuses a module the key has no access to (API_KEY_MODULE_NO_ACCESS)', async () => {
      expect(errorcodeOf(await opm(target, '/api/json/admin/listUsers', { key: target.credentials.operatorKey! }))).toBe(
        'API_KEY_MODULE_NO_ACCESS',
      )
    })

    it('lets a Read/Write module key act in its module only', async () => {
      const key = await controlApi.createKey(target, { userName: 'operator', accessType: 'Module', modules: { Alarms: 'ReadWrite' } })
      expect((await action(target, '/api/json/alarm/acknowledgeAlarm', { entity: 'IF-1' }, { key: key.value })).json.result).toBeDefined()
      expect(errorcodeOf(await opm(target, LIST_DEVICES, { key: key.value }))).toBe('API_KEY_MODULE_NO_ACCESS')
    })

    it('limits a Specific API key to its listed endpoints, telling v1 from v2', async () => {
      const key = await controlApi.createKey(target, {
        userName: 'admin',
        accessType: 'SpecificAPI',
        apis: ['v1/alarm/listAlarms', 'v2/device/listDevices'],
      })
      expect(Array.isArray((await opm(target, LIST_ALARMS, { key: key.value })).json)).toBe(true)
      expect((await opm(target, '/api/json/v2/device/listDevices', { key: key.value })).json.rows).toBeDefined()
      expect(errorcodeOf(await opm(target, LIST_DEVICES, { key: key.value }))).toBe('API_KEY_API_NOT_ALLOWED')
    })

    it('applies a changed scope on the next call', async () => {
      const key = await controlApi.createKey(target, { userName: 'admin' })
      await controlApi.updateKey(target, key.id, { accessType: 'Module', modules: { Inventory: 'NoAccess' } })
      expect(errorcodeOf(await opm(target, LIST_DEVICES, { key: key.value }))).toBe('API_KEY_MODULE_NO_ACCESS')
    })

    it('refuses administrator-only calls to an Operators user even with an All-access key', async () => {
      const key = await controlApi.createKey(target, { userName: 'operator' })
      expect(
        errorcodeOf(
          await action(
            target,
            '/api/json/admin/addUser',
            { userName: 'x1', password: 'secret1', privilege: 'Operators' },
            { key: key.value },
          ),
        ),
      ).toBe('USER_PRIVILEGE_DENIED')
    })
  })
}
