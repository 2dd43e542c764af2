import type { MockRequest } from '../../core/exchange'
import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { done, onCluster, ok, type ClusterCall, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'
import { readOpscenterBody } from '../request-body'
import { recordTableChange } from '../world/backups'
import type { ClusterRuntime, KeyspaceRecord, TableRecord } from '../store'
import type { Keyspace, Table } from '../spec-types'

const VIEW = PERMISSION.viewCluster
/** Schema changes need Cluster Configuration, the closest documented permission (decisions/105). */
const SCHEMA = PERMISSION.clusterConfiguration
const STRATEGIES = new Set(['SimpleStrategy', 'NetworkTopologyStrategy'])
const CLASS_PREFIX = 'org.apache.cassandra.locator.'
/** Cassandra's rule for keyspace and table names. */
const NAME = /^\w{1,48}$/

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

/** Columns of a table seeded without a CQL definition: a key and a value. */
const DEFAULT_COLUMNS: Array<[string, string]> = [
  ['id', 'uuid'],
  ['data', 'text'],
]

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The table's CQL, as DataStax lists it under `create_query`. */
function createQuery(keyspace: string, name: string, table: TableRecord): string {
  const columns = table.columns ?? DEFAULT_COLUMNS
  const key = table.primaryKey ?? [columns[0]![0]]
  const p = table.properties
  const options = [
    `bloom_filter_fp_chance = ${p.bloom_filter_fp_chance}`,
    `caching = '${p.caching}'`,
    `comment = '${String(p.comment ?? '').replace(/'/g, "''")}'`,
    `compaction = {'class': '${p.compaction_strategy}'}`,
    `default_time_to_live = ${p.default_time_to_live}`,
    `gc_grace_seconds = ${p.gc_grace_seconds}`,
  ]
  return `CREATE TABLE ${quoted(keyspace)}.${quoted(name)} (${columns.map(([column, type]) => `${quoted(column)} ${type}`).join(', ')}, PRIMARY KEY (${key.map(quoted).join(', ')})) WITH ${options.join(' AND ')}`
}

/** A table's wire properties: its settings plus the fields DataStax's example lists (`create_query`, `is_in_memory`, `solr_core`). */
function tableView(keyspace: string, name: string, table: TableRecord): Table {
  return { ...table.properties, create_query: createQuery(keyspace, name, table), is_in_memory: false, solr_core: false }
}

/** The wire shape of a keyspace: `column_families` keyed by table name (DataStax's example), filtered by ksfields/cffields. */
function keyspaceView(name: string, record: KeyspaceRecord, request: MockRequest): Keyspace {
  const cffields = fieldFilter(request, 'cffields')
  const view: Keyspace = {
    replica_placement_strategy: record.replica_placement_strategy,
    strategy_options: { ...record.strategy_options },
    durable_writes: record.durable_writes,
    is_system: isSystemKeyspace(name),
    column_families: Object.fromEntries([...record.tables].map(([table, value]) => [table, pick(tableView(name, table, value), cffields)])),
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

/** CQL types a column may take (the native ones; collections of them as `list<...>`, `set<...>`, `map<..., ...>`). */
const CQL_TYPE =
  /^(ascii|bigint|blob|boolean|counter|date|decimal|double|duration|float|inet|int|smallint|text|time|timestamp|timeuuid|tinyint|uuid|varchar|varint)$|^(list|set)<\w+>$|^map<\w+, ?\w+>$/
/** The table settings a body may set, each with the type it must have. */
const TABLE_SETTINGS: ReadonlyMap<string, 'string' | 'number' | 'integer'> = new Map([
  ['comment', 'string'],
  ['compaction_strategy', 'string'],
  ['caching', 'string'],
  ['bloom_filter_fp_chance', 'number'],
  ['gc_grace_seconds', 'integer'],
  ['default_time_to_live', 'integer'],
])

/**
 * A table from a PUT body, over `previous` when it exists: `columns` (name → CQL type, in order), `primary_key`
 * (default the first column) and settings. Columns can be added to an existing table, never retyped, and its key
 * cannot change. Checked whole before anything changes (decisions/113).
 */
function tableDefinition(body: unknown, keyspace: string, previous: TableRecord | undefined): TableRecord {
  const input = body ?? {}
  if (!isPlainObject(input)) throw new MockError('BAD_REQUEST', 'Expected a JSON object with columns, primary_key and table settings')
  const properties = { ...(previous?.properties ?? tableProperties(keyspace)) }
  for (const [field, value] of Object.entries(input)) {
    if (field === 'columns' || field === 'primary_key') continue
    const type = TABLE_SETTINGS.get(field)
    if (!type) throw new MockError('BAD_REQUEST', `Unknown table setting '${field}'; settings: ${[...TABLE_SETTINGS.keys()].join(', ')}`)
    const fits = type === 'integer' ? Number.isInteger(value) && (value as number) >= 0 : typeof value === type
    if (!fits) throw new MockError('BAD_REQUEST', `Table setting '${field}' must be ${type === 'integer' ? 'a whole number' : `a ${type}`}`)
    Object.defineProperty(properties, field, { value, enumerable: true, writable: true, configurable: true })
  }
  const columns: Array<[string, string]> = [...(previous?.columns ?? (previous ? DEFAULT_COLUMNS : []))]
  if (input.columns !== undefined) {
    if (!isPlainObject(input.columns)) throw new MockError('BAD_REQUEST', "Field 'columns' must be an object of column name to CQL type")
    for (const [column, type] of Object.entries(input.columns)) {
      if (!NAME.test(column)) throw new MockError('BAD_REQUEST', `Column names are 1-48 letters, digits or '_', got '${column}'`)
      if (typeof type !== 'string' || !CQL_TYPE.test(type.trim().toLowerCase()))
        throw new MockError('BAD_REQUEST', `Column '${column}' needs a CQL type such as text, int or uuid, got ${JSON.stringify(type)}`)
      const existing = columns.find(([name]) => name === column)
      if (existing && existing[1] !== type.trim().toLowerCase())
        throw new MockError('BAD_REQUEST', `Column '${column}' is ${existing[1]}; a column's type cannot change`)
      if (!existing) columns.push([column, type.trim().toLowerCase()])
    }
  }
  if (!columns.length) throw new MockError('BAD_REQUEST', 'A new table needs \'columns\', e.g. {"id": "uuid", "total": "decimal"}')
  const primaryKey = previous ? (previous.primaryKey ?? [columns[0]![0]]) : undefined
  const askedKey = input.primary_key
  if (askedKey !== undefined) {
    if (!Array.isArray(askedKey) || !askedKey.length || !askedKey.every((column) => typeof column === 'string'))
      throw new MockError('BAD_REQUEST', "Field 'primary_key' must be a list of column names")
    for (const column of askedKey)
      if (!columns.some(([name]) => name === column))
        throw new MockError('BAD_REQUEST', `Primary key column '${column}' is not a column of the table`)
    if (primaryKey && askedKey.join() !== primaryKey.join()) throw new MockError('BAD_REQUEST', "A table's primary key cannot change")
  }
  return {
    properties,
    bytes: previous?.bytes ?? 0,
    nodesyncSince: previous?.nodesyncSince,
    columns,
    primaryKey: primaryKey ?? (askedKey as string[] | undefined) ?? [columns[0]![0]],
  }
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
  'listKeyspaces' | 'getKeyspace' | 'putKeyspace' | 'dropKeyspace' | 'getTable' | 'putTable' | 'dropTable' | 'truncateTable'
> = {
  listKeyspaces: onCluster(VIEW, ({ store, clusterId, request }) =>
    ok(Object.fromEntries([...store.runtimeOf(clusterId).keyspaces].map(([name, record]) => [name, keyspaceView(name, record, request)]))),
  ),

  getKeyspace: onCluster(VIEW, ({ store, clusterId, params, request }) =>
    ok(keyspaceView(params.keyspace!, keyspaceOf(store.runtimeOf(clusterId), params.keyspace!, clusterId), request)),
  ),

  putKeyspace: onCluster(SCHEMA, (call) => {
    const name = call.params.keyspace!
    const runtime = call.store.runtimeOf(call.clusterId)
    refuseSystem(name, 'change replication')
    if (!NAME.test(name)) throw new MockError('BAD_REQUEST', `Keyspace names are 1-48 letters, digits or '_', got '${name}'`)
    const previous = runtime.keyspaces.get(name)
    const settings = replication(readOpscenterBody(call.request), previous)
    const record: KeyspaceRecord = { ...settings, tables: previous?.tables ?? new Map() }
    runtime.keyspaces.set(name, record)
    logSchemaChange(call, `${previous ? 'Altered' : 'Created'} keyspace ${name}`)
    return { status: previous ? 200 : 201, json: keyspaceView(name, record, call.request) }
  }),

  dropKeyspace: onCluster(SCHEMA, (call) => {
    const name = call.params.keyspace!
    const runtime = call.store.runtimeOf(call.clusterId)
    keyspaceOf(runtime, name, call.clusterId)
    refuseSystem(name, 'drop keyspaces')
    for (const table of runtime.keyspaces.get(name)!.tables.keys()) recordTableChange(call.store, call.clusterId, name, table, null)
    runtime.keyspaces.delete(name)
    logSchemaChange(call, `Dropped keyspace ${name}`)
    return done()
  }),

  getTable: onCluster(VIEW, ({ store, clusterId, params }) =>
    ok(tableView(params.keyspace!, params.cf_name!, tableOf(store.runtimeOf(clusterId), params.keyspace!, params.cf_name!, clusterId))),
  ),

  putTable: onCluster(SCHEMA, (call) => {
    const { keyspace, cf_name: name } = call.params as { keyspace: string; cf_name: string }
    const runtime = call.store.runtimeOf(call.clusterId)
    const record = keyspaceOf(runtime, keyspace, call.clusterId)
    refuseSystem(keyspace, 'create or alter tables')
    if (!NAME.test(name)) throw new MockError('BAD_REQUEST', `Table names are 1-48 letters, digits or '_', got '${name}'`)
    const previous = record.tables.get(name)
    const table = tableDefinition(readOpscenterBody(call.request), keyspace, previous)
    record.tables.set(name, table)
    if (!previous) recordTableChange(call.store, call.clusterId, keyspace, name, 0)
    logSchemaChange(call, `${previous ? 'Altered' : 'Created'} table ${keyspace}.${name}`)
    return { status: previous ? 200 : 201, json: tableView(keyspace, name, table) }
  }),

  dropTable: onCluster(SCHEMA, (call) => {
    const { keyspace, cf_name } = call.params
    const runtime = call.store.runtimeOf(call.clusterId)
    tableOf(runtime, keyspace!, cf_name!, call.clusterId)
    refuseSystem(keyspace!, 'drop tables')
    runtime.keyspaces.get(keyspace!)!.tables.delete(cf_name!)
    recordTableChange(call.store, call.clusterId, keyspace!, cf_name!, null)
    logSchemaChange(call, `Dropped table ${keyspace}.${cf_name}`)
    return done()
  }),

  truncateTable: onCluster(SCHEMA, (call) => {
    const { ks_name, cf_name } = call.params
    const table = tableOf(call.store.runtimeOf(call.clusterId), ks_name!, cf_name!, call.clusterId)
    refuseSystem(ks_name!, 'truncate tables')
    table.bytes = 0
    recordTableChange(call.store, call.clusterId, ks_name!, cf_name!, 0)
    logSchemaChange(call, `Truncated table ${ks_name}.${cf_name}`)
    return done()
  }),
}
