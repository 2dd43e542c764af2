import { describe, expect, it } from 'vitest'
import { Downtimes, type DowntimeRecord } from './downtimes'

const DAY = 86_400_000
const HOUR = 3_600_000
// Saturday 2 January 2021, 00:00 UTC
const SATURDAY = Date.UTC(2021, 0, 2)

const base: DowntimeRecord = {
  id: '1',
  name: 'x',
  description: '',
  enabled: true,
  recurrence: 'OnceOnly',
  selectMethod: 'Device',
  selected: [],
}

describe('Downtimes windows', () => {
  it('a once-only window is open between its start and end', () => {
    const schedule = { ...base, once: { start: SATURDAY + HOUR, end: SATURDAY + 2 * HOUR } }
    expect(Downtimes.windowAt(schedule, SATURDAY)).toBeUndefined()
    expect(Downtimes.windowAt(schedule, SATURDAY + 90 * 60_000)).toEqual(schedule.once)
    expect(Downtimes.nextStart(schedule, SATURDAY)).toBe(SATURDAY + HOUR)
    expect(Downtimes.nextStart(schedule, SATURDAY + 3 * HOUR)).toBeUndefined()
    expect(Downtimes.windowAt({ ...schedule, enabled: false }, SATURDAY + 90 * 60_000)).toBeUndefined()
  })

  it('a daily window opens every day from its first day, across midnight when it ends earlier than it starts', () => {
    const schedule: DowntimeRecord = { ...base, recurrence: 'Daily', daily: { fromMinute: 23 * 60, toMinute: 60, effectFrom: SATURDAY } }
    expect(Downtimes.windowAt(schedule, SATURDAY + 23.5 * HOUR)).toEqual({ start: SATURDAY + 23 * HOUR, end: SATURDAY + 25 * HOUR })
    expect(Downtimes.windowAt(schedule, SATURDAY + DAY + 0.5 * HOUR)).toBeDefined()
    expect(Downtimes.windowAt(schedule, SATURDAY - DAY + 23.5 * HOUR)).toBeUndefined()
    expect(Downtimes.nextStart(schedule, SATURDAY + 12 * HOUR)).toBe(SATURDAY + 23 * HOUR)
  })

  it('a weekly window spans its weekdays, and overlap measures the time inside a range', () => {
    const schedule: DowntimeRecord = {
      ...base,
      recurrence: 'Weekly',
      daily: { fromMinute: 22 * 60, toMinute: 2 * 60, effectFrom: 0 },
      weekly: { startDay: 'Saturday', endDay: 'Sunday' },
    }
    expect(Downtimes.windowAt(schedule, SATURDAY + 23 * HOUR)).toEqual({ start: SATURDAY + 22 * HOUR, end: SATURDAY + DAY + 2 * HOUR })
    expect(Downtimes.windowAt(schedule, SATURDAY + 2 * DAY + 23 * HOUR)).toBeUndefined()
    const inside = Downtimes.overlap(schedule, SATURDAY, SATURDAY + 7 * DAY)
    expect(inside.reduce((sum, [start, end]) => sum + end - start, 0)).toBe(4 * HOUR)
  })
})

