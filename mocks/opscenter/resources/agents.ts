import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { onCluster, ok, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'
import { readOpscenterBody } from '../request-body'
import type { OpscenterStore } from '../store'
import type { Agent, Node } from '../spec-types'
import { nodeOf, startRequest, stateOf } from '../world/requests'

const AGENT_VERSION = '6.8.35'

/** A node's agent as of now: installing while an install request runs on it, else up/down with its node. */
function agentOf(store: OpscenterStore, clusterId: string, node: Node): Agent {
  const installing = [...store.requests.values()].find(
    (request) =>
      request.clusterId === clusterId &&
      request.action === 'install-agent' &&
      stateOf(store, request) === 'running' &&
      request.steps.some((step) => step.node === node.node_ip),
  )
  const installed = store.runtimeOf(clusterId).activity.get(node.node_ip)?.agent ?? false
  const status = installing ? 'installing' : !installed ? 'not-installed' : node.mode === 'unknown' ? 'down' : 'up'
  return {
    node_ip: node.node_ip,
    version: installed ? AGENT_VERSION : null,
    status,
    last_seen: node.mode === 'unknown' ? node.last_seen : 0,
    install_request: installing?.id ?? null,
  }
}

/** The DataStax agents (decisions/106): derived from the nodes; installs are requests in mock time. */
export const agentHandlers: ResourceHandlers<'listAgents' | 'getAgent' | 'installAgents'> = {
  listAgents: onCluster(PERMISSION.viewCluster, ({ store, clusterId }) =>
    ok(Object.fromEntries(store.runtimeOf(clusterId).nodes.map((node) => [node.node_ip, agentOf(store, clusterId, node)]))),
  ),

  getAgent: onCluster(PERMISSION.viewCluster, ({ store, clusterId, params }) =>
    ok(agentOf(store, clusterId, nodeOf(store.runtimeOf(clusterId), params.node_ip!, clusterId))),
  ),

  installAgents: onCluster(PERMISSION.installAgents, ({ store, clusterId, request, principal }) => {
    const body = readOpscenterBody(request)
    if (!isPlainObject(body))
      throw new MockError('BAD_REQUEST', 'Expected {"nodes": [...], "username": "...", "password" or "private_key": "..."}')
    if (!Array.isArray(body.nodes) || !body.nodes.length || !body.nodes.every((ip) => typeof ip === 'string'))
      throw new MockError('BAD_REQUEST', "Field 'nodes' must be a non-empty list of node ips")
    if (typeof body.username !== 'string' || body.username === '') throw new MockError('BAD_REQUEST', "Missing required field 'username'")
    if (typeof body.password !== 'string' && typeof body.private_key !== 'string')
      throw new MockError('BAD_REQUEST', "Send 'password' or 'private_key' (they are used once and not stored)")
    const runtime = store.runtimeOf(clusterId)
    for (const ip of body.nodes) nodeOf(runtime, ip, clusterId)
    const started = startRequest(store, {
      clusterId,
      action: 'install-agent',
      nodes: [...new Set(body.nodes as string[])],
      user: principal.username ?? null,
    })
    return ok(started.id)
  }),
}
