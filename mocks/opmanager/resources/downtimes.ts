import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

export const RECURRENCES = ['OnceOnly', 'Daily', 'Weekly'] as const
export type Recurrence = (typeof RECURRENCES)[number]
export const SELECT_METHODS = ['Device', 'BV', 'Category', 'GROUP'] as const
export type SelectMethod = (typeof SELECT_METHODS)[number]
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** A window in minutes of the day (UTC), `to` may be before `from` (it then ends the next day). */
export interface DailyWindow {
  fromMinute: number
  toMinute: number
}

export interface DowntimeRecord {
  id: string
  name: string
  description: string
  enabled: boolean
  recurrence: Recurrence
  /** OnceOnly: the window as instants. */
  once?: { start: number; end: number }
  /** Daily and Weekly: the time of day, from a date on. */
  daily?: DailyWindow & { effectFrom: number }
  /** Weekly: the first and last weekday of the window. */
  weekly?: { startDay: Weekday; endDay: Weekday }
  selectMethod: SelectMethod
  /** Device names, business-view names, categories or group names, per selectMethod. */
  selected: readonly string[]
}

const MINUTE = 60_000
const DAY = 86_400_000

/**
 * Downtime schedules: their windows in mock time. A device inside an active window is on
 * maintenance: its events raise no alarms (store.ts) and availability counts the time as such.
 */
export class Downtimes {
  readonly table = new Table<DowntimeRecord>(recordSchema('downtime schedule'))

  clear(): void {
    this.table.clear()
  }

  all(): readonly DowntimeRecord[] {
    return this.table.all()
  }

  find(idOrName: string): DowntimeRecord | undefined {
    return this.table.get(idOrName) ?? this.table.find((schedule) => schedule.name === idOrName)
  }

  get(idOrName: string): DowntimeRecord {
    const schedule = this.find(idOrName)
    if (!schedule) throw opmError('NOT_FOUND', 'SCHEDULE_NOT_FOUND', `No downtime schedule with the id or name '${idOrName}'.`)
    return schedule
  }

  async insert(values: Omit<DowntimeRecord, 'id'>): Promise<DowntimeRecord> {
    if (this.table.find((schedule) => schedule.name === values.name))
      throw opmError('CONFLICT', 'SCHEDULE_ALREADY_EXISTS', `A downtime schedule named '${values.name}' already exists.`)
    return this.table.insert({ ...values, id: this.table.nextId() })
  }

  async replace(schedule: DowntimeRecord, values: Omit<DowntimeRecord, 'id'>): Promise<DowntimeRecord> {
    if (this.table.find((other) => other.name === values.name && other.id !== schedule.id))
      throw opmError('CONFLICT', 'SCHEDULE_ALREADY_EXISTS', `A downtime schedule named '${values.name}' already exists.`)
    return this.table.update(schedule.id, (draft) => {
      for (const key of Object.keys(draft) as (keyof DowntimeRecord)[]) if (key !== 'id') delete draft[key]
      Object.assign(draft, values)
    })
  }

  remove(schedule: DowntimeRecord): void {
    this.table.delete(schedule.id)
  }

  /** The window containing `at`, if the schedule is enabled and one does. */
  static windowAt(schedule: DowntimeRecord, at: number): { start: number; end: number } | undefined {
    if (!schedule.enabled) return undefined
    return windowsAround(schedule, at).find((window) => window.start <= at && at < window.end)
  }

  /** The start of the first window that begins after `at`, if any. */
  static nextStart(schedule: DowntimeRecord, at: number): number | undefined {
    if (!schedule.enabled) return undefined
    return windowsAround(schedule, at, 8)
      .map((window) => window.start)
      .filter((start) => start > at)
      .sort((a, b) => a - b)[0]
  }

  /** Total maintenance time of the schedule inside [from, to). */
  static overlap(schedule: DowntimeRecord, from: number, to: number): Array<[number, number]> {
    if (!schedule.enabled) return []
    const out: Array<[number, number]> = []
    const days = Math.ceil((to - from) / DAY) + 1
    for (const window of windowsAround(schedule, to, days)) {
      const start = Math.max(from, window.start)
      const end = Math.min(to, window.end)
      if (start < end) out.push([start, end])
    }
    return out
  }
}

/** Windows of the days around `at` (`days` back and one ahead; OnceOnly has its one window). */
function windowsAround(schedule: DowntimeRecord, at: number, days = 2): Array<{ start: number; end: number }> {
  if (schedule.recurrence === 'OnceOnly') return schedule.once ? [schedule.once] : []
  const daily = schedule.daily!
  const out: Array<{ start: number; end: number }> = []
  const today = Math.floor(at / DAY) * DAY
  for (let day = today - days * DAY; day <= today + 8 * DAY; day += DAY) {
    if (day + daily.fromMinute * MINUTE < daily.effectFrom) continue
    if (schedule.recurrence === 'Weekly') {
      const weekday = new Date(day).getUTCDay()
      const start = WEEKDAYS.indexOf(schedule.weekly!.startDay)
      if (weekday !== start) continue
      const end = WEEKDAYS.indexOf(schedule.weekly!.endDay)
      const span = (end - start + 7) % 7
      out.push({ start: day + daily.fromMinute * MINUTE, end: day + span * DAY + daily.toMinute * MINUTE })
      continue
    }
    const end = daily.toMinute > daily.fromMinute ? daily.toMinute : daily.toMinute + 24 * 60
    out.push({ start: day + daily.fromMinute * MINUTE, end: day + end * MINUTE })
  }
  return out
}
