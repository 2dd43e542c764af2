import { beforeAll, describe, expect, it } from 'vitest'
import { action, errorcodeOf, opm, type OpmanagerTarget } from './target'

const get = async (target: OpmanagerTarget, path: string, query: Record<string, string> = {}) =>
  (await opm(target, `/api/json/${path}`, { query })).json

export function virtualizationContract(target: OpmanagerTarget): void {
  describe.runIf(target.kind === 'mock')('virtual inventory', () => {
    beforeAll(() => target.control!.reset())

    it('lists the ESXi hosts with the VMs and datastores they carry', async () => {
      const hosts = (await get(target, 'device/listVirtualDevices', { virtualDeviceType: 'VHOST' })) as any[]
      expect(hosts.map((host) => host.ENTITYNAME)).toEqual(['10.30.0.11', '10.30.0.12', '10.30.0.13'])
      const vms = (await get(target, 'device/getVMWareVMs', { name: '10.30.0.11', type: 'HOST' })) as any[]
      expect(hosts[0]).toMatchObject({
        TotalVms: vms.length,
        VCENTERDISPLAYNAME: 'vcenter-01',
        CONNECTION_STATUS: 'connected',
        MAINTENANCE_MODE: false,
      })
      expect(vms.map((vm) => vm.NAME).sort()).toEqual(['app-01', 'build-01', 'web-01'])
      const datastores = (await get(target, 'device/getVMWareDataStores', { name: '10.30.0.11', type: 'HOST' })) as any[]
      expect(hosts[0].TotalDataStores).toBe(datastores.length)
      expect(datastores.map((datastore) => datastore.DATASTORENAME).sort()).toEqual(['esx-01-local', 'fra-nfs-01', 'fra-vsan'])
    })

    it('a VM that is also a monitored device shows that device status, and clearing its alarms clears the VM', async () => {
      const vmOf = async (name: string) => ((await get(target, 'device/getVMWareVMs')) as any[]).find((vm) => vm.NAME === name)
      const device = ((await get(target, 'device/listDevices')) as any[]).find((item) => item.displayName === 'web-01')
      expect((await vmOf('web-01')).STATUS).toBe(device.statusNum)
      for (const alarm of (await get(target, 'alarm/listAlarms', { deviceName: 'web-01', alertType: 'ActiveAlarms' })) as any[])
        await action(target, '/api/json/alarm/clearAlarm', { entity: alarm.entity })
      expect(await vmOf('web-01')).toMatchObject({ STATUS: '5', STATUS_STR: 'Clear', IPADDRESS: '10.20.0.11' })
      expect((await vmOf('build-01')).VM_POWERSTATE).toBe('Off')
    })

    it('a vCenter scopes hosts, VMs and datastores; datacenter and cluster details count the same inventory', async () => {
      const hosts = (await get(target, 'device/getVMWareHosts', { name: 'vcenter-01' })) as any[]
      expect(hosts.map((host) => host.DISPLAYNAME)).toEqual(['esx-01', 'esx-02', 'esx-03'])
      const vms = (await get(target, 'device/getVMWareVMs', { name: 'vcenter-01', type: 'VCENTER' })) as any[]
      const [cluster] = (await get(target, 'device/getClusterDetails')) as any[]
      expect(cluster).toMatchObject({ ENTITY_NAME: 'FRA-Compute', NO_OF_HOSTS: 3, DRS_ENABLED: true, DAS_ENABLED: true })
      const [datacenter] = (await get(target, 'device/getDataCenterDetails')) as any[]
      expect(datacenter.ENTITY_NAME).toBe('Frankfurt')
      const [vcenter] = (await get(target, 'device/listVirtualDevices', { virtualDeviceType: 'VCENTER' })) as any[]
      expect(vcenter).toMatchObject({ DISPLAYNAME: 'vcenter-01', TotalHosts: 3, TotalVms: vms.length })
      const onDatastore = (await get(target, 'device/getVMWareVMs', { name: 'esx-01-local', type: 'DATASTORE' })) as any[]
      expect(onDatastore.map((vm) => vm.NAME)).toEqual(['build-01'])
    })

    it('Hyper-V and Nutanix entities are listed by type, with Nutanix VM details and virtual disks', async () => {
      expect(((await get(target, 'device/listVirtualDevices', { virtualDeviceType: 'HyperV-VM' })) as any[]).map((vm) => vm.NAME)).toEqual([
        'hv-test-01',
        'hv-test-02',
      ])
      const vm = await get(target, 'device/getNutanixDetails', { deviceName: 'ntnx-vm-01' })
      expect(vm).toMatchObject({ ENTITYNAME: 'ntnx-vm-01', clusterName: 'FRA-Nutanix', hostName: 'ntnx-01', VCPUCOUNT: 2, statusNum: 5 })
      const disks = (await get(target, 'device/getNutanixVDisks', { name: 'ntnx-vm-01' })) as any[]
      expect(disks).toEqual([expect.objectContaining({ UUID: vm.uuid, CAPACITY: vm.DISKCAPACITY })])
      expect(await get(target, 'device/getNutanixDetails', { deviceName: 'FRA-Nutanix', entityType: 'Nutanix-Cluster' })).toMatchObject({
        clusterName: 'FRA-Nutanix',
        NUMBEROFVMS: 2,
      })
    })

    it('getDeviceCompleteDetails brings status, response time, inventory and today’s down times together', async () => {
      const details = await get(target, 'v2/device/getDeviceCompleteDetails', { name: '10.10.0.1' })
      expect(details).toMatchObject({
        statusNum: '1',
        statusStr: 'Critical',
        type: 'Cisco 2900 IS Series',
        opmdetails: { Category: 'Router' },
      })
      expect(details.responseTime).toMatch(/^\d{3,}ms$/)
      expect(details.opmdetails.hardwareInfo).toMatchObject({ MOID: 1001, HW_MANUFACTURER: 'Cisco' })
      const down = ((await get(target, 'alarm/listAlarms', { alertType: 'ActiveAlarms' })) as any[]).find(
        (alarm) => alarm.alarmcode === 'DEVICE-DOWN',
      )
      const downDetails = await get(target, 'v2/device/getDeviceCompleteDetails', { name: down.deviceName })
      expect(downDetails.availability.length).toBeGreaterThan(0)
      expect(downDetails.availability[0]).toMatch(/^DownTime,\d+,\d+$/)
    })

    it('answers VIRTUAL_ENTITY_NOT_FOUND for what the inventory lacks and refuses an unknown type', async () => {
      expect(errorcodeOf(await opm(target, '/api/json/device/getVMWareHosts', { query: { name: '10.10.0.1' } }))).toBe(
        'VIRTUAL_ENTITY_NOT_FOUND',
      )
      expect(errorcodeOf(await opm(target, '/api/json/device/getNutanixDetails', { query: { deviceName: 'web-01' } }))).toBe(
        'VIRTUAL_ENTITY_NOT_FOUND',
      )
      expect(errorcodeOf(await opm(target, '/api/json/device/listVirtualDevices', { query: { virtualDeviceType: 'Mainframe' } }))).toBe(
        'PATTERN_NOT_MATCHED',
      )
      expect(errorcodeOf(await opm(target, '/api/json/device/listVirtualDevices'))).toBe('LESS_THAN_MIN_OCCURANCE')
    })
  })
}
