import { Table } from '../../core/table'
import { opmError } from '../errors'
import type { AlertType, SeverityNumber } from '../spec-types'
import { recordSchema } from './record-schema'

interface AlarmNote {
  noteID: number
  notes: string
  who: string
  at: number
}

export interface AlarmRecord {
  /** The vendor's alarmId. */
  id: string
  entity: string
  alarmcode: string
  alertType: AlertType
  /** `Threshold Down`, `Device Down` … (EVENTTYPE) */
  eventType: string
  severity: SeverityNumber
  /** -1 until the severity first changes. */
  previousSeverity: SeverityNumber | -1
  message: string
  deviceName: string
  createdAt: number
  modifiedAt: number
  /** When the alarm was cleared (severity 5), for availability. */
  clearedAt?: number
  /** The acknowledging user; undefined = Unacknowledged. */
  acknowledgedBy?: string
  notes: readonly AlarmNote[]
}

/**
 * Alarms keyed by entity (the key of every alarm action) with an index per device, so a device's
 * status (its worst uncleared alarm) costs only its own alarms. Every entity of a list is resolved
 * before any alarm changes, so a bad list changes nothing.
 */
export class Alarms {
  readonly table = new Table<AlarmRecord>(recordSchema('alarm'))
  readonly #idByEntity = new Map<string, string>()
  readonly #idsByDevice = new Map<string, Set<string>>()
  #lastNoteId = 0

  clear(): void {
    this.table.clear()
    this.#idByEntity.clear()
    this.#idsByDevice.clear()
    this.#lastNoteId = 0
  }

  all(): readonly AlarmRecord[] {
    return this.table.all()
  }

  find(entity: string): AlarmRecord | undefined {
    const id = this.#idByEntity.get(entity)
    return id === undefined ? undefined : this.table.get(id)
  }

  get(entity: string): AlarmRecord {
    const alarm = this.find(entity)
    if (!alarm) throw opmError('NOT_FOUND', 'ALARM_NOT_FOUND', `No alarm found for the entity '${entity}'.`)
    return alarm
  }

  forEntities(entities: readonly string[]): AlarmRecord[] {
    return entities.map((entity) => this.get(entity))
  }

  ofDevice(deviceName: string): AlarmRecord[] {
    const ids = this.#idsByDevice.get(deviceName)
    return ids ? [...ids].map((id) => this.table.get(id)!) : []
  }

  /** The worst uncleared severity of a device's alarms, 5 (Clear) without one. */
  worstOf(deviceName: string): SeverityNumber {
    let worst: SeverityNumber = 5
    for (const alarm of this.ofDevice(deviceName)) if (alarm.severity < worst) worst = alarm.severity
    return worst
  }

  async insert(values: Omit<AlarmRecord, 'id' | 'notes' | 'previousSeverity'>): Promise<AlarmRecord> {
    if (this.#idByEntity.has(values.entity)) throw new Error(`[opsmocks] duplicate alarm entity ${values.entity}`)
    const id = this.table.nextId()
    const alarm = await this.table.insert({ ...values, id, notes: [], previousSeverity: -1 })
    this.#idByEntity.set(alarm.entity, id)
    let ids = this.#idsByDevice.get(alarm.deviceName)
    if (!ids) this.#idsByDevice.set(alarm.deviceName, (ids = new Set()))
    ids.add(id)
    return alarm
  }

  async setSeverity(alarm: AlarmRecord, severity: SeverityNumber, message: string, at: number): Promise<AlarmRecord> {
    return this.table.update(alarm.id, (draft) => {
      if (draft.severity !== severity) draft.previousSeverity = draft.severity
      draft.severity = severity
      draft.message = message
      draft.modifiedAt = at
      if (severity === 5) draft.clearedAt = at
      else delete draft.clearedAt
    })
  }

  async acknowledge(alarm: AlarmRecord, who: string | undefined): Promise<AlarmRecord> {
    return this.table.update(alarm.id, (draft) => {
      if (who === undefined) delete draft.acknowledgedBy
      else draft.acknowledgedBy = who
    })
  }

  async addNote(alarm: AlarmRecord, notes: string, who: string, at: number): Promise<AlarmRecord> {
    const noteID = ++this.#lastNoteId
    return this.table.update(alarm.id, (draft) => void (draft.notes = [...draft.notes, { noteID, notes, who, at }]))
  }

  remove(alarm: AlarmRecord): void {
    this.table.delete(alarm.id)
    this.#idByEntity.delete(alarm.entity)
    this.#idsByDevice.get(alarm.deviceName)?.delete(alarm.id)
  }

  removeOfDevice(deviceName: string): void {
    for (const alarm of this.ofDevice(deviceName)) this.remove(alarm)
  }
}

/** The alarm family of alarms raised by events: network gear → Network, the rest → Server. */
export function alertTypeFor(category: string, network: ReadonlySet<string>): AlertType {
  return network.has(category) ? 'Network' : 'Server'
}
