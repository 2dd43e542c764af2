import type { MockRequest } from '../../core/exchange'
import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { onCluster, ok, withPrincipal, type ClusterCall, type Handler, type ResourceHandlers } from '../handler'
import { PERMISSION, requirePermission } from '../permissions'
import { readOpscenterBody } from '../request-body'
import type { OpscenterStore, RequestRecord } from '../store'
import { cancelRequest, finishedAt, nodeOf, recordMaintenance, settle, startRequest, stateOf } from '../world/requests'

/** The permission each action needs (decisions/103). */
const ACTION_PERMISSION = new Map<string, string>([
  ['start', PERMISSION.nodeStartStop],
  ['stop', PERMISSION.nodeStartStop],
  ['restart', PERMISSION.nodeStartStop],
  ['decommission', PERMISSION.decommission],
  ['move', PERMISSION.decommission],
  ['rebalance', PERMISSION.decommission],
  ['repair', PERMISSION.repair],
  ['cleanup', PERMISSION.nodeMaintenance],
  ['flush', PERMISSION.nodeMaintenance],
  ['compact', PERMISSION.nodeMaintenance],
  ['drain', PERMISSION.nodeMaintenance],
  ['perform_gc', PERMISSION.nodeMaintenance],
  ['install-agent', PERMISSION.installAgents],
  ['backup', PERMISSION.backup],
  ['restore', PERMISSION.backup],
  ['sync', PERMISSION.backup],
])
const BULK_ACTIONS = new Set(['cleanup', 'compact', 'flush', 'perform_gc', 'repair', 'restart', 'start', 'stop'])
const KEYSPACE_ACTIONS = new Set(['cleanup', 'compact', 'flush', 'repair'])

/** The wire shape of a request (decisions/103); the record keeps its steps, the answer names its nodes. */
function requestStatus(store: OpscenterStore, request: RequestRecord) {
  const state = stateOf(store, request)
  const target = request.keyspace ? ` keyspace ${request.keyspace}${request.tables?.length ? ` (${request.tables.join(', ')})` : ''}` : ''
  return {
    id: request.id,
    cluster_id: request.clusterId,
    action: request.action,
    state,
    started: request.created,
    finished: finishedAt(store, request),
    nodes: request.steps.map((step) => step.node),
    details: `${request.action}${target} on ${request.steps.map((step) => step.node).join(', ') || 'no node'}`,
    user: request.user,
  }
}

/** A keyspace (and optional tables) named in a path and body must exist: the request is refused otherwise. */
function keyspaceTarget(call: ClusterCall, keyspace: string, tables: unknown): string[] {
  const found = call.store.runtimeOf(call.clusterId).keyspaces.get(keyspace)
  if (!found) throw new MockError('NOT_FOUND', `No keyspace '${keyspace}' in cluster '${call.clusterId}'`)
  if (tables === undefined) return []
  if (!Array.isArray(tables) || !tables.every((table) => typeof table === 'string'))
    throw new MockError('BAD_REQUEST', 'The body must be a list of table names')
  for (const table of tables)
    if (!found.tables.has(table)) throw new MockError('NOT_FOUND', `No table '${keyspace}.${table}' in cluster '${call.clusterId}'`)
  return tables as string[]
}

function started(
  call: ClusterCall,
  action: string,
  nodes: string[],
  extra: { keyspace?: string; tables?: string[]; token?: string; rolling?: boolean; sleepSeconds?: number } = {},
) {
  const request = startRequest(call.store, { clusterId: call.clusterId, action, nodes, user: call.principal.username ?? null, ...extra })
  return ok(request.id)
}

/** A node operation on `/{cluster_id}/ops/<action>/{node_ip}`: the node must exist and be able to take it. */
function nodeOperation<Id extends 'drainNode' | 'decommissionNode' | 'startNode' | 'stopNode' | 'restartNode'>(
  action: string,
): Handler<Id> {
  return onCluster<Id>(ACTION_PERMISSION.get(action)!, (call) => {
    nodeOf(call.store.runtimeOf(call.clusterId), call.params.node_ip!, call.clusterId)
    return started(call, action, [call.params.node_ip!]) as never
  })
}

