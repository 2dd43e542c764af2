import { Table } from '../../core/table'
import { recordSchema } from './record-schema'

export interface AccessPointRecord {
  id: string
  /** `ap-<controller ip>-<mac as dotted decimals>`, the vendor's managed-entity name. */
  name: string
  displayName: string
  /** The wireless LAN controller (deviceName). */
  controller: string
  macAddress: string
  ipAddress: string
  channels: string
  /** Advanced monitoring on; off means Not Monitored (7). */
  monitored: boolean
  ssids: readonly string[]
}

/** Access points behind the wireless LAN controllers and the SSIDs they broadcast. */
export class Wireless {
  readonly accessPoints = new Table<AccessPointRecord>(recordSchema('access point'))

  clear(): void {
    this.accessPoints.clear()
  }

  async insert(values: Omit<AccessPointRecord, 'id'>): Promise<AccessPointRecord> {
    return this.accessPoints.insert({ ...values, id: this.accessPoints.nextId() })
  }

  ofController(controller: string): AccessPointRecord[] {
    return this.accessPoints.filter((ap) => ap.controller === controller)
  }

  ssidsOf(controller: string): string[] {
    return [...new Set(this.ofController(controller).flatMap((ap) => ap.ssids))]
  }

  removeOfController(controller: string): void {
    for (const ap of this.ofController(controller)) this.accessPoints.delete(ap.id)
  }
}
