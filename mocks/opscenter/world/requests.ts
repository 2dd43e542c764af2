import { MockError } from '../../core/mock-error'
import type { ClusterRuntime, NodeActivity, OpscenterStore, RequestRecord, RequestStep } from '../store'
import type { Node } from '../spec-types'
import { applyRestore, restoreName } from './backups'

/**
 * The life of cluster and node operations in mock time. A request is a list of steps (one per node, 30 s
 * each; rolling requests put `sleep` seconds between nodes). Nothing runs in the background: `settle`
 * applies, in time order, every step start and end the clock has passed, so any read after a clock move
 * sees the cluster as the operations left it (decisions/103).
 */
export const STEP_SECONDS = 30

/** Event action codes. 28 (restart) is DataStax's example; the others are the mock's. */
const ACTION_CODE = new Map<string, number>([
  ['start', 20],
  ['stop', 21],
  ['restart', 28],
  ['decommission', 22],
  ['move', 23],
  ['drain', 24],
  ['cleanup', 25],
  ['flush', 26],
  ['repair', 27],
  ['compact', 29],
  ['perform_gc', 30],
  ['rebalance', 31],
  ['install-agent', 32],
  ['restore', 33],
  ['backup', 34],
  ['sync', 35],
])

export interface StartRequest {
  clusterId: string
  action: string
  nodes: string[]
  rolling?: boolean
  sleepSeconds?: number
  keyspace?: string
  tables?: string[]
  token?: string
  backup?: string
  pitTime?: number
  user: string | null
}

/** Checks the nodes can take the action now (a rejected request changes nothing) and records it. */
export function startRequest(store: OpscenterStore, input: StartRequest): RequestRecord {
  const runtime = store.runtimeOf(input.clusterId)
  for (const ip of input.nodes) {
    const node = nodeOf(runtime, ip, input.clusterId)
    if (input.action === 'start') {
      if (node.mode !== 'unknown') throw new MockError('BAD_REQUEST', `Node ${ip} is already running`)
    } else if (node.mode === 'unknown') {
      throw new MockError('BAD_REQUEST', `Node ${ip} is down; start it first`)
    } else if (node.mode === 'drained' && input.action !== 'stop' && input.action !== 'restart') {
      throw new MockError('BAD_REQUEST', `Node ${ip} is drained; restart it first`)
    }
  }
  const now = store.clock.nowSeconds()
  const gap = input.rolling ? STEP_SECONDS + (input.sleepSeconds ?? 60) : 0
  const steps: RequestStep[] = input.nodes.map((node, index) => ({
    node,
    from: now + index * gap,
    to: now + index * gap + STEP_SECONDS,
    started: false,
    ended: false,
  }))
  const request: RequestRecord = {
    id: store.newId(),
    clusterId: input.clusterId,
    action: input.action,
    created: now,
    steps,
    keyspace: input.keyspace,
    tables: input.tables,
    token: input.token,
    backup: input.backup,
    pitTime: input.pitTime,
    user: input.user,
  }
  store.requests.set(request.id, request)
  settle(store, input.clusterId)
  return request
}

export type RequestState = 'running' | 'success' | 'cancelled'

export function stateOf(store: OpscenterStore, request: RequestRecord): RequestState {
  if (request.cancelledAt !== undefined) return 'cancelled'
  const last = Math.max(request.created, ...request.steps.map((step) => step.to))
  return store.clock.nowSeconds() < last ? 'running' : 'success'
}

export function finishedAt(store: OpscenterStore, request: RequestRecord): number | null {
  if (request.cancelledAt !== undefined) return request.cancelledAt
  return stateOf(store, request) === 'running' ? null : Math.max(request.created, ...request.steps.map((step) => step.to))
}

/** Stops a running request: steps not yet started never run; a started step finishes (a node cannot stop halfway). */
export function cancelRequest(store: OpscenterStore, request: RequestRecord): void {
  settle(store, request.clusterId)
  if (stateOf(store, request) !== 'running')
    throw new MockError(
      'CONFLICT',
      `Request ${request.id} has already ${stateOf(store, request) === 'cancelled' ? 'been cancelled' : 'finished'}`,
    )
  const now = store.clock.nowSeconds()
  request.steps = request.steps.filter((step) => step.from <= now)
  request.cancelledAt = Math.max(now, ...request.steps.map((step) => step.to))
  store.logEvent(request.clusterId, event(request, `Request ${request.id} (${request.action}) cancelled`, null, 2))
}

