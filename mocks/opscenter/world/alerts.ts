import type { OpscenterStore } from '../store'
import type { AlertRule, FiredAlert, Node } from '../spec-types'
import { METRICS_BY_KEY } from './metric-catalog'
import { nodeValue, type SeriesSource } from './series'

/** How far back `first_fired` is traced: a condition older than a day reports a day. */
const LOOKBACK_MINUTES = 1440

/**
 * The alerts firing now, derived from the enabled rules and the metric series (nothing is stored, so an
 * alert appears when a series crosses a threshold and clears when it falls back or the rule goes).
 */
export function firedAlerts(store: OpscenterStore, clusterId: string): FiredAlert[] {
  const runtime = store.runtimeOf(clusterId)
  const source: SeriesSource = { seed: store.seed, clusterId, runtime }
  const now = store.clock.nowSeconds()
  const fired: FiredAlert[] = []
  for (const rule of runtime.alertRules.values()) {
    if (!rule.enabled) continue
    for (const node of runtime.nodes) {
      if (rule.dc && node.dc !== rule.dc) continue
      const alert =
        rule.type === 'node-down'
          ? nodeDown(runtime.activity.get(node.node_ip)?.downtime, rule, node)
          : rollingAverage(source, rule, node, now)
      if (alert) fired.push(alert)
    }
  }
  return fired
}

function nodeDown(downtime: Array<{ from: number; to?: number }> | undefined, rule: AlertRule, node: Node): FiredAlert | undefined {
  const open = downtime?.find((span) => span.to === undefined)
  if (!open) return undefined
  return alert(rule, node, open.from, 1, `Node ${node.node_ip} is down`)
}

function rollingAverage(source: SeriesSource, rule: AlertRule, node: Node, now: number): FiredAlert | undefined {
  const metric = METRICS_BY_KEY.get(rule.metric)
  if (!metric || metric.scope !== 'node') return undefined
  const minuteNow = Math.floor(now / 60) * 60
  const values = new Map<number, number | null>()
  const valueAt = (t: number) => {
    if (!values.has(t)) values.set(t, nodeValue(source, node, { metric }, t))
    return values.get(t)!
  }
  const averageEndingAt = (end: number): number | null => {
    const window = Array.from({ length: rule.duration }, (_, index) => valueAt(end - index * 60)).filter((value) => value !== null)
    return window.length ? window.reduce((sum, value) => sum + value, 0) / window.length : null
  }
  const holds = (value: number | null) => value !== null && (rule.comparator === '>' ? value > rule.threshold : value < rule.threshold)
  const current = averageEndingAt(minuteNow)
  if (!holds(current)) return undefined
  let since = minuteNow
  for (let step = 1; step <= LOOKBACK_MINUTES && holds(averageEndingAt(minuteNow - step * 60)); step++) since = minuteNow - step * 60
  const value = Math.round(current! * 100) / 100
  return alert(rule, node, since, value, `${rule.metric} on ${node.node_ip} is ${value} (${rule.comparator} ${rule.threshold})`)
}

function alert(rule: AlertRule, node: Node, firstFired: number, value: number, message: string): FiredAlert {
  return {
    id: `${rule.id}:${node.node_ip}`,
    alert_rule_id: rule.id,
    node: node.node_ip,
    first_fired: firstFired,
    current_value: value,
    message,
  }
}
