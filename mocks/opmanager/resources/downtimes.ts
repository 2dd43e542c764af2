import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

export const RECURRENCES = ['OnceOnly', 'Daily', 'Weekly', 'Monthly'] as const
type Recurrence = (typeof RECURRENCES)[number]
export const SELECT_METHODS = ['Device', 'BV', 'Category', 'GROUP'] as const
type SelectMethod = (typeof SELECT_METHODS)[number]
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const
type Weekday = (typeof WEEKDAYS)[number]
/** The vendor's monthly kinds: by dates of the month, or by the nth weekday of the month. */
export const MONTHLY_TYPES = ['monthlyDate', 'monthlyDay'] as const
/** The vendor's day 32: the last day of the month, whatever its length. */
export const LAST_DAY_OF_MONTH = 32
/** Weeks of the month for monthlyDay: the first to the fifth, or the last. */
export type WeekOfMonth = 1 | 2 | 3 | 4 | 5 | 'last'

/** A window in minutes of the day (UTC), `to` may be before `from` (it then ends the next day). */
interface DailyWindow {
  fromMinute: number
  toMinute: number
}

/** Monthly: from one date of the month to another (1–31, 32 = last day), or on the nth weekday. */
export type MonthlyRule =
  { type: 'monthlyDate'; startDay: number; endDay: number } | { type: 'monthlyDay'; week: WeekOfMonth; weekday: Weekday }

export interface DowntimeRecord {
  id: string
  name: string
  description: string
  enabled: boolean
  recurrence: Recurrence
  /** OnceOnly: the window as instants. */
  once?: { start: number; end: number }
  /** Daily, Weekly and Monthly: the time of day, from a date on. */
  daily?: DailyWindow & { effectFrom: number }
  /** Weekly: the first and last weekday of the window. */
  weekly?: { startDay: Weekday; endDay: Weekday }
  /** Monthly: which days of each month. */
  monthly?: MonthlyRule
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
  static windowAt(schedule: DowntimeRecord, at: number): Window | undefined {
    if (!schedule.enabled) return undefined
    return windowsBetween(schedule, at, at).find((window) => window.start <= at && at < window.end)
  }

  /** The start of the first window that begins after `at` (within two months), if any. */
  static nextStart(schedule: DowntimeRecord, at: number): number | undefined {
    if (!schedule.enabled) return undefined
    return windowsBetween(schedule, at, at + LOOK_AHEAD)
      .map((window) => window.start)
      .filter((start) => start > at)
      .sort((a, b) => a - b)[0]
  }

  /** The parts of the schedule's windows inside [from, to). */
  static overlap(schedule: DowntimeRecord, from: number, to: number): Array<[number, number]> {
    if (!schedule.enabled) return []
    const out: Array<[number, number]> = []
    for (const window of windowsBetween(schedule, from, to)) {
      const start = Math.max(from, window.start)
      const end = Math.min(to, window.end)
      if (start < end) out.push([start, end])
    }
    return out
  }
}

interface Window {
  start: number
  end: number
}

/** Far enough ahead to find the next window of any recurrence (a monthly 5th weekday can skip a month). */
const LOOK_AHEAD = 100 * DAY

/**
 * The windows that may touch [from, to]: every window starting from a little before `from` (the longest
 * window, a month, can have begun earlier) up to `to`, not before the schedule takes effect.
 */
function windowsBetween(schedule: DowntimeRecord, from: number, to: number): Window[] {
  if (schedule.recurrence === 'OnceOnly') return schedule.once ? [schedule.once] : []
  const daily = schedule.daily!
  const candidates =
    schedule.recurrence === 'Monthly' ? monthlyWindows(schedule.monthly!, daily, from, to) : dayWindows(schedule, daily, from, to)
  return candidates.filter((window) => window.start >= daily.effectFrom && window.end > from && window.start <= to)
}

/** The end of a window of one day: `to` on the same day, or the next day when it is not after `from`. */
function sameDayEnd(day: number, window: DailyWindow): number {
  const end = window.toMinute > window.fromMinute ? window.toMinute : window.toMinute + 24 * 60
  return day + end * MINUTE
}

function dayWindows(schedule: DowntimeRecord, daily: DailyWindow, from: number, to: number): Window[] {
  const out: Window[] = []
  const first = Math.floor(from / DAY) * DAY - 7 * DAY
  for (let day = first; day <= to; day += DAY) {
    if (schedule.recurrence === 'Daily') {
      out.push({ start: day + daily.fromMinute * MINUTE, end: sameDayEnd(day, daily) })
      continue
    }
    const weekday = new Date(day).getUTCDay()
    const start = WEEKDAYS.indexOf(schedule.weekly!.startDay)
    if (weekday !== start) continue
    const span = (WEEKDAYS.indexOf(schedule.weekly!.endDay) - start + 7) % 7
    out.push({ start: day + daily.fromMinute * MINUTE, end: day + span * DAY + daily.toMinute * MINUTE })
  }
  return out
}

/** Day `n` (1-based) of a month, clamped to its last day (so 31 and 32 mean the last day of a short month). */
function dateOfMonth(year: number, month: number, n: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return Date.UTC(year, month, Math.min(n, last))
}

/** The nth (or last) given weekday of a month, or undefined when the month has no fifth one. */
function nthWeekday(year: number, month: number, week: WeekOfMonth, weekday: Weekday): number | undefined {
  const target = WEEKDAYS.indexOf(weekday)
  if (week === 'last') {
    const last = Date.UTC(year, month + 1, 0)
    return last - ((new Date(last).getUTCDay() - target + 7) % 7) * DAY
  }
  const first = Date.UTC(year, month, 1)
  const day = first + ((target - new Date(first).getUTCDay() + 7) % 7) * DAY + (week - 1) * 7 * DAY
  return new Date(day).getUTCMonth() === month ? day : undefined
}

function monthlyWindows(rule: MonthlyRule, daily: DailyWindow, from: number, to: number): Window[] {
  const out: Window[] = []
  const start = new Date(from)
  const end = new Date(to)
  // From the month before `from` (a window can run across a month end) to the month of `to`.
  for (let index = start.getUTCFullYear() * 12 + start.getUTCMonth() - 1; index <= end.getUTCFullYear() * 12 + end.getUTCMonth(); index++) {
    const year = Math.floor(index / 12)
    const month = index % 12
    if (rule.type === 'monthlyDay') {
      const day = nthWeekday(year, month, rule.week, rule.weekday)
      if (day !== undefined) out.push({ start: day + daily.fromMinute * MINUTE, end: sameDayEnd(day, daily) })
      continue
    }
    const first = dateOfMonth(year, month, rule.startDay)
    // An end date before the start date ends in the next month; the same date ends that day (or the next).
    const last = rule.endDay < rule.startDay ? dateOfMonth(year, month + 1, rule.endDay) : dateOfMonth(year, month, rule.endDay)
    const windowEnd = last === first ? sameDayEnd(first, daily) : last + daily.toMinute * MINUTE
    out.push({ start: first + daily.fromMinute * MINUTE, end: windowEnd })
  }
  return out
}
