import spec from '../generated/opscenter.openapi.json'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { Clock } from '../core/clock'
import { isPlainObject } from '../core/body'
import { MockError } from '../core/mock-error'
import { ownValue } from '../core/own'
import { schemaProblems, specSchema, type BundledSpec } from '../core/spec-schema'
import { Table } from '../core/table'
import { ADMIN_ROLE, allPermissions, mergePermissions, withoutHiddenClusters, type Principal } from './permissions'
import type {
  AlertRule,
  BestPracticeResult,
  ClusterConfig,
  ClusterInfo,
  FiredAlert,
  Keyspace,
  LcmCluster,
  LcmMachineCredential,
  LcmRepository,
  Node,
  PermissionMap,
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

/** What a cluster reports at run time (OpsCenter learns it from agents); plain data, not configuration. */
export interface ClusterRuntime {
  info: ClusterInfo
  nodes: Node[]
  /** Disk size per node ip, in bytes. */
  diskBytes: Map<string, number>
  keyspaces: Record<string, Keyspace>
  keyspaceBytes: Record<string, number>
  firedAlerts: FiredAlert[]
  alertRules: AlertRule[]
  bestPractice: Record<string, BestPracticeResult>
}

export const LCM_KINDS = {
  repositories: { type: 'repository', schema: 'LcmRepository' },
  machine_credentials: { type: 'machine_credential', schema: 'LcmMachineCredential' },
  clusters: { type: 'cluster', schema: 'LcmCluster' },
} as const
export type LcmKind = keyof typeof LCM_KINDS
export type LcmObject = LcmRepository | LcmMachineCredential | LcmCluster

/** Write-only LCM fields: accepted on create, never stored in the returned object (decisions/026). */
const LCM_SECRETS = new Set(['login-password', 'become-password', 'ssh-private-key', 'password'])

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
  readonly lcm: { [K in LcmKind]: Table<LcmObject> } = {
    repositories: new Table(specSchema<LcmObject>(bundled, 'LcmRepository')),
    machine_credentials: new Table(specSchema<LcmObject>(bundled, 'LcmMachineCredential')),
    clusters: new Table(specSchema<LcmObject>(bundled, 'LcmCluster')),
  }
  readonly passwords = new Map<string, string>()
  readonly runtime = new Map<string, ClusterRuntime>()

  constructor(clock: Clock) {
    this.clock = clock
  }

  clear(): void {
    this.users.clear()
    this.roles.clear()
    this.clusters.clear()
    for (const table of Object.values(this.lcm)) table.clear()
    this.passwords.clear()
    this.runtime.clear()
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
    const previous = ownValue(runtime.bestPractice, rule)
    if (!previous) throw new MockError('NOT_FOUND', `No best-practice rule named '${rule}'`)
    const result = { ...previous, run_time: this.clock.nowSeconds() }
    runtime.bestPractice[rule] = result
    return result
  }

  // ---- LCM -----------------------------------------------------------------------------------

  getLcm(kind: LcmKind, id: string): LcmObject {
    const record = this.lcm[kind].get(id)
    if (!record) throw new MockError('NOT_FOUND', `No LCM ${LCM_KINDS[kind].type} with id '${id}'`)
    return record
  }

  async createLcm(kind: LcmKind, input: unknown, id: string = globalThis.crypto.randomUUID()): Promise<LcmObject> {
    if (!isPlainObject(input)) throw new MockError('BAD_REQUEST', `Expected a JSON object with the new ${LCM_KINDS[kind].type}'s fields`)
    if (typeof input.name !== 'string' || input.name.trim() === '')
      throw new MockError('BAD_REQUEST', "Missing required field 'name' (a non-empty string)")
    const fields = Object.fromEntries(
      Object.entries(input).filter(([key]) => !LCM_SECRETS.has(key) && !['id', 'href', 'type'].includes(key)),
    )
    const record = { ...fields, id, href: `/api/v2/lcm/${kind}/${id}/`, type: LCM_KINDS[kind].type, name: input.name } as LcmObject
    const problems = schemaProblems(bundled, LCM_KINDS[kind].schema, record)
    if (problems.length) throw new MockError('BAD_REQUEST', `Invalid ${LCM_KINDS[kind].type}: ${problems.join('; ')}`)
    return this.lcm[kind].insert(record)
  }

  deleteLcm(kind: LcmKind, id: string): void {
    this.getLcm(kind, id)
    this.lcm[kind].delete(id)
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
    keyspaces: {},
    keyspaceBytes: {},
    firedAlerts: [],
    alertRules: [],
    bestPractice: {},
  }
}

export const GB = 1024 ** 3
