import { describe, expect, it } from 'vitest'
import { checkResult, hashUnit, metricValue, metricsFor } from './check-model'
import { DueHeap } from './heap'
import { parseDuration } from './perf'

describe('check model', () => {
  it('hashes the same parts to the same number in [0, 1), and different parts apart', () => {
    expect(hashUnit(1, 's7', 3)).toBe(hashUnit(1, 's7', 3))
    expect(hashUnit(1, 's7', 3)).not.toBe(hashUnit(2, 's7', 3))
    for (let index = 0; index < 100; index++) expect(hashUnit(index)).toBeGreaterThanOrEqual(0)
  })

  it('keeps a metric inside the band of its state: OK below warning, WARNING below critical, CRITICAL above', () => {
    const [load1] = metricsFor('Unix Load Average')
    for (let time = 0; time < 86_400; time += 997) {
      expect(metricValue(load1!, 'ok', 1, 's1', time)).toBeLessThan(load1!.warning)
      const warning = metricValue(load1!, 'warning', 1, 's1', time)
      expect(warning).toBeGreaterThanOrEqual(load1!.warning)
      expect(warning).toBeLessThan(load1!.critical)
      expect(metricValue(load1!, 'critical', 1, 's1', time)).toBeGreaterThanOrEqual(load1!.critical)
    }
  })

  it('prints Nagios-style output and perfdata, and no perfdata for UNKNOWN', () => {
    const result = checkResult('HTTP', 'warning', 1, 's9', 600)
    expect(result.output).toMatch(/^WARNING - HTTP: time [0-9.]+s, size [0-9]+B$/)
    expect(result.perfdata).toMatch(/^time=[0-9.]+s;2;5 size=[0-9]+B;900000;1000000$/)
    expect(checkResult('HTTP', 'unknown', 1, 's9', 600).perfdata).toBe('')
    expect(checkResult(undefined, 'down', 1, 'h1', 600).output).toMatch(/^CRITICAL - Host Unreachable/)
  })

  it('reads Opsview durations, with m as minutes', () => {
    expect(parseDuration('1d')).toBe(86_400)
    expect(parseDuration('18w5d1h')).toBe(18 * 604_800 + 5 * 86_400 + 3600)
    expect(parseDuration('90m')).toBe(5400)
    expect(parseDuration('2months')).toBe(2 * 2_592_000)
    expect(parseDuration('soon')).toBeUndefined()
    expect(parseDuration('')).toBeUndefined()
  })
})

describe('DueHeap', () => {
  it('pops by time, then by key, whatever the push order', () => {
    const heap = new DueHeap<{ at: number; key: string }>()
    for (const [at, key] of [
      [5, 'b'],
      [1, 'z'],
      [5, 'a'],
      [3, 'q'],
      [1, 'a'],
    ] as const)
      heap.push({ at, key })
    const order: string[] = []
    for (let item = heap.pop(); item; item = heap.pop()) order.push(`${item.at}${item.key}`)
    expect(order).toEqual(['1a', '1z', '3q', '5a', '5b'])
  })
})
