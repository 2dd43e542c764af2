import spec from '../generated/opscenter.openapi.json'
import { isPlainObject } from '../core/body'
import { ownValue } from '../core/own'
import { pointer, specDefs, worldSchema, worldAnchorMs, writeAt, type World, type WorldAdapter, type WorldProblem } from '../core/world'
import { ADMIN_ROLE } from './permissions'
import { createLcm, LCM_RULES, type LcmObjectKind } from './resources/lcm-objects'
import { tableProperties } from './resources/keyspaces'
import {
  emptyBackupState,
  GB,
  LCM_KINDS,
  type ClusterRuntime,
  type EventRecord,
  type KeyspaceRecord,
  type LcmRecord,
  type NodeActivity,
  type TableRecord,
  type OpscenterStore,
} from './store'
import type { AlertRule, BestPracticeResult, ClusterConfig, DashboardPreset, Node, PermissionMap, Table } from './spec-types'

/**
 * The OpsCenter world format (decisions/125): roles and users (passwords, roles by name), clusters with their
 * connection config and what their agents report (nodes up or down with their history and heap baseline,
 * keyspaces and tables with their sizes, alert rules, best-practice runs, dashboard presets, the event log),
 * and the LCM objects with references by name. Fired alerts are not listed: OpsCenter derives them from the
 * rules and the metric series (issue 12), so a world fires one by taking a node down or raising its heap.
 * Times are seconds before the world's `at` (or load time); omitted fields take what a new cluster gets.
 */
type Entry = Record<string, unknown>

const LOCATOR = 'org.apache.cassandra.locator.'
const DEFAULT_PARTITIONER = 'org.apache.cassandra.dht.Murmur3Partitioner'
const LCM_OBJECT_KINDS = Object.keys(LCM_RULES) as LcmObjectKind[]
/** An LCM reference by name: the field a world uses instead of the id field. */
const NAME_FIELD = (idField: string) => idField.replace(/-id$/, '')
const seconds = { type: 'integer', minimum: 0 }
const ago = (description: string) => ({ ...seconds, description })

const list = (value: unknown): Entry[] => (Array.isArray(value) ? (value as Entry[]) : [])
const entries = (value: unknown): Array<[string, unknown]> => (isPlainObject(value) ? Object.entries(value) : [])
const numberOr = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback)
const stringOr = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback)
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

// ---- schema ----------------------------------------------------------------------------------

const schemas = (spec as unknown as { components: { schemas: Record<string, Entry> } }).components.schemas

/** An LCM kind's fields as the spec lists them (its allOf merged), minus what the server sets. */
function lcmProperties(kind: LcmObjectKind): Record<string, unknown> {
  const parts = list(ownValue(schemas, LCM_KINDS[kind].schema)?.allOf)
  const properties: Record<string, unknown> = {}
  for (const part of parts) {
    const source = part.$ref ? ownValue(schemas, String(part.$ref).split('/').pop()!) : part
    for (const [field, schema] of entries(source?.properties)) setOwn(properties, field, schema)
  }
  for (const field of ['href', 'type', 'last-job-id', 'job-status']) Reflect.deleteProperty(properties, field)
  for (const [idField, target] of Object.entries(LCM_RULES[kind].references)) {
    Reflect.deleteProperty(properties, idField)
    setOwn(properties, NAME_FIELD(idField), {
      type: ['string', 'null'],
      description: `Name of a ${LCM_KINDS[target].type} in this world's lcm.${target}.`,
    })
  }
  setOwn(properties, 'id', { type: 'string', description: 'Pins the object id (default: a new UUID).' })
  return properties
}

/** The spec's node modes but `unknown`, which is how a down node reports (state: down). */
const UP_MODES = (ownValue(schemas, 'Node') as { properties: { mode: { enum: string[] } } }).properties.mode.enum.filter(
  (mode) => mode !== 'unknown',
)

const MAINTENANCE_ACTIONS = ['gc', 'flush', 'repair', 'drain', 'undrain'] satisfies NonNullable<
  NodeActivity['maintenance']
>[number]['action'][]