describe('Monthly downtime windows', () => {
  const monthly = (rule: DowntimeRecord['monthly'], fromMinute = 2 * 60, toMinute = 3 * 60): DowntimeRecord => ({
    ...base,
    recurrence: 'Monthly',
    daily: { fromMinute, toMinute, effectFrom: 0 },
    monthly: rule,
  })

  it('by date: opens on that date of every month at its time of day, and the next one is a month on', () => {
    const schedule = monthly({ type: 'monthlyDate', startDay: 1, endDay: 1 })
    const feb1 = Date.UTC(2021, 1, 1)
    expect(Downtimes.windowAt(schedule, feb1 + 2.5 * HOUR)).toEqual({ start: feb1 + 2 * HOUR, end: feb1 + 3 * HOUR })
    expect(Downtimes.windowAt(schedule, feb1 + DAY + 2.5 * HOUR)).toBeUndefined()
    expect(Downtimes.nextStart(schedule, Date.UTC(2021, 0, 15))).toBe(feb1 + 2 * HOUR)
    expect(Downtimes.nextStart(schedule, feb1 + 3 * HOUR)).toBe(Date.UTC(2021, 2, 1) + 2 * HOUR)
  })

  it('day 32 is the last day of each month, whatever its length', () => {
    const schedule = monthly({ type: 'monthlyDate', startDay: 32, endDay: 32 })
    expect(Downtimes.nextStart(schedule, Date.UTC(2021, 1, 10))).toBe(Date.UTC(2021, 1, 28) + 2 * HOUR)
    expect(Downtimes.nextStart(schedule, Date.UTC(2021, 3, 10))).toBe(Date.UTC(2021, 3, 30) + 2 * HOUR)
    expect(Downtimes.nextStart(schedule, Date.UTC(2020, 1, 10))).toBe(Date.UTC(2020, 1, 29) + 2 * HOUR)
  })

  it('by dates across a month end: from the 30th to the 2nd runs into the next month, also into a new year', () => {
    const schedule = monthly({ type: 'monthlyDate', startDay: 30, endDay: 2 }, 22 * 60, 6 * 60)
    const window = Downtimes.windowAt(schedule, Date.UTC(2021, 0, 1, 12))
    expect(window).toEqual({ start: Date.UTC(2020, 11, 30, 22), end: Date.UTC(2021, 0, 2, 6) })
    expect(Downtimes.windowAt(schedule, Date.UTC(2021, 0, 2, 7))).toBeUndefined()
    // A long window is found however far into it the instant is.
    expect(Downtimes.windowAt(monthly({ type: 'monthlyDate', startDay: 1, endDay: 20 }), Date.UTC(2021, 5, 19, 12))).toBeDefined()
  })

  it('by weekday: the second Tuesday, the last Friday, and no window in a month without a fifth Monday', () => {
    const secondTuesday = monthly({ type: 'monthlyDay', week: 2, weekday: 'Tuesday' })
    // March 2021: Tuesdays are the 2nd, 9th, 16th …
    expect(Downtimes.nextStart(secondTuesday, Date.UTC(2021, 2, 1))).toBe(Date.UTC(2021, 2, 9, 2))
    const lastFriday = monthly({ type: 'monthlyDay', week: 'last', weekday: 'Friday' })
    expect(Downtimes.nextStart(lastFriday, Date.UTC(2021, 2, 1))).toBe(Date.UTC(2021, 2, 26, 2))
    // February 2021 has four Mondays; March 2021 has five (1, 8, 15, 22, 29).
    const fifthMonday = monthly({ type: 'monthlyDay', week: 5, weekday: 'Monday' })
    expect(Downtimes.nextStart(fifthMonday, Date.UTC(2021, 1, 1))).toBe(Date.UTC(2021, 2, 29, 2))
  })

  it('overlap of a monthly schedule over a quarter adds one window per month', () => {
    const schedule = monthly({ type: 'monthlyDay', week: 1, weekday: 'Sunday' })
    const inside = Downtimes.overlap(schedule, Date.UTC(2021, 0, 1), Date.UTC(2021, 3, 1))
    expect(inside.length).toBe(3)
    expect(inside.reduce((sum, [start, end]) => sum + end - start, 0)).toBe(3 * HOUR)
  })

  it('a weekly window of several days is open on its last day too', () => {
    const schedule: DowntimeRecord = {
      ...base,
      recurrence: 'Weekly',
      daily: { fromMinute: 8 * 60, toMinute: 18 * 60, effectFrom: 0 },
      weekly: { startDay: 'Monday', endDay: 'Saturday' },
    }
    // Saturday 9 January 2021, noon: the window opened on Monday the 4th.
    expect(Downtimes.windowAt(schedule, Date.UTC(2021, 0, 9, 12))).toEqual({
      start: Date.UTC(2021, 0, 4, 8),
      end: Date.UTC(2021, 0, 9, 18),
    })
  })
})
