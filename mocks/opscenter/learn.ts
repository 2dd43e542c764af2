import { isPlainObject } from '../core/body'
import { bodyFields, NamedRecords, type LearnedExchange, type WorldLearner } from '../core/learner'
import type { World } from '../core/world'
import { ADMIN_ROLE } from './permissions'

/**
 * What the proxy learns from a real OpsCenter: users and the password of each who logged in, role
 * permissions, cluster configurations, and per cluster its nodes, keyspaces, alert rules and fired alerts.
 */
type Entry = Record<string, unknown>

export function opscenterLearner(): WorldLearner {
  const users = new NamedRecords<Entry>()
  const roles = new NamedRecords<Entry>()
  const clusters = new NamedRecords<Entry>()
  const cluster = (params: Record<string, string>, fields: Entry) =>
    params.cluster_id && clusters.merge(params.cluster_id, { name: params.cluster_id, ...fields })
  return {
    learn({ operationId, params, query, requestBody, status, json }: LearnedExchange) {
      if (status >= 300) return
      switch (operationId) {
        case 'login': {
          const fields = bodyFields(requestBody, query)
          if (typeof fields.username === 'string' && typeof fields.password === 'string')
            users.merge(fields.username, { username: fields.username, password: fields.password })
          break
        }
        case 'listUsers':
          for (const user of Array.isArray(json) ? (json as Entry[]) : [])
            users.merge(String(user.username), {
              username: user.username,
              roles: user.roles,
              password: users.get(String(user.username))?.password ?? '',
            })
          break
        case 'listRoles':
          for (const role of isPlainObject(json) && Array.isArray(json.roles) ? json.roles : []) roles.merge(String(role), { name: role })
          break
        case 'getRolePermissions':
          if (params.role_id && params.role_id !== ADMIN_ROLE && isPlainObject(json))
            roles.merge(params.role_id, { name: params.role_id, permissions: json })
          break
        case 'listClusterConfigs':
          for (const [name, config] of Object.entries(isPlainObject(json) ? json : {})) clusters.merge(name, { name, config })
          break
        case 'getClusterConfig':
          cluster(params, { config: json })
          break
        case 'getClusterInfo':
          if (isPlainObject(json)) cluster(params, { partitioner: json.partitioner, snitch: json.snitch })
          break
        case 'listNodes':
          cluster(params, {
            nodes: (Array.isArray(json) ? (json as Entry[]) : []).map((node) => ({
              ip: node.node_ip,
              name: node.node_name,
              dc: node.dc,
              rack: node.rack,
              mode: node.mode,
              ...(typeof node.last_seen === 'number' && node.last_seen > 0 ? { lastSeen: node.last_seen } : {}),
              ...(node.version === undefined ? {} : { version: node.version }),
              ...(node.load === undefined ? {} : { load: node.load }),
              ...(node.num_procs === undefined ? {} : { num_procs: node.num_procs }),
            })),
          })
          break
        case 'listKeyspaces':
          if (isPlainObject(json)) cluster(params, { keyspaces: json })
          break
        case 'listAlertRules':
          if (Array.isArray(json)) cluster(params, { alertRules: json })
          break
        case 'listFiredAlerts':
          cluster(params, {
            firedAlerts: Array.isArray(json) ? json : [],
          })
          break
      }
    },
    world(): World {
      // A role a user holds but whose permissions were never read is kept with none, so the world loads.
      for (const user of users.values())
        for (const role of Array.isArray(user.roles) ? user.roles : [])
          if (role !== ADMIN_ROLE && !roles.get(String(role))) roles.merge(String(role), { name: role })
      // Epoch times as read, written relative to `at` so the world holds them exactly.
      const now = Math.floor(Date.now() / 1000)
      return {
        vendor: 'opscenter',
        at: new Date(now * 1000).toISOString(),
        roles: roles.values(),
        users: users.values().map((user) => ({ roles: [], ...user })),
        clusters: clusters.values().map((cluster) => ({
          ...cluster,
          ...(Array.isArray(cluster.nodes)
            ? {
                nodes: (cluster.nodes as Entry[]).map(({ lastSeen, ...node }) =>
                  typeof lastSeen === 'number' ? { ...node, secondsSinceSeen: Math.max(0, now - lastSeen) } : node,
                ),
              }
            : {}),
          ...(Array.isArray(cluster.firedAlerts)
            ? {
                firedAlerts: (cluster.firedAlerts as Entry[]).map(({ first_fired, ...alert }) => ({
                  ...alert,
                  secondsSinceFired: Math.max(0, now - Number(first_fired)),
                })),
              }
            : {}),
        })),
      }
    },
  }
}