const nodeSchema = {
  type: 'object',
  required: ['ip'],
  additionalProperties: false,
  properties: {
    ip: { type: 'string', minLength: 1 },
    name: { type: 'string', description: 'Host name (default: the ip).' },
    dc: { type: 'string', description: 'Datacenter (default DC1).' },
    rack: { type: 'string', description: 'Rack (default RAC1).' },
    state: { enum: ['up', 'down'], description: 'down: the agent stopped reporting (mode unknown); default up.' },
    secondsDown: ago('How long a down node has been down (default 0; ignored for an up node).'),
    mode: { enum: UP_MODES, description: 'Mode of an up node (default normal).' },
    outages: {
      type: 'array',
      description: 'Past outages: no metrics while the node was down.',
      items: {
        type: 'object',
        required: ['secondsAgo', 'seconds'],
        additionalProperties: false,
        properties: { secondsAgo: ago('When it started.'), seconds: { type: 'integer', minimum: 1, description: 'How long it lasted.' } },
      },
    },
    compactions: { type: 'array', items: seconds, description: 'Seconds ago each compaction ran (bursts in the metrics).' },
    maintenance: {
      type: 'array',
      description: 'Maintenance the node ran (its metrics show it): a GC, flush, repair, drain, and the restart that ends a drain.',
      items: {
        type: 'object',
        required: ['action', 'secondsAgo'],
        additionalProperties: false,
        properties: { action: { enum: MAINTENANCE_ACTIONS }, secondsAgo: seconds },
      },
    },
    heapRatio: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'Metric baseline: heap used as a share of the 8 GiB heap (default: the seeded 0.35-0.6); above the heap rule fires.',
    },
    agent: { type: 'boolean', description: 'Runs a DataStax agent (default true).' },
    version: { type: 'string' },
    load: { type: 'number', minimum: 0, description: 'Data held, in bytes (default 0).' },
    num_procs: { type: 'integer', minimum: 1 },
    diskBytes: { type: 'number', minimum: 0, description: 'Disk capacity (default 300 GiB).' },
  },
}

const tableSchema = {
  description: 'A table: its data size and any properties besides the defaults.',
  type: 'object',
  properties: {
    bytes: { type: 'number', minimum: 0, description: 'Data held (default 1 MB).' },
    columns: {
      type: 'array',
      description: 'CQL columns in order, as [name, type] pairs.',
      items: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'string' }], minItems: 2, maxItems: 2 },
    },
    primaryKey: { type: 'array', items: { type: 'string' } },
    nodesyncSecondsAgo: { ...seconds, description: 'When NodeSync was turned on for the table (with nodesync: true).' },
  },
  allOf: [{ $ref: '#/$defs/Table' }],
}

const keyspaceSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    replica_placement_strategy: { type: 'string', description: `A class name; a short name gets ${LOCATOR} (default SimpleStrategy).` },
    strategy_options: { type: 'object', additionalProperties: { type: 'string' } },
    durable_writes: { type: 'boolean' },
    tables: {
      description: 'Table names, or tables by name with their size and properties.',
      anyOf: [
        { type: 'array', items: { type: 'string' } },
        { type: 'object', additionalProperties: tableSchema },
      ],
    },
  },
}

/** A best-practice rule's result as the spec describes it, with the runs' times instead of `run_time`. */
const bestPracticeSchema = (() => {
  const result = specDefs(spec, ['BestPracticeResult']).BestPracticeResult as Entry
  const { run_time: _runTime, ...properties } = result.properties as Entry
  return {
    ...result,
    description: "A best-practice rule's result (the spec's fields) and when it ran.",
    required: list(result.required).filter((field) => String(field) !== 'run_time'),
    properties: {
      ...properties,
      runsAgo: { type: 'array', items: seconds, description: 'Seconds ago each run happened, oldest first (default [0]).' },
    },
  }
})()

const eventSchema = {
  type: 'object',
  required: ['message'],
  additionalProperties: false,
  properties: {
    secondsAgo: { type: 'number', minimum: 0, description: 'When it happened (default 0).' },
    message: { type: 'string' },
    level_str: { enum: ['INFO', 'WARN', 'ERROR'], description: 'Default INFO.' },
    level: { type: 'integer', minimum: 0, description: 'Default: 1 for INFO, 2 for WARN, 3 for ERROR.' },
    action: { type: 'integer' },
    event_source: { type: 'string' },
    source_node: { type: ['string', 'null'] },
    target_node: { type: ['string', 'null'] },
    api_source_ip: { type: ['string', 'null'] },
    user: { type: ['string', 'null'] },
    success: { type: ['boolean', 'null'] },
  },
}

