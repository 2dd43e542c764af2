import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

/** Hardware inventory as getDeviceInfo shows it (the vendor's keys). */
export interface DeviceHardware {
  OperatingSystem: string
  MACAddress: string
  SoftwareVersion: string
  SerialNumber: string
  ServiceTag: string
  Model: string
  Manufacturer: string
  HDD: string
  RAM: string
}

export const HARDWARE_FIELDS = [
  'OperatingSystem',
  'MACAddress',
  'SoftwareVersion',
  'SerialNumber',
  'ServiceTag',
  'Model',
  'Manufacturer',
  'HDD',
  'RAM',
] as const satisfies readonly (keyof DeviceHardware)[]

export interface DeviceRecord {
  id: string
  moid: number
  /** The managed-entity name other calls take as `name`; the IP address for discovered devices. */
  deviceName: string
  displayName: string
  ipaddress: string
  dnsName: string
  category: string
  type: string
  vendorName: string
  isSNMP: boolean
  isNew: boolean
  addedAt: number
  site: string
  probe: string
  managed: boolean
  sysDescr: string
  location: string
  contact: string
  /** Poll interval in minutes. */
  pollInterval: number
  hardware: DeviceHardware
  /** Custom-field values by alias (UDF1 …), see getDeviceNotes. */
  notes: Record<string, string>
}

/** Categories OpManager groups as network gear: their event alarms belong to the Network family. */
export const NETWORK_CATEGORIES: ReadonlySet<string> = new Set(['Router', 'Switch', 'Firewall', 'Wireless', 'Load Balancer'])

/**
 * Devices: lookup by any of the names clients pass (deviceName, displayName, IP or DNS name), the
 * uniqueness rule, management and inventory changes. Status is not stored: the network derives it
 * from alarms and management (store.ts), so it can never go stale.
 */
export class Devices {
  readonly table = new Table<DeviceRecord>(recordSchema('device'))
  readonly #idByName = new Map<string, string>()

  clear(): void {
    this.table.clear()
    this.#idByName.clear()
  }

  all(): readonly DeviceRecord[] {
    return this.table.all()
  }

  /** By deviceName, then displayName, IP address or DNS name (the vendor's `deviceName/ipAddress/dnsName`). */
  find(name: string): DeviceRecord | undefined {
    const id = this.#idByName.get(name)
    if (id !== undefined) return this.table.get(id)
    return this.table.find((device) => device.displayName === name || device.ipaddress === name || device.dnsName === name)
  }

  get(name: string): DeviceRecord {
    const device = this.find(name)
    if (!device) throw opmError('NOT_FOUND', 'DEVICE_NOT_FOUND', `No device found with the name '${name}'.`)
    return device
  }

  byMoid(moid: number): DeviceRecord | undefined {
    return this.table.find((device) => device.moid === moid)
  }

  nextMoid(): number {
    return Math.max(1000, ...this.table.all().map((device) => device.moid)) + 1
  }

  async insert(values: Omit<DeviceRecord, 'id'>): Promise<DeviceRecord> {
    if (this.#idByName.has(values.deviceName)) {
      throw opmError('CONFLICT', 'DEVICE_ALREADY_EXISTS', `A device with the name '${values.deviceName}' already exists.`)
    }
    const id = this.table.nextId()
    const stored = await this.table.insert({ ...values, id })
    this.#idByName.set(values.deviceName, id)
    return stored
  }

  remove(device: DeviceRecord): void {
    this.table.delete(device.id)
    this.#idByName.delete(device.deviceName)
  }

  async setManaged(device: DeviceRecord, managed: boolean): Promise<DeviceRecord> {
    return this.table.update(device.id, (draft) => void (draft.managed = managed))
  }

  async setHardware(device: DeviceRecord, values: Partial<DeviceHardware>): Promise<DeviceRecord> {
    return this.table.update(device.id, (draft) => void Object.assign(draft.hardware, values))
  }
}
