import spec from '../generated/opscenter.openapi.json'
import { isPlainObject } from '../core/body'
import { ownValue } from '../core/own'
import { MockError } from '../core/mock-error'
import {
  pointer,
  specDefs,
  WORLD_AT_SCHEMA,
  worldAnchorMs,
  WorldError,
  type World,
  type WorldAdapter,
  type WorldProblem,
} from '../core/world'
import { ADMIN_ROLE } from './permissions'
import { GB, LCM_KINDS, type ClusterRuntime, type LcmKind, type OpscenterStore } from './store'
import type { AlertRule, BestPracticeResult, ClusterConfig, FiredAlert, Keyspace, Node, PermissionMap } from './spec-types'

/**
 * The OpsCenter world format (decisions/121): users with passwords and roles, roles with their
 * permission maps, clusters with their connection config and what their agents report (nodes up or
 * down, keyspaces and sizes, alert rules, fired alerts, best-practice results), and LCM objects.
 * Field names are the spec's; omitted fields take the defaults a new cluster gets; times are seconds
 * before the moment the world is loaded.
 */
type Entry = Record<string, unknown>

const LOCATOR = 'org.apache.cassandra.locator.'
const DEFAULT_PARTITIONER = 'org.apache.cassandra.dht.Murmur3Partitioner'
const LCM_COLLECTIONS = Object.keys(LCM_KINDS) as LcmKind[]
const seconds = { type: 'integer', minimum: 0 }

const nodeSchema = {
  type: 'object',
  required: ['ip'],
  additionalProperties: false,
  properties: {
    ip: { type: 'string', minLength: 1 },
    name: { type: 'string', description: 'Host name (default: the ip).' },
    dc: { type: 'string', description: 'Datacenter (default DC1).' },
    rack: { type: 'string', description: 'Rack (default RAC1).' },
    state: { enum: ['up', 'down'], description: 'Shorthand: down = mode unknown, last seen an hour ago.' },
    mode: { $ref: '#/$defs/Node/properties/mode' },
    secondsSinceSeen: { ...seconds, description: 'When the agent was last heard from; absent while connected.' },
    version: { type: 'string' },
    load: { type: 'number', minimum: 0, description: 'Data held, in bytes.' },
    num_procs: { type: 'integer', minimum: 1 },
    diskBytes: { type: 'number', minimum: 0, description: 'Disk capacity (default 500 GiB).' },
  },
}

const keyspaceSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    replica_placement_strategy: { type: 'string', description: `A class name; a short name gets ${LOCATOR}.` },
    strategy_options: { type: 'object', additionalProperties: { type: 'string' } },
    durable_writes: { type: 'boolean' },
    column_families: { type: 'array', items: { type: 'string' } },
    bytes: { type: 'number', minimum: 0, description: 'Data size (default 1 MB).' },
  },
}

const firedAlertSchema = {
  type: 'object',
  required: ['alert_rule_id', 'node'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    alert_rule_id: { type: 'string' },
    node: { type: 'string', description: 'The node ip.' },
    current_value: { type: 'number' },
    message: { type: 'string' },
    secondsSinceFired: seconds,
  },
}

const bestPracticeSchema = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: {
    status: { $ref: '#/$defs/BestPracticeResult/properties/status' },
    'display-name': { type: 'string' },
    recommendation: { type: 'string' },
    category: { type: 'string' },
    importance: { $ref: '#/$defs/BestPracticeResult/properties/importance' },
    scope: { $ref: '#/$defs/BestPracticeResult/properties/scope' },
    secondsSinceRun: seconds,
  },
}

const lcmSchema = {
  type: 'object',
  required: ['name'],
  description: 'An LCM object in the spec shape (without href and type); write-only secrets are dropped.',
  properties: { id: { type: 'string' }, name: { type: 'string', minLength: 1 } },
}

