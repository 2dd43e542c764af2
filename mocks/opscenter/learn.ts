import { isPlainObject } from '../core/body'
import { bodyFields, NamedRecords, type LearnedExchange, type WorldLearner } from '../core/learner'
import { ownValue } from '../core/own'
import type { World } from '../core/world'
import { LCM_RULES, type LcmObjectKind } from './resources/lcm-objects'
import type { Node } from './spec-types'
import { nodeEntryOf } from './world-file'

/**
 * What the proxy learns from a real OpsCenter (decisions/125): users and the password of each who logged
 * in, roles and their permissions, cluster configs, nodes (up or down), cluster descriptions, keyspaces
 * and tables, alert rules, best-practice results, dashboard presets, events, and the LCM objects with
 * their references turned into names.
 */
type Entry = Record<string, unknown>

const LCM_KINDS_BY_OPERATION = new Map<string, LcmObjectKind>([
  ['Repositor', 'repositories'],
  ['MachineCredential', 'machine_credentials'],
  ['ConfigProfile', 'config_profiles'],
  ['Cluster', 'clusters'],
  ['Datacenter', 'datacenters'],
  ['Node', 'nodes'],
])

/** The LCM kind a list or read operation answers with (`listLcmClusterNodes` → nodes). */
function lcmKindOf(operationId: string): LcmObjectKind | undefined {
  const match = /^(?:list|get)Lcm(?:Cluster|Datacenter)?(Repositor|MachineCredential|ConfigProfile|Cluster|Datacenter|Node)/.exec(
    operationId,
  )
  if (!match || /Jobs?$|Actions|Definitions/.test(operationId)) return undefined
  const nested = /^listLcm(Cluster|Datacenter)(Datacenters|Nodes)$/.exec(operationId)
  return LCM_KINDS_BY_OPERATION.get(nested ? nested[2]!.slice(0, -1) : match[1]!)
}

