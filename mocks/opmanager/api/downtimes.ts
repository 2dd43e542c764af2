import { opmError } from '../errors'
import { formatScheduleTime, parseOpmTime } from '../format'
import type { Params } from '../params'
import {
  Downtimes,
  LAST_DAY_OF_MONTH,
  MONTHLY_TYPES,
  RECURRENCES,
  SELECT_METHODS,
  WEEKDAYS,
  type DowntimeRecord,
  type MonthlyRule,
  type WeekOfMonth,
} from '../resources/downtimes'
import type { OpmanagerStore } from '../store'
import { ok, operation, result } from './operation'

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/

function minuteOfDay(params: Params, name: string): number {
  const text = params.required(name)
  const match = TIME_OF_DAY.exec(text)
  if (!match) throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `The parameter '${name}' must be a time as hh:mm.`)
  return Number(match[1]) * 60 + Number(match[2])
}

function instant(params: Params, name: string): number {
  const text = params.required(name)
  const ms = parseOpmTime(text.length === 16 ? `${text}:00` : text, false)
  if (ms === undefined)
    throw opmError('BAD_REQUEST', 'UNABLE_TO_PARSE_DATA_TYPE', `The parameter '${name}' must be a time as yyyy-mm-dd hh:mm.`)
  return ms
}

/** Monthly times come as `from_hrs` / `from_mins` (and `to_…`), 00–23 and 00–59; minutes default to 00. */
function hourAndMinute(params: Params, prefix: 'from' | 'to'): number {
  const hours = params.integer(`${prefix}_hrs`, { min: 0, max: 23 })
  if (hours === undefined) throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', `A Monthly schedule needs '${prefix}_hrs' (00 to 23).`)
  return hours * 60 + (params.integer(`${prefix}_mins`, { min: 0, max: 59 }) ?? 0)
}

const WEEK_OF_MONTH = /^(?:([1-5])|last(?:\s*week)?)$/i

/** `monthlyType=monthlyDate` with `startday` / `endday` dates (32 = last day), or `monthlyDay` with `weekOfMonth` and `weekday`. */
function monthlyRule(params: Params): MonthlyRule {
  const type = params.oneOf('monthlyType', MONTHLY_TYPES)
  if (!type) throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', "A Monthly schedule needs 'monthlyType' (monthlyDate or monthlyDay).")
  if (type === 'monthlyDate') {
    const date = (name: string) => {
      const day = params.integer(name, { min: 1, max: LAST_DAY_OF_MONTH })
      if (day === undefined)
        throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', `A monthlyDate schedule needs '${name}' (1 to 31, 32 = last day).`)
      return day
    }
    return { type, startDay: date('startday'), endDay: date('endday') }
  }
  const text = params.required('weekOfMonth')
  const match = WEEK_OF_MONTH.exec(text.trim())
  if (!match) throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', "The parameter 'weekOfMonth' must be 1 to 5 or last.")
  const week: WeekOfMonth = match[1] ? (Number(match[1]) as WeekOfMonth) : 'last'
  const weekday = params.oneOf('weekday', WEEKDAYS)
  if (!weekday) throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', "A monthlyDay schedule needs 'weekday' (Sunday to Saturday).")
  return { type, week, weekday }
}

/** The schedule fields of add/updateDowntimeSchedule, checked against the network before anything changes. */
function scheduleFrom(store: OpmanagerStore, params: Params): Omit<DowntimeRecord, 'id'> {
  const name = params.required('scheduleName', { maxLength: 100 })
  const recurrence = params.oneOf('recurrence', RECURRENCES) ?? 'OnceOnly'
  const selectMethod = params.oneOf('selectDevicesMethod', SELECT_METHODS) ?? 'Device'
  const parameter = { Device: 'selectedDevices', BV: 'selectedBV', Category: 'selectedCateg', GROUP: 'selectedLogicalGroup' }[selectMethod]
  const selected = params
    .required(parameter, { maxLength: 4000 })
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
  const resolved = selected.map((item) => {
    if (selectMethod === 'Device') return store.devices.get(item).deviceName
    if (selectMethod === 'BV') return store.businessViews.get(item).name
    if (selectMethod === 'GROUP') return store.groups.get(item).groupName
    return item
  })
  // The vendor documents `status` as an integer (1 enabled, 0 disabled); the UI's words are accepted too.
  const status = params.oneOf('status', ['Enabled', 'Disabled', 'enable', 'disable', '1', '0'] as const) ?? 'Enabled'
  const base = {
    name,
    description: params.optional('scheduleDesc', { maxLength: 1000 }) ?? '',
    enabled: status === 'Enabled' || status === 'enable' || status === '1',
    recurrence,
    selectMethod,
    selected: resolved,
  }
  if (recurrence === 'OnceOnly') {
    const start = instant(params, 'once_startat')
    const end = instant(params, 'once_endat')
    if (end <= start) throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', "The parameter 'once_endat' must be after 'once_startat'.")
    return { ...base, once: { start, end } }
  }
  const effect = params.optional('daily_effectfrom')
  const effectFrom = effect === undefined ? 0 : parseOpmTime(effect, false)
  if (effectFrom === undefined)
    throw opmError('BAD_REQUEST', 'UNABLE_TO_PARSE_DATA_TYPE', "The parameter 'daily_effectfrom' must be a date as yyyy-mm-dd.")
  if (recurrence === 'Monthly') {
    const monthly = monthlyRule(params)
    const daily = { fromMinute: hourAndMinute(params, 'from'), toMinute: hourAndMinute(params, 'to'), effectFrom }
    return { ...base, daily, monthly }
  }
  const daily = { fromMinute: minuteOfDay(params, 'from_time'), toMinute: minuteOfDay(params, 'to_time'), effectFrom }
  if (recurrence === 'Daily') return { ...base, daily }
  const startDay = params.oneOf('startday', WEEKDAYS)
  const endDay = params.oneOf('endday', WEEKDAYS)
  if (!startDay || !endDay) throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', "A Weekly schedule needs 'startday' and 'endday'.")
  return { ...base, daily, weekly: { startDay, endDay } }
}

