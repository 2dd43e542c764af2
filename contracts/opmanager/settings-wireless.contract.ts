import { beforeAll, describe, expect, it } from 'vitest'
import { action, errorcodeOf, opm, type OpmanagerTarget } from './target'

const WLC = '10.10.3.1'

export function settingsAndWirelessContract(target: OpmanagerTarget): void {
  describe.runIf(target.kind === 'mock')('settings', () => {
    beforeAll(() => target.control!.reset())

    it('listSubnets groups every device by /24 with counts per status that add up to the device list', async () => {
      const subnets = (await opm(target, '/api/json/device/listSubnets')).json as Record<string, any>
      const devices = (await opm(target, '/api/json/device/listDevices')).json as any[]
      const counted = Object.values(subnets)
        .flatMap((subnet) => subnet.data)
        .reduce((sum, row) => sum + Number(row.Count), 0)
      expect(counted).toBe(devices.length)
      expect(subnets['10.10.0.0.10000000001']).toMatchObject({ displayName: '10.10.0.0', subnetDisplayName: 'London HQ' })
      const core = subnets['10.10.0.0.10000000001'].data as any[]
      const routers = devices.filter((device) => device.ipaddress.startsWith('10.10.0.'))
      expect(core.find((row) => row.Label === 'Critical').Count).toBe(String(routers.filter((device) => device.statusNum === '1').length))
    })

    it('addDevice needs a credential listCredentials knows', async () => {
      const credentials = (await opm(target, '/api/json/admin/listCredentials')).json as any[]
      expect(credentials.map((credential) => credential.credentialName)).toContain('public-v2c')
      expect(
        errorcodeOf(
          await action(target, '/api/json/discovery/addDevice', { deviceName: '10.99.0.7', credentialName: 'no-such-credential' }),
        ),
      ).toBe('CREDENTIAL_NOT_FOUND')
    })

    it('lists the SNMP trap processors, the link traps among them', async () => {
      const processors = (await opm(target, '/api/json/admin/listTrapProcessors')).json as any[]
      expect(processors.find((processor) => processor.trapName === 'Link Down')).toMatchObject({
        trapOID: '.1.3.6.1.6.3.1.1.5.3',
        severity: 'Critical',
        status: 'Enabled',
      })
      expect(processors.find((processor) => processor.trapName === 'Link Up')).toMatchObject({ severity: 'Clear' })
    })

    it('adds and deletes a Windows domain', async () => {
      expect(
        (await action(target, '/api/json/admin/addDomain', { domainName: 'lab.example.net', domainController: 'dc-lab.example.net' })).json,
      ).toEqual({
        result: { message: 'Domain has been successfully added.' },
      })
      expect(errorcodeOf(await action(target, '/api/json/admin/addDomain', { domainName: 'LAB.example.net', domainController: 'x' }))).toBe(
        'DOMAIN_ALREADY_EXISTS',
      )
      expect((await action(target, '/api/json/admin/deleteDomain', { domainName: 'lab.example.net' })).json.result).toBeDefined()
      expect(errorcodeOf(await action(target, '/api/json/admin/deleteDomain', { domainName: 'lab.example.net' }))).toBe('DOMAIN_NOT_FOUND')
      expect(errorcodeOf(await action(target, '/api/json/admin/addDomain', { domainName: 'not a domain', domainController: 'x' }))).toBe(
        'PATTERN_NOT_MATCHED',
      )
    })

    it('listDeviceTemplates has one template per device type, counting the devices', async () => {
      const templates = (await opm(target, '/api/json/admin/listDeviceTemplates')).json as any[]
      const devices = (await opm(target, '/api/json/device/listDevices')).json as any[]
      expect(templates.reduce((sum, template) => sum + Number(template.deviceCount), 0)).toBe(devices.length)
      expect(templates.find((template) => template.deviceType === 'VMware ESXi 8.0')).toMatchObject({
        category: 'Virtual Device',
        deviceCount: '3',
      })
    })
  })

  describe.runIf(target.kind === 'mock')('wireless', () => {
    beforeAll(() => target.control!.reset())

    it('SSIDs, clients per SSID and clients per access point count the same clients', async () => {
      const networks = (await opm(target, '/api/json/wireless/getWirelessNetworkDetails', { query: { deviceName: WLC } })).json as any[]
      expect(networks.map((network) => network.SSIDName)).toEqual(['Corp', 'Guest', 'IoT'])
      const perSsid = (await opm(target, '/api/json/wireless/getSSIDClientList', { query: { deviceName: WLC } })).json
      const total = networks.reduce((sum, network) => sum + Number(network.ClientCount), 0)
      expect(perSsid.clientCount).toBe(total)
      const perAp = (await opm(target, '/api/json/wireless/getClientDetails', { query: { deviceName: WLC } })).json as any[]
      expect(perAp.reduce((sum, ap) => sum + Number(ap.ClientCount), 0)).toBe(total)
      const corp = (await opm(target, '/api/json/wireless/getClientDetails', { query: { deviceName: WLC, ssidName: 'Corp' } }))
        .json as any[]
      expect(corp.reduce((sum, ap) => sum + Number(ap.ClientCount), 0)).toBe(Number(networks[0].ClientCount))
    })

    it('lists the access points, unmonitored ones as Not Monitored', async () => {
      const aps = (await opm(target, '/api/json/wireless/getWirelessAPList', { query: { deviceName: WLC } })).json as any[]
      expect(aps.map((ap) => ap.apDisplayName)).toEqual([
        'LON-F1-AP01',
        'LON-F1-AP02',
        'LON-F2-AP03',
        'LON-F2-AP04',
        'LON-F3-AP05',
        'LON-F3-AP06',
      ])
      expect(aps[5]).toMatchObject({ statusNum: '7', statusStr: 'Not Monitored', advanceMonitoringEnabled: 'false' })
      expect((await opm(target, '/api/json/wireless/getWirelessAPList', { query: { deviceName: '10.10.0.1' } })).json).toEqual([])
      expect(errorcodeOf(await opm(target, '/api/json/wireless/getWirelessAPList', { query: { deviceName: 'nope' } }))).toBe(
        'DEVICE_NOT_FOUND',
      )
    })
  })
}