const OPSCENTER_WORLD_SCHEMA = worldSchema(
  'opscenter',
  {
    title: 'opsmocks OpsCenter world',
    description: 'Users, roles, clusters with their runtime, and LCM objects of an OpsCenter mock (decisions/125).',
  },
  {
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
          config: { $ref: '#/$defs/ClusterConfig', description: 'Default: the first node of every three as seed hosts.' },
          partitioner: { type: 'string' },
          snitch: { type: 'string' },
          nodes: { type: 'array', items: nodeSchema },
          keyspaces: { type: 'object', additionalProperties: keyspaceSchema },
          alertRules: { type: 'array', items: { $ref: '#/$defs/AlertRule' } },
          bestPractice: { type: 'array', items: bestPracticeSchema },
          presets: { type: 'array', items: { $ref: '#/$defs/DashboardPreset' } },
          defaultPreset: { type: 'string', description: 'Id of the default preset (default: the first).' },
          events: { type: 'array', items: eventSchema, description: 'The event log.' },
          notificationsEnabled: { type: 'boolean' },
          logLevel: { type: 'string' },
        },
      },
    },
    lcm: {
      type: 'object',
      additionalProperties: false,
      description: 'LCM objects (jobs are not part of a world). References by name; write-only secrets are not kept.',
      properties: Object.fromEntries(
        LCM_OBJECT_KINDS.map((kind) => [
          kind,
          {
            type: 'array',
            items: {
              type: 'object',
              // What LCM requires on create besides references (those are checked by name: checkWorld).
              required: ['name', ...LCM_RULES[kind].required.filter((field) => !Object.hasOwn(LCM_RULES[kind].references, field))],
              additionalProperties: false,
              properties: lcmProperties(kind),
            },
          },
        ]),
      ),
    },
  },
  specDefs(spec, ['PermissionMap', 'ClusterConfig', 'AlertRule', 'BestPracticeResult', 'DashboardPreset', 'Table']),
)

// ---- checks ----------------------------------------------------------------------------------

function lcmOf(world: Record<string, unknown>, kind: LcmObjectKind): Entry[] {
  return isPlainObject(world.lcm) ? list(ownValue(world.lcm, kind)) : []
}

function checkWorld(world: Record<string, unknown>): WorldProblem[] {
  const problems: WorldProblem[] = []
  const unique = (at: Array<string | number>, key: string, items: Entry[]) => {
    const seen = new Set<string>()
    items.forEach((item, index) => {
      if (ownValue(item, key) === undefined) return
      const name = String(ownValue(item, key))
      if (seen.has(name)) problems.push({ path: pointer(...at, index, key), message: `'${name}' appears twice` })
      seen.add(name)
    })
    return seen
  }
  const roles = unique(['roles'], 'name', list(world.roles))
  list(world.roles).forEach((role, index) => {
    if (role.name === ADMIN_ROLE) problems.push({ path: pointer('roles', index, 'name'), message: `'${ADMIN_ROLE}' is built in` })
  })
  roles.add(ADMIN_ROLE)
  unique(['users'], 'username', list(world.users))
  list(world.users).forEach((user, index) =>
    list(user.roles).forEach((role, position) => {
      if (!roles.has(String(role)))
        problems.push({ path: pointer('users', index, 'roles', position), message: `no role named '${String(role)}'` })
    }),
  )
  unique(['clusters'], 'name', list(world.clusters))
  list(world.clusters).forEach((cluster, index) => {
    const at = (...rest: Array<string | number>) => pointer('clusters', index, ...rest)
    const ips = unique(['clusters', index, 'nodes'], 'ip', list(cluster.nodes))
    if (!cluster.config && !ips.size) problems.push({ path: at(), message: 'a cluster needs nodes or a config with seed_hosts' })
    unique(['clusters', index, 'alertRules'], 'id', list(cluster.alertRules))
    unique(['clusters', index, 'bestPractice'], 'name', list(cluster.bestPractice))
    const presets = unique(['clusters', index, 'presets'], 'id', list(cluster.presets))
    if (typeof cluster.defaultPreset === 'string' && !presets.has(cluster.defaultPreset))
      problems.push({ path: at('defaultPreset'), message: `no preset with id '${cluster.defaultPreset}' in this cluster` })
    const dcs = new Set(list(cluster.nodes).map((node) => stringOr(node.dc, 'DC1')))
    list(cluster.alertRules).forEach((rule, position) => {
      if (typeof rule.dc === 'string' && !dcs.has(rule.dc))
        problems.push({ path: at('alertRules', position, 'dc'), message: `no node of this cluster is in datacenter '${rule.dc}'` })
    })
  })
  // LCM references by name: the target must be in this world, once.
  const namesOf = new Map(LCM_OBJECT_KINDS.map((kind) => [kind, lcmOf(world, kind).map((item) => String(item.name))]))
  for (const kind of LCM_OBJECT_KINDS) {
    unique(['lcm', kind], 'id', lcmOf(world, kind))
    lcmOf(world, kind).forEach((item, index) => {
      for (const [idField, target] of Object.entries(LCM_RULES[kind].references)) {
        const field = NAME_FIELD(idField)
        const name = ownValue(item, field)
        const required = LCM_RULES[kind].required.includes(idField)
        if (name === undefined || name === null) {
          if (required)
            problems.push({ path: pointer('lcm', kind, index), message: `missing '${field}' (the name of its ${LCM_KINDS[target].type})` })
          continue
        }
        const count = namesOf.get(target)!.filter((other) => other === name).length
        if (count !== 1)
          problems.push({
            path: pointer('lcm', kind, index, field),
            message: count
              ? `${count} ${target} are named '${String(name)}'`
              : `no ${LCM_KINDS[target].type} named '${String(name)}' in lcm.${target}`,
          })
      }
    })
  }
  return problems
}

