import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

export interface BusinessViewRecord {
  id: string
  /** `<displayName>_bv`, the vendor's key (bvName). */
  name: string
  displayName: string
  /** Member devices by deviceName. */
  members: readonly string[]
}

/** Business views: named sets of devices whose status is their worst member's (store.ts). */
export class BusinessViews {
  readonly table = new Table<BusinessViewRecord>(recordSchema('business view'))

  clear(): void {
    this.table.clear()
  }

  all(): readonly BusinessViewRecord[] {
    return this.table.all()
  }

  /** By `name` (`Core Network_bv`) or display name. */
  find(name: string): BusinessViewRecord | undefined {
    return this.table.find((view) => view.name === name || view.displayName === name)
  }

  get(name: string): BusinessViewRecord {
    const view = this.find(name)
    if (!view) throw opmError('NOT_FOUND', 'BUSINESSVIEW_NOT_FOUND', `No business view named '${name}'.`)
    return view
  }

  async insert(displayName: string, members: readonly string[]): Promise<BusinessViewRecord> {
    return this.table.insert({ id: this.table.nextId(), name: `${displayName}_bv`, displayName, members: [...members] })
  }

  async dropMember(deviceName: string): Promise<void> {
    for (const view of this.table.filter((item) => item.members.includes(deviceName)))
      await this.table.update(view.id, (draft) => void (draft.members = draft.members.filter((member) => member !== deviceName)))
  }
}