export const OPSCENTER_WORLD_SCHEMA: object = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://opsmocks.dev/schemas/opscenter.world.json',
  title: 'opsmocks OpsCenter world',
  description: 'Users, roles, clusters and their runtime, and LCM objects of an OpsCenter mock (decisions/121).',
  type: 'object',
  required: ['vendor'],
  additionalProperties: false,
  properties: {
    vendor: { const: 'opscenter' },
    description: { type: 'string' },
    at: WORLD_AT_SCHEMA,
    roles: {
      type: 'array',
      description: `Roles besides the built-in '${ADMIN_ROLE}'.`,
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: { name: { type: 'string', minLength: 1 }, permissions: { $ref: '#/$defs/PermissionMap' } },
      },
    },
    users: {
      type: 'array',
      items: {
        type: 'object',
        required: ['username', 'password'],
        additionalProperties: false,
        properties: {
          username: { type: 'string', minLength: 1 },
          password: { type: 'string' },
          roles: { type: 'array', items: { type: 'string' }, description: `Role names; '${ADMIN_ROLE}' is built in.` },
        },
      },
    },
    clusters: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' },
          config: { $ref: '#/$defs/ClusterConfig', description: 'Default: the first node of each three as seed hosts.' },
          partitioner: { type: 'string' },
          snitch: { type: 'string' },
          nodes: { type: 'array', items: nodeSchema },
          keyspaces: { type: 'object', additionalProperties: keyspaceSchema },
          alertRules: { type: 'array', items: { $ref: '#/$defs/AlertRule' } },
          firedAlerts: { type: 'array', items: firedAlertSchema },
          bestPractice: { type: 'object', additionalProperties: bestPracticeSchema },
        },
      },
    },
    lcm: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(LCM_COLLECTIONS.map((kind) => [kind, { type: 'array', items: lcmSchema }])),
    },
  },
  $defs: specDefs(spec, ['PermissionMap', 'ClusterConfig', 'AlertRule', 'Node', 'BestPracticeResult']),
}

// ---- checks ----------------------------------------------------------------------------------

const list = (value: unknown): Entry[] => (Array.isArray(value) ? (value as Entry[]) : [])

function checkWorld(world: Record<string, unknown>): WorldProblem[] {
  const problems: WorldProblem[] = []
  const roles = new Set([ADMIN_ROLE])
  const unique = (at: Array<string | number>, key: string, entries: Entry[], seen = new Set<string>()) =>
    entries.forEach((entry, index) => {
      const name = String(ownValue(entry, key))
      if (seen.has(name)) problems.push({ path: pointer(...at, index, key), message: `'${name}' appears twice` })
      seen.add(name)
    })
  list(world.roles).forEach((role, index) => {
    if (role.name === ADMIN_ROLE) problems.push({ path: pointer('roles', index, 'name'), message: `'${ADMIN_ROLE}' is built in` })
    roles.add(String(role.name))
  })
  unique(['roles'], 'name', list(world.roles))
  unique(['users'], 'username', list(world.users))
  unique(['clusters'], 'name', list(world.clusters))
  list(world.users).forEach((user, index) =>
    list(user.roles).forEach((role, position) => {
      if (!roles.has(String(role)))
        problems.push({ path: pointer('users', index, 'roles', position), message: `no role named '${String(role)}'` })
    }),
  )
  list(world.clusters).forEach((cluster, index) => {
    const ips = new Set(list(cluster.nodes).map((node) => String(node.ip)))
    unique(['clusters', index, 'nodes'], 'ip', list(cluster.nodes))
    const rules = new Set(list(cluster.alertRules).map((rule) => String(rule.id)))
    list(cluster.firedAlerts).forEach((alert, position) => {
      const at = (field: string) => pointer('clusters', index, 'firedAlerts', position, field)
      if (!ips.has(String(alert.node)))
        problems.push({ path: at('node'), message: `no node with ip '${String(alert.node)}' in this cluster` })
      if (!rules.has(String(alert.alert_rule_id)))
        problems.push({ path: at('alert_rule_id'), message: `no alert rule '${String(alert.alert_rule_id)}' in this cluster` })
    })
    if (!cluster.config && !ips.size)
      problems.push({ path: pointer('clusters', index), message: 'a cluster needs nodes or a config with seed_hosts' })
  })
  return problems
}

// ---- apply -----------------------------------------------------------------------------------