function keyspaceOperation<Id extends 'cleanupKeyspace' | 'flushKeyspace' | 'repairKeyspace' | 'compactKeyspace'>(
  action: string,
): Handler<Id> {
  return onCluster<Id>(ACTION_PERMISSION.get(action)!, (call) => {
    nodeOf(call.store.runtimeOf(call.clusterId), call.params.node_ip!, call.clusterId)
    const tables = keyspaceTarget(call, call.params.ks_name!, readOpscenterBody(call.request))
    return started(call, action, [call.params.node_ip!], { keyspace: call.params.ks_name!, tables }) as never
  })
}

function ipList(runtime: ReturnType<OpscenterStore['runtimeOf']>, ips: unknown, clusterId: string): string[] {
  if (!Array.isArray(ips) || !ips.length || !ips.every((ip) => typeof ip === 'string'))
    throw new MockError('BAD_REQUEST', "Field 'ips' must be a non-empty list of node ips")
  for (const ip of ips) nodeOf(runtime, ip, clusterId)
  return [...new Set(ips as string[])]
}

/** The request of a root `/request/{request_id}` call, once the caller may see its cluster. */
function requestFor(store: OpscenterStore, request: MockRequest, id: string, principalCheck: (clusterId: string) => void): RequestRecord {
  void request
  const found = store.requests.get(id)
  if (!found || !store.runtime.has(found.clusterId)) throw new MockError('NOT_FOUND', `No request '${id}'`)
  principalCheck(found.clusterId)
  settle(store, found.clusterId)
  return found
}

export const requestHandlers: ResourceHandlers<
  | 'runBulkOperation'
  | 'runGarbageCollection'
  | 'moveNode'
  | 'drainNode'
  | 'decommissionNode'
  | 'cleanupKeyspace'
  | 'flushKeyspace'
  | 'repairKeyspace'
  | 'compactKeyspace'
  | 'startNode'
  | 'stopNode'
  | 'restartNode'
  | 'rollingRestart'
  | 'listRebalanceMoves'
  | 'runRebalance'
  | 'listRequests'
  | 'getRequestStatus'
  | 'cancelRequest'
