import spec from '../../generated/opscenter.openapi.json'
import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { schemaProblems, type BundledSpec } from '../../core/spec-schema'
import { created, done, onCluster, ok, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'
import { readOpscenterBody } from '../request-body'
import type { ClusterRuntime } from '../store'
import type { AlertRule } from '../spec-types'
import { firedAlerts } from '../world/alerts'
import { METRICS_BY_KEY } from '../world/metric-catalog'

const bundled = spec as unknown as BundledSpec
const VIEW = PERMISSION.viewCluster
const MANAGE = PERMISSION.manageAlerts
const REQUIRED_ON_CREATE = ['type', 'metric', 'comparator', 'threshold'] as const

/**
 * Alert rules own their checks: the body must fit AlertRuleWrite, a rolling-avg rule must name a node
 * metric the mock reports, and `dc` a datacenter of the cluster. The whole rule is checked before it is
 * stored, so a rejected write changes nothing.
 */
function checkedRule(runtime: ClusterRuntime, body: unknown, previous: AlertRule | undefined, id: string): AlertRule {
  if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', 'Expected a JSON object with the alert rule fields')
  const problems = schemaProblems(bundled, 'AlertRuleWrite', body)
  if (problems.length) throw new MockError('BAD_REQUEST', `Invalid alert rule: ${problems.join('; ')}`)
  if (!previous) {
    const missing = REQUIRED_ON_CREATE.filter((field) => !Object.hasOwn(body, field))
    if (missing.length) throw new MockError('BAD_REQUEST', `Missing required field(s) ${missing.map((field) => `'${field}'`).join(', ')}`)
  }
  const defaults = { duration: 1, notify_interval: 60, enabled: true }
  const fields = Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'id'))
  const rule = { ...defaults, ...previous, ...fields, id } as AlertRule
  const metric = METRICS_BY_KEY.get(rule.metric)
  if (rule.type === 'rolling-avg' && metric?.scope !== 'node')
    throw new MockError('BAD_REQUEST', `Unknown node metric '${rule.metric}' for a rolling-avg rule`)
  if (rule.dc && !runtime.info.datacenters?.includes(rule.dc))
    throw new MockError('BAD_REQUEST', `No datacenter '${rule.dc}' in cluster '${runtime.info.name}'`)
  return rule
}

function ruleOf(runtime: ClusterRuntime, id: string, clusterId: string): AlertRule {
  const rule = runtime.alertRules.get(id)
  if (!rule) throw new MockError('NOT_FOUND', `No alert rule '${id}' in cluster '${clusterId}'`)
  return rule
}

/** Whether notifications are on: `{"enabled": bool}`, or a bare boolean (decisions/102). */
function enabledBody(body: unknown): boolean {
  if (typeof body === 'boolean') return body
  if (isPlainObject(body) && typeof body.enabled === 'boolean') return body.enabled
  throw new MockError('BAD_REQUEST', 'Expected {"enabled": true|false}')
}

export const alertHandlers: ResourceHandlers<
  | 'listAlertRules'
  | 'createAlertRule'
  | 'getAlertRule'
  | 'updateAlertRule'
  | 'deleteAlertRule'
  | 'listFiredAlerts'
  | 'getNotificationsEnabled'
  | 'setNotificationsEnabled'
> = {
  listAlertRules: onCluster(VIEW, ({ store, clusterId }) => ok([...store.runtimeOf(clusterId).alertRules.values()])),

  createAlertRule: onCluster(MANAGE, async ({ store, clusterId, request }) => {
    const runtime = store.runtimeOf(clusterId)
    const body = readOpscenterBody(request)
    const rule = await store.withNewId((id) => checkedRule(runtime, body, undefined, id))
    runtime.alertRules.set(rule.id, rule)
    return created(rule)
  }),

  getAlertRule: onCluster(VIEW, ({ store, clusterId, params }) => ok(ruleOf(store.runtimeOf(clusterId), params.alert_id!, clusterId))),

  updateAlertRule: onCluster(MANAGE, ({ store, clusterId, params, request }) => {
    const runtime = store.runtimeOf(clusterId)
    const previous = ruleOf(runtime, params.alert_id!, clusterId)
    const rule = checkedRule(runtime, readOpscenterBody(request), previous, previous.id)
    runtime.alertRules.set(rule.id, rule)
    return ok(rule)
  }),

  deleteAlertRule: onCluster(MANAGE, ({ store, clusterId, params }) => {
    const runtime = store.runtimeOf(clusterId)
    ruleOf(runtime, params.alert_id!, clusterId)
    runtime.alertRules.delete(params.alert_id!)
    return done()
  }),

  listFiredAlerts: onCluster(VIEW, ({ store, clusterId }) => ok(firedAlerts(store, clusterId))),

  getNotificationsEnabled: onCluster(VIEW, ({ store, clusterId }) => ok({ enabled: store.runtimeOf(clusterId).notificationsEnabled })),

  setNotificationsEnabled: onCluster(MANAGE, ({ store, clusterId, request }) => {
    store.runtimeOf(clusterId).notificationsEnabled = enabledBody(readOpscenterBody(request))
    return done()
  }),
}
