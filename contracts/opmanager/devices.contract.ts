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

    it.runIf(mockOnly)('holds 50 seeded devices of mixed categories and vendors', async () => {
      await target.control!.reset()
      const list = await devices(target)
      expect(list.length).toBe(50)
      expect(new Set(list.map((device) => device.category)).size).toBeGreaterThanOrEqual(8)
      expect(new Set(list.map((device) => device.vendorName)).size).toBeGreaterThanOrEqual(8)
    })

    it.runIf(mockOnly)('filters by category, type, vendor and severity', async () => {
      expect((await devices(target, { category: 'Router' })).map((device) => device.displayName).sort()).toEqual([
        'aus-rtr-01',
        'core-rtr-01',
        'core-rtr-02',
        'fra-rtr-01',
        'wan-rtr-01',
      ])
      expect((await devices(target, { vendor: 'Cisco', type: 'Cisco Catalyst 9300' })).length).toBe(2)
      const critical = await devices(target, { severity: '1' })
      expect(critical.length).toBeGreaterThan(0)
      expect(critical.every((device) => device.statusNum === '1')).toBe(true)
    })

    it.runIf(mockOnly)('filters by business view and logical group membership', async () => {
      const shop = await devices(target, { bvName: 'Web Shop_bv' })
      expect(shop.map((device) => device.displayName).sort()).toEqual([
        'app-01',
        'app-02',
        'db-01',
        'db-02',
        'lb-01',
        'lb-02',
        'web-01',
        'web-02',
      ])
      expect(await devices(target, { bvName: 'Web Shop' })).toEqual(shop)
      expect((await devices(target, { groupName: 'Linux Servers' })).every((device) => device.type === 'Linux')).toBe(true)
      expect(await devices(target, { bvName: 'No such view' })).toEqual([])
      expect((await opm(target, V2, { query: { bvName: 'Web Shop_bv' } })).json.records).toBe(8)
    })

    it.runIf(mockOnly)('sorts by sortByColumn and sortByType and slices with page and rows', async () => {
      const sorted = await devices(target, { sortByColumn: 'ipaddress', sortByType: 'desc' })
      expect(sorted[0].ipaddress).toBe('10.70.8.102')
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
      expect(result).toMatchObject({ total: 2, page: 1, records: 50 })
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

    it('getDeviceSummary gives dials from the monitors, availability and counts', async () => {
      const summary = (await opm(target, '/api/json/device/getDeviceSummary', { query: name })).json
      expect(summary).toMatchObject({ displayName: 'core-rtr-01', statusNum: '1', interfaceCount: expect.any(Number) })
      expect(summary.dials.map((dial: any) => dial.name)).toEqual(['SNMP-CPUUtilization', 'SNMP-MemoryUtilization', 'PacketLoss'])
      expect(summary.availability.Up + summary.availability.Down).toBeCloseTo(100)
    })

    it('getDeviceInfo gives the inventory fields as strings, found by displayName, IP or DNS name too', async () => {
      const info = (await opm(target, '/api/json/device/getDeviceInfo', { query: { name: 'core-rtr-01' } })).json
      expect(info).toMatchObject({
        Manufacturer: 'Cisco',
        Model: 'Cisco 2900 IS Series',
        MACAddress: expect.stringMatching(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/),
      })
      for (const value of Object.values(info)) expect(typeof value).toBe('string')
      expect((await opm(target, '/api/json/device/getDeviceInfo', { query: { deviceName: '10.10.0.1' } })).json).toEqual(info)
      expect((await opm(target, '/api/json/device/getDeviceInfo', { query: { dnsName: 'core-rtr-01.example.net' } })).json).toEqual(info)
    })

    it('getDeviceNotes lists the custom fields with their values', async () => {
      const notes = (await opm(target, '/api/json/device/getDeviceNotes', { query: name })).json
      expect(notes.map((field: any) => field.ALIASNAME)).toEqual(['UDF1', 'UDF2', 'UDF3', 'UDF4', 'UDF5', 'UDF6', 'UDF7', 'UDF8'])
      expect(notes.find((field: any) => field.FIELDNAME === 'Building')).toMatchObject({
        FIELDVALUE: 'London HQ',
        ISEDITABLE: true,
        FIELDLENGTH: 100,
      })
    })

    it.runIf(target.kind === 'mock')('listDevices filters by protocol: SNMP and WMI split the devices, all keeps them', async () => {
      const list = async (protocol: string) =>
        ((await opm(target, '/api/json/device/listDevices', { query: { protocol } })).json as any[]).map((device) => device.deviceName)
      const all = await list('all')
      const snmp = await list('SNMP')
      const wmi = await list('WMI')
      expect(snmp.length).toBeGreaterThan(0)
      expect(wmi.length).toBeGreaterThan(0)
      expect([...snmp, ...wmi].sort()).toEqual([...all].sort())
      expect(errorcodeOf(await opm(target, '/api/json/device/listDevices', { query: { protocol: 'Telepathy' } }))).toBe(
        'PATTERN_NOT_MATCHED',
      )
    })

    it.runIf(target.kind === 'mock')('listDevices selectedVTypes picks VMs, hosts and vCenter from the virtual inventory', async () => {
      const list = async (selectedVTypes: string) =>
        ((await opm(target, '/api/json/device/listDevices', { query: { selectedVTypes } })).json as any[])
          .map((device) => device.displayName)
          .sort()
      expect(await list('VMware-Host')).toEqual(['esx-01', 'esx-02', 'esx-03'])
      expect(await list('VMware-vCenter')).toEqual(['vcenter-01'])
      expect(await list('HyperV-Host|Nutanix-Host')).toEqual(['hyperv-01', 'ntnx-01'])
      const vms = await list('VMware-VM')
      expect(vms).toEqual(expect.arrayContaining(['web-01', 'app-01', 'mon-01']))
      expect(vms).not.toContain('esx-01')
      expect(await list('Xen-VM')).toEqual([])
    })

    it('getCategoryList maps category keys to display names', async () => {
      const categories = (await action(target, '/api/json/device/getCategoryList', {})).json
      expect(categories).toMatchObject({ Router: 'Router', LoadBalancer: 'Load Balancer', Server: 'Server' })
    })

    it('getInfrastructureDetailsView lists the devices of a category with their last monitor values', async () => {
      const view = (await opm(target, '/api/json/discovery/getInfrastructureDetailsView', { query: { categoryName: 'Router' } })).json
      const routers = await devices(target, { category: 'Router' })
      expect(view.InfrastructureDetailsView.TotalRecords).toBe(String(routers.length))
      const core = view.InfrastructureDetailsView.Details.find((row: any) => row.name === '10.10.0.1')
      expect(core).toMatchObject({
        displayName: 'core-rtr-01',
        severity: '1',
        status: 'Critical',
        monitors: { CPUUtilization: expect.any(Number) },
      })
    })

    it('answers DEVICE_NOT_FOUND for an unknown name and LESS_THAN_MIN_OCCURANCE without one', async () => {
      for (const path of ['getDeviceSummary', 'getDeviceInfo', 'getInterfaces', 'getDeviceAssociatedMonitors', 'getDeviceNotes']) {
        expect(errorcodeOf(await opm(target, `/api/json/device/${path}`, { query: { name: 'no-such-device' } }))).toBe('DEVICE_NOT_FOUND')
        expect(errorcodeOf(await opm(target, `/api/json/device/${path}`))).toBe('LESS_THAN_MIN_OCCURANCE')
      }
    })
  })

  describe.runIf(mockOnly)('device writes', () => {
    beforeAll(() => target.control!.reset())

    it('setManaged false makes a device UnManaged (7) and true restores its status', async () => {
      expect((await action(target, '/api/json/device/setManaged', { name: '10.10.0.1', manage: 'false' })).json).toEqual({
        result: { message: 'Device is being unmanaged.' },
      })
      expect((await devices(target, { severity: '7' })).map((device) => device.deviceName)).toEqual(['10.10.0.1'])
      expect((await action(target, '/api/json/device/setManaged', { name: '10.10.0.1', manage: 'true' })).json).toEqual({
        result: { message: 'Device is being managed.' },
      })
      expect((await devices(target, { category: 'Router' })).find((device) => device.deviceName === '10.10.0.1').statusNum).toBe('1')
    })

    it('setDeviceInfo changes inventory fields that getDeviceInfo then shows, and refuses unknown fields', async () => {
      const values = JSON.stringify({ SerialNumber: 'FGL120A10AY', RAM: '65536' })
      expect((await action(target, '/api/json/device/setDeviceInfo', { name: '10.10.0.1', values })).json).toEqual({
        result: { message: 'Hardware details updated successfully.' },
      })
      expect((await opm(target, '/api/json/device/getDeviceInfo', { query: { name: '10.10.0.1' } })).json).toMatchObject({
        SerialNumber: 'FGL120A10AY',
        RAM: '65536',
      })
      expect(errorcodeOf(await action(target, '/api/json/device/setDeviceInfo', { name: '10.10.0.1', values: '{"Colour":"red"}' }))).toBe(
        'PATTERN_NOT_MATCHED',
      )
      expect(errorcodeOf(await action(target, '/api/json/device/setDeviceInfo', { name: '10.10.0.1', values: '{"RAM":1}' }))).toBe(
        'DATATYPE_NOT_MATCHED',
      )
      expect(errorcodeOf(await action(target, '/api/json/device/setDeviceInfo', { name: '10.10.0.1', values: 'RAM=1' }))).toBe(
        'UNABLE_TO_PARSE_DATA_TYPE',
      )
    })

    it('addDevice answers {"device": …} and adds a device that listDevices shows; a second add is DEVICE_ALREADY_EXISTS', async () => {
      const added = (await action(target, '/api/json/discovery/addDevice', { deviceName: '10.99.0.5', credentialName: 'public-v2c' })).json
      expect(added).toEqual({
        device: { deviceName: '10.99.0.5', deviceIp: '10.99.0.5', moid: expect.any(Number), message: 'Device added successfully.' },
      })
      expect((await devices(target)).find((device) => device.deviceName === '10.99.0.5')).toMatchObject({
        category: 'Unknown',
        statusNum: '5',
        isNew: true,
        moid: added.device.moid,
      })
      expect(
        errorcodeOf(await action(target, '/api/json/discovery/addDevice', { deviceName: '10.99.0.5', credentialName: 'public-v2c' })),
      ).toBe('DEVICE_ALREADY_EXISTS')
    })

    it('deleteDevice removes a device with its alarms, events and memberships', async () => {
      const view = async () =>
        (await opm(target, '/api/json/businessview/getBusinessDetailsView', { query: { bvName: 'Web Shop_bv' } })).json.BusinessDetailsView
      expect((await view()).Details.map((row: any) => row.name)).toContain('10.20.0.11')
      expect((await action(target, '/api/json/device/deleteDevice', { name: '10.20.0.11' })).json).toEqual({
        result: { message: 'Device deleted successfully.' },
      })
      expect((await devices(target)).some((device) => device.deviceName === '10.20.0.11')).toBe(false)
      expect((await opm(target, '/api/json/alarm/listAlarms', { query: { deviceName: '10.20.0.11' } })).json).toEqual([])
      expect((await view()).Details.map((row: any) => row.name)).not.toContain('10.20.0.11')
      expect(errorcodeOf(await action(target, '/api/json/device/deleteDevice', { name: '10.20.0.11' }))).toBe('DEVICE_NOT_FOUND')
    })

    it('getDownDevices lists devices with an uncleared DEVICE-DOWN alarm in the vendor envelope, and clearing it takes the device off', async () => {
      const down = (await opm(target, '/api/json/discovery/getDownDevices')).json.DownDevices.Details as any[]
      expect(down.length).toBeGreaterThan(0)
      expect(Object.keys(down[0]).sort()).toEqual(['category', 'displayName', 'name', 'type'])
      const alarm = (
        await opm(target, '/api/json/alarm/listAlarms', { query: { deviceName: down[0].name, alertType: 'ActiveAlarms' } })
      ).json.find((item: any) => item.alarmcode === 'DEVICE-DOWN')
      await action(target, '/api/json/alarm/clearAlarm', { entity: alarm.entity })
      const after = (await opm(target, '/api/json/discovery/getDownDevices')).json.DownDevices.Details as any[]
      expect(after.map((device) => device.name)).not.toContain(down[0].name)
    })
  })
}
