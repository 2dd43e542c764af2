/**
 * The metric keys the mock answers, one row each: its scope, unit, how node values combine into a cluster or
 * datacenter value, and how one node's value is made from the shape of the moment (decisions/101, 109).
 * Keys are OpsCenter's: the ones two published OpsCenter clients ask for (a Diamond collector and a Sensu
 * plugin list 70 keys between them) plus the device keys of the metrics API pages. Adding a key is adding a row.
 */
type MetricScope = 'node' | 'device' | 'table'

/** What a value is made from: the noise of the minute and the state of the node (and table) at that time. */
export interface Sample {
  /** Noise of this series at this minute, in [-0.5, 0.5). */
  jitter: number
  /** How busy the node is compared to its peers, in [0, 1), fixed per node. */
  busy: number
  /** The daily load curve, 0.7 at night to 1.3 at the peak. */
  daily: number
  /** 1 right after a compaction on the node, decaying over ten minutes. */
  burst: number
  /** Seconds since the node's last GC, flush and repair (Infinity when none). */
  sinceGc: number
  sinceFlush: number
  sinceRepair: number
  /** Whether the node is drained: up and reporting, but taking no client or node traffic until it restarts. */
  drained: boolean
  /** The node's data, in bytes (its `load`). */
  load: number
  /** The node's disk size, in bytes. */
  disk: number
  /** Heap in use as a share of heap-max. */
  heapRatio: number
  /** A table's share of the cluster's traffic, in [0, 1), fixed per table. */
  share: number
  /** The table's bytes held by this node. */
  tableBytes: number
  /** Another metric of the same node (and device or table) at the same time. */
  of(key: string): number
}

export interface MetricDefinition {
  key: string
  scope: MetricScope
  unit: string
  /** How node values combine for `/cluster-metrics` and node aggregation; averaged ones answer under `Average`. */
  combine: 'sum' | 'average'
  description: string
  value(sample: Sample): number
}

type Row = [key: string, unit: string, combine: 'sum' | 'average', description: string, value: (sample: Sample) => number]

const GiB = 1024 ** 3
const MiB = 1024 ** 2
const MEMORY = 32 * GiB
const HEAP_MAX = 8 * GiB
const NONHEAP_MAX = 1 * GiB
/** Bytes the OS and commit logs take on the data disk besides Cassandra's data. */
const DISK_OVERHEAD = 20 * GiB

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits
const whole = (value: number) => Math.max(0, Math.round(value))
/** Ops per second of the node, `base` at an idle node, following the daily curve. */
const rate = (base: number, perBusy: number) => (s: Sample) => round((base + perBusy * s.busy) * s.daily * (1 + 0.2 * s.jitter))
/** A request rate that stops while the node is drained. */
const traffic = (base: number, perBusy: number) => {
  const perSecond = rate(base, perBusy)
  return (s: Sample) => (s.drained ? 0 : perSecond(s))
}
/** 1 right after an operation, fading over `seconds`. */
const after = (since: number, seconds: number) => Math.exp(-since / seconds)
/** A queue that is nearly empty and fills while a compaction runs. */
const queue = (idle: number, inBurst: number) => (s: Sample) => whole(idle * (s.jitter + 0.5) * (0.5 + s.busy) + inBurst * s.burst)

