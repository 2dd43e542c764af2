import spec from '../generated/opscenter.openapi.json'
import { noise } from './world/noise'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { Clock } from '../core/clock'
import { MockError } from '../core/mock-error'
import { schemaProblems, specSchema, type BundledSpec } from '../core/spec-schema'
import { Table } from '../core/table'
import { ADMIN_ROLE, allPermissions, mergePermissions, withoutHiddenClusters, type Principal } from './permissions'
import type {
  AlertRule,
  BestPracticeResult,
  ClusterConfig,
  ClusterInfo,
  DashboardPreset,
  JobSchedule,
  Node,
  PermissionMap,
  Table as TableProperties,
  User,
} from './spec-types'

const bundled = spec as unknown as BundledSpec

export interface UserRecord {
  id: string
  username: string
  roles: string[]
}

export interface RoleRecord {
  id: string
  permissions: PermissionMap
}

export interface ClusterRecord {
  id: string
  config: ClusterConfig
}

/** What one node did that its metrics and alerts must show (mock time, epoch seconds). */
export interface NodeActivity {
  /** Spans the node was down; an open span (`to` undefined) means it is down now. */
  downtime: Array<{ from: number; to?: number }>
  /** When compactions ran on the node. */
  compactions: number[]
  /** Maintenance the node ran, oldest first: a GC, a flush, a repair, a drain and the restart that ends it. */
  maintenance?: Array<{ action: 'gc' | 'flush' | 'repair' | 'drain' | 'undrain'; at: number }>
  /** A fixed heap-used share of heap-max, for a node the seed makes run hot; else derived from the seed. */
  heapRatio?: number
  /** Whether the node runs a DataStax agent. */
  agent: boolean
}

/** One entry of the event log (`/{cluster_id}/events`); `time` is in microseconds, as OpsCenter reports it. */
export interface EventRecord {
  time: number
  action: number
  level: number
  level_str: 'INFO' | 'WARN' | 'ERROR'
  message: string
  event_source: string
  source_node: string | null
  target_node: string | null
  api_source_ip: string | null
  user: string | null
  success: boolean | null
}

/** The schedule data of an LCM job (its record holds the public fields). */
export interface LcmJobPlan {
  created: number
  nodeIds: string[]
  terminatedAt?: number
}

/** A job schedule as stored: its settings and when it was created; `next_run`/`last_run` are computed. */
export interface ScheduleRecord {
  id: string
  first_run_date: string
  first_run_time: string
  timezone: string
  interval: number
  interval_unit: 'minutes' | 'hours' | 'days' | 'weeks'
  job_params: JobSchedule['job_params']
  created: number
}

/** One step of a request: the work on one node, from..to in epoch seconds, and whether its effects are applied. */
export interface RequestStep {
  node: string
  from: number
  to: number
  started: boolean
  ended: boolean
}

/** A cluster or node operation started through the API (`POST /{cluster_id}/ops/...`). */
export interface RequestRecord {
  id: string
  clusterId: string
  action: string
  created: number
  steps: RequestStep[]
  /** What the operation works on beyond nodes: a keyspace and tables, or a new token. */
  keyspace?: string
  tables?: string[]
  token?: string
  user: string | null
  cancelledAt?: number
  /** For a restore: the backup it restores from. */
  backup?: string
  /** For a point-in-time restore: the time (epoch seconds) the data is brought back to. */
  pitTime?: number
}

/** A table: its properties (the wire's) and how many bytes of data it holds (drives its metrics and data size). */
export interface TableRecord {
  properties: TableProperties
  bytes: number
  /** When NodeSync was turned on for the table (its progress runs from there). */
  nodesyncSince?: number
  /** Its CQL columns, name → type, in order, and its primary key; absent for tables seeded without them. */
  columns?: Array<[name: string, type: string]>
  primaryKey?: string[]
}

/** A backup: when it was taken (visible from then), what it holds and where copies are. */
export interface BackupRecord {
  tag: string
  /** `adhoc` or the schedule id that made it. */
  source: string
  time: number
  keyspaces: Map<string, Map<string, number>>
  nodes: string[]
  destinations: string[]
  deletedAt: number | null
}

export interface BackupActivityRecord {
  backupId: string
  type: 'backup' | 'restore' | 'sync' | 'delete'
  time: number
  requestId: string | null
  keyspaces: Record<string, string[]>
  destination: string
  /** For a point-in-time restore: the time restored to. */
  pitTime?: number
}

