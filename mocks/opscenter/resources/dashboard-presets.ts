import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { done, onCluster, ok, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'
import { readOpscenterBody } from '../request-body'
import type { ClusterRuntime } from '../store'
import type { DashboardPreset } from '../spec-types'
import { devicesOf, METRICS_BY_KEY } from '../world/metric-catalog'

const VIEW = PERMISSION.viewCluster
type Series = DashboardPreset['graphs'][number]['metrics'][number]

/** A series must plot something the cluster reports: a known metric key, a real node or aggregate, a table or device where needed. */
function checkSeries(runtime: ClusterRuntime, series: unknown, where: string): void {
  if (!isPlainObject(series)) throw new MockError('BAD_REQUEST', `${where} must be an object with metric and ip`)
  const { metric: key, ip, colfam, device } = series as Partial<Series>
  const metric = typeof key === 'string' ? METRICS_BY_KEY.get(key) : undefined
  if (!metric) throw new MockError('BAD_REQUEST', `${where}: unknown metric key ${JSON.stringify(key)}`)
  if (typeof ip !== 'string' || !(ip === '__all__' || ip === '__cluster__' || runtime.nodes.some((node) => node.node_ip === ip)))
    throw new MockError('BAD_REQUEST', `${where}: 'ip' must be __all__, __cluster__ or a node of the cluster`)
  if (metric.scope === 'table') {
    const [keyspace, table] = typeof colfam === 'string' ? colfam.split('.') : []
    if (!keyspace || !table || !runtime.keyspaces.get(keyspace)?.tables.has(table))
      throw new MockError('BAD_REQUEST', `${where}: '${metric.key}' needs 'colfam' naming a table as keyspace.table`)
  }
  if (metric.scope === 'device' && !(typeof device === 'string' && devicesOf(metric).includes(device)))
    throw new MockError('BAD_REQUEST', `${where}: '${metric.key}' needs 'device', one of ${devicesOf(metric).join(', ')}`)
}

function checkedPreset(runtime: ClusterRuntime, id: string, body: unknown): DashboardPreset {
  if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', 'Expected a JSON object with name and graphs')
  if (typeof body.name !== 'string' || body.name.trim() === '') throw new MockError('BAD_REQUEST', "Missing required field 'name'")
  if (!Array.isArray(body.graphs)) throw new MockError('BAD_REQUEST', "Field 'graphs' must be a list")
  body.graphs.forEach((graph, index) => {
    if (!isPlainObject(graph) || typeof graph.title !== 'string' || !Array.isArray(graph.metrics))
      throw new MockError('BAD_REQUEST', `graphs[${index}] must have a title and a list of metrics`)
    graph.metrics.forEach((series, position) => checkSeries(runtime, series, `graphs[${index}].metrics[${position}]`))
  })
  const { default: _default, id: _id, ...fields } = body
  return structuredClone({ ...fields, id, name: body.name, graphs: body.graphs }) as DashboardPreset
}

function presetOf(runtime: ClusterRuntime, id: string, clusterId: string): DashboardPreset {
  const found = runtime.presets.get(id)
  if (!found) throw new MockError('NOT_FOUND', `No dashboard preset '${id}' in cluster '${clusterId}'`)
  return found
}

const view = (runtime: ClusterRuntime, preset: DashboardPreset): DashboardPreset => ({
  ...preset,
  default: runtime.defaultPreset === preset.id,
})

/** Dashboard presets (decisions/106): graphs of metric keys the cluster reports; one is the default. */
export const dashboardPresetHandlers: ResourceHandlers<
  | 'listDashboardPresets'
  | 'getDefaultDashboardPreset'
  | 'setDefaultDashboardPreset'
  | 'getDashboardPreset'
  | 'putDashboardPreset'
  | 'deleteDashboardPreset'
> = {
  listDashboardPresets: onCluster(VIEW, ({ store, clusterId }) => {
    const runtime = store.runtimeOf(clusterId)
    return ok(Object.fromEntries([...runtime.presets].map(([id, preset]) => [id, view(runtime, preset)])))
  }),

  getDefaultDashboardPreset: onCluster(VIEW, ({ store, clusterId }) => {
    const runtime = store.runtimeOf(clusterId)
    return ok(view(runtime, presetOf(runtime, runtime.defaultPreset, clusterId)))
  }),

  setDefaultDashboardPreset: onCluster(VIEW, ({ store, clusterId, request }) => {
    const runtime = store.runtimeOf(clusterId)
    const body = readOpscenterBody(request)
    if (!isPlainObject(body) || typeof body.id !== 'string') throw new MockError('BAD_REQUEST', 'Expected {"id": "<preset id>"}')
    const preset = presetOf(runtime, body.id, clusterId)
    runtime.defaultPreset = preset.id
    return ok(view(runtime, preset))
  }),

  getDashboardPreset: onCluster(VIEW, ({ store, clusterId, params }) => {
    const runtime = store.runtimeOf(clusterId)
    return ok(view(runtime, presetOf(runtime, params.preset_id!, clusterId)))
  }),

  putDashboardPreset: onCluster(VIEW, ({ store, clusterId, params, request }) => {
    const runtime = store.runtimeOf(clusterId)
    const preset = checkedPreset(runtime, params.preset_id!, readOpscenterBody(request))
    const existed = runtime.presets.has(preset.id)
    runtime.presets.set(preset.id, preset)
    return { status: existed ? 200 : 201, json: view(runtime, preset) }
  }),

  deleteDashboardPreset: onCluster(VIEW, ({ store, clusterId, params }) => {
    const runtime = store.runtimeOf(clusterId)
    const preset = presetOf(runtime, params.preset_id!, clusterId)
    if (runtime.defaultPreset === preset.id)
      throw new MockError('CONFLICT', `'${preset.id}' is the default preset; make another one the default first`)
    runtime.presets.delete(preset.id)
    return done()
  }),
}