/** Applies every step start and end up to now, oldest first, across the cluster's requests. */
export function settle(store: OpscenterStore, clusterId: string): void {
  const now = store.clock.nowSeconds()
  const due: Array<{ at: number; request: RequestRecord; step: RequestStep; phase: 'start' | 'end' }> = []
  for (const request of store.requests.values()) {
    if (request.clusterId !== clusterId) continue
    for (const step of request.steps) {
      if (!step.started && step.from <= now) due.push({ at: step.from, request, step, phase: 'start' })
      if (!step.ended && step.to <= now) due.push({ at: step.to, request, step, phase: 'end' })
    }
  }
  due.sort((a, b) => a.at - b.at || (a.phase === 'start' ? -1 : 1))
  const runtime = store.runtimeOf(clusterId)
  for (const { at, request, step, phase } of due) {
    if (phase === 'start') {
      step.started = true
      onStepStart(store, runtime, request, step.node, at)
    } else {
      step.ended = true
      onStepEnd(store, runtime, request, step.node, at)
    }
  }
}

function onStepStart(store: OpscenterStore, runtime: ClusterRuntime, request: RequestRecord, ip: string, at: number): void {
  const node = runtime.nodes.find((candidate) => candidate.node_ip === ip)
  if (!node) return
  const activity = runtime.activity.get(ip)
  if (request.action === 'decommission') node.mode = 'leaving'
  if (request.action === 'move') node.mode = 'moving'
  if (request.action === 'restart') goDown(node, activity, at)
  // A cleanup rewrites SSTables as a compaction does; GC, flush and repair show in the node's metrics.
  if (request.action === 'compact' || request.action === 'cleanup') activity?.compactions.push(at)
  if (request.action === 'flush' || request.action === 'repair') recordMaintenance(activity, request.action, at)
  store.logEvent(request.clusterId, event(request, `${describe(request)} on node ${ip} started`, ip, 1), at)
}

function onStepEnd(store: OpscenterStore, runtime: ClusterRuntime, request: RequestRecord, ip: string, at: number): void {
  const node = runtime.nodes.find((candidate) => candidate.node_ip === ip)
  if (!node) return
  const activity = runtime.activity.get(ip)
  switch (request.action) {
    case 'stop':
      goDown(node, activity, at)
      break
    case 'start':
    case 'restart':
      comeUp(node, activity, at)
      break
    case 'move':
      node.mode = 'normal'
      break
    case 'drain':
      // Drained: up and reporting, but no client or node traffic until the node restarts.
      node.mode = 'drained'
      recordMaintenance(activity, 'drain', at)
      break
    case 'install-agent':
      if (activity) activity.agent = true
      break
    case 'restore':
      if (request.steps.every((other) => other.ended)) applyRestore(store, request, at)
      break
    case 'decommission':
      runtime.nodes.splice(runtime.nodes.indexOf(node), 1)
      runtime.diskBytes.delete(ip)
      runtime.activity.delete(ip)
      runtime.info.node_count = runtime.nodes.length
      runtime.info.datacenters = [...new Set(runtime.nodes.map((item) => item.dc))]
      break
  }
  store.logEvent(request.clusterId, { ...event(request, `${describe(request)} on node ${ip} finished`, ip, 1), success: true }, at)
}

/** A node going down as a stop request takes it; also the world's setNodeState (issue 13). */
export function goDown(node: Node, activity: NodeActivity | undefined, at: number): void {
  // A drained node that stops comes back normal.
  if (node.mode === 'drained') recordMaintenance(activity, 'undrain', at)
  node.mode = 'unknown'
  node.last_seen = at
  if (activity && !activity.downtime.some((span) => span.to === undefined)) activity.downtime.push({ from: at })
}

/** Records a GC, flush, repair or drain (or the restart that ends a drain) for the node's metrics. */
export function recordMaintenance(
  activity: NodeActivity | undefined,
  action: NonNullable<NodeActivity['maintenance']>[number]['action'],
  at: number,
): void {
  if (!activity) return
  activity.maintenance ??= []
  activity.maintenance.push({ action, at })
}

/** A node coming back as a start request brings it; also the world's setNodeState. */
export function comeUp(node: Node, activity: NodeActivity | undefined, at: number): void {
  node.mode = 'normal'
  node.last_seen = 0
  const open = activity?.downtime.find((span) => span.to === undefined)
  if (open) open.to = at
}

function describe(request: RequestRecord): string {
  if (request.action === 'install-agent') return 'Agent install'
  if (request.backup) return restoreName(request.backup, request.pitTime)
  const target = request.keyspace ? ` of keyspace ${request.keyspace}` : ''
  return `${request.action.charAt(0).toUpperCase()}${request.action.slice(1)}${target}`
}

function event(request: RequestRecord, message: string, node: string | null, level: 1 | 2 | 3) {
  return {
    action: ACTION_CODE.get(request.action) ?? 0,
    level,
    level_str: (['INFO', 'WARN', 'ERROR'] as const)[level - 1]!,
    message,
    source_node: null,
    target_node: node,
    api_source_ip: null,
    user: request.user,
    success: null,
  }
}

export function nodeOf(runtime: ClusterRuntime, ip: string, clusterId: string): Node {
  const node = runtime.nodes.find((candidate) => candidate.node_ip === ip)
  if (!node) throw new MockError('NOT_FOUND', `No node ${ip} in cluster '${clusterId}'`)
  return node
}
