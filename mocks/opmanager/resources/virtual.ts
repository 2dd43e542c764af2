import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

type Hypervisor = 'VMware' | 'HyperV' | 'Nutanix'

export interface VirtualMachineRecord {
  /** The vendor's VM_ID. */
  id: string
  moid: number
  name: string
  hypervisor: Hypervisor
  /** The host device (deviceName) running it. */
  host: string
  os: string
  vcpus: number
  memoryMB: number
  diskGB: number
  powerOn: boolean
  ipAddress: string
  datastore: string
  uuid: string
}

export interface DatastoreRecord {
  id: string
  moid: number
  name: string
  fileSystem: 'VMFS' | 'vsan' | 'NFS'
  capacityMB: number
  freeMB: number
  /** Host devices that mount it. */
  hosts: readonly string[]
  uuid: string
}

export interface VirtualClusterRecord {
  id: string
  name: string
  datacenter: string
  /** vCenter (or Nutanix cluster) device name. */
  manager: string
  hypervisor: Hypervisor
  hosts: readonly string[]
  drs: boolean
  ha: boolean
}

/**
 * The virtual inventory behind the hypervisor devices: VMs, datastores and clusters (grouped into
 * datacenters). The hosts themselves are devices; these records hang off them by deviceName.
 */
export class VirtualInventory {
  readonly vms = new Table<VirtualMachineRecord>(recordSchema('virtual machine'))
  readonly datastores = new Table<DatastoreRecord>(recordSchema('datastore'))
  readonly clusters = new Table<VirtualClusterRecord>(recordSchema('virtual cluster'))
  #vmsCreated = 0
  #datastoresCreated = 0

  clear(): void {
    this.vms.clear()
    this.datastores.clear()
    this.clusters.clear()
    this.#vmsCreated = 0
    this.#datastoresCreated = 0
  }

  async addVm(values: Omit<VirtualMachineRecord, 'id' | 'moid'>): Promise<VirtualMachineRecord> {
    const serial = ++this.#vmsCreated
    return this.vms.insert({ ...values, id: String(33_000 + serial), moid: 40_000 + serial })
  }

  async addDatastore(values: Omit<DatastoreRecord, 'id' | 'moid'>): Promise<DatastoreRecord> {
    const serial = ++this.#datastoresCreated
    return this.datastores.insert({ ...values, id: String(23_700 + serial), moid: 48_000 + serial })
  }

  async addCluster(values: Omit<VirtualClusterRecord, 'id'>): Promise<VirtualClusterRecord> {
    return this.clusters.insert({ ...values, id: this.clusters.nextId() })
  }

  vmsOf(host: string): VirtualMachineRecord[] {
    return this.vms.filter((vm) => vm.host === host)
  }

  vm(name: string): VirtualMachineRecord {
    const vm = this.vms.find((item) => item.name === name)
    if (!vm) throw opmError('NOT_FOUND', 'VIRTUAL_ENTITY_NOT_FOUND', `No virtual machine named '${name}'.`)
    return vm
  }

  /**
   * The vendor's virtual device types of a device (listDevices' `selectedVTypes`): `<hypervisor>-VM` when it is a VM,
   * `<hypervisor>-Host` when it runs VMs or sits in a cluster, `VMware-vCenter` when it manages a VMware cluster.
   */
  virtualTypesOf(deviceName: string, displayName: string): Set<string> {
    const types = new Set<string>()
    for (const vm of this.vms.all()) {
      if (vm.name === displayName || vm.name === deviceName) types.add(`${vm.hypervisor}-VM`)
      if (vm.host === deviceName) types.add(`${vm.hypervisor}-Host`)
    }
    for (const cluster of this.clusters.all()) {
      if (cluster.hosts.includes(deviceName)) types.add(`${cluster.hypervisor}-Host`)
      if (cluster.manager === deviceName && cluster.hypervisor === 'VMware') types.add('VMware-vCenter')
    }
    return types
  }

  datastoresOf(host: string): DatastoreRecord[] {
    return this.datastores.filter((store) => store.hosts.includes(host))
  }

  clusterOfHost(host: string): VirtualClusterRecord | undefined {
    return this.clusters.find((cluster) => cluster.hosts.includes(host))
  }

  datacenters(): string[] {
    return [...new Set(this.clusters.all().map((cluster) => cluster.datacenter))]
  }

  removeOfHost(host: string): void {
    for (const vm of this.vmsOf(host)) this.vms.delete(vm.id)
  }
}