const pad = (value: number) => String(value).padStart(2, '0')
const hhmm = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const ymdhm = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')

/** The schedule as the add/update parameters that would create it, so an edit form can be filled from it. */
function scheduleParameters(schedule: DowntimeRecord): Record<string, string> {
  const out: Record<string, string> = { recurrence: schedule.recurrence }
  if (schedule.once) Object.assign(out, { once_startat: ymdhm(schedule.once.start), once_endat: ymdhm(schedule.once.end) })
  const daily = schedule.daily
  if (!daily) return out
  out.daily_effectfrom = ymd(daily.effectFrom)
  if (schedule.weekly) Object.assign(out, { startday: schedule.weekly.startDay, endday: schedule.weekly.endDay })
  const monthly = schedule.monthly
  if (!monthly) return Object.assign(out, { from_time: hhmm(daily.fromMinute), to_time: hhmm(daily.toMinute) })
  Object.assign(out, {
    monthlyType: monthly.type,
    from_hrs: pad(Math.floor(daily.fromMinute / 60)),
    from_mins: pad(daily.fromMinute % 60),
    to_hrs: pad(Math.floor(daily.toMinute / 60)),
    to_mins: pad(daily.toMinute % 60),
  })
  if (monthly.type === 'monthlyDate') return Object.assign(out, { startday: String(monthly.startDay), endday: String(monthly.endDay) })
  return Object.assign(out, { weekOfMonth: String(monthly.week), weekday: monthly.weekday })
}

function listItem(schedule: DowntimeRecord, now: number) {
  const next = Downtimes.nextStart(schedule, now)
  return {
    id: schedule.id,
    name: schedule.name,
    type: schedule.recurrence === 'OnceOnly' ? 'Once' : schedule.recurrence,
    status: schedule.enabled ? 'Enabled' : 'Disabled',
    statusNum: schedule.enabled ? '1' : '0',
    nextscheduledtime: next === undefined ? '-' : formatScheduleTime(next),
  }
}

const listDownTimeSchedules = operation(
  'listDownTimeSchedules',
  ({ store, clock }) => ok(store.downtimes.all().map((schedule) => listItem(schedule, clock.now()))),
  { module: 'Settings' },
)

const getDowntimeSchedule = operation(
  'getDowntimeSchedule',
  ({ store, clock }, _caller, params) => {
    // The vendor's reference names the schedule in `operation`; scheduleId and scheduleName are read first.
    const schedule = store.downtimes.get(
      params.optional('scheduleId') ?? params.optional('scheduleName') ?? params.required('operation', { maxLength: 100 }),
    )
    const now = clock.now()
    return ok([
      {
        ...listItem(schedule, now),
        description: schedule.description,
        selectDevicesMethod: schedule.selectMethod,
        selected: [...schedule.selected],
        active: Downtimes.windowAt(schedule, now) !== undefined,
        scheduleDetails: scheduleParameters(schedule),
      },
    ])
  },
  { module: 'Settings' },
)

const addDowntimeSchedule = operation(
  'addDowntimeSchedule',
  async ({ store }, _caller, params) => {
    await store.downtimes.insert(scheduleFrom(store, params))
    return result('Downtime schedule has been successfully added.')
  },
  { module: 'Settings', adminOnly: true },
)

const updateDowntimeSchedule = operation(
  'updateDowntimeSchedule',
  async ({ store, clock }, _caller, params) => {
    const schedule = store.downtimes.get(params.optional('scheduleId') ?? params.required('MS_INSTANCEID'))
    await store.downtimes.replace(schedule, scheduleFrom(store, params))
    return ok(store.downtimes.all().map((item) => listItem(item, clock.now())))
  },
  { module: 'Settings', adminOnly: true },
)

const deleteDownTimeSchedules = operation(
  'deleteDownTimeSchedules',
  ({ store }, _caller, params) => {
    const schedules = params
      .required('scheduleId', { maxLength: 4000 })
      .split(',')
      .map((item) => store.downtimes.get(item.trim()))
    for (const schedule of schedules) store.downtimes.remove(schedule)
    return result('Downtime schedule(s) deleted successfully.')
  },
  { module: 'Settings', adminOnly: true },
)

export const DOWNTIME_OPERATIONS = [
  listDownTimeSchedules,
  getDowntimeSchedule,
  addDowntimeSchedule,
  updateDowntimeSchedule,
  deleteDownTimeSchedules,
]