export function opscenterLearner(): WorldLearner {
  const passwords = new Map<string, string>()
  const users = new NamedRecords<Entry>()
  const roles = new NamedRecords<Entry>()
  const clusters = new NamedRecords<Entry>()
  const lcm = new Map<LcmObjectKind, NamedRecords<Entry>>()
  /** Fired alerts per cluster: a heap-used alert tells a node's heap baseline. */
  const fired = new Map<string, Entry[]>()
  const clusterOf = (name: string) => {
    clusters.merge(name, { name })
    return clusters.get(name)!
  }
  /** Nodes as the answers showed them, by cluster and ip; their times become relative when the world is written. */
  const nodes = new Map<string, Map<string, Node>>()
  const mergeNodes = (cluster: string, listed: Entry[]) => {
    clusterOf(cluster)
    const known = nodes.get(cluster) ?? nodes.set(cluster, new Map()).get(cluster)!
    for (const node of listed) known.set(String(node.node_ip), { ...known.get(String(node.node_ip)), ...(node as unknown as Node) })
  }
  const addLcm = (kind: LcmObjectKind, record: unknown) => {
    if (!isPlainObject(record) || typeof record.id !== 'string') return
    const records = lcm.get(kind) ?? lcm.set(kind, new NamedRecords()).get(kind)!
    records.merge(record.id, { ...record })
  }
  return {
    learn({ operationId, params, query, requestBody, status, json }: LearnedExchange) {
      if (status >= 300) return
      const cluster = params.cluster_id
      if (operationId === 'login') {
        const fields = bodyFields(requestBody, query)
        if (typeof fields.username === 'string' && typeof fields.password === 'string') passwords.set(fields.username, fields.password)
      } else if (operationId === 'listUsers' && Array.isArray(json)) {
        for (const user of json as Entry[]) users.merge(String(user.username), { username: user.username, roles: user.roles })
      } else if (operationId === 'getUser' && isPlainObject(json)) {
        users.merge(String(json.username), { username: json.username, roles: json.roles })
      } else if (operationId === 'listRoles' && isPlainObject(json) && Array.isArray(json.roles)) {
        for (const role of json.roles) roles.merge(String(role), { name: role })
      } else if (operationId === 'getRolePermissions' && params.role_id && params.role_id !== 'admin' && isPlainObject(json)) {
        roles.merge(params.role_id, { name: params.role_id, permissions: json })
      } else if (operationId === 'listClusterConfigs' && isPlainObject(json)) {
        for (const [name, config] of Object.entries(json)) clusters.merge(name, { name, config })
      } else if (operationId === 'getClusterConfig' && cluster && isPlainObject(json)) {
        clusters.merge(cluster, { name: cluster, config: json })
      } else if (operationId === 'listNodes' && cluster && Array.isArray(json)) {
        mergeNodes(cluster, json as Entry[])
      } else if (operationId === 'getNode' && cluster && isPlainObject(json)) {
        mergeNodes(cluster, [json])
      } else if (operationId === 'getClusterInfo' && cluster && isPlainObject(json)) {
        clusterOf(cluster)
        clusters.merge(cluster, { partitioner: json.partitioner, snitch: json.snitch })
      } else if (operationId === 'listKeyspaces' && cluster && isPlainObject(json)) {
        clusterOf(cluster)
        const keyspaces = new Map(Object.entries((clusters.get(cluster)!.keyspaces as Entry | undefined) ?? {}))
        for (const [name, keyspace] of Object.entries(json)) {
          if (!isPlainObject(keyspace)) continue
          // What a keyspace is in a world; derived fields of the answer (is_system) follow from it.
          const { column_families: tables, replica_placement_strategy, strategy_options, durable_writes } = keyspace
          keyspaces.set(name, { replica_placement_strategy, strategy_options, durable_writes, tables: isPlainObject(tables) ? tables : {} })
        }
        clusters.merge(cluster, { keyspaces: Object.fromEntries(keyspaces) })
      } else if (operationId === 'listAlertRules' && cluster && Array.isArray(json)) {
        clusterOf(cluster)
        clusters.merge(cluster, { alertRules: json })
      } else if (operationId === 'getBestPracticeResults' && cluster && isPlainObject(json)) {
        clusterOf(cluster)
        clusters.merge(cluster, {
          bestPractice: Object.entries(json).flatMap(([name, result]) => (isPlainObject(result) ? [{ ...result, name }] : [])),
        })
      } else if (operationId === 'listDashboardPresets' && cluster && isPlainObject(json)) {
        clusterOf(cluster)
        const all = Object.values(json).filter(isPlainObject)
        const presets = all.map(({ default: _default, ...preset }) => preset)
        const preferred = all.find((preset) => preset.default === true)
        clusters.merge(cluster, { presets, ...(preferred ? { defaultPreset: preferred.id } : {}) })
      } else if (operationId === 'listFiredAlerts' && cluster && Array.isArray(json)) {
        clusterOf(cluster)
        fired.set(cluster, json as Entry[])
      } else if (operationId === 'listEvents' && cluster && Array.isArray(json)) {
        clusterOf(cluster)
        clusters.merge(cluster, { events: [...(json as Entry[])].sort((a, b) => Number(a.time) - Number(b.time)) })
      } else {
        const kind = lcmKindOf(operationId)
        if (!kind || !isPlainObject(json)) return
        if (Array.isArray(json.results)) for (const record of json.results) addLcm(kind, record)
        else addLcm(kind, json)
      }
    },
    world(): World {
      // Times in the answers are instants; the world holds them relative to the moment it is written, its `at`.
      const nowMs = Date.now()
      const now = Math.floor(nowMs / 1000)
      const relative = (cluster: Entry): Entry => ({
        ...cluster,
        ...(nodes.has(String(cluster.name))
          ? { nodes: [...nodes.get(String(cluster.name))!.values()].map((node) => nodeEntryOf(node, now)) }
          : {}),
        ...(Array.isArray(cluster.bestPractice)
          ? {
              bestPractice: (cluster.bestPractice as Entry[]).map(({ run_time: runTime, ...result }) => ({
                ...result,
                runsAgo: [Math.max(0, now - Number(runTime ?? now))],
              })),
            }
          : {}),
        ...(Array.isArray(cluster.events)
          ? {
              events: (cluster.events as Entry[]).map(({ time, ...event }) => ({
                secondsAgo: Math.max(0, (nowMs * 1000 - Number(time)) / 1_000_000),
                ...event,
              })),
            }
          : {}),
      })
      const names = new Map<string, string>()
      for (const [kind, records] of lcm)
        for (const record of records.values()) names.set(`${kind}/${String(record.id)}`, String(record.name))
      const lcmWorld = Object.fromEntries(
        [...lcm].map(([kind, records]) => [
          kind,
          records.values().map((record) => {
            // Field names come from the answer: a Map, then an object of own properties.
            const entry = new Map<string, unknown>()
            for (const [field, value] of Object.entries(record)) {
              if (['href', 'type', 'last-job-id', 'job-status'].includes(field)) continue
              const target = ownValue(LCM_RULES[kind].references, field)
              // A reference to an object never read keeps its id: the world says it does not load yet.
              if (target) entry.set(field.replace(/-id$/, ''), value === null ? null : (names.get(`${target}/${String(value)}`) ?? value))
              else entry.set(field, value)
            }
            return Object.fromEntries(entry)
          }),
        ]),
      )
      return {
        vendor: 'opscenter',
        at: new Date(nowMs).toISOString(),
        ...(roles.values().length ? { roles: roles.values() } : {}),
        // A user seen logging in but never listed has the roles the world gives it: none.
        users: [...new Set([...users.values().map((user) => String(user.username)), ...passwords.keys()])].map((username) => ({
          username,
          password: passwords.get(username) ?? '',
          roles: users.get(username)?.roles ?? [],
        })),
        clusters: clusters.values().map((cluster) => withHeapBaselines(relative(cluster), fired.get(String(cluster.name)) ?? [])),
        ...(lcm.size ? { lcm: lcmWorld } : {}),
      }
    },
  }
}

/**
 * The heap baseline of each node a heap-used rule fires on: the share of the 8 GiB heap its alert reports
 * (alerts are derived from the series, so this is how the learned world fires the same alert).
 */
function withHeapBaselines(cluster: Entry, alerts: Entry[]): Entry {
  const rules = new Map(((cluster.alertRules as Entry[] | undefined) ?? []).map((rule) => [String(rule.id), rule]))
  const heap = new Map<string, number>()
  for (const alert of alerts) {
    if (rules.get(String(alert.alert_rule_id))?.metric !== 'heap-used' || typeof alert.current_value !== 'number') continue
    heap.set(String(alert.node), Math.min(0.98, Math.round((alert.current_value / 8 / 1024 ** 3) * 100) / 100))
  }
  if (!heap.size || !Array.isArray(cluster.nodes)) return cluster
  return {
    ...cluster,
    nodes: (cluster.nodes as Entry[]).map((node) => (heap.has(String(node.ip)) ? { ...node, heapRatio: heap.get(String(node.ip)) } : node)),
  }
}
