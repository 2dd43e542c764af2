import { MockError } from '../../core/mock-error'
import type { ClusterRuntime, NodeActivity } from '../store'
import type { Node } from '../spec-types'
import { METRIC_FUNCTIONS, type MetricDefinition, type MetricFunction } from './metric-catalog'
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

const GiB = 1024 ** 3
const DAY = 86400

export function isDown(activity: NodeActivity | undefined, t: number): boolean {
  return !!activity?.downtime.some((span) => t >= span.from && (span.to === undefined || t < span.to))
}

/** One node's value at epoch second `t`, or null when the node was not reporting. */
export function nodeValue(source: SeriesSource, node: Node, selector: Selector, t: number): number | null {
  const activity = source.runtime.activity.get(node.node_ip)
  if (isDown(activity, t)) return null
  const key = `${source.clusterId}/${node.node_ip}/${selector.metric.key}/${selector.device ?? ''}/${selector.keyspace ?? ''}.${selector.table ?? ''}`
  const minute = Math.floor(t / 60)
  const jitter = noise(source.seed, key, minute) - 0.5 // [-0.5, 0.5)
  const busy = trait(source.seed, `${source.clusterId}/${node.node_ip}`)
  const daily = 1 + 0.3 * Math.sin((2 * Math.PI * (t % DAY)) / DAY)
  const sinceCompaction = (activity?.compactions ?? []).filter((at) => at <= t).map((at) => t - at)
  const burst = sinceCompaction.length ? Math.exp(-Math.min(...sinceCompaction) / 600) : 0
  const load = node.load ?? 0
  const disk = source.runtime.diskBytes.get(node.node_ip) ?? 0
  const heapMax = 8 * GiB
  const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits
  switch (selector.metric.key) {
    case 'write-ops':
      return round((150 + 600 * busy) * daily * (1 + 0.2 * jitter))
    case 'read-ops':
      return round((250 + 900 * busy) * daily * (1 + 0.2 * jitter))
    case 'write-latency-op':
      return round((180 + 220 * busy) * (1 + 0.3 * jitter + 0.5 * burst))
    case 'read-latency-op':
      return round((400 + 600 * busy) * (1 + 0.3 * jitter + 0.8 * burst))
    case 'heap-max':
      return heapMax
    case 'heap-committed':
      return Math.round(heapMax * 0.95)
    case 'heap-used':
      return Math.round(heapMax * Math.min(0.98, (activity?.heapRatio ?? 0.35 + 0.25 * busy) + 0.04 * jitter))
    case 'nonheap-used':
      return Math.round(160 * 1024 ** 2 * (1 + 0.1 * jitter))
    case 'data-load':
      return load
    case 'pending-compaction-tasks':
      return Math.round(2 * (jitter + 0.5) + 24 * burst)
    case 'total-bytes-compacted':
      return Math.round(4 * 1024 ** 2 * (jitter + 0.5) + 512 * 1024 ** 2 * burst)
    case 'os-load':
      return round((0.4 + 3 * busy) * daily * (1 + 0.2 * jitter) + 2 * burst)
    case 'os-cpu-user':
      return round(Math.min(90, (8 + 40 * busy) * daily * (1 + 0.2 * jitter) + 20 * burst))
    case 'os-cpu-system':
      return round(3 + 4 * (jitter + 0.5))
    case 'os-cpu-idle': {
      const user = nodeValue(source, node, { metric: { ...selector.metric, key: 'os-cpu-user' } }, t) ?? 0
      const system = nodeValue(source, node, { metric: { ...selector.metric, key: 'os-cpu-system' } }, t) ?? 0
      return round(Math.max(0, 100 - user - system))
    }
    case 'os-memory-used':
      return Math.round(32 * GiB * (0.55 + 0.25 * busy + 0.02 * jitter))
    case 'os-memory-free':
      return Math.round(32 * GiB * (0.45 - 0.25 * busy - 0.02 * jitter))
    case 'os-disk-used':
      return load + 20 * GiB
    case 'os-disk-free':
      return Math.max(0, disk - load - 20 * GiB)
    case 'os-disk-usage':
      return disk ? round(((load + 20 * GiB) / disk) * 100) : 0
    case 'os-net-received':
      return Math.round((2 + 6 * busy) * 1024 ** 2 * daily * (1 + 0.2 * jitter))
    case 'os-net-sent':
      return Math.round((1.5 + 5 * busy) * 1024 ** 2 * daily * (1 + 0.2 * jitter))
    default:
      return tableValue(source, node, selector, t, { jitter, busy, daily, burst })
  }
}

function tableValue(
  source: SeriesSource,
  node: Node,
  selector: Selector,
  t: number,
  shape: { jitter: number; busy: number; daily: number; burst: number },
): number | null {
  const table = source.runtime.keyspaces.get(selector.keyspace ?? '')?.tables.get(selector.table ?? '')
  const share = trait(source.seed, `${selector.keyspace}.${selector.table}`)
  // Each node holds its replicas' share of the table; truncating the table takes it to 0.
  const bytes = ((table?.bytes ?? 0) / Math.max(1, source.runtime.nodes.length)) * (0.5 + share)
  const { jitter, busy, daily, burst } = shape
  const round = (value: number) => Math.round(value * 100) / 100
  switch (selector.metric.key) {
    case 'cf-write-ops':
      return round((5 + 120 * share) * (0.5 + busy) * daily * (1 + 0.2 * jitter))
    case 'cf-read-ops':
      return round((8 + 200 * share) * (0.5 + busy) * daily * (1 + 0.2 * jitter))
    case 'cf-write-latency-op':
      return round((150 + 200 * share) * (1 + 0.3 * jitter + 0.5 * burst))
    case 'cf-read-latency-op':
      return round((350 + 500 * share) * (1 + 0.3 * jitter + 0.8 * burst))
    case 'cf-live-disk-used':
      return Math.round(bytes)
    case 'cf-total-disk-used':
      return Math.round(bytes * (1.1 + 0.2 * burst))
    case 'cf-live-sstables':
      return Math.round(4 + 10 * share + 6 * burst)
    default:
      void t
      return null
  }
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
export const MAX_POINTS = 10080

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