// ---- apply -----------------------------------------------------------------------------------

async function applyWorld(store: OpscenterStore, world: Record<string, unknown>): Promise<void> {
  store.clear()
  const nowMs = worldAnchorMs(world, store.clock.now())
  const now = Math.floor(nowMs / 1000)
  await store.createRole(ADMIN_ROLE, {})
  for (const [index, role] of list(world.roles).entries())
    await writeAt(pointer('roles', index), () =>
      store.createRole(String(role.name), structuredClone((role.permissions ?? {}) as PermissionMap)),
    )
  for (const [index, user] of list(world.users).entries())
    await writeAt(pointer('users', index), () =>
      store.createUser(String(user.username), String(user.password), list(user.roles).map(String)),
    )
  for (const [index, cluster] of list(world.clusters).entries()) {
    const id = String(cluster.name)
    const runtime = clusterRuntime(id, cluster, now, nowMs)
    const config = (cluster.config as ClusterConfig | undefined) ?? defaultConfig(runtime.nodes)
    await writeAt(pointer('clusters', index, 'config'), () => store.clusters.insert({ id, config: structuredClone(config) }))
    store.runtime.set(id, runtime)
  }
  const ids = new Map<string, string>()
  for (const kind of LCM_OBJECT_KINDS) {
    for (const [index, item] of lcmOf(world, kind).entries()) {
      const fields: Record<string, unknown> = {}
      for (const [field, value] of Object.entries(item)) if (field !== 'id') setOwn(fields, field, value)
      for (const [idField, target] of Object.entries(LCM_RULES[kind].references)) {
        const field = NAME_FIELD(idField)
        if (!Object.hasOwn(fields, field)) continue
        const name = ownValue(fields, field)
        Reflect.deleteProperty(fields, field)
        setOwn(fields, idField, name === null ? null : ids.get(`${target}/${String(name)}`))
      }
      await writeAt(pointer('lcm', kind, index), async () => {
        const record = await createLcm(store, kind, fields, typeof item.id === 'string' ? item.id : undefined)
        ids.set(`${kind}/${record.name as string}`, record.id)
      })
    }
  }
  await skipIdsInUse(store)
}

/**
 * New ids come from the seed and a counter that a load starts again (decisions/125): the counter moves past the
 * ids the world pinned (objects a client created before the export), so the next create cannot reuse one.
 */
