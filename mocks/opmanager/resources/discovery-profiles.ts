import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

/** How a profile names the addresses it discovers. */
export type DiscoveryRange =
  | { type: 'IPRange'; startIp: string; endIp: string }
  | { type: 'CIDR'; network: string; prefix: number }
  | { type: 'CSV'; addresses: readonly string[] }

export interface DiscoveryProfileRecord {
  id: string
  name: string
  description: string
  range: DiscoveryRange
  /** Credential names, each known to the settings. */
  credentials: readonly string[]
  /** The probe that runs it (its name), or '' on a stand-alone server. */
  probe: string
  /** Whether the profile was added through the v2 URL (the vendor keeps both versions). */
  apiVersion: 1 | 2
}

/** Discovery profiles (discovery/addDiscoveryProfile, editDiscoveryProfile): named, unique, edited whole. */
export class DiscoveryProfiles {
  readonly table = new Table<DiscoveryProfileRecord>(recordSchema('discovery profile'))

  clear(): void {
    this.table.clear()
  }

  all(): readonly DiscoveryProfileRecord[] {
    return this.table.all()
  }

  find(nameOrId: string): DiscoveryProfileRecord | undefined {
    return this.table.get(nameOrId) ?? this.table.find((profile) => profile.name.toLowerCase() === nameOrId.toLowerCase())
  }

  get(nameOrId: string): DiscoveryProfileRecord {
    const profile = this.find(nameOrId)
    if (!profile) throw opmError('NOT_FOUND', 'DISCOVERY_PROFILE_NOT_FOUND', `No discovery profile with the name or id '${nameOrId}'.`)
    return profile
  }

  #assertFree(name: string, except?: string): void {
    const other = this.table.find((profile) => profile.name.toLowerCase() === name.toLowerCase())
    if (other && other.id !== except)
      throw opmError('CONFLICT', 'DISCOVERY_PROFILE_ALREADY_EXISTS', `A discovery profile named '${name}' already exists.`)
  }

  async insert(values: Omit<DiscoveryProfileRecord, 'id'>): Promise<DiscoveryProfileRecord> {
    this.#assertFree(values.name)
    return this.table.insert({ ...values, id: this.table.nextId() })
  }

  async replace(profile: DiscoveryProfileRecord, values: Omit<DiscoveryProfileRecord, 'id'>): Promise<DiscoveryProfileRecord> {
    this.#assertFree(values.name, profile.id)
    return this.table.update(profile.id, (draft) => Object.assign(draft, values))
  }
}
