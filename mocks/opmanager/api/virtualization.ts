import { opmError } from '../errors'
import { formatIsoLocal, formatOpmTime, severityHtml, statusName } from '../format'
import type { DeviceRecord } from '../resources/devices'
import type { DatastoreRecord, VirtualMachineRecord } from '../resources/virtual'
import type { OpmanagerStore } from '../store'
import type { SeverityNumber } from '../spec-types'
import { deviceNameParam } from './devices'
import { ok, operation } from './operation'

const DAY = 86_400_000

/** A VM's status: its device's when OpManager also monitors it as a device, else Clear (Unknown when off). */
function vmStatus(store: OpmanagerStore, vm: VirtualMachineRecord): SeverityNumber | 7 {
  const device = store.devices.find(vm.name)
  if (device) return store.deviceStatus(device)
  return vm.powerOn ? 5 : 7
}

function hostOf(store: OpmanagerStore, vm: VirtualMachineRecord): DeviceRecord {
  return store.devices.get(vm.host)
}

function wireVm(store: OpmanagerStore, vm: VirtualMachineRecord) {
  const status = vmStatus(store, vm)
  return {
    VM_ID: Number(vm.id),
    MOID: vm.moid,
    NAME: vm.name,
    DISPLAYNAME: vm.name,
    VIRTUAL_TYPE: vm.hypervisor === 'VMware' ? 'VMware-VM' : vm.hypervisor === 'HyperV' ? 'HyperV-VM' : 'Nutanix-VM',
    VHOST_ID: hostOf(store, vm).moid,
    OS_NAME: vm.os,
    NUM_VCPU: vm.vcpus,
    MEMORY_MB: vm.memoryMB,
    MAX_MEMORY_MB: vm.memoryMB,
    MAX_CPU_MHZ: vm.vcpus * 2195,
    NUM_VDISK: 1,
    NUM_ETHERNET: 1,
    IPADDRESS: vm.ipAddress,
    VM_POWERSTATE: vm.powerOn ? 'On' : 'Off',
    VM_CONNECTIONSTATE: 'connected',
    IS_ORPHANED: 'false',
    STATUS: String(status),
    STATUS_STR: statusName(status),
  }
}

function wireDatastore(store: OpmanagerStore, datastore: DatastoreRecord) {
  const host = store.devices.find(datastore.hosts[0] ?? '')
  return {
    Datastore_ID: Number(datastore.id),
    MOID: datastore.moid,
    DATASTORENAME: datastore.name,
    deviceName: `${host?.displayName ?? 'host'}_${datastore.name}`,
    FILESYSTEM_TYPE: datastore.fileSystem,
    CAPACITY_MB: datastore.capacityMB,
    FREESPACE_MB: datastore.freeMB,
    HostCount: datastore.hosts.length,
    DATASTORE_URL: `ds:///vmfs/volumes/${datastore.uuid}/`,
    IS_ACCESSIBLE: '5',
  }
}

/** The ESXi host inventory fields of listVirtualDevices (VHOST). */
function wireHostDetails(store: OpmanagerStore, host: DeviceRecord, now: number) {
  const cluster = store.virtual.clusterOfHost(host.deviceName)
  const manager = cluster ? store.devices.find(cluster.manager) : undefined
  return {
    ENTITYNAME: host.deviceName,
    VENDOR_NAME: host.type.startsWith('VMware') ? 'VMware, Inc.' : host.vendorName,
    BUILD_INFO: `${host.type} build-${20_000_000 + host.moid}`,
    OS_TYPE: host.type.startsWith('VMware') ? 'vmnix-x86' : host.type,
    HARDWARE_VENDOR: 'Dell Inc.',
    HARDWARE_MODEL: 'PowerEdge R750',
    CPU_MODEL: 'Intel(R) Xeon(R) Gold 6330 CPU @ 2.00GHz',
    CPU_PACKAGES: 2,
    CPU_CORES: '56 x 2.00GHz',
    CPU_THREADS: 112,
    CPU_SPEED_MHZ: 1995,
    MEM_CAPACITY_MB: '512 GB',
    NUM_PNIC: 4,
    NUM_HBA: 2,
    TotalVms: store.virtual.vmsOf(host.deviceName).length,
    TotalDataStores: store.virtual.datastoresOf(host.deviceName).length,
    VCENTERNAME: manager?.dnsName ?? '',
    VCENTERDISPLAYNAME: manager?.displayName ?? '',
    UUID: `4c4c4544-0000-${String(host.moid).padStart(4, '0')}-8000-000000000000`,
    CONNECTION_STATUS: 'connected',
    POWER_STATE: 'On',
    MAINTENANCE_MODE: store.inMaintenance(host, now),
    SYSUPTIME: formatIsoLocal(now - 41 * DAY),
    LASTUPDATEDTIME: formatIsoLocal(now - 5 * 60_000),
  }
}