/** A backup destination; secrets sent on create are dropped. */
export interface DestinationRecord {
  id: string
  provider: 'server' | 'local' | 's3' | 'azure'
  path: string
  [field: string]: unknown
}

/** A keyspace: replication settings and its tables by name (a Map: table names come from clients). */
/** A change of a table's data in mock time (truncate, drop, create, restore): what commit log replay sees. */
interface TableChange {
  time: number
  keyspace: string
  table: string
  /** The table's bytes from then on; null once it is dropped. */
  bytes: number | null
}

export interface KeyspaceRecord {
  replica_placement_strategy: string
  strategy_options: Record<string, string>
  durable_writes: boolean
  tables: Map<string, TableRecord>
}

/** What a cluster reports at run time (OpsCenter learns it from agents); plain data, not configuration. */
export interface ClusterRuntime {
  info: ClusterInfo
  nodes: Node[]
  /** Disk size per node ip, in bytes. */
  diskBytes: Map<string, number>
  keyspaces: Map<string, KeyspaceRecord>
  alertRules: Map<string, AlertRule>
  /** Every run of each best-practice rule, oldest first. */
  bestPractice: Map<string, BestPracticeResult[]>
  schedules: Map<string, ScheduleRecord>
  presets: Map<string, DashboardPreset>
  defaultPreset: string
  activity: Map<string, NodeActivity>
  /** Oldest first. */
  events: EventRecord[]
  notificationsEnabled: boolean
  /** What `PUT /{cluster_id}/log/level/{level}` set last. */
  logLevel: string
  backups: Map<string, BackupRecord>
  /** Oldest first. */
  backupActivity: BackupActivityRecord[]
  destinations: Map<string, DestinationRecord>
  pit: { enabled: boolean; destination: string | null; enabledAt: number | null }
  /** Table data changes, oldest first: a point-in-time restore replays them from its backup up to its time. */
  tableChanges: TableChange[]
  /** Up to when each backup schedule's runs have been taken (epoch seconds). */
  scheduledBackupsUntil: Map<string, number>
  repair: { timeToCompletion: number; started: number | null }
}

/** The LCM collections, the `type` their objects carry and the spec schema that checks them. */
export const LCM_KINDS = {
  repositories: { type: 'repository', schema: 'LcmRepository' },
  machine_credentials: { type: 'machine_credential', schema: 'LcmMachineCredential' },
  config_profiles: { type: 'config_profile', schema: 'LcmConfigProfile' },
  clusters: { type: 'cluster', schema: 'LcmCluster' },
  datacenters: { type: 'datacenter', schema: 'LcmDatacenter' },
  nodes: { type: 'node', schema: 'LcmNode' },
  jobs: { type: 'job', schema: 'LcmJob' },
} as const
export type LcmKind = keyof typeof LCM_KINDS
/** An LCM object as stored: the spec's fields (every kind carries id, href and type). */
export type LcmRecord = { id: string; href: string; type: string } & Record<string, unknown>

/** A Standard Schema that validates a record through its public (spec) shape. */
function projectedSchema<Record, Public>(
  schema: StandardSchemaV1<Public, Public>,
  project: (record: Record) => Public,
): StandardSchemaV1<Record, Record> {
  return {
    '~standard': {
      version: 1,
      vendor: 'opsmocks',
      validate: (value) => {
        const result = schema['~standard'].validate(project(value as Record))
        if (result instanceof Promise) throw new Error('[opsmocks] async schemas are not supported')
        return result.issues ? { issues: result.issues } : { value: value as Record }
      },
    },
  }
}

/**
 * OpsCenter's state: users, roles, cluster configurations and LCM objects in @msw/data collections
 * (validated by the spec's schemas), passwords and cluster runtime in Maps. It knows no HTTP;
 * failures are MockErrors that `errors.ts` turns into OpsCenter answers.
 */
