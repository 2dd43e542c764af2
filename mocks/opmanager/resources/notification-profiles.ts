import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

export interface NotificationProfileRecord {
  /** The vendor's profileID. */
  id: string
  name: string
  /** `Send Email`, `Run Program`, `Send SMS`, `Web Alarm` … */
  type: string
  enabled: boolean
  /** Applies to every device without being associated. */
  global: boolean
  /** Devices it is associated to (deviceName). */
  devices: readonly string[]
}

/** Notification profiles and the devices they are associated to. */
export class NotificationProfiles {
  readonly table = new Table<NotificationProfileRecord>(recordSchema('notification profile'))
  #created = 0

  clear(): void {
    this.table.clear()
    this.#created = 0
  }

  all(): readonly NotificationProfileRecord[] {
    return this.table.all()
  }

  get(idOrName: string): NotificationProfileRecord {
    const profile = this.table.get(idOrName) ?? this.table.find((item) => item.name === idOrName)
    if (!profile) throw opmError('NOT_FOUND', 'PROFILE_NOT_FOUND', `No notification profile with the id or name '${idOrName}'.`)
    return profile
  }

  /** Profiles that act on a device: global ones and those associated to it. */
  ofDevice(deviceName: string): NotificationProfileRecord[] {
    return this.table.filter((profile) => profile.global || profile.devices.includes(deviceName))
  }

  async insert(values: Omit<NotificationProfileRecord, 'id'>): Promise<NotificationProfileRecord> {
    return this.table.insert({ ...values, id: String(301 + this.#created++) })
  }

  async associate(profile: NotificationProfileRecord, deviceName: string): Promise<void> {
    if (!profile.devices.includes(deviceName))
      await this.table.update(profile.id, (draft) => void (draft.devices = [...draft.devices, deviceName]))
  }

  async setEnabled(profile: NotificationProfileRecord, enabled: boolean): Promise<void> {
    await this.table.update(profile.id, (draft) => void (draft.enabled = enabled))
  }

  async dropDevice(deviceName: string): Promise<void> {
    for (const profile of this.table.filter((item) => item.devices.includes(deviceName)))
      await this.table.update(profile.id, (draft) => void (draft.devices = draft.devices.filter((name) => name !== deviceName)))
  }
}