const hypervisorHosts = (store: OpmanagerStore, prefix: string) =>
  store.devices.all().filter((device) => device.category === 'Virtual Device' && device.type.startsWith(prefix))

const VIRTUAL_TYPES = [
  'VHOST',
  'VM',
  'VDATASTORE',
  'VCENTER',
  'HyperV-Host',
  'HyperV-VM',
  'Nutanix-Cluster',
  'Nutanix-Host',
  'Nutanix-VM',
] as const

const listVirtualDevices = operation('listVirtualDevices', ({ store, clock }, _caller, params) => {
  const type = params.oneOf('virtualDeviceType', VIRTUAL_TYPES)
  if (type === undefined)
    throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', "The parameter 'virtualDeviceType' is mandatory and was not sent.")
  const now = clock.now()
  const vms = (hypervisor: VirtualMachineRecord['hypervisor']) =>
    store.virtual.vms.filter((vm) => vm.hypervisor === hypervisor).map((vm) => wireVm(store, vm))
  switch (type) {
    case 'VHOST':
      return ok(hypervisorHosts(store, 'VMware').map((host) => wireHostDetails(store, host, now)))
    case 'HyperV-Host':
      return ok(hypervisorHosts(store, 'Hyper-V').map((host) => wireHostDetails(store, host, now)))
    case 'Nutanix-Host':
      return ok(hypervisorHosts(store, 'Nutanix').map((host) => wireHostDetails(store, host, now)))
    case 'VM':
      return ok(vms('VMware'))
    case 'HyperV-VM':
      return ok(vms('HyperV'))
    case 'Nutanix-VM':
      return ok(vms('Nutanix'))
    case 'VDATASTORE':
      return ok(store.virtual.datastores.all().map((datastore) => wireDatastore(store, datastore)))
    case 'VCENTER':
    case 'Nutanix-Cluster':
      return ok(
        store.virtual.clusters
          .filter((cluster) => (type === 'VCENTER' ? cluster.hypervisor === 'VMware' : cluster.hypervisor === 'Nutanix'))
          .map((cluster) => {
            const manager = store.devices.get(cluster.manager)
            return {
              ENTITYNAME: manager.deviceName,
              DISPLAYNAME: manager.displayName,
              TotalHosts: cluster.hosts.length,
              TotalVms: cluster.hosts.reduce((sum, host) => sum + store.virtual.vmsOf(host).length, 0),
              TotalDataStores: store.virtual.datastores.filter((datastore) => datastore.hosts.some((host) => cluster.hosts.includes(host)))
                .length,
              CONNECTION_STATUS: 'connected',
              STATUS: String(store.deviceStatus(manager)),
            }
          }),
      )
  }
})

/** Hosts, VMs or datastores under `name` (a vCenter, host, VM or datastore device) for the getVMWare* reads. */
function vmwareHostsUnder(store: OpmanagerStore, name: string | undefined): DeviceRecord[] {
  const hosts = hypervisorHosts(store, 'VMware')
  if (name === undefined) return hosts
  const device = store.devices.get(name)
  const cluster = store.virtual.clusters.find((item) => item.manager === device.deviceName)
  if (cluster) return hosts.filter((host) => cluster.hosts.includes(host.deviceName))
  if (hosts.some((host) => host.deviceName === device.deviceName)) return [device]
  throw opmError('NOT_FOUND', 'VIRTUAL_ENTITY_NOT_FOUND', `'${name}' is neither a vCenter nor an ESXi host.`)
}

