import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { done, onCluster, ok, withPrincipal, type ResourceHandlers } from '../handler'
import { canSee, PERMISSION, requireAdmin } from '../permissions'
import { readOpscenterBody } from '../request-body'
import type { ClusterConfig } from '../spec-types'

/** Cluster connection configurations (`/cluster-configs`, decisions/026). */
const LOG_LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error'])

/**
 * A partial body merged into a configuration: each section sent is merged option by option; the result is
 * checked as a whole by the store (a config without `cassandra.seed_hosts` is still a 400).
 */
function mergedConfig(current: ClusterConfig, body: unknown): ClusterConfig {
  if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', 'Expected a JSON object of {"<section>": {"<option>": value}}')
  const merged: Record<string, unknown> = structuredClone(current)
  for (const [section, options] of Object.entries(body)) {
    if (!isPlainObject(options)) throw new MockError('BAD_REQUEST', `Section '${section}' must be an object of options`)
    const base = Object.hasOwn(merged, section) && isPlainObject(merged[section]) ? merged[section] : {}
    Object.defineProperty(merged, section, { value: { ...base, ...options }, enumerable: true, writable: true, configurable: true })
  }
  return merged as ClusterConfig
}

export const clusterConfigHandlers: ResourceHandlers<
  | 'listClusterConfigs'
  | 'createClusterConfig'
  | 'getClusterConfig'
  | 'updateClusterConfig'
  | 'updateClusterConfigPartial'
  | 'deleteClusterConfig'
  | 'setLogLevel'
> = {
  listClusterConfigs: withPrincipal(({ store }, principal) => {
    const visible = store.clusters.all().filter((cluster) => canSee(principal, cluster.id))
    return ok(Object.fromEntries(visible.map((cluster) => [cluster.id, cluster.config])) as Record<string, ClusterConfig>)
  }),

  createClusterConfig: withPrincipal(async ({ store }, principal, request) => {
    requireAdmin(principal, 'adding clusters')
    return { status: 201, json: await store.createClusterConfig(readOpscenterBody(request)) }
  }),

  getClusterConfig: onCluster(PERMISSION.viewCluster, ({ store, clusterId }) => ok(store.getCluster(clusterId).config)),

  updateClusterConfig: onCluster(PERMISSION.editConnection, async ({ store, clusterId, request }) => {
    await store.updateClusterConfig(clusterId, readOpscenterBody(request))
    return done()
  }),

  updateClusterConfigPartial: onCluster(PERMISSION.editConnection, async ({ store, clusterId, request }) => {
    await store.updateClusterConfig(clusterId, mergedConfig(store.getCluster(clusterId).config, readOpscenterBody(request)))
    return done()
  }),

  setLogLevel: onCluster(PERMISSION.editConnection, ({ store, clusterId, params, principal }) => {
    const level = params.level!.toLowerCase()
    if (!LOG_LEVELS.has(level))
      throw new MockError('BAD_REQUEST', `Unknown log level '${params.level}'; levels: ${[...LOG_LEVELS].join(', ')}`)
    store.runtimeOf(clusterId).logLevel = level
    store.logEvent(clusterId, {
      action: 41,
      level: 1,
      level_str: 'INFO',
      message: `Log level set to ${level}`,
      source_node: null,
      target_node: null,
      api_source_ip: null,
      user: principal.username ?? null,
      success: true,
    })
    return done()
  }),

  deleteClusterConfig: withPrincipal(async ({ store }, principal, _request, { cluster_id }) => {
    requireAdmin(principal, 'removing clusters')
    await store.deleteClusterConfig(cluster_id!)
    return done()
  }),
}