export class OpscenterStore {
  readonly clock: Clock
  readonly users = new Table<UserRecord>(projectedSchema<UserRecord, User>(specSchema<User>(bundled, 'User'), publicUser))
  readonly roles = new Table<RoleRecord>(
    projectedSchema(specSchema<PermissionMap>(bundled, 'PermissionMap'), (role: RoleRecord) => role.permissions),
  )
  readonly clusters = new Table<ClusterRecord>(
    projectedSchema(specSchema<ClusterConfig>(bundled, 'ClusterConfig'), (cluster: ClusterRecord) => cluster.config),
  )
  readonly lcm = Object.fromEntries(
    Object.entries(LCM_KINDS).map(([kind, { schema }]) => [kind, new Table(specSchema<LcmRecord>(bundled, schema))]),
  ) as { [K in LcmKind]: Table<LcmRecord> }
  /** Seed for the metric series (decisions/101). */
  seed = 1
  readonly passwords = new Map<string, string>()
  readonly runtime = new Map<string, ClusterRuntime>()
  /** When each LCM job was queued, the LCM node ids it works on, and when it was terminated. */
  readonly lcmJobPlans = new Map<string, LcmJobPlan>()
  /** Operations started through the API, by request id (ids are global, as `/request/{id}` shows). */
  readonly requests = new Map<string, RequestRecord>()
  /** How many ids `newId` has handed out since the last `clear`. */
  private idsIssued = 0

  constructor(clock: Clock) {
    this.clock = clock
  }

  /**
   * A new id in UUID v4 form for what clients start (requests, LCM jobs): drawn from the seed and a counter, so the
   * same seed and the same calls give the same ids.
   */
  newId(): string {
    return this.idAt(this.idsIssued++)
  }

  /**
   * Builds what a client creates (LCM objects, alert rules, schedules, destinations) under the next id; the id is
   * spent only when the build succeeds, so a rejected create changes nothing.
   */
  async withNewId<T>(build: (id: string) => T | Promise<T>): Promise<T> {
    const value = await build(this.idAt(this.idsIssued))
    this.idsIssued++
    return value
  }

  private idAt(issued: number): string {
    const hex = [0, 1, 2, 3]
      .map((part) =>
        Math.floor(noise(this.seed, `id/${issued}`, part) * 2 ** 32)
          .toString(16)
          .padStart(8, '0'),
      )
      .join('')
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  }

  clear(): void {
    this.idsIssued = 0
    this.users.clear()
    this.roles.clear()
    this.clusters.clear()
    for (const table of Object.values(this.lcm)) table.clear()
    this.passwords.clear()
    this.runtime.clear()
    this.requests.clear()
    this.lcmJobPlans.clear()
  }

  // ---- users and principals ------------------------------------------------------------------

  checkPassword(username: string, password: string): UserRecord | undefined {
    const user = this.users.get(username)
    return user && this.passwords.get(username) === password ? user : undefined
  }

  principalFor(username: string): Principal | undefined {
    const user = this.users.get(username)
    if (!user) return undefined
    const isAdmin = user.roles.includes(ADMIN_ROLE)
    const maps = user.roles.map((role) => this.roles.get(role)?.permissions ?? {})
    return { username, roles: user.roles, isAdmin, permissions: isAdmin ? this.rolePermissions(ADMIN_ROLE) : mergePermissions(maps) }
  }

  getUser(username: string): UserRecord {
    const user = this.users.get(username)
    if (!user) throw new MockError('NOT_FOUND', `User '${username}' does not exist`)
    return user
  }

  async createUser(username: string, password: string, roles: string[]): Promise<void> {
    if (this.users.get(username)) throw new MockError('CONFLICT', `User '${username}' already exists`)
    this.#assertRolesExist(roles)
    await this.users.insert({ id: username, username, roles })
    this.passwords.set(username, password)
  }

  async updateUser(username: string, changes: { password?: string; roles?: string[] }): Promise<void> {
    this.getUser(username)
    if (changes.roles) {
      this.#assertRolesExist(changes.roles)
      const roles = changes.roles
      await this.users.update(username, (draft) => {
        draft.roles = roles
      })
    }
    if (changes.password !== undefined) this.passwords.set(username, changes.password)
  }

  deleteUser(username: string): void {
    this.getUser(username)
    this.users.delete(username)
    this.passwords.delete(username)
  }

