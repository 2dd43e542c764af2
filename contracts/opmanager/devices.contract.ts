import { beforeAll, describe, expect, it } from 'vitest'
import { action, errorcodeOf, opm, type OpmanagerTarget } from './target'

const V1 = '/api/json/device/listDevices'
const V2 = '/api/json/v2/device/listDevices'
const devices = (target: OpmanagerTarget, query: Record<string, string> = {}) =>
  opm(target, V1, { query }).then((result) => result.json as any[])

export function devicesContract(target: OpmanagerTarget): void {
  const mockOnly = target.kind === 'mock'

  describe('listDevices', () => {
    it('answers v1 as a bare array with string id and statusNum and a numeric moid', async () => {
      const list = await devices(target)
      expect(Array.isArray(list)).toBe(true)
      for (const device of list.slice(0, 5)) {
        expect(typeof device.statusNum).toBe('string')
        if (device.id !== undefined) expect(typeof device.id).toBe('string')
        if (device.moid !== undefined) expect(typeof device.moid).toBe('number')
      }
    })

    it.runIf(mockOnly)('holds 30 seeded devices of mixed categories and vendors', async () => {
      await target.control!.reset()
      const list = await devices(target)
      expect(list.length).toBe(30)
      expect(new Set(list.map((device) => device.category)).size).toBeGreaterThanOrEqual(8)
      expect(new Set(list.map((device) => device.vendorName)).size).toBeGreaterThanOrEqual(8)
    })

    it.runIf(mockOnly)('filters by category, type, vendor and severity', async () => {
      expect((await devices(target, { category: 'Router' })).map((device) => device.displayName).sort()).toEqual([
        'core-rtr-01',
        'core-rtr-02',
        'wan-rtr-01',
      ])
      expect((await devices(target, { vendor: 'Cisco', type: 'Cisco Catalyst 9300' })).length).toBe(2)
      const critical = await devices(target, { severity: '1' })
      expect(critical.length).toBeGreaterThan(0)
      expect(critical.every((device) => device.statusNum === '1')).toBe(true)
    })

    it.runIf(mockOnly)('sorts by sortByColumn and sortByType and slices with page and rows', async () => {
      const sorted = await devices(target, { sortByColumn: 'ipaddress', sortByType: 'desc' })
      expect(sorted[0].ipaddress).toBe('10.70.0.102')
      const page = await devices(target, { sortByColumn: 'ipaddress', sortByType: 'desc', rows: '5', page: '2' })
      expect(page).toEqual(sorted.slice(5, 10))
    })

    it('answers v2 as {total, page, records, rows} with total counting pages', async () => {
      const result = (await opm(target, V2, { query: { rows: '7', page: '2' } })).json
      expect(result).toMatchObject({ page: 2, records: expect.any(Number), rows: expect.any(Array) })
      expect(result.total).toBe(Math.ceil(result.records / 7))
      expect(result.rows.length).toBeLessThanOrEqual(7)
    })

    it.runIf(mockOnly)('pages v2 by 25 rows by default', async () => {
      const result = (await opm(target, V2)).json
      expect(result).toMatchObject({ total: 2, page: 1, records: 30 })
      expect(result.rows.length).toBe(25)
    })

    it.runIf(mockOnly)(
      'rejects a non-integer page with DATATYPE_NOT_MATCHED and an unknown sort column with PATTERN_NOT_MATCHED',
      async () => {
        expect(errorcodeOf(await opm(target, V2, { query: { page: 'two' } }))).toBe('DATATYPE_NOT_MATCHED')
        expect(errorcodeOf(await opm(target, V1, { query: { sortByColumn: 'password' } }))).toBe('PATTERN_NOT_MATCHED')
        expect(errorcodeOf(await opm(target, V1, { query: { rows: '0' } }))).toBe('PATTERN_NOT_MATCHED')
      },
    )
  })

  describe.runIf(mockOnly)('one device', () => {
    beforeAll(() => target.control!.reset())
    const name = { name: '10.10.0.1' }

    it('getDeviceSummary gives dials, availability and counts', async () => {
      const summary = (await opm(target, '/api/json/device/getDeviceSummary', { query: name })).json
      expect(summary).toMatchObject({ displayName: 'core-rtr-01', statusNum: '1', interfaceCount: expect.any(Number) })
      expect(summary.dials.length).toBeGreaterThan(0)
      expect(summary.availability.Up + summary.availability.Down).toBeCloseTo(100)
    })

    it('getDeviceInfo gives the device properties, found by displayName too', async () => {
      const info = (await opm(target, '/api/json/device/getDeviceInfo', { query: { name: 'core-rtr-01' } })).json
      expect(info).toMatchObject({ id: '1', moid: 1001, deviceName: '10.10.0.1', managed: true, vendorName: 'Cisco' })
    })

    it('getInterfaces lists the device interfaces, IF-1 down', async () => {
      const interfaces = (await opm(target, '/api/json/device/getInterfaces', { query: name })).json
      expect(interfaces.length).toBeGreaterThan(1)
      expect(interfaces[0]).toMatchObject({ interfaceName: 'IF-1', statusStr: 'Down', deviceName: '10.10.0.1' })
    })

    it('listInterfaces pages every interface and filters by device and status', async () => {
      const all = (await opm(target, '/api/json/device/listInterfaces', { query: { rows: '1000' } })).json
      expect(all.records).toBeGreaterThan(30)
      const down = (await opm(target, '/api/json/device/listInterfaces', { query: { status: 'Down' } })).json
      expect(down.rows.map((item: any) => item.interfaceName)).toContain('IF-1')
      const mine = (await opm(target, '/api/json/device/listInterfaces', { query: { deviceName: '10.10.0.1' } })).json
      expect(mine.rows.every((item: any) => item.deviceName === '10.10.0.1')).toBe(true)
    })

    it('getDeviceAssociatedMonitors answers the documented performanceMonitors block', async () => {
      const { performanceMonitors } = (await opm(target, '/api/json/device/getDeviceAssociatedMonitors', { query: name })).json
      expect(performanceMonitors.total).toBe(performanceMonitors.monitors.length)
      expect(performanceMonitors.monitors.map((monitor: any) => monitor.name)).toContain('CPUUSAGE')
    })

    it('answers DEVICE_NOT_FOUND for an unknown name and LESS_THAN_MIN_OCCURANCE without one', async () => {
      for (const path of ['getDeviceSummary', 'getDeviceInfo', 'getInterfaces', 'getDeviceAssociatedMonitors']) {
        expect(errorcodeOf(await opm(target, `/api/json/device/${path}`, { query: { name: 'no-such-device' } }))).toBe('DEVICE_NOT_FOUND')
        expect(errorcodeOf(await opm(target, `/api/json/device/${path}`))).toBe('LESS_THAN_MIN_OCCURANCE')
      }
    })
  })

  describe.runIf(mockOnly)('device writes', () => {
    beforeAll(() => target.control!.reset())

    it('setManaged false makes a device UnManaged (7) and true restores its status', async () => {
      expect((await action(target, '/api/json/device/setManaged', { name: '10.10.0.1', manage: 'false' })).json).toEqual({
        result: { message: 'Device has been successfully unmanaged' },
      })
      expect((await devices(target, { severity: '7' })).map((device) => device.deviceName)).toEqual(['10.10.0.1'])
      expect((await opm(target, '/api/json/device/getDeviceInfo', { query: { name: '10.10.0.1' } })).json.managed).toBe(false)
      await action(target, '/api/json/device/setManaged', { name: '10.10.0.1', manage: 'true' })
      expect((await devices(target, { category: 'Router' })).find((device) => device.deviceName === '10.10.0.1').statusNum).toBe('1')
    })

    it('addDevice adds a device that listDevices then shows; a second add is DEVICE_ALREADY_EXISTS', async () => {
      expect(
        (await action(target, '/api/json/discovery/addDevice', { deviceName: '10.99.0.5', credentialName: 'public-v2c' })).json.result
          .message,
      ).toMatch(/10\.99\.0\.5/)
      expect((await devices(target)).find((device) => device.deviceName === '10.99.0.5')).toMatchObject({
        category: 'Unknown',
        statusNum: '5',
        isNew: true,
      })
      expect(
        errorcodeOf(await action(target, '/api/json/discovery/addDevice', { deviceName: '10.99.0.5', credentialName: 'public-v2c' })),
      ).toBe('DEVICE_ALREADY_EXISTS')
    })

    it('getDownDevices lists devices with an uncleared DEVICE-DOWN alarm, and clearing it takes the device off', async () => {
      const down = (await opm(target, '/api/json/discovery/getDownDevices')).json as any[]
      expect(down.length).toBeGreaterThan(0)
      const alarm = (
        await opm(target, '/api/json/alarm/listAlarms', { query: { deviceName: down[0].deviceName, alertType: 'ActiveAlarms' } })
      ).json.find((item: any) => item.alarmcode === 'DEVICE-DOWN')
      await action(target, '/api/json/alarm/clearAlarm', { entity: alarm.entity })
      const after = (await opm(target, '/api/json/discovery/getDownDevices')).json as any[]
      expect(after.map((device) => device.deviceName)).not.toContain(down[0].deviceName)
    })
  })
}