async function applyWorld(store: OpscenterStore, world: Record<string, unknown>): Promise<void> {
  store.clear()
  const now = Math.floor(worldAnchorMs(world, store.clock.now()) / 1000)
  await store.createRole(ADMIN_ROLE, {})
  for (const role of list(world.roles))
    await store.createRole(String(role.name), structuredClone((role.permissions ?? {}) as PermissionMap))
  for (const [index, user] of list(world.users).entries()) {
    try {
      await store.createUser(String(user.username), String(user.password), list(user.roles).map(String))
    } catch (error) {
      if (error instanceof MockError) throw new WorldError([{ path: pointer('users', index), message: error.message }])
      throw error
    }
  }
  for (const cluster of list(world.clusters)) {
    const id = String(cluster.name)
    const runtime = clusterRuntime(id, cluster, now)
    const config = (cluster.config as ClusterConfig | undefined) ?? defaultConfig(runtime.nodes)
    await store.clusters.insert({ id, config: structuredClone(config) })
    store.runtime.set(id, runtime)
  }
  const lcm = isPlainObject(world.lcm) ? world.lcm : {}
  for (const kind of LCM_COLLECTIONS) {
    for (const [index, item] of list(Object.hasOwn(lcm, kind) ? lcm[kind] : undefined).entries()) {
      const { id, ...fields } = item
      try {
        await store.createLcm(kind, fields, typeof id === 'string' ? id : undefined)
      } catch (error) {
        if (error instanceof MockError) throw new WorldError([{ path: pointer('lcm', kind, index), message: error.message }])
        throw error
      }
    }
  }
}

function defaultConfig(nodes: Node[]): ClusterConfig {
  const seeds = nodes.filter((_, index) => index % 3 === 0).map((node) => node.node_ip)
  return { cassandra: { seed_hosts: seeds.join(', '), api_port: '9160' }, jmx: { port: '7199' }, agents: { use_ssl: 'false' } }
}

function clusterRuntime(id: string, cluster: Entry, now: number): ClusterRuntime {
  const nodeEntries = list(cluster.nodes)
  const nodes: Node[] = nodeEntries.map((entry) => {
    const down = entry.state === 'down'
    const secondsSinceSeen = typeof entry.secondsSinceSeen === 'number' ? entry.secondsSinceSeen : down ? 3600 : undefined
    return {
      node_ip: String(entry.ip),
      node_name: typeof entry.name === 'string' ? entry.name : String(entry.ip),
      dc: typeof entry.dc === 'string' ? entry.dc : 'DC1',
      rack: typeof entry.rack === 'string' ? entry.rack : 'RAC1',
      last_seen: secondsSinceSeen === undefined ? 0 : now - secondsSinceSeen,
      mode: (typeof entry.mode === 'string' ? entry.mode : down ? 'unknown' : 'normal') as Node['mode'],
      version: typeof entry.version === 'string' ? entry.version : '6.8.35',
      load: typeof entry.load === 'number' ? entry.load : 0,
      num_procs: typeof entry.num_procs === 'number' ? entry.num_procs : 4,
    }
  })
  const keyspaces: Record<string, Keyspace> = {}
  const keyspaceBytes: Record<string, number> = {}
  for (const [name, raw] of Object.entries(isPlainObject(cluster.keyspaces) ? cluster.keyspaces : {})) {
    const keyspace = raw as Entry
    const strategy = typeof keyspace.replica_placement_strategy === 'string' ? keyspace.replica_placement_strategy : 'SimpleStrategy'
    Object.defineProperty(keyspaces, name, {
      enumerable: true,
      writable: true,
      configurable: true,
      value: {
        replica_placement_strategy: strategy.includes('.') ? strategy : `${LOCATOR}${strategy}`,
        strategy_options: { ...((keyspace.strategy_options as Record<string, string> | undefined) ?? {}) },
        durable_writes: keyspace.durable_writes !== false,
        column_families: list(keyspace.column_families).map(String),
      } satisfies Keyspace,
    })
    Object.defineProperty(keyspaceBytes, name, {
      enumerable: true,
      writable: true,
      configurable: true,
      value: typeof keyspace.bytes === 'number' ? keyspace.bytes : 1_000_000,
    })
  }
  return {
    info: {
      name: id,
      partitioner: typeof cluster.partitioner === 'string' ? cluster.partitioner : DEFAULT_PARTITIONER,
      snitch: typeof cluster.snitch === 'string' ? cluster.snitch : `${LOCATOR}SimpleSnitch`,
      node_count: nodes.length,
      datacenters: [...new Set(nodes.map((node) => node.dc))],
    },
    nodes,
    diskBytes: new Map(nodes.map((node, index) => [node.node_ip, numberOr(nodeEntries[index]!.diskBytes, 500 * GB)])),
    keyspaces,
    keyspaceBytes,
    firedAlerts: list(cluster.firedAlerts).map((alert, index) => ({
      id: typeof alert.id === 'string' ? alert.id : `alert-${index + 1}`,
      alert_rule_id: String(alert.alert_rule_id),
      node: String(alert.node),
      first_fired: now - numberOr(alert.secondsSinceFired, 0),
      current_value: numberOr(alert.current_value, 1),
      message: typeof alert.message === 'string' ? alert.message : `${String(alert.alert_rule_id)} on ${String(alert.node)}`,
    })),
    alertRules: list(cluster.alertRules).map((rule) => ({ ...(rule as unknown as AlertRule) })),
    bestPractice: Object.fromEntries(
      Object.entries(isPlainObject(cluster.bestPractice) ? cluster.bestPractice : {}).map(([rule, raw]) => {
        const { secondsSinceRun, ...result } = raw as Entry
        return [
          rule,
          {
            'display-name': rule,
            recommendation: '',
            category: 'Config',
            importance: 'Medium',
            scope: 'cluster',
            ...(result as Partial<BestPracticeResult>),
            run_time: now - numberOr(secondsSinceRun, 0),
          } as BestPracticeResult,
        ]
      }),
    ),
  }
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback
}