  #assertRolesExist(roles: readonly string[]): void {
    for (const role of roles) if (!this.roles.get(role)) throw new MockError('BAD_REQUEST', `Role '${role}' does not exist`)
  }

  // ---- roles ---------------------------------------------------------------------------------

  roleNames(): string[] {
    return this.roles
      .all()
      .map((role) => role.id)
      .filter((name) => name !== ADMIN_ROLE)
      .sort()
  }

  rolePermissions(role: string): PermissionMap {
    if (role === ADMIN_ROLE) return allPermissions(this.clusters.all().map((cluster) => cluster.id))
    const record = this.roles.get(role)
    if (!record) throw new MockError('NOT_FOUND', `Role '${role}' does not exist`)
    return withoutHiddenClusters(record.permissions)
  }

  async createRole(role: string, permissions: PermissionMap): Promise<void> {
    if (this.roles.get(role)) throw new MockError('CONFLICT', `Role '${role}' already exists`)
    await this.roles.insert({ id: role, permissions })
  }

  async updateRolePermissions(role: string, permissions: PermissionMap): Promise<void> {
    this.#assertEditableRole(role)
    await this.roles.update(role, (draft) => {
      draft.permissions = permissions
    })
  }

  deleteRole(role: string): void {
    this.#assertEditableRole(role)
    const holders = this.users.filter((user) => user.roles.includes(role)).map((user) => user.username)
    if (holders.length) throw new MockError('CONFLICT', `Role '${role}' is still held by ${holders.join(', ')}`)
    this.roles.delete(role)
  }

  #assertEditableRole(role: string): void {
    if (role === ADMIN_ROLE) throw new MockError('BAD_REQUEST', "The built-in 'admin' role cannot be edited or removed")
    if (!this.roles.get(role)) throw new MockError('NOT_FOUND', `Role '${role}' does not exist`)
  }

  // ---- clusters ------------------------------------------------------------------------------

  getCluster(id: string): ClusterRecord {
    const cluster = this.clusters.get(id)
    if (!cluster) throw new MockError('NOT_FOUND', `No cluster named '${id}'`)
    return cluster
  }

  runtimeOf(id: string): ClusterRuntime {
    this.getCluster(id)
    return this.runtime.get(id)!
  }

  /** Adds a cluster: named by `cassandra.cluster_name` or `Cluster_<n>`; each seed host becomes a node. */
  async createClusterConfig(input: unknown): Promise<string> {
    const config = parseClusterConfig(input)
    const id = config.cassandra.cluster_name ?? this.#freeClusterId()
    if (!/^[A-Za-z0-9_.-]+$/.test(id))
      throw new MockError('BAD_REQUEST', `cassandra.cluster_name '${id}' may only hold letters, digits, '_', '.' and '-'`)
    if (this.clusters.get(id)) throw new MockError('CONFLICT', `Cluster '${id}' already exists`)
    await this.clusters.insert({ id, config })
    this.runtime.set(id, runtimeFromSeedHosts(id, config.cassandra.seed_hosts))
    return id
  }

  async updateClusterConfig(id: string, input: unknown): Promise<void> {
    this.getCluster(id)
    const config = parseClusterConfig(input)
    await this.clusters.update(id, (draft) => {
      draft.config = config
    })
  }

  /** Removes the cluster and every role's permissions on it. */
  async deleteClusterConfig(id: string): Promise<void> {
    this.getCluster(id)
    this.clusters.delete(id)
    this.runtime.delete(id)
    for (const role of this.roles.filter((record) => Object.hasOwn(record.permissions, id))) {
      await this.roles.update(role.id, (draft) => {
        delete draft.permissions[id]
      })
    }
  }

  #freeClusterId(): string {
    let n = this.clusters.size + 1
    while (this.clusters.get(`Cluster_${n}`)) n++
    return `Cluster_${n}`
  }

  /** Re-runs one rule: same verdict as before (the mock cluster does not change), new run time. */
  runBestPracticeRule(clusterId: string, rule: string): BestPracticeResult {
    const runtime = this.runtimeOf(clusterId)
    const runs = runtime.bestPractice.get(rule)
    if (!runs) throw new MockError('NOT_FOUND', `No best-practice rule named '${rule}'`)
    const result = { ...runs.at(-1)!, run_time: this.clock.nowSeconds() }
    runs.push(result)
    return result
  }

  /**
   * Adds to a cluster's event log at `atSeconds` (default now), in microseconds; the log stays in time
   * order and no two events share a timestamp, so `timestamp` paging never skips or repeats one.
   */
  logEvent(
    clusterId: string,
    event: Omit<EventRecord, 'time' | 'event_source'> & { event_source?: string },
    atSeconds?: number,
  ): EventRecord {
    const events = this.runtimeOf(clusterId).events
    let time = atSeconds === undefined ? this.clock.now() * 1000 : atSeconds * 1_000_000
    while (events.some((existing) => existing.time === time)) time++
    const record: EventRecord = { event_source: 'OpsCenter', ...event, time }
    let index = events.length
    while (index > 0 && events[index - 1]!.time > time) index--
    events.splice(index, 0, record)
    return record
  }

  // ---- LCM -----------------------------------------------------------------------------------

  getLcm(kind: LcmKind, id: string): LcmRecord {
    const record = this.lcm[kind].get(id)
    if (!record) throw new MockError('NOT_FOUND', `No LCM ${LCM_KINDS[kind].type} with id '${id}'`)
    return record
  }

  /** Stores a checked LCM record (the kind's module checks fields and references first). */
  async insertLcm(kind: LcmKind, record: LcmRecord): Promise<LcmRecord> {
    this.#assertLcmShape(kind, record)
    return this.lcm[kind].insert(record)
  }

  async replaceLcm(kind: LcmKind, record: LcmRecord): Promise<LcmRecord> {
    this.#assertLcmShape(kind, record)
    return this.lcm[kind].update(record.id, (draft) => {
      for (const key of Object.keys(draft)) if (!Object.hasOwn(record, key)) Reflect.deleteProperty(draft, key)
      Object.assign(draft, record)
    })
  }

  deleteLcm(kind: LcmKind, id: string): void {
    this.getLcm(kind, id)
    this.lcm[kind].delete(id)
  }

  #assertLcmShape(kind: LcmKind, record: LcmRecord): void {
    const problems = schemaProblems(bundled, LCM_KINDS[kind].schema, record)
    if (problems.length) throw new MockError('BAD_REQUEST', `Invalid ${LCM_KINDS[kind].type}: ${problems.join('; ')}`)
  }
}

