import { MockError } from '../../core/mock-error'
import type { ClusterRuntime, NodeActivity } from '../store'
import type { Node } from '../spec-types'
import { METRIC_FUNCTIONS, METRICS_BY_KEY, type MetricDefinition, type MetricFunction, type Sample } from './metric-catalog'
import { noise, trait } from './noise'

/**
 * Metric values as a pure function of (seed, cluster, node, metric, time) and the node's recorded activity:
 * no samples are stored, so any range can be read and the same seed and clock always give the same points.
 * A node reports nothing (null) while it is down; a compaction shows as a burst of pending tasks and
 * compacted bytes; `data-load` and disk use agree with the node's `load` and the storage capacity.
 */
export interface SeriesSource {
  seed: number
  clusterId: string
  runtime: ClusterRuntime
}

export interface Selector {
  metric: MetricDefinition
  device?: string
  keyspace?: string
  table?: string
}

const DAY = 86400

function isDown(activity: NodeActivity | undefined, t: number): boolean {
  return !!activity?.downtime.some((span) => t >= span.from && (span.to === undefined || t < span.to))
}

/** One node's value at epoch second `t`, or null when the node was not reporting. */
export function nodeValue(source: SeriesSource, node: Node, selector: Selector, t: number): number | null {
  const activity = source.runtime.activity.get(node.node_ip)
  if (isDown(activity, t)) return null
  const subject = `${source.clusterId}/${node.node_ip}`
  const minute = Math.floor(t / 60)
  const busy = trait(source.seed, subject)
  let last = -Infinity
  for (const at of activity?.compactions ?? []) if (at <= t && at > last) last = at
  // The latest maintenance of each kind at or before t (the list is oldest first).
  const latest = { gc: -Infinity, flush: -Infinity, repair: -Infinity, drain: -Infinity, undrain: -Infinity }
  for (const { action, at } of activity?.maintenance ?? []) if (at <= t) latest[action] = at
  const table = selector.table === undefined ? undefined : source.runtime.keyspaces.get(selector.keyspace ?? '')?.tables.get(selector.table)
  const share = selector.table === undefined ? 0 : trait(source.seed, `${selector.keyspace}.${selector.table}`)
  // A series' noise is its own: a node metric read for a device or a table row is the node's series.
  const scopes: Record<MetricDefinition['scope'], string> = {
    node: '/.',
    device: `${selector.device ?? ''}/.`,
    table: `/${selector.keyspace ?? ''}.${selector.table ?? ''}`,
  }
  // Rows read other rows of the same moment (hits from requests, idle from the other CPU shares): computed once each.
  const cache = new Map<string, number>()
  const sample: Sample = {
    jitter: 0,
    busy,
    daily: 1 + 0.3 * Math.sin((2 * Math.PI * (t % DAY)) / DAY),
    burst: last === -Infinity ? 0 : Math.exp(-(t - last) / 600),
    sinceGc: t - latest.gc,
    sinceFlush: t - latest.flush,
    sinceRepair: t - latest.repair,
    drained: latest.drain > latest.undrain,
    load: node.load ?? 0,
    disk: source.runtime.diskBytes.get(node.node_ip) ?? 0,
    heapRatio: activity?.heapRatio ?? 0.35 + 0.25 * busy,
    share,
    // Each node holds its replicas' share of the table; truncating the table takes it to 0.
    tableBytes: ((table?.bytes ?? 0) / Math.max(1, source.runtime.nodes.length)) * (0.5 + share),
    of: (key) => valueOf(key),
  }
  const valueOf = (key: string): number => {
    const known = cache.get(key)
    if (known !== undefined) return known
    // Each series has its own noise; a row that reads another series sees that series' noise.
    const metric = METRICS_BY_KEY.get(key)!
    const outer = sample.jitter
    sample.jitter = noise(source.seed, `${subject}/${key}/${scopes[metric.scope]}`, minute) - 0.5
    const value = metric.value(sample)
    sample.jitter = outer
    cache.set(key, value)
    return value
  }
  return valueOf(selector.metric.key)
}

/** Combines the nodes' values at one time; null when no node reported. */
export function combine(metric: MetricDefinition, values: Array<number | null>): number | null {
  const reported = values.filter((value): value is number => value !== null)
  if (!reported.length) return null
  const sum = reported.reduce((total, value) => total + value, 0)
  return Math.round((metric.combine === 'sum' ? sum : sum / reported.length) * 100) / 100
}

export type DataPoint = [timestamp: number, value: number | null]

export interface Window {
  start: number
  end: number
  stepSeconds: number
  fn: MetricFunction
}

/** Most points one series may hold: a week at one-minute resolution. */
const MAX_POINTS = 10080

/**
 * The points of one series over a window: one per step (aligned to the step), each the average, minimum
 * or maximum of up to 10 samples inside its interval.
 */
export function points(window: Window, valueAt: (t: number) => number | null): DataPoint[] {
  const first = Math.ceil(window.start / window.stepSeconds) * window.stepSeconds
  const count = Math.floor((window.end - first) / window.stepSeconds) + 1
  if (count > MAX_POINTS)
    throw new MockError(
      'BAD_REQUEST',
      `The range asks for ${count} points at a ${window.stepSeconds}-second step; at most ${MAX_POINTS} per series (use a larger step)`,
    )
  const samples = Math.min(10, Math.max(1, window.stepSeconds / 60))
  const result: DataPoint[] = []
  for (let ts = first; ts <= window.end; ts += window.stepSeconds) {
    const values: number[] = []
    for (let k = 0; k < samples; k++) {
      const value = valueAt(ts - Math.floor((k * window.stepSeconds) / samples))
      if (value !== null) values.push(value)
    }
    result.push([ts, reduce(window.fn, values)])
  }
  return result
}

function reduce(fn: MetricFunction, values: number[]): number | null {
  if (!values.length) return null
  if (fn === 'min') return Math.min(...values)
  if (fn === 'max') return Math.max(...values)
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100
}

export const functionKey = (fn: MetricFunction) => METRIC_FUNCTIONS[fn]