// ---- export ----------------------------------------------------------------------------------

function exportWorld(store: OpscenterStore): World {
  const now = store.clock.nowSeconds()
  return {
    vendor: 'opscenter',
    at: new Date(now * 1000).toISOString(),
    roles: store.roles
      .all()
      .filter((role) => role.id !== ADMIN_ROLE)
      .map((role) => ({ name: role.id, permissions: structuredClone(role.permissions) })),
    users: store.users
      .all()
      .map((user) => ({ username: user.username, password: store.passwords.get(user.username) ?? '', roles: [...user.roles] })),
    clusters: store.clusters.all().map((cluster) => {
      const runtime = store.runtime.get(cluster.id)!
      return {
        name: cluster.id,
        config: structuredClone(cluster.config),
        partitioner: runtime.info.partitioner,
        snitch: runtime.info.snitch,
        nodes: runtime.nodes.map((node) => ({
          ip: node.node_ip,
          name: node.node_name,
          dc: node.dc,
          rack: node.rack,
          mode: node.mode,
          ...(node.last_seen ? { secondsSinceSeen: Math.max(0, now - node.last_seen) } : {}),
          ...(node.version === undefined ? {} : { version: node.version }),
          ...(node.load === undefined ? {} : { load: node.load }),
          ...(node.num_procs === undefined ? {} : { num_procs: node.num_procs }),
          diskBytes: runtime.diskBytes.get(node.node_ip) ?? 0,
        })),
        keyspaces: Object.fromEntries(
          Object.entries(runtime.keyspaces).map(([name, keyspace]) => [
            name,
            { ...structuredClone(keyspace), bytes: ownValue(runtime.keyspaceBytes, name) ?? 0 },
          ]),
        ),
        alertRules: runtime.alertRules.map((rule) => ({ ...rule })),
        firedAlerts: runtime.firedAlerts.map(({ first_fired, ...alert }: FiredAlert) => ({
          ...alert,
          secondsSinceFired: Math.max(0, now - first_fired),
        })),
        bestPractice: Object.fromEntries(
          Object.entries(runtime.bestPractice).map(([rule, { run_time, ...result }]) => [
            rule,
            { ...result, secondsSinceRun: Math.max(0, now - run_time) },
          ]),
        ),
      }
    }),
    lcm: Object.fromEntries(
      LCM_COLLECTIONS.map((kind) => [
        kind,
        store.lcm[kind].all().map(({ href: _href, type: _type, ...fields }) => structuredClone(fields)),
      ]),
    ),
  }
}