const NODE_ROWS: Row[] = [
  ['write-ops', 'ops/s', 'sum', 'Write requests per second', traffic(150, 600)],
  ['read-ops', 'ops/s', 'sum', 'Read requests per second', traffic(250, 900)],
  [
    'write-latency-op',
    'µs/op',
    'average',
    'Average write latency per operation',
    (s) => round((180 + 220 * s.busy) * (1 + 0.3 * s.jitter + 0.5 * s.burst)),
  ],
  [
    'read-latency-op',
    'µs/op',
    'average',
    'Average read latency per operation',
    (s) => round((400 + 600 * s.busy) * (1 + 0.3 * s.jitter + 0.8 * s.burst)),
  ],
  ['data-load', 'bytes', 'sum', 'Data held by the node (agrees with /nodes load and /storage-capacity)', (s) => s.load],
  ['heap-max', 'bytes', 'average', 'JVM heap maximum', () => HEAP_MAX],
  ['heap-committed', 'bytes', 'average', 'JVM heap committed', () => Math.round(HEAP_MAX * 0.95)],
  [
    'heap-used',
    'bytes',
    'average',
    'JVM heap in use',
    (s) => Math.round(HEAP_MAX * Math.min(0.98, s.heapRatio + 0.04 * s.jitter) * (1 - 0.45 * after(s.sinceGc, 600))),
  ],
  ['nonheap-max', 'bytes', 'average', 'JVM non-heap maximum', () => NONHEAP_MAX],
  ['nonheap-committed', 'bytes', 'average', 'JVM non-heap committed', () => 192 * MiB],
  ['nonheap-used', 'bytes', 'average', 'JVM non-heap in use', (s) => Math.round(160 * MiB * (1 + 0.1 * s.jitter))],
  [
    'cms-collection-count',
    'collections/min',
    'sum',
    'Old-generation (CMS) collections',
    (s) => whole(0.2 + s.heapRatio * (s.jitter + 0.5) + (s.sinceGc < 60 ? 1 : 0)),
  ],
  [
    'cms-collection-time',
    'ms/min',
    'sum',
    'Time spent in old-generation (CMS) collections',
    (s) => whole(s.of('cms-collection-count') * (80 + 120 * s.busy)),
  ],
  [
    'par-new-collection-count',
    'collections/min',
    'sum',
    'Young-generation (ParNew) collections',
    (s) => whole((2 + 8 * s.busy) * s.daily * (1 + 0.3 * s.jitter)),
  ],
  [
    'par-new-collection-time',
    'ms/min',
    'sum',
    'Time spent in young-generation (ParNew) collections',
    (s) => whole(s.of('par-new-collection-count') * (12 + 10 * s.burst)),
  ],
  ['key-cache-requests', 'requests/s', 'sum', 'Key cache lookups (one per read)', (s) => s.of('read-ops')],
  ['key-cache-hits', 'hits/s', 'sum', 'Key cache hits', (s) => round((s.of('read-ops') * s.of('key-cache-hit-rate')) / 100)],
  [
    'key-cache-hit-rate',
    '%',
    'average',
    'Key cache hits as a share of lookups',
    (s) => round(Math.min(99.5, 88 + 8 * s.busy + 2 * s.jitter - 6 * s.burst)),
  ],
  ['row-cache-requests', 'requests/s', 'sum', 'Row cache lookups', (s) => round(s.of('read-ops') * 0.1)],
  ['row-cache-hits', 'hits/s', 'sum', 'Row cache hits', (s) => round((s.of('row-cache-requests') * s.of('row-cache-hit-rate')) / 100)],
  [
    'row-cache-hit-rate',
    '%',
    'average',
    'Row cache hits as a share of lookups',
    (s) => round(Math.min(99, 60 + 20 * s.busy + 4 * s.jitter)),
  ],
  ['pending-compaction-tasks', 'tasks', 'sum', 'Compactions waiting to run', queue(4, 24)],
  [
    'total-compactions-completed',
    'compactions/min',
    'sum',
    'Compactions finished in the interval',
    (s) => whole(0.5 + (s.jitter + 0.5) + 6 * s.burst),
  ],
  [
    'total-bytes-compacted',
    'bytes',
    'sum',
    'Bytes compacted in the interval',
    (s) => Math.round(4 * MiB * (s.jitter + 0.5) + 512 * MiB * s.burst),
  ],
  ['pending-flushes', 'tasks', 'sum', 'Memtable flushes waiting', (s) => queue(2, 4)(s) + whole(8 * after(s.sinceFlush, 60))],
  ['pending-flush-sorter-tasks', 'tasks', 'sum', 'Flush sorter tasks waiting', queue(1, 2)],
  ['pending-memtable-post-flushers', 'tasks', 'sum', 'Memtable post-flush tasks waiting', queue(1, 2)],
  ['pending-memtable-post-flush', 'tasks', 'sum', 'Memtable post-flush stage tasks waiting', (s) => s.of('pending-memtable-post-flushers')],
  ['pending-read-ops', 'tasks', 'sum', 'Reads waiting in the read stage', queue(3, 12)],
  ['pending-read-stage', 'tasks', 'sum', 'Read stage tasks waiting', (s) => s.of('pending-read-ops')],
  ['pending-write-ops', 'tasks', 'sum', 'Writes waiting in the mutation stage', queue(3, 6)],
  ['pending-mutation-stage', 'tasks', 'sum', 'Mutation stage tasks waiting', (s) => s.of('pending-write-ops')],
  ['pending-gossip-tasks', 'tasks', 'sum', 'Gossip stage tasks waiting', queue(0.6, 0)],
  ['pending-gossip-stage', 'tasks', 'sum', 'Gossip stage tasks waiting', (s) => s.of('pending-gossip-tasks')],
  ['pending-hinted-handoff', 'tasks', 'sum', 'Hints waiting to be delivered', queue(0.6, 0)],
  ['pending-internal-responses', 'tasks', 'sum', 'Internal response stage tasks waiting', queue(0.6, 0)],
  ['pending-internal-response-stage', 'tasks', 'sum', 'Internal response stage tasks waiting', (s) => s.of('pending-internal-responses')],
  ['pending-migrations', 'tasks', 'sum', 'Schema migrations waiting', () => 0],
  ['pending-migration-stage', 'tasks', 'sum', 'Migration stage tasks waiting', () => 0],
  ['pending-misc-tasks', 'tasks', 'sum', 'Miscellaneous stage tasks waiting', queue(0.6, 0)],
  ['pending-misc-stage', 'tasks', 'sum', 'Miscellaneous stage tasks waiting', (s) => s.of('pending-misc-tasks')],
  ['pending-read-repair-tasks', 'tasks', 'sum', 'Read repairs waiting', queue(1, 0)],
  ['pending-read-repair-stage', 'tasks', 'sum', 'Read repair stage tasks waiting', (s) => s.of('pending-read-repair-tasks')],
  [
    'pending-repair-tasks',
    'tasks',
    'sum',
    'Anti-entropy (repair) tasks waiting',
    (s) => queue(0.6, 0)(s) + whole(12 * after(s.sinceRepair, 600)),
  ],
  ['pending-anti-entropy-stage', 'tasks', 'sum', 'Anti-entropy stage tasks waiting', (s) => s.of('pending-repair-tasks')],
  ['pending-repl-on-write-tasks', 'tasks', 'sum', 'Replicate-on-write tasks waiting', queue(0.6, 0)],
  ['pending-request-responses', 'tasks', 'sum', 'Request response stage tasks waiting', queue(1, 0)],
  ['pending-request-response-stage', 'tasks', 'sum', 'Request response stage tasks waiting', (s) => s.of('pending-request-responses')],
  ['pending-streams', 'streams', 'sum', 'Streams waiting (bootstrap, repair, move)', (s) => whole(4 * after(s.sinceRepair, 600))],
  // The seeded clusters run no DSE Search workload: its request counters stay at zero.
  ['solr-requests', 'requests/s', 'sum', 'DSE Search requests', () => 0],
  ['solr-errors', 'errors/s', 'sum', 'DSE Search errors', () => 0],
  ['solr-timeouts', 'timeouts/s', 'sum', 'DSE Search timeouts', () => 0],
  ['solr-avg-time-per-req', 'ms', 'average', 'DSE Search time per request', () => 0],
  ['os-load', 'load', 'average', 'OS load average', (s) => round((0.4 + 3 * s.busy) * s.daily * (1 + 0.2 * s.jitter) + 2 * s.burst)],
  [
    'os-cpu-user',
    '%',
    'average',
    'CPU time in user space',
    (s) => round(Math.min(85, (8 + 40 * s.busy) * s.daily * (1 + 0.2 * s.jitter) + 20 * s.burst)),
  ],
  ['os-cpu-system', '%', 'average', 'CPU time in the kernel', (s) => round(3 + 4 * (s.jitter + 0.5))],
  ['os-cpu-iowait', '%', 'average', 'CPU time waiting for I/O', (s) => round(0.5 + 2 * (s.jitter + 0.5) + 6 * s.burst)],
  ['os-cpu-nice', '%', 'average', 'CPU time in niced processes', () => 0],
  ['os-cpu-steal', '%', 'average', 'CPU time taken by the hypervisor', (s) => round(0.2 * (s.jitter + 0.5))],
  [
    'os-cpu-idle',
    '%',
    'average',
    'CPU idle time (100 less the other CPU shares)',
    (s) => round(Math.max(0, 100 - s.of('os-cpu-user') - s.of('os-cpu-system') - s.of('os-cpu-iowait') - s.of('os-cpu-steal'))),
  ],
  ['os-memory-used', 'bytes', 'sum', 'Memory in use by processes', (s) => Math.round(MEMORY * (0.45 + 0.2 * s.busy + 0.02 * s.jitter))],
  ['os-memory-buffers', 'bytes', 'sum', 'Memory in kernel buffers', () => Math.round(0.5 * GiB)],
  ['os-memory-cached', 'bytes', 'sum', 'Memory in the page cache', (s) => Math.round(MEMORY * (0.3 - 0.1 * s.busy))],
  [
    'os-memory-free',
    'bytes',
    'sum',
    'Free memory (total less used, buffers and cache)',
    (s) => Math.max(0, MEMORY - s.of('os-memory-used') - s.of('os-memory-buffers') - s.of('os-memory-cached')),
  ],
]

