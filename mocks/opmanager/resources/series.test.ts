import { describe, expect, it } from 'vitest'
import { lastSlot, seriesValue, slots } from './series'

const shape = { base: 40, swing: 20, noise: 10, min: 0, max: 100 }

describe('monitor series', () => {
  it('gives the same value for the same seed, poll, instance and slot, and different ones otherwise', () => {
    const at = Date.UTC(2024, 2, 8, 12, 15)
    expect(seriesValue(shape, 1, 100, 0, at)).toBe(seriesValue(shape, 1, 100, 0, at))
    const values = new Set(Array.from({ length: 50 }, (_, index) => seriesValue(shape, 1, 100 + index, 0, at)))
    expect(values.size).toBeGreaterThan(5)
    const seeds = Array.from({ length: 20 }, (_, index) => seriesValue(shape, 1, index, 0, at) !== seriesValue(shape, 2, index, 0, at))
    expect(seeds.some(Boolean)).toBe(true)
  })

  it('stays within the shape bounds', () => {
    for (let slot = 0; slot < 500; slot++) {
      const value = seriesValue(shape, 7, 3, 0, slot * 900_000)
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThanOrEqual(100)
    }
  })

  it('slots poll times on the interval and lists them oldest first up to now', () => {
    expect(lastSlot(Date.UTC(2024, 0, 1, 0, 29), 15)).toBe(Date.UTC(2024, 0, 1, 0, 15))
    const times = slots(Date.UTC(2024, 0, 1, 0, 1), Date.UTC(2024, 0, 1, 1, 0), 15)
    expect(times).toEqual([15, 30, 45, 60].map((minute) => Date.UTC(2024, 0, 1, 0, minute)))
  })
})