> = {
  runBulkOperation: onCluster(PERMISSION.viewCluster, (call) => {
    const body = readOpscenterBody(call.request)
    if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', 'Expected a JSON object with ips and action')
    const action = body.action
    if (typeof action !== 'string' || !BULK_ACTIONS.has(action))
      throw new MockError('BAD_REQUEST', `Field 'action' must be one of ${[...BULK_ACTIONS].join(', ')}`)
    requirePermission(call.principal, call.clusterId, ACTION_PERMISSION.get(action)!)
    const nodes = ipList(call.store.runtimeOf(call.clusterId), body.ips, call.clusterId)
    if (body.is_rolling !== undefined && typeof body.is_rolling !== 'boolean')
      throw new MockError('BAD_REQUEST', "Field 'is_rolling' must be true or false")
    if (body.sleep !== undefined && !(Number.isInteger(body.sleep) && (body.sleep as number) >= 0))
      throw new MockError('BAD_REQUEST', "Field 'sleep' must be a whole number of seconds")
    const args = body.args === undefined ? [] : body.args
    if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string'))
      throw new MockError('BAD_REQUEST', "Field 'args' must be a list of strings")
    let keyspace: string | undefined
    let tables: string[] | undefined
    if (KEYSPACE_ACTIONS.has(action) && args.length) {
      keyspace = args[0] as string
      tables = keyspaceTarget(call, keyspace, args.slice(1))
    }
    return started(call, action, nodes, {
      keyspace,
      tables,
      rolling: body.is_rolling === true,
      sleepSeconds: body.sleep as number | undefined,
    })
  }),

  runGarbageCollection: onCluster(PERMISSION.nodeMaintenance, (call) => {
    const node = nodeOf(call.store.runtimeOf(call.clusterId), call.params.node_ip!, call.clusterId)
    if (node.mode === 'unknown') throw new MockError('BAD_REQUEST', `Node ${node.node_ip} is down; start it first`)
    recordMaintenance(call.store.runtimeOf(call.clusterId).activity.get(node.node_ip), 'gc', call.store.clock.nowSeconds())
    call.store.logEvent(call.clusterId, {
      action: 30,
      level: 1,
      level_str: 'INFO',
      message: `Garbage collection on node ${node.node_ip}`,
      source_node: null,
      target_node: node.node_ip,
      api_source_ip: null,
      user: call.principal.username ?? null,
      success: true,
    })
    return ok(null)
  }),

  moveNode: onCluster(PERMISSION.decommission, (call) => {
    nodeOf(call.store.runtimeOf(call.clusterId), call.params.node_ip!, call.clusterId)
    const body = readOpscenterBody(call.request)
    const token = isPlainObject(body) ? body.new_token : undefined
    if (typeof token !== 'string' || !/^-?\d+$/.test(token))
      throw new MockError('BAD_REQUEST', "Field 'new_token' must be a token (an integer as a string)")
    return started(call, 'move', [call.params.node_ip!], { token })
  }),

  drainNode: nodeOperation('drain'),
  decommissionNode: nodeOperation('decommission'),
  cleanupKeyspace: keyspaceOperation('cleanup'),
  flushKeyspace: keyspaceOperation('flush'),
  repairKeyspace: keyspaceOperation('repair'),
  compactKeyspace: keyspaceOperation('compact'),
  startNode: nodeOperation('start'),
  stopNode: nodeOperation('stop'),
  restartNode: nodeOperation('restart'),

  rollingRestart: onCluster(PERMISSION.nodeStartStop, (call) => {
    const runtime = call.store.runtimeOf(call.clusterId)
    const body = readOpscenterBody(call.request) ?? {}
    if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', 'Expected a JSON object like {"sleep": 60}')
    if (body.sleep !== undefined && !(Number.isInteger(body.sleep) && (body.sleep as number) >= 0))
      throw new MockError('BAD_REQUEST', "Field 'sleep' must be a whole number of seconds")
    const nodes =
      body.ips === undefined
        ? runtime.nodes.filter((node) => node.mode !== 'unknown').map((node) => node.node_ip)
        : ipList(runtime, body.ips, call.clusterId)
    return started(call, 'restart', nodes, { rolling: true, sleepSeconds: (body.sleep as number | undefined) ?? 60 })
  }),

  // The seeded rings are balanced (tokens are OpsCenter's to pick), so there is nothing to move.
  listRebalanceMoves: onCluster(PERMISSION.viewCluster, () => ok([])),

  runRebalance: onCluster(PERMISSION.decommission, (call) => started(call, 'rebalance', [])),

  listRequests: onCluster(PERMISSION.viewCluster, ({ store, clusterId }) =>
    ok(
      [...store.requests.values()]
        .filter((request) => request.clusterId === clusterId)
        .reverse()
        .map((request) => requestStatus(store, request)),
    ),
  ),

  getRequestStatus: withPrincipal(({ store }, principal, request, params) => {
    const found = requestFor(store, request, params.request_id!, (clusterId) =>
      requirePermission(principal, clusterId, PERMISSION.viewCluster),
    )
    return ok(requestStatus(store, found))
  }),

  cancelRequest: withPrincipal(({ store }, principal, request, params) => {
    const found = requestFor(store, request, params.request_id!, (clusterId) =>
      requirePermission(
        principal,
        clusterId,
        ACTION_PERMISSION.get(store.requests.get(params.request_id!)!.action) ?? PERMISSION.viewCluster,
      ),
    )
    cancelRequest(store, found)
    return ok(requestStatus(store, found))
  }),
}