export const opscenterWorldAdapter: WorldAdapter<OpscenterStore> = {
  vendor: 'opscenter',
  schema: OPSCENTER_WORLD_SCHEMA,
  keyOf: (collection) => ({ roles: 'name', users: 'username', clusters: 'name' })[collection],
  check: checkWorld,
  apply: applyWorld,
  export: exportWorld,
}

// ---- runtime control -------------------------------------------------------------------------

/** Scenario changes without a restart: `/__opsmocks/world/{action}` and `opscenter.world.<action>(...)`. */
export function opscenterWorldActions(store: OpscenterStore) {
  const input = (value: unknown, action: string): Entry => {
    if (!isPlainObject(value)) throw new MockError('BAD_REQUEST', `${action} takes a JSON object`)
    return value
  }
  const runtimeOf = (cluster: unknown): ClusterRuntime => {
    const runtime = typeof cluster === 'string' && store.clusters.get(cluster) ? store.runtime.get(cluster) : undefined
    if (!runtime) throw new MockError('NOT_FOUND', `No cluster named ${JSON.stringify(cluster)}`)
    return runtime
  }
  let lastAlertId = 0
  const fire = (runtime: ClusterRuntime, alert: Omit<FiredAlert, 'id' | 'first_fired'>): FiredAlert => {
    const fired = { id: `fired-${++lastAlertId}`, first_fired: store.clock.nowSeconds(), ...alert }
    runtime.firedAlerts.push(fired)
    return fired
  }
  return {
    /** Takes a node down (mode unknown, a node-down alert fires when the cluster has that rule) or brings it back up. */
    setNodeState(value: unknown) {
      const { cluster, node, state } = input(value, 'setNodeState')
      if (state !== 'up' && state !== 'down') throw new MockError('BAD_REQUEST', 'setNodeState needs a "state" of up or down')
      const runtime = runtimeOf(cluster)
      const target = runtime.nodes.find((candidate) => candidate.node_ip === node || candidate.node_name === node)
      if (!target) throw new MockError('NOT_FOUND', `Cluster ${String(cluster)} has no node ${JSON.stringify(node)}`)
      const now = store.clock.nowSeconds()
      const index = runtime.nodes.indexOf(target)
      runtime.nodes[index] = { ...target, mode: state === 'down' ? 'unknown' : 'normal', last_seen: state === 'down' ? now : 0 }
      const rule = runtime.alertRules.find((candidate) => candidate.type === 'node-down')
      const open = runtime.firedAlerts.filter((alert) => alert.alert_rule_id === rule?.id && alert.node === target.node_ip)
      if (rule && state === 'down' && !open.length)
        fire(runtime, { alert_rule_id: rule.id, node: target.node_ip, current_value: 1, message: `Node ${target.node_ip} is down` })
      if (state === 'up') runtime.firedAlerts = runtime.firedAlerts.filter((alert) => !open.includes(alert))
      return runtime.nodes[index]
    },
    /** Fires an alert of one of the cluster's rules on a node. */
    fireAlert(value: unknown) {
      const { cluster, rule, node, value: current, message } = input(value, 'fireAlert')
      const runtime = runtimeOf(cluster)
      if (!runtime.alertRules.some((candidate) => candidate.id === rule))
        throw new MockError('NOT_FOUND', `Cluster ${String(cluster)} has no alert rule ${JSON.stringify(rule)}`)
      if (!runtime.nodes.some((candidate) => candidate.node_ip === node))
        throw new MockError('NOT_FOUND', `Cluster ${String(cluster)} has no node with ip ${JSON.stringify(node)}`)
      return fire(runtime, {
        alert_rule_id: String(rule),
        node: String(node),
        current_value: typeof current === 'number' ? current : 1,
        message: typeof message === 'string' ? message : `${String(rule)} fired on ${String(node)}`,
      })
    },
    /** Clears a fired alert by id. */
    clearAlert(value: unknown) {
      const { cluster, id } = input(value, 'clearAlert')
      const runtime = runtimeOf(cluster)
      const before = runtime.firedAlerts.length
      runtime.firedAlerts = runtime.firedAlerts.filter((alert) => alert.id !== id)
      if (runtime.firedAlerts.length === before)
        throw new MockError('NOT_FOUND', `Cluster ${String(cluster)} has no fired alert ${JSON.stringify(id)}`)
      return { cleared: id }
    },
  }
}
