/**
 * The metric keys the mock answers, by scope, with how a node's value is made and how node values
 * combine into a cluster or datacenter value. Keys are OpsCenter's (decisions/101): `write-ops`,
 * `read-ops`, latencies, heap, OS, disk and network devices, and the `cf-*` table metrics.
 */
export type MetricScope = 'node' | 'device' | 'table'

export interface MetricDefinition {
  key: string
  scope: MetricScope
  unit: string
  /** How node values combine for `/cluster-metrics` and node aggregation. */
  combine: 'sum' | 'average'
  description: string
}

const node = (key: string, unit: string, combine: 'sum' | 'average', description: string): MetricDefinition => ({
  key,
  scope: 'node',
  unit,
  combine,
  description,
})
const device = (key: string, unit: string, combine: 'sum' | 'average', description: string): MetricDefinition => ({
  key,
  scope: 'device',
  unit,
  combine,
  description,
})
const table = (key: string, unit: string, combine: 'sum' | 'average', description: string): MetricDefinition => ({
  key,
  scope: 'table',
  unit,
  combine,
  description,
})

export const METRICS: readonly MetricDefinition[] = [
  node('write-ops', 'ops/s', 'sum', 'Write requests per second'),
  node('read-ops', 'ops/s', 'sum', 'Read requests per second'),
  node('write-latency-op', 'µs/op', 'average', 'Average write latency per operation'),
  node('read-latency-op', 'µs/op', 'average', 'Average read latency per operation'),
  node('heap-used', 'bytes', 'sum', 'JVM heap in use'),
  node('heap-max', 'bytes', 'sum', 'JVM heap maximum'),
  node('heap-committed', 'bytes', 'sum', 'JVM heap committed'),
  node('nonheap-used', 'bytes', 'sum', 'JVM non-heap memory in use'),
  node('data-load', 'bytes', 'sum', 'Data held by the node (agrees with /nodes load)'),
  node('pending-compaction-tasks', 'tasks', 'sum', 'Compactions waiting to run'),
  node('total-bytes-compacted', 'bytes', 'sum', 'Bytes compacted in the interval'),
  node('os-load', 'load', 'average', 'OS load average'),
  node('os-cpu-user', '%', 'average', 'CPU time in user space'),
  node('os-cpu-system', '%', 'average', 'CPU time in the kernel'),
  node('os-cpu-idle', '%', 'average', 'CPU idle time'),
  node('os-memory-used', 'bytes', 'sum', 'Memory in use'),
  node('os-memory-free', 'bytes', 'sum', 'Free memory'),
  device('os-disk-used', 'bytes', 'sum', 'Disk space used, per disk device'),
  device('os-disk-free', 'bytes', 'sum', 'Disk space free, per disk device'),
  device('os-disk-usage', '%', 'average', 'Disk space used as a percentage, per disk device'),
  device('os-net-received', 'bytes/s', 'sum', 'Network bytes received, per interface'),
  device('os-net-sent', 'bytes/s', 'sum', 'Network bytes sent, per interface'),
  table('cf-write-ops', 'ops/s', 'sum', 'Table writes per second'),
  table('cf-read-ops', 'ops/s', 'sum', 'Table reads per second'),
  table('cf-write-latency-op', 'µs/op', 'average', 'Table write latency per operation'),
  table('cf-read-latency-op', 'µs/op', 'average', 'Table read latency per operation'),
  table('cf-live-disk-used', 'bytes', 'sum', 'Live disk space used by the table'),
  table('cf-total-disk-used', 'bytes', 'sum', 'Total disk space used by the table'),
  table('cf-live-sstables', 'sstables', 'sum', 'Live SSTables of the table'),
]

export const METRICS_BY_KEY: ReadonlyMap<string, MetricDefinition> = new Map(METRICS.map((metric) => [metric.key, metric]))

/** Devices each node reports, per kind of device metric. */
export const DISK_DEVICES = ['sda'] as const
export const NETWORK_DEVICES = ['eth0'] as const

export function devicesOf(metric: MetricDefinition): readonly string[] {
  return metric.key.startsWith('os-net-') ? NETWORK_DEVICES : DISK_DEVICES
}

/** `function` query values and the key each one answers under. */
export const METRIC_FUNCTIONS = { average: 'AVERAGE', min: 'MIN', max: 'MAX' } as const
export type MetricFunction = keyof typeof METRIC_FUNCTIONS

/** Documented `step` values in minutes (1, 5, 120, 1440); the same in seconds is accepted too (decisions/101). */
export const STEP_SECONDS: ReadonlyMap<number, number> = new Map([
  [1, 60],
  [5, 300],
  [120, 7200],
  [1440, 86400],
  [60, 60],
  [300, 300],
  [7200, 7200],
  [86400, 86400],
])
