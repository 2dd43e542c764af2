import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

export interface SpmSwitchRecord {
  id: string
  /** The inventory device's deviceName. */
  deviceName: string
  /** The SNMP credential Switch Port Mapper reads the switch with. */
  credential: string
}

/** The switches Switch Port Mapper maps (spm/addSwitch): each inventory switch at most once. */
export class SwitchPortMapper {
  readonly table = new Table<SpmSwitchRecord>(recordSchema('Switch Port Mapper switch'))

  clear(): void {
    this.table.clear()
  }

  all(): readonly SpmSwitchRecord[] {
    return this.table.all()
  }

  async add(values: Omit<SpmSwitchRecord, 'id'>): Promise<SpmSwitchRecord> {
    if (this.table.find((item) => item.deviceName === values.deviceName))
      throw opmError('CONFLICT', 'SWITCH_ALREADY_EXISTS', `The switch '${values.deviceName}' is already in Switch Port Mapper.`)
    return this.table.insert({ ...values, id: this.table.nextId() })
  }
}
