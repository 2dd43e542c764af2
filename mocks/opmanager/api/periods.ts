import { opmError } from '../errors'
import type { Params } from '../params'

const HOUR = 3_600_000
const DAY = 24 * HOUR

export interface Period {
  /** The label availability charts use (`Last 24 hours`). */
  label: string
  /** The `period` parameter value graphs and reports take (`twfourhours`). */
  key: string
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
    { label: 'Last 12 hours', key: 'twelvehours', from: now - 12 * HOUR, to: now },
    { label: 'Today', key: 'Today', from: today, to: now },
    { label: 'Last 24 hours', key: 'twfourhours', from: now - DAY, to: now },
    { label: 'Yesterday', key: 'Yesterday', from: today - DAY, to: today },
    { label: 'This week', key: 'thisweek', from: thisWeek, to: now },
    { label: 'Last 7 days', key: 'Last_7_Days', from: now - 7 * DAY, to: now },
    { label: 'Last week', key: 'lastweek', from: thisWeek - 7 * DAY, to: thisWeek },
    { label: 'This month', key: 'thismonth', from: thisMonth, to: now },
    { label: 'Last 30 days', key: 'Last_30_Days', from: now - 30 * DAY, to: now },
    { label: 'Last month', key: 'lastmonth', from: lastMonth, to: thisMonth },
  ]
}

export const PERIOD_KEYS = periods(0).map((period) => period.key)

/** The `period` parameter (default `twfourhours`), by key or label. */
export function periodParam(params: Params, now: number, fallback = 'twfourhours'): Period {
  const value = params.optional('period') ?? fallback
  const period = periods(now).find((item) => item.key === value || item.label === value)
  if (!period) throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `The parameter 'period' must be one of ${PERIOD_KEYS.join(', ')}.`)
  return period
}