/** The `/users` shape: `role` only for users with 0 or 1 roles (OpsCenter keeps it for old clients). */
export function publicUser(user: Pick<UserRecord, 'username' | 'roles'>): User {
  if (user.roles.length > 1) return { username: user.username, roles: [...user.roles] }
  return { username: user.username, roles: [...user.roles], role: user.roles[0] ?? null }
}

function parseClusterConfig(input: unknown): ClusterConfig {
  const problems = schemaProblems(bundled, 'ClusterConfig', input)
  if (problems.length) throw new MockError('BAD_REQUEST', `Invalid cluster configuration: ${problems.join('; ')}`)
  return structuredClone(input as ClusterConfig)
}

function runtimeFromSeedHosts(id: string, seedHosts: string): ClusterRuntime {
  const hosts = seedHosts.split(/[\s,]+/).filter(Boolean)
  const nodes: Node[] = hosts.map((host, index) => ({
    node_ip: host,
    node_name: host,
    dc: 'DC1',
    rack: `RAC${(index % 3) + 1}`,
    last_seen: 0,
    mode: 'normal',
    version: '6.8.35',
    load: 0,
    num_procs: 4,
  }))
  return {
    info: {
      name: id,
      partitioner: 'org.apache.cassandra.dht.Murmur3Partitioner',
      snitch: 'org.apache.cassandra.locator.SimpleSnitch',
      node_count: nodes.length,
      datacenters: ['DC1'],
    },
    nodes,
    diskBytes: new Map(nodes.map((node) => [node.node_ip, 500 * GB])),
    keyspaces: new Map(),
    alertRules: new Map(),
    bestPractice: new Map(),
    schedules: new Map(),
    presets: new Map(),
    defaultPreset: '',
    activity: new Map(nodes.map((node) => [node.node_ip, { downtime: [], compactions: [], agent: false }])),
    events: [],
    notificationsEnabled: true,
    logLevel: 'info',
    ...emptyBackupState(),
  }
}

export const GB = 1024 ** 3

/** The backup and repair state of a cluster nobody has backed up yet: the on-server destination only. */
export function emptyBackupState(): Pick<
  ClusterRuntime,
  'backups' | 'backupActivity' | 'destinations' | 'pit' | 'tableChanges' | 'scheduledBackupsUntil' | 'repair'
> {
  return {
    backups: new Map(),
    backupActivity: [],
    destinations: new Map([['OPSC_ON_SERVER', { id: 'OPSC_ON_SERVER', provider: 'server', path: '' }]]),
    pit: { enabled: false, destination: null, enabledAt: null },
    tableChanges: [],
    scheduledBackupsUntil: new Map(),
    repair: { timeToCompletion: 9 * 86400, started: null },
  }
}