async function skipIdsInUse(store: OpscenterStore): Promise<void> {
  const used = new Set<string>()
  for (const kind of LCM_OBJECT_KINDS) for (const record of store.lcm[kind].all()) used.add(record.id)
  for (const runtime of store.runtime.values()) for (const id of runtime.alertRules.keys()) used.add(id)
  const free = Symbol('free')
  for (let skipped = 0; skipped <= used.size; skipped++) {
    try {
      // withNewId spends the id only when the build returns: a free one is left for the next create.
      await store.withNewId((id) => {
        if (!used.has(id)) throw free
      })
    } catch (error) {
      if (error === free) return
      throw error
    }
  }
}

function defaultConfig(nodes: Node[]): ClusterConfig {
  const seeds = nodes.filter((_, index) => index % 3 === 0).map((node) => node.node_ip)
  return { cassandra: { seed_hosts: seeds.join(', '), api_port: '9160' }, jmx: { port: '7199' }, agents: { use_ssl: 'false' } }
}

function clusterRuntime(id: string, cluster: Entry, now: number, nowMs: number): ClusterRuntime {
  const nodeEntries = list(cluster.nodes)
  const nodes: Node[] = nodeEntries.map((entry) => {
    const down = entry.state === 'down'
    return {
      node_ip: String(entry.ip),
      node_name: stringOr(entry.name, String(entry.ip)),
      dc: stringOr(entry.dc, 'DC1'),
      rack: stringOr(entry.rack, 'RAC1'),
      last_seen: down ? now - numberOr(entry.secondsDown, 0) : 0,
      mode: down ? 'unknown' : (stringOr(entry.mode, 'normal') as Node['mode']),
      version: stringOr(entry.version, '6.8.35'),
      load: numberOr(entry.load, 0),
      num_procs: numberOr(entry.num_procs, 4),
    }
  })
  const activity = new Map<string, NodeActivity>(
    nodeEntries.map((entry, index) => {
      const node = nodes[index]!
      const outages = list(entry.outages).map((outage) => {
        const from = now - numberOr(outage.secondsAgo, 0)
        return { from, to: from + numberOr(outage.seconds, 1) }
      })
      return [
        node.node_ip,
        {
          downtime: node.mode === 'unknown' ? [...outages, { from: node.last_seen }] : outages,
          compactions: (Array.isArray(entry.compactions) ? entry.compactions : []).map((value) => now - Number(value)),
          ...(Array.isArray(entry.maintenance)
            ? {
                maintenance: (entry.maintenance as Entry[]).map((item) => ({
                  action: item.action as NonNullable<NodeActivity['maintenance']>[number]['action'],
                  at: now - Number(item.secondsAgo),
                })),
              }
            : {}),
          heapRatio: typeof entry.heapRatio === 'number' ? entry.heapRatio : undefined,
          agent: entry.agent !== false,
        },
      ]
    }),
  )
  const keyspaces = new Map<string, KeyspaceRecord>()
  for (const [name, raw] of entries(cluster.keyspaces)) {
    const keyspace = raw as Entry
    const strategy = stringOr(keyspace.replica_placement_strategy, 'SimpleStrategy')
    const tables = Array.isArray(keyspace.tables) ? keyspace.tables.map((table) => [String(table), {}] as const) : entries(keyspace.tables)
    keyspaces.set(name, {
      replica_placement_strategy: strategy.includes('.') ? strategy : `${LOCATOR}${strategy}`,
      strategy_options: { ...((keyspace.strategy_options as Record<string, string> | undefined) ?? {}) },
      durable_writes: keyspace.durable_writes !== false,
      tables: new Map(
        tables.map(([table, raw]) => {
          const { bytes, columns, primaryKey, nodesyncSecondsAgo, ...properties } = raw as Entry
          const record: TableRecord = {
            properties: { ...tableProperties(name), ...(properties as Table) },
            bytes: numberOr(bytes, 1_000_000),
          }
          if (Array.isArray(columns)) record.columns = structuredClone(columns) as TableRecord['columns']
          if (Array.isArray(primaryKey)) record.primaryKey = primaryKey.map(String)
          if (typeof nodesyncSecondsAgo === 'number') record.nodesyncSince = now - nodesyncSecondsAgo
          return [table, record]
        }),
      ),
    })
  }
  const presets = list(cluster.presets).map((preset) => structuredClone(preset) as DashboardPreset)
  let eventTime = 0
  const events: EventRecord[] = list(cluster.events)
    .map((event) => {
      const level = stringOr(event.level_str, 'INFO') as EventRecord['level_str']
      return {
        time: nowMs * 1000 - Math.round(numberOr(event.secondsAgo, 0) * 1_000_000),
        action: numberOr(event.action, 1),
        level: numberOr(event.level, level === 'ERROR' ? 3 : level === 'WARN' ? 2 : 1),
        level_str: level,
        message: String(event.message),
        event_source: stringOr(event.event_source, 'OpsCenter'),
        source_node: (event.source_node as string | null | undefined) ?? null,
        target_node: (event.target_node as string | null | undefined) ?? null,
        api_source_ip: (event.api_source_ip as string | null | undefined) ?? null,
        user: (event.user as string | null | undefined) ?? null,
        success: (event.success as boolean | null | undefined) ?? null,
      }
    })
    .sort((a, b) => a.time - b.time)
    // No two events share a timestamp (timestamp paging relies on it), as store.logEvent keeps it.
    .map((event) => ({ ...event, time: (eventTime = Math.max(event.time, eventTime + 1)) }))
  return {
    info: {
      name: id,
      partitioner: stringOr(cluster.partitioner, DEFAULT_PARTITIONER),
      snitch: stringOr(cluster.snitch, `${LOCATOR}SimpleSnitch`),
      node_count: nodes.length,
      datacenters: [...new Set(nodes.map((node) => node.dc))],
    },
    nodes,
    diskBytes: new Map(nodes.map((node, index) => [node.node_ip, numberOr(nodeEntries[index]!.diskBytes, 300 * GB)])),
    keyspaces,
    alertRules: new Map(list(cluster.alertRules).map((rule) => [String(rule.id), structuredClone(rule) as unknown as AlertRule])),
    bestPractice: new Map(
      list(cluster.bestPractice).map((entry) => {
        const { runsAgo, ...result } = entry
        const runs = Array.isArray(runsAgo) && runsAgo.length ? runsAgo.map(Number) : [0]
        return [String(entry.name), runs.map((run) => ({ ...(structuredClone(result) as BestPracticeResult), run_time: now - run }))]
      }),
    ),
    schedules: new Map(),
    presets: new Map(presets.map((preset) => [preset.id, preset])),
    defaultPreset: stringOr(cluster.defaultPreset, presets[0]?.id ?? ''),
    activity,
    events,
    notificationsEnabled: cluster.notificationsEnabled !== false,
    logLevel: stringOr(cluster.logLevel, 'info'),
    ...emptyBackupState(),
  }
}

