import { isPlainObject } from '../core/body'
import { MockError } from '../core/mock-error'
import { ownValue } from '../core/own'
import type { PermissionMap } from './spec-types'

/** The built-in role: every permission on every cluster; cannot be edited or removed. */
export const ADMIN_ROLE = 'admin'

/** Permission names from the OpsCenter 6.x access-roles docs (keys of the per-cluster JSON). */
export const PERMISSION = {
  viewCluster: 'View Cluster',
  installAgents: 'Install Agents',
  editConnection: 'Edit Connection Settings',
  manageAlerts: 'Manage Alerts',
  clusterConfiguration: 'Cluster Configuration',
  backup: 'Backup Service',
  bestPractice: 'Best Practice Service',
  repair: 'Repair Service',
  performanceConfiguration: 'Performance Service Configuration',
  performanceTracing: 'Performance Service CQL Tracing',
  // Node operations (decisions/103): the 6.8 online help names "Decommission Cluster Topology"; a real
  // provisioning script grants "Node Start and Stop"; maintenance (gc, drain, cleanup, flush, compact) is the mock's name.
  nodeStartStop: 'Node Start and Stop',
  decommission: 'Decommission Cluster Topology',
  nodeMaintenance: 'Node Maintenance',
} as const

const DOCUMENTED_PERMISSIONS: readonly string[] = Object.values(PERMISSION)

/** Who is calling. With authentication disabled everyone is an anonymous admin. */
export interface Principal {
  username: string | undefined
  roles: readonly string[]
  isAdmin: boolean
  /** The caller's roles merged: a permission is granted when any role grants it. */
  permissions: PermissionMap
}

export const ANONYMOUS_ADMIN: Principal = { username: undefined, roles: [ADMIN_ROLE], isAdmin: true, permissions: {} }

/** Merges role permission maps (logical OR per cluster and name), keeping only granted permissions. */
export function mergePermissions(maps: readonly PermissionMap[]): PermissionMap {
  // Cluster names are client-chosen (`__proto__` passes the name rule), so they key a Map, never a plain object.
  const merged = new Map<string, Record<string, boolean>>()
  for (const map of maps) {
    for (const [cluster, permissions] of Object.entries(map)) {
      for (const [name, granted] of Object.entries(permissions)) {
        if (!granted) continue
        merged.set(cluster, { ...merged.get(cluster), [name]: true })
      }
    }
  }
  return Object.fromEntries(merged)
}

/** Clusters with at least one granted permission; the others are invisible to the role. */
export function withoutHiddenClusters(map: PermissionMap): PermissionMap {
  return Object.fromEntries(Object.entries(map).filter(([, permissions]) => Object.values(permissions).some(Boolean)))
}

/** Every documented permission on every cluster: what the admin role holds. */
export function allPermissions(clusterIds: readonly string[]): PermissionMap {
  const everything = Object.fromEntries(DOCUMENTED_PERMISSIONS.map((name) => [name, true]))
  return Object.fromEntries(clusterIds.map((id) => [id, { ...everything }]))
}

export function canSee(principal: Principal, clusterId: string): boolean {
  return principal.isAdmin || Object.values(ownValue(principal.permissions, clusterId) ?? {}).some(Boolean)
}

export function requirePermission(principal: Principal, clusterId: string, permission: string): void {
  if (principal.isAdmin || ownValue(ownValue(principal.permissions, clusterId) ?? {}, permission) === true) return
  throw new MockError('FORBIDDEN', `You do not have permission to perform this operation: ${permission} on ${clusterId}`)
}

export function requireAdmin(principal: Principal, action: string): void {
  if (!principal.isAdmin)
    throw new MockError('FORBIDDEN', `You do not have permission to perform this operation: ${action} needs the admin role`)
}

/**
 * Checks a role's permission body: `{"<cluster>": {"<name>": true|false}}` for clusters that exist.
 * Names are kept as sent (real scripts use older names such as "Alerting"), so only their type is checked.
 */
export function parsePermissionMap(body: unknown, clusterExists: (id: string) => boolean): PermissionMap {
  if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', 'Expected a JSON object of {"<cluster_id>": {"<permission>": true|false}}')
  const entries: Array<[string, Record<string, boolean>]> = []
  for (const [cluster, permissions] of Object.entries(body)) {
    if (!clusterExists(cluster)) throw new MockError('BAD_REQUEST', `Unknown cluster '${cluster}' in permissions`)
    if (!isPlainObject(permissions))
      throw new MockError('BAD_REQUEST', `Permissions for '${cluster}' must be an object of permission name → true|false`)
    for (const [name, granted] of Object.entries(permissions)) {
      if (name.trim() === '') throw new MockError('BAD_REQUEST', `Empty permission name for '${cluster}'`)
      if (typeof granted !== 'boolean')
        throw new MockError('BAD_REQUEST', `Permission '${name}' on '${cluster}' must be true or false, got ${JSON.stringify(granted)}`)
    }
    entries.push([cluster, { ...(permissions as Record<string, boolean>) }])
  }
  // fromEntries defines each name as an own property, so a cluster called `__proto__` stays a cluster.
  return Object.fromEntries(entries)
}
