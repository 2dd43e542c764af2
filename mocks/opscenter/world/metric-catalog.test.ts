import { describe, expect, it } from 'vitest'
import { DISK_DEVICES, METRICS, METRICS_BY_KEY, devicesOf, type Sample } from './metric-catalog'

/** Sample shapes at the edges of what the series feed the rows: idle and busy nodes, a compaction, an empty table. */
const shapes: Array<Omit<Sample, 'of'>> = [
  {
    jitter: -0.5,
    busy: 0,
    daily: 0.7,
    burst: 0,
    sinceGc: Infinity,
    sinceFlush: Infinity,
    sinceRepair: Infinity,
    drained: false,
    load: 0,
    disk: 0,
    heapRatio: 0.2,
    share: 0,
    tableBytes: 0,
  },
  {
    jitter: 0.49,
    busy: 0.99,
    daily: 1.3,
    burst: 1,
    sinceGc: 0,
    sinceFlush: 0,
    sinceRepair: 0,
    drained: true,
    load: 400 * 1024 ** 3,
    disk: 2048 * 1024 ** 3,
    heapRatio: 0.97,
    share: 0.99,
    tableBytes: 5e10,
  },
]

function evaluate(key: string, shape: Omit<Sample, 'of'>): number {
  const sample: Sample = { ...shape, of: (other) => evaluate(other, shape) }
  return METRICS_BY_KEY.get(key)!.value(sample)
}

describe('the metric catalogue', () => {
  it('lists each key once', () => {
    expect(METRICS_BY_KEY.size).toBe(METRICS.length)
    expect(METRICS.length).toBeGreaterThanOrEqual(90)
  })

  it.each(METRICS.map((metric) => metric.key))('%s is a finite, non-negative number at every edge shape', (key) => {
    for (const shape of shapes) {
      const value = evaluate(key, shape)
      expect(Number.isFinite(value)).toBe(true)
      expect(value).toBeGreaterThanOrEqual(0)
    }
  })

  it('keeps percentages within 0-100', () => {
    for (const metric of METRICS.filter((candidate) => candidate.unit === '%'))
      for (const shape of shapes) expect(evaluate(metric.key, shape)).toBeLessThanOrEqual(100)
  })

  it('answers network keys per interface and disk keys per disk', () => {
    expect(devicesOf(METRICS_BY_KEY.get('os-net-sent')!)).toEqual(['eth0'])
    expect(devicesOf(METRICS_BY_KEY.get('os-disk-busy')!)).toEqual([...DISK_DEVICES])
  })
})
