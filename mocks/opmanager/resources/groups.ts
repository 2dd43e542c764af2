import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

export interface GroupRecord {
  id: string
  /** `<slug>-<groupID>`, the vendor's key (groupName). */
  groupName: string
  displayName: string
  description: string
  groupType: 'Device' | 'Interface'
  /** Device names, or interface names for an Interface group. */
  members: readonly string[]
}

/** Logical groups of devices or interfaces. */
export class Groups {
  readonly table = new Table<GroupRecord>(recordSchema('group'))
  #created = 0

  clear(): void {
    this.table.clear()
    this.#created = 0
  }

  all(): readonly GroupRecord[] {
    return this.table.all()
  }

  find(name: string): GroupRecord | undefined {
    return this.table.find((group) => group.groupName === name || group.displayName === name)
  }

  get(name: string): GroupRecord {
    const group = this.find(name)
    if (!group) throw opmError('NOT_FOUND', 'GROUP_NOT_FOUND', `No group named '${name}'.`)
    return group
  }

  /** groupIDs start at 363 like the vendor's samples; the name is the display name slugged plus the id. */
  async insert(values: Omit<GroupRecord, 'id' | 'groupName'>): Promise<GroupRecord> {
    const id = String(363 + this.#created++)
    const slug = values.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    return this.table.insert({ ...values, id, groupName: `${slug}-${id}` })
  }

  /** Adds members all or nothing (the caller checked them); members already in stay once. */
  async addMembers(group: GroupRecord, members: readonly string[]): Promise<GroupRecord> {
    return this.table.update(group.id, (draft) => void (draft.members = [...new Set([...draft.members, ...members])]))
  }

  async dropMember(name: string): Promise<void> {
    for (const group of this.table.filter((item) => item.members.includes(name)))
      await this.table.update(group.id, (draft) => void (draft.members = draft.members.filter((member) => member !== name)))
  }
}