/** Disk metrics are read per disk device (`/metrics/{ip}/{metric}/{device}`); the data disk holds the node's data. */
const DISK_ROWS: Row[] = [
  ['os-disk-used', 'bytes', 'sum', 'Disk space used, per disk device (data plus commit logs and the OS)', (s) => s.load + DISK_OVERHEAD],
  ['os-disk-free', 'bytes', 'sum', 'Disk space free, per disk device', (s) => Math.max(0, s.disk - s.load - DISK_OVERHEAD)],
  [
    'os-disk-usage',
    '%',
    'average',
    'Disk space used as a percentage, per disk device',
    (s) => (s.disk ? round(((s.load + DISK_OVERHEAD) / s.disk) * 100) : 0),
  ],
  [
    'os-disk-read-throughput',
    'bytes/s',
    'sum',
    'Bytes read from the disk',
    (s) => Math.round(s.of('read-ops') * 16 * 1024 * (1 - s.of('key-cache-hit-rate') / 100) + 64 * MiB * s.burst),
  ],
  [
    'os-disk-write-throughput',
    'bytes/s',
    'sum',
    'Bytes written to the disk',
    (s) => Math.round(s.of('write-ops') * 2 * 1024 + 96 * MiB * s.burst + 64 * MiB * after(s.sinceFlush, 120)),
  ],
  ['os-disk-read-rate', 'ops/s', 'sum', 'Read operations on the disk', (s) => round(s.of('read-ops') * 0.15 + 200 * s.burst)],
  ['os-disk-write-rate', 'ops/s', 'sum', 'Write operations on the disk', (s) => round(s.of('write-ops') * 0.05 + 300 * s.burst)],
  [
    'os-disk-await',
    'ms',
    'average',
    'Average time an I/O request waits',
    (s) => round((1.5 + 2 * s.busy) * (1 + 0.3 * s.jitter) + 8 * s.burst),
  ],
  [
    'os-disk-queue-size',
    'requests',
    'average',
    'Average I/O queue length',
    (s) => round((0.2 + 0.8 * s.busy) * (1 + 0.3 * s.jitter) + 4 * s.burst),
  ],
  [
    'os-disk-busy',
    '%',
    'average',
    'Share of time the disk was busy',
    (s) => round(Math.min(100, (5 + 25 * s.busy) * s.daily * (1 + 0.2 * s.jitter) + 50 * s.burst)),
  ],
]

