/**
 * One deterministic series per monitor instance in mock time: the value at a poll slot is a pure
 * function of (seed, poll id, instance, slot), so last collected values, graphs, reports and a
 * TestMonitor run all read the same numbers, and the same seed and clock moves give the same answers.
 */
export interface SeriesShape {
  /** Typical value. */
  base: number
  /** Daily swing around the base. */
  swing: number
  /** Random noise amplitude per poll. */
  noise: number
  min: number
  max: number
}

const DAY = 86_400_000

function hash(...parts: number[]): number {
  let h = 2166136261
  for (const part of parts) {
    h ^= part >>> 0
    h = Math.imul(h, 16777619)
    h ^= h >>> 13
    h = Math.imul(h, 0x5bd1e995)
    h ^= h >>> 15
  }
  return (h >>> 0) / 4294967296
}

export function seriesValue(shape: SeriesShape, seed: number, pollId: number, instance: number, slotStart: number): number {
  const daily = Math.sin((2 * Math.PI * (slotStart % DAY)) / DAY - Math.PI / 2)
  const noise = (hash(seed, pollId, instance, Math.floor(slotStart / 60_000)) - 0.5) * 2 * shape.noise
  const value = shape.base + shape.swing * daily + noise
  return Math.round(Math.min(shape.max, Math.max(shape.min, value)))
}

/** The start of the last completed poll at or before `now` for an interval in minutes. */
export function lastSlot(now: number, intervalMinutes: number): number {
  const step = intervalMinutes * 60_000
  return Math.floor(now / step) * step
}

/** Poll slots from `from` to `to` (both inclusive), oldest first, at most `limit` of the newest. */
export function slots(from: number, to: number, intervalMinutes: number, limit = 2000): number[] {
  const step = intervalMinutes * 60_000
  const last = lastSlot(to, intervalMinutes)
  const first = Math.max(Math.ceil(from / step) * step, last - (limit - 1) * step)
  const out: number[] = []
  for (let slot = first; slot <= last; slot += step) out.push(slot)
  return out
}
