/**
 * The vendor's graph bodies: series of `[time, value, "formatted"]` points and the consolidated
 * min / max / average / current / 95th-percentile block of each series, from the same samples.
 */
export type Point = [number, number, string]

export interface Series {
  seriesname: string
  data: Point[]
}

const UNITS: Array<[number, string]> = [
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'K'],
]

/** `14.783 M`, `512 K`, `0`: three decimals and the vendor's unit letter. */
function scaled(value: number): string {
  for (const [size, unit] of UNITS) if (Math.abs(value) >= size) return `${(value / size).toFixed(3)} ${unit}`
  return Number.isInteger(value) ? String(value) : value.toFixed(3)
}

export function point(at: number, value: number, format: (value: number) => string = scaled): Point {
  return [at, Math.round(value * 1000) / 1000, format(value)]
}

function percentile95(values: readonly number[]): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)]!
}

/** The consolidated block of one series, formatted with `format` (the sample's `0 ( 0.0 % )` or `14.783 M`). */
export function consolidate(series: Series, format: (value: number) => string = scaled) {
  const values = series.data.map(([, value]) => value)
  const min = values.length ? Math.min(...values) : 0
  const max = values.length ? Math.max(...values) : 0
  const average = values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0
  const p95 = percentile95(values)
  const at = (value: number) => String(series.data.find(([, sample]) => sample === value)?.[0] ?? 0)
  return {
    seriesName: series.seriesname,
    minVal: format(min),
    maxVal: format(max),
    avgVal: format(average),
    currVal: format(values[values.length - 1] ?? 0),
    minCollectionTime: at(min),
    maxCollectionTime: at(max),
    '95thperc': format(p95),
    '95thpercentileValue': format(p95),
    '95thpercVal': String(p95),
    '95thpercRawVal': String(p95),
  }
}

/** The vendor's availability breakdown in percent; the states the mock does not model stay at zero. */
export function availabilityBreakdown(percent: { up: number; down: number; maintenance?: number }) {
  return {
    Up: percent.up,
    Down: percent.down,
    'On Maintenance': percent.maintenance ?? 0,
    'Dependent Unavailable': 0,
    'On Hold': 0,
    'Not Monitored': 0,
    'Parent Down': 0,
  }
}
