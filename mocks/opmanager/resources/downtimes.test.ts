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
