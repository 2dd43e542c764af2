import type { MockRequest } from '../../core/exchange'
import { MockError } from '../../core/mock-error'
import { flagParam, integerParam, onCluster, ok, type ClusterCall, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'
import type { ClusterRuntime } from '../store'
import type { NewMetricEntry, Node } from '../spec-types'
import {
  METRIC_FUNCTIONS,
  METRICS_BY_KEY,
  STEP_SECONDS,
  devicesOf,
  type MetricDefinition,
  type MetricFunction,
} from '../world/metric-catalog'
import { nodeOf } from '../world/requests'
import { combine, functionKey, nodeValue, points, type DataPoint, type Selector, type SeriesSource, type Window } from '../world/series'

type Series = Record<string, DataPoint[]>
type MetricData = Record<string, Series>

const VIEW = PERMISSION.viewCluster

/** start/end/step/function/forecast, with DataStax's defaults: the last day, one-minute steps, average. */
function windowOf(request: MockRequest, now: number): Window {
  const forecast = flagParam(request, 'forecast', false)
  const end = integerParam(request, 'end', now)
  const start = integerParam(request, 'start', end - 86400)
  const rawStep = integerParam(request, 'step', 1)
  const stepSeconds = STEP_SECONDS.get(rawStep)
  if (stepSeconds === undefined)
    throw new MockError('BAD_REQUEST', `Query parameter 'step' must be 1, 5, 120 or 1440 (minutes), got ${rawStep}`)
  const fn = request.query.get('function') ?? 'average'
  if (!Object.hasOwn(METRIC_FUNCTIONS, fn))
    throw new MockError('BAD_REQUEST', `Query parameter 'function' must be average, min or max, got '${fn}'`)
  if (start > end) throw new MockError('BAD_REQUEST', `'start' (${start}) is after 'end' (${end})`)
  if (end > now && !forecast) throw new MockError('BAD_REQUEST', `'end' (${end}) is in the future; add forecast=1 for projected points`)
  return { start, end, stepSeconds, fn: fn as MetricFunction }
}

function metricOf(key: string, scope: MetricDefinition['scope']): MetricDefinition {
  const metric = METRICS_BY_KEY.get(key)
  if (!metric) throw new MockError('NOT_FOUND', `Unknown metric key '${key}'`)
  if (metric.scope !== scope) {
    const needs = { node: 'no device or table', device: 'a device', table: 'a keyspace and table' }[metric.scope]
    throw new MockError('BAD_REQUEST', `Metric '${key}' is a ${metric.scope} metric: ask for it with ${needs}`)
  }
  return metric
}

function nodesOfDc(runtime: ClusterRuntime, dc: string, clusterId: string): Node[] {
  if (dc === 'all') return runtime.nodes
  const nodes = runtime.nodes.filter((node) => node.dc === dc)
  if (!nodes.length) throw new MockError('NOT_FOUND', `No datacenter '${dc}' in cluster '${clusterId}'`)
  return nodes
}

function checkDevice(metric: MetricDefinition, device: string): void {
  if (!devicesOf(metric).includes(device))
    throw new MockError('NOT_FOUND', `No device '${device}' for '${metric.key}'; devices: ${devicesOf(metric).join(', ')}`)
}

function checkTable(runtime: ClusterRuntime, keyspace: string, table: string, clusterId: string): void {
  const found = runtime.keyspaces.get(keyspace)
  if (!found) throw new MockError('NOT_FOUND', `No keyspace '${keyspace}' in cluster '${clusterId}'`)
  if (!found.tables.has(table)) throw new MockError('NOT_FOUND', `No table '${keyspace}.${table}' in cluster '${clusterId}'`)
}

function sourceOf(call: ClusterCall): SeriesSource {
  return { seed: call.store.seed, clusterId: call.clusterId, runtime: call.store.runtimeOf(call.clusterId) }
}

/**
 * The cluster envelope: one combined series under `Total` (summed metrics) or `Average` (averaged ones, as a
 * real client reads heap-used), or one series per node under its ip.
 */
function series(source: SeriesSource, nodes: Node[], selector: Selector, window: Window, aggregate: boolean): MetricData {
  const key = functionKey(window.fn)
  if (aggregate) {
    const subject = selector.metric.combine === 'sum' ? 'Total' : 'Average'
    return { [subject]: { [key]: combinedPoints(source, nodes, selector, window) } }
  }
  return Object.fromEntries(nodes.map((node) => [node.node_ip, { [key]: points(window, (t) => nodeValue(source, node, selector, t)) }]))
}

function combinedPoints(source: SeriesSource, nodes: Node[], selector: Selector, window: Window): DataPoint[] {
  return points(window, (t) =>
    combine(
      selector.metric,
      nodes.map((node) => nodeValue(source, node, selector, t)),
    ),
  )
}

const clusterMetric = (scope: MetricDefinition['scope']) =>
  onCluster(VIEW, (call) => {
    const { params, request, clusterId } = call
    const runtime = call.store.runtimeOf(clusterId)
    const metric = metricOf(params.metric!, scope)
    const nodes = nodesOfDc(runtime, params.dc!, clusterId)
    if (scope === 'device') checkDevice(metric, params.device!)
    if (scope === 'table') checkTable(runtime, params.ks_name!, params.cf_name!, clusterId)
    const selector: Selector = { metric, device: params.device, keyspace: params.ks_name, table: params.cf_name }
    return ok(series(sourceOf(call), nodes, selector, windowOf(request, call.store.clock.nowSeconds()), true))
  })

const nodeMetric = (scope: MetricDefinition['scope']) =>
  onCluster(VIEW, (call) => {
    const { params, request, clusterId } = call
    const runtime = call.store.runtimeOf(clusterId)
    const node = nodeOf(runtime, params.node_ip!, clusterId)
    const metric = metricOf(params.metric!, scope)
    if (scope === 'device') checkDevice(metric, params.device!)
    if (scope === 'table') checkTable(runtime, params.ks_name!, params.cf_name!, clusterId)
    const selector: Selector = { metric, device: params.device, keyspace: params.ks_name, table: params.cf_name }
    return ok(series(sourceOf(call), [node], selector, windowOf(request, call.store.clock.nowSeconds()), false))
  })

/** The nodes a `/new-metrics` call asks for: `nodes` (comma-separated ips) or `node_group` (`*`/`all`, a datacenter). */
function nodesAsked(runtime: ClusterRuntime, request: MockRequest, clusterId: string): { group: string; nodes: Node[] } {
  const ips = request.query.get('nodes')
  if (ips) return { group: ips, nodes: ips.split(',').map((ip) => nodeOf(runtime, ip.trim(), clusterId)) }
  const group = request.query.get('node_group') ?? '*'
  if (group === '*' || group === 'all') return { group, nodes: runtime.nodes }
  const dc = runtime.nodes.filter((node) => node.dc === group)
  if (dc.length) return { group, nodes: dc }
  return { group, nodes: group.split(',').map((ip) => nodeOf(runtime, ip.trim(), clusterId)) }
}

/** A comma-separated query list, or the legacy single-valued name, or undefined. */
function listParam(request: MockRequest, name: string, single?: string): string[] | undefined {
  const raw = request.query.get(name) ?? (single ? request.query.get(single) : null)
  if (!raw) return undefined
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

/** `ks.table` names from `columnfamilies` (or `keyspace` with `table`), each checked against the schema. */
function tablesAsked(runtime: ClusterRuntime, request: MockRequest, clusterId: string): Array<[string, string]> | undefined {
  const keyspace = request.query.get('keyspace')
  const names = listParam(request, 'columnfamilies')
  const tables: Array<[string, string]> | undefined = names
    ? names.map((name) => {
        const dot = name.indexOf('.')
        if (dot <= 0) throw new MockError('BAD_REQUEST', `Query parameter 'columnfamilies' takes keyspace.table names, got '${name}'`)
        return [name.slice(0, dot), name.slice(dot + 1)]
      })
    : keyspace
      ? (listParam(request, 'table', 'cf') ?? []).map((table): [string, string] => [keyspace, table])
      : undefined
  for (const [ks, table] of tables ?? []) checkTable(runtime, ks, table, clusterId)
  return tables
}

/** `/new-metrics` points are `[value, timestamp]`, the order the published clients read (`data-points[0][0]`). */
const valueFirst = (points: DataPoint[]): Array<[number | null, number]> => points.map(([ts, value]) => [value, ts])

/**
 * Cluster, datacenter, node, device and table metrics in one call, by metric key (decisions/101).
 */
export const metricHandlers: ResourceHandlers<
  | 'getNewMetrics'
  | 'getClusterMetric'
  | 'getClusterDeviceMetric'
  | 'getClusterTableMetric'
  | 'getNodeMetric'
  | 'getNodeDeviceMetric'
  | 'getNodeTableMetric'
> = {
  getNewMetrics: onCluster(VIEW, (call) => {
    const { request, clusterId } = call
    const runtime = call.store.runtimeOf(clusterId)
    const keys = listParam(request, 'metrics') ?? []
    if (!keys.length) throw new MockError('BAD_REQUEST', "Query parameter 'metrics' is required (comma-separated metric keys)")
    const metrics = keys.map((key) => {
      const metric = METRICS_BY_KEY.get(key)
      if (!metric) throw new MockError('NOT_FOUND', `Unknown metric key '${key}'`)
      return metric
    })
    const { group, nodes } = nodesAsked(runtime, request, clusterId)
    const aggregate = flagParam(request, 'node_aggregation', true)
    const tables = tablesAsked(runtime, request, clusterId)
    const askedDevices = listParam(request, 'devices', 'device')
    const window = windowOf(request, call.store.clock.nowSeconds())
    const source = sourceOf(call)
    // One entry per metric (and table or device) per subject: the node group when aggregated, else each node ip.
    const subjects = aggregate ? [{ name: group, nodes }] : nodes.map((node) => ({ name: node.node_ip, nodes: [node] }))
    const data = new Map<string, NewMetricEntry[]>(subjects.map((subject) => [subject.name, []]))
    for (const metric of metrics) {
      const selectors: Array<{ selector: Selector; extra: Partial<NewMetricEntry> }> = []
      if (metric.scope === 'table') {
        if (!tables) throw new MockError('BAD_REQUEST', `Metric '${metric.key}' needs 'columnfamilies' (keyspace.table names)`)
        for (const [keyspace, table] of tables)
          selectors.push({ selector: { metric, keyspace, table }, extra: { columnfamily: `${keyspace}.${table}` } })
      } else if (metric.scope === 'device') {
        for (const device of askedDevices ?? devicesOf(metric)) {
          checkDevice(metric, device)
          selectors.push({ selector: { metric, device }, extra: { device } })
        }
      } else selectors.push({ selector: { metric }, extra: {} })
      for (const subject of subjects)
        for (const { selector, extra } of selectors)
          data.get(subject.name)!.push({
            metric: metric.key,
            ...extra,
            'data-points': valueFirst(
              subject.nodes.length === 1 && !aggregate
                ? points(window, (t) => nodeValue(source, subject.nodes[0]!, selector, t))
                : combinedPoints(source, subject.nodes, selector, window),
            ),
          })
    }
    return ok({ data: Object.fromEntries(data) })
  }),
  getClusterMetric: clusterMetric('node'),
  getClusterDeviceMetric: clusterMetric('device'),
  getClusterTableMetric: clusterMetric('table'),
  getNodeMetric: nodeMetric('node'),
  getNodeDeviceMetric: nodeMetric('device'),
  getNodeTableMetric: nodeMetric('table'),
}
