import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

export interface InterfaceRecord {
  id: string
  moid: number
  deviceName: string
  ifIndex: number
  /** `GigabitEthernet0/1` */
  ifDescr: string
  /** `Gi0/1` */
  ifName: string
  ifAlias: string
  ifType: 'Ethernet' | 'Software Loopback' | 'Propietary Virtual'
  speedBps: number
  ipAddress: string
  adminUp: boolean
  circuitId: string
  /** Custom-field values by alias (UDF1 …), see getInterfaceNotes. */
  notes: Record<string, string>
  /** False once setManaged unmanages it (absent = managed): UnManaged status, no alarms. */
  managed?: boolean
}

/**
 * Interfaces of devices. Their name (`IF-<id>`) is also the entity of interface alarms, which is
 * what the captured client acknowledges (IF-1); their status derives from those alarms (store.ts).
 */
export class Interfaces {
  readonly table = new Table<InterfaceRecord>(recordSchema('interface'))

  clear(): void {
    this.table.clear()
  }

  all(): readonly InterfaceRecord[] {
    return this.table.all()
  }

  static nameOf(record: Pick<InterfaceRecord, 'id'>): string {
    return `IF-${record.id}`
  }

  find(name: string): InterfaceRecord | undefined {
    const match = /^IF-(\d+)$/.exec(name)
    return match ? this.table.get(match[1]!) : undefined
  }

  get(name: string): InterfaceRecord {
    const record = this.find(name)
    if (!record) throw opmError('NOT_FOUND', 'INTERFACE_NOT_FOUND', `No interface found with the name '${name}'.`)
    return record
  }

  async setManaged(record: InterfaceRecord, managed: boolean): Promise<InterfaceRecord> {
    return this.table.update(record.id, (draft) => {
      draft.managed = managed
    })
  }

  ofDevice(deviceName: string): InterfaceRecord[] {
    return this.table.filter((record) => record.deviceName === deviceName)
  }

  async insert(values: Omit<InterfaceRecord, 'id' | 'moid'>): Promise<InterfaceRecord> {
    const id = this.table.nextId()
    return this.table.insert({ ...values, id, moid: 5000 + Number(id) })
  }

  removeOfDevice(deviceName: string): void {
    for (const record of this.ofDevice(deviceName)) this.table.delete(record.id)
  }
}
