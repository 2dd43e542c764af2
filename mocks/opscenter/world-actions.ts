import { MockError } from '../core/mock-error'
import { actionInput } from '../core/state-control'
import { GB, type ClusterRuntime, type OpscenterStore } from './store'
import type { AlertRule, Node } from './spec-types'
import { firedAlerts } from './world/alerts'
import { comeUp, goDown, nodeOf } from './world/requests'

/**
 * Scenario changes without a restart: `/__opsmocks/world/{action}` and `opscenter.world.<action>(...)`.
 * Alerts are derived from the state (world/alerts.ts), so firing one changes what its rule watches: a
 * node-down rule takes the node down, a heap-used rule raises the node's heap baseline over the threshold.
 */
export function opscenterWorldActions(store: OpscenterStore) {
  const clusterOf = (cluster: unknown): [string, ClusterRuntime] => {
    if (typeof cluster !== 'string' || !store.clusters.get(cluster))
      throw new MockError('NOT_FOUND', `No cluster named ${JSON.stringify(cluster)}`)
    return [cluster, store.runtimeOf(cluster)]
  }
  const nodeNamed = (runtime: ClusterRuntime, cluster: string, node: unknown): Node => {
    const found = runtime.nodes.find((candidate) => candidate.node_ip === node || candidate.node_name === node)
    return found ?? nodeOf(runtime, String(node), cluster)
  }
  const setNodeState = (cluster: string, runtime: ClusterRuntime, node: Node, state: 'up' | 'down') => {
    const now = store.clock.nowSeconds()
    const activity = runtime.activity.get(node.node_ip)
    const wasDown = node.mode === 'unknown'
    if (state === 'down' && !wasDown) {
      goDown(node, activity, now)
      store.logEvent(cluster, nodeEvent(`Node ${node.node_ip} is down`, node.node_ip, 3))
    } else if (state === 'up' && wasDown) {
      comeUp(node, activity, now)
      store.logEvent(cluster, nodeEvent(`Node ${node.node_ip} is up`, node.node_ip, 1))
    }
    return { cluster, node: node.node_ip, state, mode: node.mode, last_seen: node.last_seen }
  }
  /** The cluster, node and rule a fireAlert/clearAlert names; only rules whose condition the world drives. */
  const ruleOnNode = (value: unknown, action: string) => {
    const { cluster, rule, node } = actionInput(value, action)
    const [id, runtime] = clusterOf(cluster)
    const target = nodeNamed(runtime, id, node)
    const found = typeof rule === 'string' ? runtime.alertRules.get(rule) : undefined
    if (!found) throw new MockError('NOT_FOUND', `Cluster ${id} has no alert rule ${JSON.stringify(rule)}`)
    if (found.type !== 'node-down' && found.metric !== 'heap-used')
      throw new MockError(
        'BAD_REQUEST',
        `Alert rule ${found.id} watches ${found.metric}; ${action} drives node-down and heap-used rules (alerts follow the series)`,
      )
    return { id, runtime, target, rule: found as AlertRule }
  }
  return {
    /** Takes a node down (mode unknown, no metrics, a node-down alert where the cluster has that rule) or brings it back up. */
    setNodeState(value: unknown) {
      const { cluster, node, state } = actionInput(value, 'setNodeState')
      if (state !== 'up' && state !== 'down') throw new MockError('BAD_REQUEST', 'setNodeState needs a "state" of up or down')
      const [id, runtime] = clusterOf(cluster)
      return setNodeState(id, runtime, nodeNamed(runtime, id, node), state)
    },
    /** Sets a node's heap-used baseline (a share of its 8 GiB heap), or back to the seeded one with null. */
    setHeapBaseline(value: unknown) {
      const { cluster, node, heapRatio } = actionInput(value, 'setHeapBaseline')
      if (heapRatio !== null && (typeof heapRatio !== 'number' || heapRatio < 0 || heapRatio > 1))
        throw new MockError('BAD_REQUEST', 'setHeapBaseline needs a "heapRatio" between 0 and 1, or null')
      const [id, runtime] = clusterOf(cluster)
      const target = nodeNamed(runtime, id, node)
      const activity = runtime.activity.get(target.node_ip)!
      activity.heapRatio = heapRatio ?? undefined
      return { cluster: id, node: target.node_ip, heapRatio: activity.heapRatio ?? null }
    },
    /** Makes a rule fire on a node: node-down takes the node down, heap-used raises its heap baseline above the threshold. */
    fireAlert(value: unknown) {
      const { id, runtime, target, rule } = ruleOnNode(value, 'fireAlert')
      if (rule.type === 'node-down') setNodeState(id, runtime, target, 'down')
      else {
        // Comfortably past the threshold, so the rolling average holds over its whole window despite the jitter.
        const ratio = Math.min(0.98, Math.max(rule.threshold / (8 * GB) + 0.06, 0.5))
        runtime.activity.get(target.node_ip)!.heapRatio = rule.comparator === '>' ? ratio : 0.05
      }
      const fired = firedAlerts(store, id).find((alert) => alert.alert_rule_id === rule.id && alert.node === target.node_ip)
      return fired ?? { pending: `${rule.id} fires on ${target.node_ip} once its ${rule.duration}-minute window holds` }
    },
    /** Clears a rule's alert on a node: the node comes back up, or its heap baseline returns to the seeded one. */
    clearAlert(value: unknown) {
      const { id, runtime, target, rule } = ruleOnNode(value, 'clearAlert')
      if (rule.type === 'node-down') setNodeState(id, runtime, target, 'up')
      else runtime.activity.get(target.node_ip)!.heapRatio = undefined
      return { cleared: `${rule.id}:${target.node_ip}` }
    },
  }
}

function nodeEvent(message: string, node: string, level: 1 | 3) {
  return {
    action: 2,
    level,
    level_str: level === 3 ? ('ERROR' as const) : ('INFO' as const),
    message,
    source_node: null,
    target_node: node,
    api_source_ip: null,
    user: null,
    success: null,
  }
}