const getVMWareHosts = operation('getVMWareHosts', ({ store, clock }, _caller, params) => {
  const now = clock.now()
  return ok(
    vmwareHostsUnder(store, params.optional('name')).map((host) => {
      const status = store.deviceStatus(host)
      return {
        NAME: host.deviceName,
        DISPLAYNAME: host.displayName,
        VHOST_ID: host.moid,
        STATUS: String(status),
        STATUS_STR: statusName(status),
        OS: 'ESXServer',
        OS_TYPE: 'vmnix-x86',
        NUM_PNIC: 4,
        CPU_SPEED_MHZ: 1995,
        MEM_CAPACITY_MB: 524_288,
        CONNECTION_STATUS: 'connected',
        POWER_STATE: 'On',
        SYSUPTIME: formatOpmTime(now - 41 * DAY),
      }
    }),
  )
})

const getVMWareVMs = operation('getVMWareVMs', ({ store }, _caller, params) => {
  const name = params.optional('name')
  const type = params.oneOf('type', ['VCENTER', 'HOST', 'DATASTORE'] as const)
  let vms = store.virtual.vms.filter((vm) => vm.hypervisor === 'VMware')
  if (name !== undefined && type === 'DATASTORE') {
    const datastore = store.virtual.datastores.find((item) => item.name === name)
    if (!datastore) throw opmError('NOT_FOUND', 'VIRTUAL_ENTITY_NOT_FOUND', `No datastore named '${name}'.`)
    vms = vms.filter((vm) => vm.datastore === datastore.name)
  } else if (name !== undefined) {
    const hosts = new Set(vmwareHostsUnder(store, name).map((host) => host.deviceName))
    vms = vms.filter((vm) => hosts.has(vm.host))
  }
  return ok(vms.map((vm) => wireVm(store, vm)))
})

const getVMWareDataStores = operation('getVMWareDataStores', ({ store }, _caller, params) => {
  const name = params.optional('name')
  const type = params.oneOf('type', ['VCENTER', 'HOST', 'VM'] as const)
  const vmwareHosts = new Set(hypervisorHosts(store, 'VMware').map((host) => host.deviceName))
  let datastores = store.virtual.datastores.filter((datastore) => datastore.hosts.some((host) => vmwareHosts.has(host)))
  if (name !== undefined && type === 'VM') {
    const vm = store.virtual.vm(name)
    datastores = datastores.filter((datastore) => datastore.name === vm.datastore)
  } else if (name !== undefined) {
    const hosts = new Set(vmwareHostsUnder(store, name).map((host) => host.deviceName))
    datastores = datastores.filter((datastore) => datastore.hosts.some((host) => hosts.has(host)))
  }
  return ok(datastores.map((datastore) => wireDatastore(store, datastore)))
})

function clusterStatus(store: OpmanagerStore, hosts: readonly string[]): SeverityNumber {
  return store.worstStatus(hosts)
}

const getDataCenterDetails = operation('getDataCenterDetails', ({ store }) =>
  ok(
    store.virtual.datacenters().map((datacenter) => {
      const clusters = store.virtual.clusters.filter((cluster) => cluster.datacenter === datacenter)
      const hosts = clusters.flatMap((cluster) => cluster.hosts)
      const status = clusterStatus(store, hosts)
      return {
        ENTITY_NAME: datacenter,
        STATUS: String(status),
        STATUS_STR: statusName(status),
        NO_OF_DATASTORES: store.virtual.datastores.filter((datastore) => datastore.hosts.some((host) => hosts.includes(host))).length,
        NO_OF_NETWORKS: 2 * clusters.length,
      }
    }),
  ),
)