// ---- export ----------------------------------------------------------------------------------

function exportWorld(store: OpscenterStore): World {
  const nowMs = store.clock.now()
  const now = Math.floor(nowMs / 1000)
  const lcmNames = new Map<string, string>()
  for (const kind of LCM_OBJECT_KINDS) for (const record of store.lcm[kind].all()) lcmNames.set(`${kind}/${record.id}`, String(record.name))
  return {
    vendor: 'opscenter',
    at: new Date(nowMs).toISOString(),
    roles: store.roles
      .all()
      .filter((role) => role.id !== ADMIN_ROLE)
      .map((role) => ({ name: role.id, permissions: structuredClone(role.permissions) })),
    users: store.users
      .all()
      .map((user) => ({ username: user.username, password: store.passwords.get(user.username) ?? '', roles: [...user.roles] })),
    clusters: store.clusters.all().map((cluster) => exportCluster(cluster.id, cluster.config, store.runtime.get(cluster.id)!, now, nowMs)),
    lcm: Object.fromEntries(
      LCM_OBJECT_KINDS.map((kind) => [kind, store.lcm[kind].all().map((record) => exportLcm(kind, record, lcmNames))]),
    ),
  }
}

function exportLcm(kind: LcmObjectKind, record: LcmRecord, names: Map<string, string>): Entry {
  const out: Entry = {}
  for (const [field, value] of Object.entries(record)) {
    if (['href', 'type', 'last-job-id', 'job-status'].includes(field)) continue
    const target = ownValue(LCM_RULES[kind].references, field)
    if (target) setOwn(out, NAME_FIELD(field), value === null ? null : (names.get(`${target}/${String(value)}`) ?? null))
    else setOwn(out, field, structuredClone(value))
  }
  return out
}

