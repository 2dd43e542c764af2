import { Table } from '../../core/table'
import type { SeverityNumber } from '../spec-types'
import { recordSchema } from './record-schema'

export interface EventRecord {
  id: string
  deviceName: string
  source: string
  entity: string
  alarmCode: string
  eventType: string
  message: string
  severity: SeverityNumber
  at: number
}

/** The event log: append-only; newest first when read. */
export class Events {
  readonly table = new Table<EventRecord>(recordSchema('event'))

  clear(): void {
    this.table.clear()
  }

  all(): readonly EventRecord[] {
    return this.table.all()
  }

  async record(values: Omit<EventRecord, 'id'>): Promise<EventRecord> {
    return this.table.insert({ ...values, id: this.table.nextId() })
  }

  newestFirst(predicate: (event: EventRecord) => boolean): EventRecord[] {
    return this.table.filter(predicate).sort((a, b) => b.at - a.at || Number(b.id) - Number(a.id))
  }

  removeOfDevice(deviceName: string): void {
    for (const event of this.table.filter((item) => item.deviceName === deviceName)) this.table.delete(event.id)
  }
}