const getClusterDetails = operation('getClusterDetails', ({ store }) =>
  ok(
    store.virtual.clusters.all().map((cluster) => {
      const status = clusterStatus(store, cluster.hosts)
      return {
        ENTITY_NAME: cluster.name,
        STATUS: String(status),
        STATUS_STR: statusName(status),
        NO_OF_HOSTS: cluster.hosts.length,
        NO_OF_DATASTORES: store.virtual.datastores.filter((datastore) => datastore.hosts.some((host) => cluster.hosts.includes(host)))
          .length,
        NO_OF_NETWORKS: 2,
        TOTAL_CPU_GHZ: Math.round(cluster.hosts.length * 56 * 2),
        EFFECTIVE_CPU: cluster.hosts.length * 56 * 1995,
        TOTAL_MEMORY_GB: cluster.hosts.length * 512,
        EFFECTIVE_MEMORY: cluster.hosts.length * 500_000,
        DRS_ENABLED: cluster.drs,
        DAS_ENABLED: cluster.ha,
      }
    }),
  ),
)

const getNutanixDetails = operation('getNutanixDetails', ({ store }, _caller, params) => {
  const name = params.required('deviceName')
  const entityType = params.oneOf('entityType', ['Nutanix-Cluster', 'Nutanix-Host', 'Nutanix-VM'] as const) ?? 'Nutanix-VM'
  const cluster = store.virtual.clusters.find((item) => item.hypervisor === 'Nutanix')
  if (!cluster) throw opmError('NOT_FOUND', 'VIRTUAL_ENTITY_NOT_FOUND', 'No Nutanix cluster is monitored.')
  const host = store.devices.get(cluster.hosts[0]!)
  if (entityType !== 'Nutanix-VM') {
    const isCluster = entityType === 'Nutanix-Cluster'
    if (name !== (isCluster ? cluster.name : host.deviceName) && name !== host.displayName)
      throw opmError('NOT_FOUND', 'VIRTUAL_ENTITY_NOT_FOUND', `No ${entityType} named '${name}'.`)
    const status = store.worstStatus(cluster.hosts)
    return ok({
      ENTITYNAME: isCluster ? cluster.name : host.deviceName,
      DISPLAYNAME: isCluster ? cluster.name : host.displayName,
      deviceName: isCluster ? cluster.name : host.deviceName,
      clusterName: cluster.name,
      statusNum: status,
      statusStr: statusName(status),
      STATUS: severityHtml(status),
      NUMBEROFVMS: cluster.hosts.reduce((sum, item) => sum + store.virtual.vmsOf(item).length, 0),
    })
  }
  const vm = store.virtual.vm(name)
  if (vm.hypervisor !== 'Nutanix') throw opmError('NOT_FOUND', 'VIRTUAL_ENTITY_NOT_FOUND', `'${name}' is not a Nutanix VM.`)
  const status = vmStatus(store, vm)
  const severity: SeverityNumber = status === 7 ? 5 : status
  return ok({
    ENTITYNAME: vm.name,
    DISPLAYNAME: vm.name,
    deviceName: vm.name,
    MOID: vm.moid,
    VM_ID: Number(vm.id),
    uuid: vm.uuid,
    clusterName: cluster.name,
    clusterMoName: cluster.name,
    hostName: host.displayName,
    hostMoName: host.deviceName,
    IPADDRESS: vm.ipAddress,
    VCPUCOUNT: vm.vcpus,
    MEMORYCAPACITY: String(vm.memoryMB / 1024),
    MEMRESERVEDCAPACITY: String(vm.memoryMB / 1024),
    DISKCAPACITY: String(vm.diskGB),
    NOOFNETWORKADAPTERS: 1,
    VM_POWERSTATE: vm.powerOn ? 'Powered On' : 'Powered Off',
    ISCONTROLLERVM: 'False',
    TOOLSMOUNTED: false,
    TOOLSVERSION: '1.2.0.3',
    statusNum: severity,
    statusStr: statusName(severity),
    STATUS: severityHtml(severity),
  })
})

