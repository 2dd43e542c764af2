import type { MockRequest } from '../../core/exchange'
import { MockError } from '../../core/mock-error'
import { flagParam, integerParam, onCluster, ok, type ClusterCall, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'
import type { ClusterRuntime } from '../store'
import type { Node } from '../spec-types'
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

/** One combined series over `nodes`, under `Total`; or one per node under its ip. */
function series(source: SeriesSource, nodes: Node[], selector: Selector, window: Window, aggregate: boolean, suffix = ''): MetricData {
  const key = functionKey(window.fn)
  if (aggregate) {
    return {
      [`Total${suffix}`]: {
        [key]: points(window, (t) =>
          combine(
            selector.metric,
            nodes.map((node) => nodeValue(source, node, selector, t)),
          ),
        ),
      },
    }
  }
  return Object.fromEntries(
    nodes.map((node) => [`${node.node_ip}${suffix}`, { [key]: points(window, (t) => nodeValue(source, node, selector, t)) }]),
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

/** `node_group`: `*`/`all` (every node), a datacenter name, or comma-separated node ips. */
function nodeGroup(runtime: ClusterRuntime, group: string, clusterId: string): Node[] {
  if (group === '*' || group === 'all') return runtime.nodes
  const dc = runtime.nodes.filter((node) => node.dc === group)
  if (dc.length) return dc
  return group.split(',').map((ip) => nodeOf(runtime, ip.trim(), clusterId))
}

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
    const keys = (request.query.get('metrics') ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean)
    if (!keys.length) throw new MockError('BAD_REQUEST', "Query parameter 'metrics' is required (comma-separated metric keys)")
    const nodes = nodeGroup(runtime, request.query.get('node_group') ?? '*', clusterId)
    const aggregate = flagParam(request, 'node_aggregation', true)
    const keyspace = request.query.get('keyspace') ?? undefined
    const table = request.query.get('table') ?? request.query.get('cf') ?? undefined
    const window = windowOf(request, call.store.clock.nowSeconds())
    const source = sourceOf(call)
    const answer = new Map<string, MetricData>()
    for (const key of keys) {
      const metric = METRICS_BY_KEY.get(key)
      if (!metric) throw new MockError('NOT_FOUND', `Unknown metric key '${key}'`)
      if (metric.scope === 'table') {
        if (!keyspace || !table) throw new MockError('BAD_REQUEST', `Metric '${key}' needs the 'keyspace' and 'table' parameters`)
        checkTable(runtime, keyspace, table, clusterId)
        answer.set(key, series(source, nodes, { metric, keyspace, table }, window, aggregate, `/${keyspace}.${table}`))
      } else if (metric.scope === 'device') {
        const asked = request.query.get('device')
        if (asked) checkDevice(metric, asked)
        const devices = asked ? [asked] : devicesOf(metric)
        answer.set(
          key,
          Object.assign({}, ...devices.map((device) => series(source, nodes, { metric, device }, window, aggregate, `/${device}`))),
        )
      } else {
        answer.set(key, series(source, nodes, { metric }, window, aggregate))
      }
    }
    return ok(Object.fromEntries(answer))
  }),
  getClusterMetric: clusterMetric('node'),
  getClusterDeviceMetric: clusterMetric('device'),
  getClusterTableMetric: clusterMetric('table'),
  getNodeMetric: nodeMetric('node'),
  getNodeDeviceMetric: nodeMetric('device'),
  getNodeTableMetric: nodeMetric('table'),
}
