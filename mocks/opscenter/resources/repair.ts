import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { done, onCluster, ok, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'
import { readOpscenterBody } from '../request-body'
import type { ClusterRuntime, OpscenterStore } from '../store'
import { trait } from '../world/noise'

const VIEW = PERMISSION.viewCluster
/** NodeSync's default deadline: a table is fully validated once a day. */
const NODESYNC_PASS = 86400
/** Token subranges the repair service splits each node's ranges into. */
const SUBRANGES_PER_NODE = 256

const round = (value: number) => Math.round(value * 100) / 100

/** The repair service as of now: one cycle takes `time_to_completion`; cycles repeat while it runs. */
function repairState(store: OpscenterStore, runtime: ClusterRuntime) {
  const { started, timeToCompletion } = runtime.repair
  const elapsed = started === null ? 0 : store.clock.nowSeconds() - started
  const percent = started === null ? 0 : round(((elapsed % timeToCompletion) / timeToCompletion) * 100)
  const total = runtime.nodes.length * SUBRANGES_PER_NODE
  return {
    status: started === null ? ('STOPPED' as const) : ('RUNNING' as const),
    time_to_completion: timeToCompletion,
    started,
    percent_complete: percent,
    cycles_completed: Math.floor(elapsed / timeToCompletion),
    subranges_total: total,
    subranges_repaired: Math.round((total * percent) / 100),
  }
}

/** The tables a `keyspace`/`table` filter names (404 when it names nothing). */
function tablesOf(runtime: ClusterRuntime, clusterId: string, keyspace: string | null, table: string | null) {
  const rows: Array<{ keyspace: string; table: string; nodesyncSince?: number }> = []
  if (keyspace !== null && !runtime.keyspaces.has(keyspace))
    throw new MockError('NOT_FOUND', `No keyspace '${keyspace}' in cluster '${clusterId}'`)
  for (const [name, record] of runtime.keyspaces) {
    if (keyspace !== null && name !== keyspace) continue
    for (const [tableName, tableRecord] of record.tables)
      if (table === null || tableName === table) rows.push({ keyspace: name, table: tableName, nodesyncSince: tableRecord.nodesyncSince })
  }
  if (table !== null && !rows.length) throw new MockError('NOT_FOUND', `No table '${keyspace}.${table}' in cluster '${clusterId}'`)
  return rows
}

/** Progress through a repeating pass that started at `since`, offset per table so tables differ. */
function pass(seed: number, since: number, length: number, now: number, key: string) {
  const position = (now - since) / length + trait(seed, key)
  const completed = Math.floor(position - trait(seed, key))
  return { percent_complete: round((position % 1) * 100), last_completed: completed > 0 ? since + completed * length : null }
}

/** The repair service and NodeSync (decisions/107). */
export const repairHandlers: ResourceHandlers<
  | 'getClusterServices'
  | 'getRepairService'
  | 'startRepairService'
  | 'stopRepairService'
  | 'getRepairSummary'
  | 'getRepairDetails'
  | 'getNodeSyncStatus'
  | 'setNodeSync'
> = {
  getClusterServices: onCluster(VIEW, ({ store, clusterId }) => {
    const runtime = store.runtimeOf(clusterId)
    const enabled = [...runtime.keyspaces.values()].reduce(
      (sum, keyspace) => sum + [...keyspace.tables.values()].filter((table) => table.properties.nodesync).length,
      0,
    )
    return ok({ repair_service: repairState(store, runtime).status, nodesync: { enabled_tables: enabled } })
  }),

  getRepairService: onCluster(VIEW, ({ store, clusterId }) => ok(repairState(store, store.runtimeOf(clusterId)))),

  startRepairService: onCluster(PERMISSION.repair, ({ store, clusterId, request }) => {
    const runtime = store.runtimeOf(clusterId)
    const body = readOpscenterBody(request) ?? {}
    if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', 'Expected {"time_to_completion": <seconds>}')
    const time = body.time_to_completion ?? runtime.repair.timeToCompletion
    if (!Number.isInteger(time) || (time as number) < 3600)
      throw new MockError('BAD_REQUEST', "'time_to_completion' must be a whole number of seconds, at least 3600")
    if (runtime.repair.started !== null) throw new MockError('CONFLICT', `The repair service is already running on '${clusterId}'`)
    runtime.repair = { timeToCompletion: time as number, started: store.clock.nowSeconds() }
    return done()
  }),

  stopRepairService: onCluster(PERMISSION.repair, ({ store, clusterId }) => {
    store.runtimeOf(clusterId).repair.started = null
    return done()
  }),

  getRepairSummary: onCluster(VIEW, ({ store, clusterId }) => ok(repairState(store, store.runtimeOf(clusterId)))),

  getRepairDetails: onCluster(VIEW, ({ store, clusterId, request }) => {
    const runtime = store.runtimeOf(clusterId)
    const { started, timeToCompletion } = runtime.repair
    const rows = tablesOf(runtime, clusterId, request.query.get('keyspace'), request.query.get('table'))
    const now = store.clock.nowSeconds()
    return ok(
      rows.map(({ keyspace, table }) => ({
        keyspace,
        table,
        ...(started === null
          ? { percent_complete: 0, last_completed: null }
          : pass(store.seed, started, timeToCompletion, now, `${clusterId}/${keyspace}.${table}`)),
      })),
    )
  }),

  getNodeSyncStatus: onCluster(VIEW, ({ store, clusterId, request }) => {
    const runtime = store.runtimeOf(clusterId)
    const now = store.clock.nowSeconds()
    const rows = tablesOf(runtime, clusterId, request.query.get('keyspace'), request.query.get('table'))
    return ok(
      rows.map(({ keyspace, table, nodesyncSince }) => ({
        keyspace,
        table,
        enabled: nodesyncSince !== undefined,
        ...(nodesyncSince === undefined
          ? { percent_complete: 0, last_completed: null }
          : pass(store.seed, nodesyncSince, NODESYNC_PASS, now, `${clusterId}/${keyspace}.${table}`)),
      })),
    )
  }),

  setNodeSync: onCluster(PERMISSION.repair, ({ store, clusterId, params, request }) => {
    const runtime = store.runtimeOf(clusterId)
    const table = runtime.keyspaces.get(params.ks_name!)?.tables.get(params.cf_name!)
    if (!table) throw new MockError('NOT_FOUND', `No table '${params.ks_name}.${params.cf_name}' in cluster '${clusterId}'`)
    const body = readOpscenterBody(request)
    if (!isPlainObject(body) || typeof body.enabled !== 'boolean') throw new MockError('BAD_REQUEST', 'Expected {"enabled": true|false}')
    table.properties = { ...table.properties, nodesync: body.enabled }
    if (body.enabled && table.nodesyncSince === undefined) table.nodesyncSince = store.clock.nowSeconds()
    if (!body.enabled) delete table.nodesyncSince
    return done()
  }),
}
