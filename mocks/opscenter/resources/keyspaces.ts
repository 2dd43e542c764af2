import type { MockRequest } from '../../core/exchange'
import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { done, onCluster, ok, type ClusterCall, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'
import { readOpscenterBody } from '../request-body'
import type { ClusterRuntime, KeyspaceRecord, TableRecord } from '../store'
import type { Keyspace, Table } from '../spec-types'

const VIEW = PERMISSION.viewCluster
/** Schema changes need Cluster Configuration, the closest documented permission (decisions/105). */
const SCHEMA = PERMISSION.clusterConfiguration
const STRATEGIES = new Set(['SimpleStrategy', 'NetworkTopologyStrategy'])
const CLASS_PREFIX = 'org.apache.cassandra.locator.'

/** Keyspaces Cassandra and OpsCenter own: they cannot be altered, dropped or truncated through the API. */
export function isSystemKeyspace(name: string): boolean {
  return name.startsWith('system') || name === 'dse_system' || name === 'OpsCenter'
}

/** The properties a seeded or new table has. */
export function tableProperties(keyspace: string): Table {
  return {
    comment: '',
    compaction_strategy: `org.apache.cassandra.db.compaction.${isSystemKeyspace(keyspace) ? 'LeveledCompactionStrategy' : 'SizeTieredCompactionStrategy'}`,
    compaction_strategy_options: {},
    gc_grace_seconds: 864000,
    bloom_filter_fp_chance: 0.01,
    caching: 'KEYS_ONLY',
    default_time_to_live: 0,
    nodesync: false,
  }
}

/** `ksfields` / `cffields` as sets of names, or undefined for "all". */
function fieldFilter(request: MockRequest, name: string): Set<string> | undefined {
  const raw = request.query.get(name)
  return raw
    ? new Set(
        raw
          .split(',')
          .map((field) => field.trim())
          .filter(Boolean),
      )
    : undefined
}

function pick<T extends object>(value: T, fields: Set<string> | undefined): T {
  return fields ? (Object.fromEntries(Object.entries(value).filter(([key]) => fields.has(key))) as T) : value
}

/** The wire shape of a keyspace: `column_families` keyed by table name (DataStax's example), filtered by ksfields/cffields. */
function keyspaceView(record: KeyspaceRecord, request: MockRequest): Keyspace {
  const cffields = fieldFilter(request, 'cffields')
  const view: Keyspace = {
    replica_placement_strategy: record.replica_placement_strategy,
    strategy_options: { ...record.strategy_options },
    durable_writes: record.durable_writes,
    column_families: Object.fromEntries([...record.tables].map(([name, table]) => [name, pick({ ...table.properties }, cffields)])),
  }
  return pick(view, fieldFilter(request, 'ksfields'))
}

function keyspaceOf(runtime: ClusterRuntime, name: string, clusterId: string): KeyspaceRecord {
  const found = runtime.keyspaces.get(name)
  if (!found) throw new MockError('NOT_FOUND', `No keyspace '${name}' in cluster '${clusterId}'`)
  return found
}

function tableOf(runtime: ClusterRuntime, keyspace: string, table: string, clusterId: string): TableRecord {
  const found = keyspaceOf(runtime, keyspace, clusterId).tables.get(table)
  if (!found) throw new MockError('NOT_FOUND', `No table '${keyspace}.${table}' in cluster '${clusterId}'`)
  return found
}

function refuseSystem(keyspace: string, what: string): void {
  if (isSystemKeyspace(keyspace)) throw new MockError('BAD_REQUEST', `Cannot ${what} in the system keyspace '${keyspace}'`)
}

/** Replication from a PUT body, merged over the keyspace's current settings; checked whole before anything changes. */
function replication(body: unknown, previous: KeyspaceRecord | undefined) {
  if (!isPlainObject(body))
    throw new MockError('BAD_REQUEST', 'Expected a JSON object with strategy_class, strategy_options and durable_writes')
  const rawClass = body.strategy_class ?? body.replica_placement_strategy ?? previous?.replica_placement_strategy
  if (typeof rawClass !== 'string') throw new MockError('BAD_REQUEST', "Missing required field 'strategy_class'")
  const short = rawClass.startsWith(CLASS_PREFIX) ? rawClass.slice(CLASS_PREFIX.length) : rawClass
  if (!STRATEGIES.has(short))
    throw new MockError('BAD_REQUEST', `Field 'strategy_class' must be SimpleStrategy or NetworkTopologyStrategy, got '${rawClass}'`)
  const rawOptions = body.strategy_options ?? previous?.strategy_options
  if (!isPlainObject(rawOptions)) throw new MockError('BAD_REQUEST', "Field 'strategy_options' must be an object of replication factors")
  const options: Record<string, string> = {}
  for (const [key, value] of Object.entries(rawOptions)) {
    const factor = typeof value === 'number' ? String(value) : value
    if (typeof factor !== 'string' || !/^\d+$/.test(factor))
      throw new MockError('BAD_REQUEST', `Replication factor '${key}' must be a whole number, got ${JSON.stringify(value)}`)
    Object.defineProperty(options, key, { value: factor, enumerable: true, writable: true, configurable: true })
  }
  if (short === 'SimpleStrategy' && !Object.hasOwn(options, 'replication_factor'))
    throw new MockError('BAD_REQUEST', 'SimpleStrategy needs strategy_options.replication_factor')
  if (short === 'NetworkTopologyStrategy' && Object.hasOwn(options, 'replication_factor'))
    throw new MockError('BAD_REQUEST', 'NetworkTopologyStrategy takes a replication factor per datacenter, not replication_factor')
  const durable = body.durable_writes ?? previous?.durable_writes ?? true
  if (typeof durable !== 'boolean') throw new MockError('BAD_REQUEST', "Field 'durable_writes' must be true or false")
  return { replica_placement_strategy: CLASS_PREFIX + short, strategy_options: options, durable_writes: durable }
}

function logSchemaChange(call: ClusterCall, message: string): void {
  call.store.logEvent(call.clusterId, {
    action: 40,
    level: 1,
    level_str: 'INFO',
    message,
    source_node: null,
    target_node: null,
    api_source_ip: null,
    user: call.principal.username ?? null,
    success: true,
  })
}

/** Keyspaces and their tables; names are Map keys, so `toString` or `__proto__` are just names (decisions/105). */
export const keyspaceHandlers: ResourceHandlers<
  'listKeyspaces' | 'getKeyspace' | 'putKeyspace' | 'dropKeyspace' | 'getTable' | 'dropTable' | 'truncateTable'
> = {
  listKeyspaces: onCluster(VIEW, ({ store, clusterId, request }) =>
    ok(Object.fromEntries([...store.runtimeOf(clusterId).keyspaces].map(([name, record]) => [name, keyspaceView(record, request)]))),
  ),

  getKeyspace: onCluster(VIEW, ({ store, clusterId, params, request }) =>
    ok(keyspaceView(keyspaceOf(store.runtimeOf(clusterId), params.keyspace!, clusterId), request)),
  ),

  putKeyspace: onCluster(SCHEMA, (call) => {
    const name = call.params.keyspace!
    const runtime = call.store.runtimeOf(call.clusterId)
    refuseSystem(name, 'change replication')
    if (!/^\w{1,48}$/.test(name)) throw new MockError('BAD_REQUEST', `Keyspace names are 1-48 letters, digits or '_', got '${name}'`)
    const previous = runtime.keyspaces.get(name)
    const settings = replication(readOpscenterBody(call.request), previous)
    const record: KeyspaceRecord = { ...settings, tables: previous?.tables ?? new Map() }
    runtime.keyspaces.set(name, record)
    logSchemaChange(call, `${previous ? 'Altered' : 'Created'} keyspace ${name}`)
    return { status: previous ? 200 : 201, json: keyspaceView(record, call.request) }
  }),

  dropKeyspace: onCluster(SCHEMA, (call) => {
    const name = call.params.keyspace!
    const runtime = call.store.runtimeOf(call.clusterId)
    keyspaceOf(runtime, name, call.clusterId)
    refuseSystem(name, 'drop keyspaces')
    runtime.keyspaces.delete(name)
    logSchemaChange(call, `Dropped keyspace ${name}`)
    return done()
  }),

  getTable: onCluster(VIEW, ({ store, clusterId, params }) =>
    ok({ ...tableOf(store.runtimeOf(clusterId), params.keyspace!, params.cf_name!, clusterId).properties }),
  ),

  dropTable: onCluster(SCHEMA, (call) => {
    const { keyspace, cf_name } = call.params
    const runtime = call.store.runtimeOf(call.clusterId)
    tableOf(runtime, keyspace!, cf_name!, call.clusterId)
    refuseSystem(keyspace!, 'drop tables')
    runtime.keyspaces.get(keyspace!)!.tables.delete(cf_name!)
    logSchemaChange(call, `Dropped table ${keyspace}.${cf_name}`)
    return done()
  }),

  truncateTable: onCluster(SCHEMA, (call) => {
    const { ks_name, cf_name } = call.params
    const table = tableOf(call.store.runtimeOf(call.clusterId), ks_name!, cf_name!, call.clusterId)
    refuseSystem(ks_name!, 'truncate tables')
    table.bytes = 0
    logSchemaChange(call, `Truncated table ${ks_name}.${cf_name}`)
    return done()
  }),
}