const getNutanixVDisks = operation('getNutanixVDisks', ({ store }, _caller, params) => {
  const name = params.optional('name')
  const vms = store.virtual.vms.filter((vm) => vm.hypervisor === 'Nutanix' && (name === undefined || vm.name === name))
  if (name !== undefined && !vms.length) throw opmError('NOT_FOUND', 'VIRTUAL_ENTITY_NOT_FOUND', `No Nutanix VM named '${name}'.`)
  return ok(
    vms.map((vm, index) => ({
      VDISK_ID: index + 1,
      UUID: vm.uuid,
      CAPACITY: String(vm.diskGB),
      DISKADDRESS: 'scsi.0',
      NFSFILEPATH: `/${vm.datastore}/.acropolis/vmdisk/${vm.uuid}`,
    })),
  )
})

const getDeviceCompleteDetails = operation('getDeviceCompleteDetails', ({ store, clock }, _caller, params) => {
  const device = store.devices.get(deviceNameParam(params))
  const now = clock.now()
  const status = store.deviceStatus(device)
  const today = Math.floor(now / DAY) * DAY
  const span = store.availability(device, today, now)
  const percent = (ms: number) => (span.total ? Math.round((ms / span.total) * 10_000) / 100 : 0)
  const downs = store.alarms
    .ofDevice(device.deviceName)
    .filter((alarm) => alarm.alarmcode === 'DEVICE-DOWN' && (alarm.clearedAt ?? now) > today)
    .map((alarm) => `DownTime,${Math.max(today, alarm.createdAt)},${alarm.clearedAt ?? now}`)
  const rtt = store.monitors.ofDevice(device.deviceName).find((record) => record.policyName === 'ResponseTime')
  const loss = store.monitors.ofDevice(device.deviceName).find((record) => record.policyName === 'PacketLoss')
  return ok({
    statusStr: statusName(status),
    statusNum: String(status),
    state: device.managed ? '2' : '1',
    type: device.type,
    vendorName: device.vendorName,
    dnsName: device.dnsName,
    isStorage: device.category === 'Storage',
    timeZone: 'UTC',
    format: 'dd-MM-yy HH:mm:ss',
    responseTime: `${String(rtt ? store.monitors.last(rtt, now).values[0]!.value : 0).padStart(3, '0')}ms`,
    packetLoss: String(loss ? store.monitors.last(loss, now).values[0]!.value : 0),
    availability: downs,
    todayTimeAvail: { todayStartTime: String(today), endTimeVal: String(now) },
    availdata: {
      Up: percent(span.up),
      Down: percent(span.down),
      'On Maintenance': percent(span.maintenance),
      'Dependent Unavailable': 0,
      'On Hold': 0,
      'Not Monitored': 0,
      'Parent Down': 0,
    },
    nfadetails: { NFAStatus: 'Not Added' },
    ncmdetails: { SUMMARY_NOT_AVAILABLE: true },
    configBackup: { RunningConfig: {}, StartupConfig: {} },
    opmdetails: {
      Type: device.type,
      Category: device.category,
      displayCategory: `${device.category}s`,
      IPAddress: device.ipaddress,
      DNSName: device.dnsName,
      SysDescription: device.sysDescr,
      PollInterval: String(device.pollInterval),
      Monitoring: device.isSNMP ? 'SNMP' : 'WMI',
      dependentDisplayName: 'None',
      UpLinkDependency: 'None',
      hardwareInfo: {
        MOID: device.moid,
        HW_MANUFACTURER: device.hardware.Manufacturer,
        HW_MODEL: device.hardware.Model,
        HW_SERIALNUMBER: device.hardware.SerialNumber,
        IS_MONITORED: String(device.managed),
        IS_ALARM_SUPPRESSED: String(store.suppressesAlarms(device)),
        ISPDPresent: false,
        LAST_UPDATED_TIME: formatOpmTime(now - DAY),
      },
    },
  })
})

export const VIRTUALIZATION_OPERATIONS = [
  getDeviceCompleteDetails,
  listVirtualDevices,
  getVMWareHosts,
  getVMWareVMs,
  getVMWareDataStores,
  getDataCenterDetails,
  getClusterDetails,
  getNutanixDetails,
  getNutanixVDisks,
]