/** Network metrics are read per interface. */
const NETWORK_ROWS: Row[] = [
  [
    'os-net-received',
    'bytes/s',
    'sum',
    'Network bytes received, per interface',
    (s) => Math.round((2 + 6 * s.busy) * MiB * s.daily * (1 + 0.2 * s.jitter)),
  ],
  [
    'os-net-sent',
    'bytes/s',
    'sum',
    'Network bytes sent, per interface',
    (s) => Math.round((1.5 + 5 * s.busy) * MiB * s.daily * (1 + 0.2 * s.jitter)),
  ],
  ['os-net-packets-received', 'packets/s', 'sum', 'Network packets received, per interface', (s) => round(s.of('os-net-received') / 1200)],
  ['os-net-packets-sent', 'packets/s', 'sum', 'Network packets sent, per interface', (s) => round(s.of('os-net-sent') / 1200)],
]

/** Table metrics: the table's share of the node's traffic; sizes follow the table's bytes (0 once truncated). */
const TABLE_ROWS: Row[] = [
  [
    'cf-write-ops',
    'ops/s',
    'sum',
    'Table writes per second',
    (s) => (s.drained ? 0 : round((5 + 120 * s.share) * (0.5 + s.busy) * s.daily * (1 + 0.2 * s.jitter))),
  ],
  [
    'cf-read-ops',
    'ops/s',
    'sum',
    'Table reads per second',
    (s) => (s.drained ? 0 : round((8 + 200 * s.share) * (0.5 + s.busy) * s.daily * (1 + 0.2 * s.jitter))),
  ],
  [
    'cf-write-latency-op',
    'µs/op',
    'average',
    'Table write latency per operation',
    (s) => round((150 + 200 * s.share) * (1 + 0.3 * s.jitter + 0.5 * s.burst)),
  ],
  [
    'cf-read-latency-op',
    'µs/op',
    'average',
    'Table read latency per operation',
    (s) => round((350 + 500 * s.share) * (1 + 0.3 * s.jitter + 0.8 * s.burst)),
  ],
  ['cf-live-disk-used', 'bytes', 'sum', 'Live disk space used by the table', (s) => Math.round(s.tableBytes)],
  [
    'cf-total-disk-used',
    'bytes',
    'sum',
    'Total disk space used by the table (live plus obsolete SSTables)',
    (s) => Math.round(s.tableBytes * (1.1 + 0.2 * s.burst)),
  ],
  ['cf-sstable-size', 'bytes', 'sum', 'Size of the table’s SSTables', (s) => s.of('cf-total-disk-used')],
  ['cf-live-sstables', 'sstables', 'sum', 'Live SSTables of the table', (s) => (s.tableBytes ? whole(4 + 10 * s.share + 6 * s.burst) : 0)],
  ['cf-pending-tasks', 'tasks', 'sum', 'Table operations waiting', queue(1, 3)],
  ['cf-keycache-requests', 'requests/s', 'sum', 'Key cache lookups for the table', (s) => s.of('cf-read-ops')],
  [
    'cf-keycache-hits',
    'hits/s',
    'sum',
    'Key cache hits for the table',
    (s) => round((s.of('cf-read-ops') * s.of('cf-keycache-hit-rate')) / 100),
  ],
  [
    'cf-keycache-hit-rate',
    '%',
    'average',
    'Key cache hit rate of the table',
    (s) => round(Math.min(99.5, 85 + 12 * s.share + 2 * s.jitter - 6 * s.burst)),
  ],
  ['cf-rowcache-requests', 'requests/s', 'sum', 'Row cache lookups for the table', () => 0],
  ['cf-rowcache-hits', 'hits/s', 'sum', 'Row cache hits for the table', () => 0],
  // The seeded tables cache keys only (`caching: KEYS_ONLY`), so their row cache is never asked.
  ['cf-rowcache-hit-rate', '%', 'average', 'Row cache hit rate of the table', () => 0],
  ['cf-bf-space-used', 'bytes', 'sum', 'Bloom filter memory of the table', (s) => Math.round(s.tableBytes * 0.0012)],
  [
    'cf-bf-false-positives',
    'count/min',
    'sum',
    'Bloom filter false positives',
    (s) => whole(s.of('cf-read-ops') * 60 * 0.01 * (s.jitter + 0.5)),
  ],
  ['cf-bf-false-ratio', 'ratio', 'average', 'Bloom filter false positive ratio', (s) => round(0.008 + 0.004 * (s.jitter + 0.5), 4)],
]

const rows = (scope: MetricScope, table: Row[]): MetricDefinition[] =>
  table.map(([key, unit, combine, description, value]) => ({ key, scope, unit, combine, description, value }))

export const DISK_DEVICES = ['sda'] as const
const NETWORK_DEVICES = ['eth0'] as const

export const METRICS: readonly MetricDefinition[] = [
  ...rows('node', NODE_ROWS),
  ...rows('device', DISK_ROWS),
  ...rows('device', NETWORK_ROWS),
  ...rows('table', TABLE_ROWS),
]

export const METRICS_BY_KEY: ReadonlyMap<string, MetricDefinition> = new Map(METRICS.map((metric) => [metric.key, metric]))

const NETWORK_KEYS = new Set(NETWORK_ROWS.map(([key]) => key))

/** Devices each node reports for a device metric. */
export function devicesOf(metric: MetricDefinition): readonly string[] {
  return NETWORK_KEYS.has(metric.key) ? NETWORK_DEVICES : DISK_DEVICES
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