/** A node as agents report it (`/nodes`), as a world entry: what the export and the proxy's learner share. */
export function nodeEntryOf(node: Node, now: number): Entry {
  const down = node.mode === 'unknown'
  return {
    ip: node.node_ip,
    name: node.node_name,
    dc: node.dc,
    rack: node.rack,
    state: down ? 'down' : 'up',
    ...(down ? { secondsDown: Math.max(0, now - (node.last_seen || now)) } : { mode: node.mode }),
    ...(node.version === undefined ? {} : { version: node.version }),
    ...(node.load === undefined ? {} : { load: node.load }),
    ...(node.num_procs === undefined ? {} : { num_procs: node.num_procs }),
  }
}

function exportCluster(id: string, config: ClusterConfig, runtime: ClusterRuntime, now: number, nowMs: number): Entry {
  return {
    name: id,
    config: structuredClone(config),
    partitioner: runtime.info.partitioner,
    snitch: runtime.info.snitch,
    nodes: runtime.nodes.map((node) => {
      const activity = runtime.activity.get(node.node_ip)
      const outages = (activity?.downtime ?? []).filter((span) => span.to !== undefined)
      return {
        ...nodeEntryOf(node, now),
        ...(outages.length ? { outages: outages.map((span) => ({ secondsAgo: now - span.from, seconds: span.to! - span.from })) } : {}),
        ...(activity?.compactions.length ? { compactions: activity.compactions.map((at) => now - at) } : {}),
        ...(activity?.maintenance?.length
          ? { maintenance: activity.maintenance.map((item) => ({ action: item.action, secondsAgo: now - item.at })) }
          : {}),
        ...(activity?.heapRatio === undefined ? {} : { heapRatio: activity.heapRatio }),
        agent: activity?.agent ?? false,
        diskBytes: runtime.diskBytes.get(node.node_ip) ?? 0,
      }
    }),
    keyspaces: Object.fromEntries(
      [...runtime.keyspaces].map(([name, keyspace]) => [
        name,
        {
          replica_placement_strategy: keyspace.replica_placement_strategy,
          strategy_options: { ...keyspace.strategy_options },
          durable_writes: keyspace.durable_writes,
          tables: Object.fromEntries(
            [...keyspace.tables].map(([table, record]) => [
              table,
              {
                bytes: record.bytes,
                ...(record.columns ? { columns: structuredClone(record.columns) } : {}),
                ...(record.primaryKey ? { primaryKey: [...record.primaryKey] } : {}),
                ...(record.nodesyncSince === undefined ? {} : { nodesyncSecondsAgo: now - record.nodesyncSince }),
                ...structuredClone(record.properties),
              },
            ]),
          ),
        },
      ]),
    ),
    alertRules: [...runtime.alertRules.values()].map((rule) => structuredClone(rule)),
    bestPractice: [...runtime.bestPractice].map(([name, runs]) => {
      const { run_time: _runTime, ...result } = runs.at(-1)!
      return { ...structuredClone(result), name, runsAgo: runs.map((run) => now - run.run_time) }
    }),
    presets: [...runtime.presets.values()].map((preset) => structuredClone(preset)),
    defaultPreset: runtime.defaultPreset,
    events: runtime.events.map(({ time, ...event }) => ({ secondsAgo: (nowMs * 1000 - time) / 1_000_000, ...event })),
    notificationsEnabled: runtime.notificationsEnabled,
    logLevel: runtime.logLevel,
  }
}

export const opscenterWorldAdapter: WorldAdapter<OpscenterStore> = {
  vendor: 'opscenter',
  schema: OPSCENTER_WORLD_SCHEMA,
  keyOf: (collection) =>
    new Map([
      ['roles', 'name'],
      ['users', 'username'],
      ['clusters', 'name'],
      ['clusters/nodes', 'ip'],
      ['clusters/alertRules', 'id'],
      ['clusters/bestPractice', 'name'],
      ['clusters/presets', 'id'],
    ]).get(collection),
  check: checkWorld,
  apply: applyWorld,
  export: exportWorld,
}
