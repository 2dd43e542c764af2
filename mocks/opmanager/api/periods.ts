import { opmError } from '../errors'
import { utcInstant } from '../format'
import type { Params } from '../params'

const HOUR = 3_600_000
const DAY = 24 * HOUR

export interface Period {
  /** The label availability charts use (`Last 24 hours`). */
  label: string
  /** The `period` parameter value graphs and reports take (`twfourhours`). */
  key: string
  /** The vendor's numeric code for the period (`3`), also accepted as the parameter value (decisions/088). */
  code: string
  from: number
  to: number
}

/** The vendor's periods relative to now, on the UTC calendar (week from Sunday). */
export function periods(now: number): Period[] {
  const today = Math.floor(now / DAY) * DAY
  const thisWeek = today - new Date(today).getUTCDay() * DAY
  const date = new Date(today)
  const thisMonth = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)
  const lastMonth = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1)
  return [
    { label: 'Last 12 hours', key: 'twelvehours', code: '16', from: now - 12 * HOUR, to: now },
    { label: 'Today', key: 'Today', code: '6', from: today, to: now },
    { label: 'Last 24 hours', key: 'twfourhours', code: '3', from: now - DAY, to: now },
    { label: 'Yesterday', key: 'Yesterday', code: '7', from: today - DAY, to: today },
    { label: 'This week', key: 'thisweek', code: '8', from: thisWeek, to: now },
    { label: 'Last 7 days', key: 'Last_7_Days', code: '4', from: now - 7 * DAY, to: now },
    { label: 'Last week', key: 'lastweek', code: '9', from: thisWeek - 7 * DAY, to: thisWeek },
    { label: 'This month', key: 'thismonth', code: '10', from: thisMonth, to: now },
    { label: 'Last 30 days', key: 'Last_30_Days', code: '5', from: now - 30 * DAY, to: now },
    { label: 'Last month', key: 'lastmonth', code: '11', from: lastMonth, to: thisMonth },
  ]
}

const PERIOD_KEYS = periods(0).map((period) => period.key)
/** The custom period: `custom` or its code `23`, with the start and end sent beside it. */
const CUSTOM_KEYS = ['custom', '23'] as const
/** The longest custom period the mock draws (the vendor keeps a year of reports). */
const MAX_CUSTOM_DAYS = 366

/** Where one operation reads its period: the vendor names the parameters differently per operation. */
export interface PeriodNames {
  period: string
  start: string
  end: string
}

const GRAPH_NAMES: PeriodNames = { period: 'period', start: 'startDate', end: 'endDate' }

/**
 * The period of a graph or report: a named period (key, chart label or numeric code, case-insensitive as
 * real clients send `Lastweek` and `Last_Month`), or `custom` between a start and an end (decisions/088).
 * A custom end after now is cut at now (no samples lie in the future); a malformed, inverted, wholly
 * future or over-long custom period is refused before anything is read.
 */
export function periodParam(params: Params, now: number, fallback = 'twfourhours', names: PeriodNames = GRAPH_NAMES): Period {
  const value = params.optional(names.period, { maxLength: 40 }) ?? fallback
  const wanted = value.toLowerCase().replace(/_/g, '')
  if ((CUSTOM_KEYS as readonly string[]).includes(wanted)) return customPeriod(params, now, names)
  const period = periods(now).find(
    (item) =>
      item.key.toLowerCase().replace(/_/g, '') === wanted || item.label.toLowerCase() === value.toLowerCase() || item.code === value,
  )
  if (!period)
    throw opmError(
      'BAD_REQUEST',
      'PATTERN_NOT_MATCHED',
      `The parameter '${names.period}' must be one of ${PERIOD_KEYS.join(', ')} or custom (with '${names.start}' and '${names.end}').`,
    )
  return period
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/
const EPOCH_MS = /^\d{12,13}$/

/**
 * A custom period bound: `yyyy-mm-dd`, `yyyy-mm-dd hh:mm[:ss]` (UTC, as decisions/033) or epoch
 * milliseconds. A bare end date means the end of that day. `undefined` if malformed.
 */
function parsePeriodBound(text: string, isEnd: boolean): number | undefined {
  const trimmed = text.trim()
  if (EPOCH_MS.test(trimmed)) return Number(trimmed)
  const match = DATE_TIME.exec(trimmed)
  const instant = match ? utcInstant(match) : undefined
  if (!instant) return undefined
  return !instant.hasTime && isEnd ? instant.ms + DAY : instant.ms
}

function bound(params: Params, name: string, isEnd: boolean): number {
  const text = params.optional(name, { maxLength: 40 })
  if (text === undefined)
    throw opmError(
      'BAD_REQUEST',
      'LESS_THAN_MIN_OCCURANCE',
      `A custom period needs the parameter '${name}' (yyyy-mm-dd or yyyy-mm-dd hh:mm).`,
    )
  const ms = parsePeriodBound(text, isEnd)
  if (ms === undefined)
    throw opmError(
      'BAD_REQUEST',
      'UNABLE_TO_PARSE_DATA_TYPE',
      `The parameter '${name}' must be a date as yyyy-mm-dd, yyyy-mm-dd hh:mm or epoch milliseconds; '${text}' is not one.`,
    )
  return ms
}

function customPeriod(params: Params, now: number, names: PeriodNames): Period {
  const from = bound(params, names.start, false)
  const end = bound(params, names.end, true)
  if (end <= from) throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `The parameter '${names.end}' must be after '${names.start}'.`)
  if (from >= now) throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `The parameter '${names.start}' must be before the current time.`)
  if (end - from > MAX_CUSTOM_DAYS * DAY)
    throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `A custom period can span at most ${MAX_CUSTOM_DAYS} days.`)
  return { label: 'Custom', key: 'custom', code: '23', from, to: Math.min(end, now) }
}

/**
 * The reports' `startHour` / `endHour`: only samples whose UTC hour of day lies in [startHour, endHour)
 * count (an end before the start wraps past midnight). Without both, every hour counts.
 */
export function hourWindow(params: Params): (at: number) => boolean {
  const start = params.integer('startHour', { min: 0, max: 23 })
  const end = params.integer('endHour', { min: 0, max: 24 })
  if (start === undefined && end === undefined) return () => true
  if (start === undefined || end === undefined)
    throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', "The parameters 'startHour' and 'endHour' go together; send both or neither.")
  if (start === end) throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', "The parameter 'endHour' must differ from 'startHour'.")
  return (at) => {
    const hour = new Date(at).getUTCHours()
    return start < end ? hour >= start && hour < end : hour >= start || hour < end
  }
}
