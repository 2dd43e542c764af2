import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { created, done, flagParam, integerParam, onCluster, ok, type ClusterCall, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'
import { readOpscenterBody } from '../request-body'
import type { BackupActivityRecord, BackupRecord, ClusterRuntime, DestinationRecord, OpscenterStore } from '../store'
import { isoTime, liveBackup, logRestore, PIT_INTERVAL, pitBase, restoreName, tablesOf, takeBackup, userKeyspaces } from '../world/backups'
import { startRequest, stateOf, STEP_SECONDS } from '../world/requests'

const VIEW = PERMISSION.viewCluster
const BACKUP = PERMISSION.backup
const PROVIDERS = new Set(['server', 'local', 's3', 'azure'])
/** Write-only destination fields. */
const SECRETS = new Set(['access_secret', 'key', 'secret', '__proto__'])

/**
 * The wire shape of a backup, as DataStax's example: keyspaces → {cfs, nodes, size}. `nodes` are the nodes that
 * report the backup: every node that took it when one agent reads the destination's whole index (`list_all`),
 * else the ones still in the cluster (each agent reports its own snapshots).
 */
function backupView(backup: BackupRecord, reporting: (ip: string) => boolean, onlyKeyspace?: string) {
  const keyspaces = Object.fromEntries(
    [...backup.keyspaces]
      .filter(([name]) => onlyKeyspace === undefined || name === onlyKeyspace)
      .map(([name, tables]) => [
        name,
        {
          cfs: [...tables.keys()],
          nodes: backup.nodes.filter(reporting),
          size: [...tables.values()].reduce((sum, bytes) => sum + bytes, 0),
        },
      ]),
  )
  return { id: backup.source, time: backup.time, keyspaces, destinations: [...backup.destinations] }
}

function destinationView(runtime: ClusterRuntime, id: string) {
  const destination = runtime.destinations.get(id)
  return destination ? { id: destination.id, provider: destination.provider, path: destination.path } : { id, provider: 'server', path: '' }
}

/** ISO-like `YYYYWW` of a time, as the activity's `week`. */
function week(seconds: number): string {
  const date = new Date(seconds * 1000)
  const start = Date.UTC(date.getUTCFullYear(), 0, 1)
  return `${date.getUTCFullYear()}${String(Math.ceil((seconds * 1000 - start) / (7 * 86400_000) + 1e-9)).padStart(2, '0')}`
}

function activityView(store: OpscenterStore, runtime: ClusterRuntime, entry: BackupActivityRecord) {
  const request = entry.requestId ? store.requests.get(entry.requestId) : undefined
  return {
    backup_id: entry.backupId,
    type: entry.type,
    time: entry.time,
    status: request && stateOf(store, request) === 'running' ? ('in_progress' as const) : ('success' as const),
    keyspaces: entry.keyspaces,
    destination: destinationView(runtime, entry.destination),
    deleted_at: runtime.backups.get(entry.backupId)?.deletedAt ?? null,
    week: week(entry.time),
    request_id: entry.requestId,
    ...(entry.pitTime === undefined ? {} : { point_in_time: entry.pitTime }),
  }
}

function visibleBackups(store: OpscenterStore, runtime: ClusterRuntime): BackupRecord[] {
  const now = store.clock.nowSeconds()
  return [...runtime.backups.values()].filter((backup) => backup.deletedAt === null && backup.time <= now).sort((a, b) => b.time - a.time)
}

function destinationOf(runtime: ClusterRuntime, id: string, clusterId: string): DestinationRecord {
  const found = runtime.destinations.get(id)
  if (!found) throw new MockError('NOT_FOUND', `No backup destination '${id}' in cluster '${clusterId}'`)
  return found
}

function stringList(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw new MockError('BAD_REQUEST', `Field '${field}' must be a list of strings`)
  return value as string[]
}

/** A destination from a body, merged over `previous`; checked whole, secrets dropped. */
function checkedDestination(body: unknown, id: string, previous?: DestinationRecord): DestinationRecord {
  if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', 'Expected a JSON object with provider and path')
  const fields = Object.fromEntries(Object.entries(body).filter(([key]) => !SECRETS.has(key) && key !== 'id'))
  const destination = { ...previous, ...fields, id } as DestinationRecord
  if (!PROVIDERS.has(destination.provider))
    throw new MockError('BAD_REQUEST', `Field 'provider' must be one of ${[...PROVIDERS].join(', ')}`)
  if (typeof destination.path !== 'string') throw new MockError('BAD_REQUEST', "Field 'path' must be a string")
  if (destination.provider === 's3' && !previous && (typeof body.access_key !== 'string' || typeof body.access_secret !== 'string'))
    throw new MockError('BAD_REQUEST', "An s3 destination needs 'access_key' and 'access_secret'")
  return destination
}

/** Starts a backup-service request on the up nodes (a backup, sync or restore). */
function serviceRequest(
  call: ClusterCall,
  action: string,
  extra: { backup?: string; keyspace?: string; tables?: string[]; pitTime?: number } = {},
) {
  const nodes = call.store
    .runtimeOf(call.clusterId)
    .nodes.filter((node) => node.mode !== 'unknown')
    .map((node) => node.node_ip)
  return startRequest(call.store, { clusterId: call.clusterId, action, nodes, user: call.principal.username ?? null, ...extra })
}

/** The optional point in time of a restore: body `{"timestamp": <epoch seconds>}` (decisions/111). */
function pitTimeOf(body: unknown): number | undefined {
  if (body === undefined) return undefined
  if (!isPlainObject(body) || (body.timestamp !== undefined && !Number.isInteger(body.timestamp)))
    throw new MockError('BAD_REQUEST', 'Expected no body, or {"timestamp": <epoch seconds>} for a point-in-time restore')
  return body.timestamp as number | undefined
}

function restore(scope: 'backup' | 'keyspace' | 'table') {
  return onCluster(BACKUP, (call) => {
    const runtime = call.store.runtimeOf(call.clusterId)
    const backup = liveBackup(call.store, call.clusterId, call.params.tag!)
    const keyspace = call.params.ks_name
    const table = call.params.cf_name
    const pitTime = pitTimeOf(readOpscenterBody(call.request))
    if (keyspace !== undefined && !backup.keyspaces.has(keyspace))
      throw new MockError('NOT_FOUND', `Backup '${backup.tag}' holds no keyspace '${keyspace}'`)
    if (table !== undefined && !backup.keyspaces.get(keyspace!)!.has(table))
      throw new MockError('NOT_FOUND', `Backup '${backup.tag}' holds no table '${keyspace}.${table}'`)
    const restoring = scope === 'backup' ? [...backup.keyspaces.keys()] : [keyspace!]
    if (!restoring.some((name) => runtime.keyspaces.has(name)))
      throw new MockError('BAD_REQUEST', `Keyspace(s) ${restoring.join(', ')} no longer exist; create them before restoring`)
    if (pitTime !== undefined) {
      const { reason } = pitBase(call.store, call.clusterId, pitTime, backup)
      if (reason) throw new MockError('BAD_REQUEST', `Cannot restore backup ${backup.tag} to ${isoTime(pitTime)}: ${reason}`)
    }
    const request = serviceRequest(call, 'restore', { backup: backup.tag, keyspace, tables: table ? [table] : undefined, pitTime })
    const keyspaces = Object.fromEntries(
      Object.entries(tablesOf(backup))
        .filter(([name]) => !keyspace || name === keyspace)
        .map(([name, tables]) => [name, table ? [table] : tables]),
    )
    runtime.backupActivity.push({
      backupId: backup.tag,
      type: 'restore',
      time: call.store.clock.nowSeconds(),
      requestId: request.id,
      keyspaces,
      destination: backup.destinations[0] ?? 'OPSC_ON_SERVER',
      pitTime,
    })
    logRestore(call.store, call.clusterId, `${restoreName(backup.tag, pitTime)} started`, call.principal.username ?? null, null)
    return ok(request.id)
  })
}

/**
 * The backups a listing answers (`/backups` and `/backups/{ks}`), with DataStax's parameters: `match` (a schedule
 * id or `adhoc`), `last_seen` (only those taken before that backup), `amount`, `destination` and `list_all`
 * (one agent reads the destination's whole index, so backups whose nodes have left are listed too).
 */
function listedBackups(call: ClusterCall, keyspace?: string) {
  const { store, clusterId, request } = call
  const runtime = store.runtimeOf(clusterId)
  const match = request.query.get('match')
  const destination = request.query.get('destination')
  const lastSeen = request.query.get('last_seen')
  const before = lastSeen ? runtime.backups.get(lastSeen)?.time : undefined
  if (lastSeen && before === undefined) throw new MockError('NOT_FOUND', `No backup '${lastSeen}' in cluster '${clusterId}'`)
  const amount = integerParam(request, 'amount', Number.MAX_SAFE_INTEGER, [1, Number.MAX_SAFE_INTEGER])
  const listAll = flagParam(request, 'list_all', false)
  if (listAll && !destination) throw new MockError('BAD_REQUEST', "'list_all=1' reads one destination's index: name it with 'destination'")
  if (destination) destinationOf(runtime, destination, clusterId)
  const members = new Set(runtime.nodes.map((node) => node.node_ip))
  const reporting = listAll ? () => true : (ip: string) => members.has(ip)
  const backups = visibleBackups(store, runtime)
    .filter((backup) => keyspace === undefined || backup.keyspaces.has(keyspace))
    .filter((backup) => !match || backup.source === match)
    .filter((backup) => !destination || backup.destinations.includes(destination))
    .filter((backup) => before === undefined || backup.time < before)
    .filter((backup) => backup.nodes.some(reporting))
    .slice(0, amount)
  return ok(Object.fromEntries(backups.map((backup) => [backup.tag, backupView(backup, reporting, keyspace)])))
}

/** Backups, restores, point-in-time archiving and destinations (decisions/107). */
export const backupHandlers: ResourceHandlers<
  | 'listBackupActivity'
  | 'listBackups'
  | 'deleteBackup'
  | 'listKeyspaceBackups'
  | 'runBackup'
  | 'syncBackup'
  | 'getPitConfig'
  | 'enablePit'
  | 'disablePit'
  | 'listPitLogs'
  | 'checkPitRestore'
  | 'restoreBackup'
  | 'restoreKeyspaceBackup'
  | 'restoreTableBackup'
  | 'listBackupDestinations'
  | 'createBackupDestination'
  | 'getBackupDestination'
  | 'updateBackupDestination'
  | 'deleteBackupDestination'
> = {
  listBackupActivity: onCluster(VIEW, ({ store, clusterId, request }) => {
    const runtime = store.runtimeOf(clusterId)
    const count = integerParam(request, 'count', 10, [1, 10000])
    const reverse = flagParam(request, 'reverse', false)
    const timestamp = integerParam(request, 'timestamp', reverse ? 0 : Number.MAX_SAFE_INTEGER)
    const type = request.query.get('filter_type')
    const live = flagParam(request, 'filter_live', false)
    const success = flagParam(request, 'filter_success', false)
    // DataStax: "if provided any records before the indicated backup_id are not included in the results".
    const firstId = request.query.get('first_backup_id')
    const firstTime = firstId ? runtime.backupActivity.find((entry) => entry.backupId === firstId)?.time : undefined
    if (firstId && firstTime === undefined)
      throw new MockError('NOT_FOUND', `No backup '${firstId}' in the activity of cluster '${clusterId}'`)
    const entries = runtime.backupActivity
      .map((entry) => activityView(store, runtime, entry))
      .filter((entry) => (reverse ? entry.time >= timestamp : entry.time <= timestamp))
      .filter((entry) => !type || entry.type === type)
      .filter((entry) => !live || entry.deleted_at === null)
      .filter((entry) => !success || entry.status === 'success')
      .filter((entry) => firstTime === undefined || entry.time >= firstTime)
      .sort((a, b) => (reverse ? a.time - b.time : b.time - a.time))
    return ok(entries.slice(0, count))
  }),

  listBackups: onCluster(VIEW, (call) => listedBackups(call)),

  deleteBackup: onCluster(BACKUP, ({ store, clusterId, request }) => {
    const tag = request.query.get('tag')
    if (!tag) throw new MockError('BAD_REQUEST', "Query parameter 'tag' (the backup id) is required")
    const backup = liveBackup(store, clusterId, tag)
    const now = store.clock.nowSeconds()
    backup.deletedAt = now
    store.runtimeOf(clusterId).backupActivity.push({
      backupId: tag,
      type: 'delete',
      time: now,
      requestId: null,
      keyspaces: tablesOf(backup),
      destination: backup.destinations[0] ?? 'OPSC_ON_SERVER',
    })
    return done()
  }),

  listKeyspaceBackups: onCluster(VIEW, (call) => {
    const keyspace = call.params.ks_name!
    if (!call.store.runtimeOf(call.clusterId).keyspaces.has(keyspace))
      throw new MockError('NOT_FOUND', `No keyspace '${keyspace}' in cluster '${call.clusterId}'`)
    return listedBackups(call, keyspace)
  }),

  runBackup: onCluster(BACKUP, (call) => {
    const runtime = call.store.runtimeOf(call.clusterId)
    const body = readOpscenterBody(call.request) ?? {}
    if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', 'Expected {"keyspaces": [...], "destinations": [...]}')
    const keyspaces = stringList(body.keyspaces, 'keyspaces') ?? userKeyspaces(call.store, call.clusterId)
    const destinations = stringList(body.destinations, 'destinations') ?? ['OPSC_ON_SERVER']
    for (const name of keyspaces)
      if (!runtime.keyspaces.has(name)) throw new MockError('NOT_FOUND', `No keyspace '${name}' in cluster '${call.clusterId}'`)
    for (const id of destinations) destinationOf(runtime, id, call.clusterId)
    if (!keyspaces.length) throw new MockError('BAD_REQUEST', 'Nothing to back up: name at least one keyspace')
    const request = serviceRequest(call, 'backup')
    takeBackup(call.store, call.clusterId, {
      source: 'adhoc',
      time: call.store.clock.nowSeconds() + STEP_SECONDS,
      keyspaces,
      destinations,
      requestId: request.id,
    })
    return ok(request.id)
  }),

  syncBackup: onCluster(BACKUP, (call) => {
    const runtime = call.store.runtimeOf(call.clusterId)
    const body = readOpscenterBody(call.request)
    if (!isPlainObject(body) || typeof body.tag !== 'string' || typeof body.destination !== 'string')
      throw new MockError('BAD_REQUEST', 'Expected {"tag": "<backup id>", "destination": "<destination id>"}')
    const backup = liveBackup(call.store, call.clusterId, body.tag)
    destinationOf(runtime, body.destination, call.clusterId)
    const request = serviceRequest(call, 'sync')
    if (!backup.destinations.includes(body.destination)) backup.destinations.push(body.destination)
    runtime.backupActivity.push({
      backupId: backup.tag,
      type: 'sync',
      time: call.store.clock.nowSeconds(),
      requestId: request.id,
      keyspaces: tablesOf(backup),
      destination: body.destination,
    })
    return ok(request.id)
  }),

  getPitConfig: onCluster(VIEW, ({ store, clusterId }) => {
    const { pit } = store.runtimeOf(clusterId)
    return ok({ enabled: pit.enabled, destination: pit.destination, enabled_at: pit.enabledAt })
  }),

  enablePit: onCluster(BACKUP, ({ store, clusterId, request }) => {
    const runtime = store.runtimeOf(clusterId)
    const body = readOpscenterBody(request) ?? {}
    if (!isPlainObject(body) || (body.destination !== undefined && typeof body.destination !== 'string'))
      throw new MockError('BAD_REQUEST', 'Expected {"destination": "<destination id>"}')
    const destination = destinationOf(runtime, (body.destination as string | undefined) ?? 'OPSC_ON_SERVER', clusterId).id
    if (!runtime.pit.enabled) runtime.pit = { enabled: true, destination, enabledAt: store.clock.nowSeconds() }
    else runtime.pit.destination = destination
    return done()
  }),

  disablePit: onCluster(BACKUP, ({ store, clusterId }) => {
    store.runtimeOf(clusterId).pit = { enabled: false, destination: null, enabledAt: null }
    return done()
  }),

  listPitLogs: onCluster(VIEW, ({ store, clusterId }) => {
    const runtime = store.runtimeOf(clusterId)
    if (!runtime.pit.enabled) return ok({})
    const now = store.clock.nowSeconds()
    const latest = Math.max(runtime.pit.enabledAt!, Math.floor(now / PIT_INTERVAL) * PIT_INTERVAL)
    return ok(
      Object.fromEntries(runtime.nodes.map((node) => [node.node_ip, node.mode === 'unknown' ? Math.min(latest, node.last_seen) : latest])),
    )
  }),

  checkPitRestore: onCluster(VIEW, ({ store, clusterId, request }) => {
    const runtime = store.runtimeOf(clusterId)
    const body = readOpscenterBody(request)
    if (!isPlainObject(body) || !Number.isInteger(body.timestamp))
      throw new MockError('BAD_REQUEST', 'Expected {"timestamp": <epoch seconds>}')
    const at = body.timestamp as number
    const verdict = pitBase(store, clusterId, at)
    // An invalid time still names the newest backup before it: what a plain restore would use.
    const fallback = visibleBackups(store, runtime).find((backup) => backup.time <= at)
    return ok({ valid: verdict.reason === null, backup_id: (verdict.base ?? fallback)?.tag ?? null, reason: verdict.reason })
  }),

  restoreBackup: restore('backup'),
  restoreKeyspaceBackup: restore('keyspace'),
  restoreTableBackup: restore('table'),

  listBackupDestinations: onCluster(VIEW, ({ store, clusterId }) =>
    ok(Object.fromEntries([...store.runtimeOf(clusterId).destinations].map(([id, destination]) => [id, { ...destination }]))),
  ),

  createBackupDestination: onCluster(BACKUP, async ({ store, clusterId, request }) => {
    const body = readOpscenterBody(request)
    const destination = await store.withNewId((id) => checkedDestination(body, id))
    store.runtimeOf(clusterId).destinations.set(destination.id, destination)
    return created({ ...destination })
  }),

  getBackupDestination: onCluster(VIEW, ({ store, clusterId, params }) =>
    ok({ ...destinationOf(store.runtimeOf(clusterId), params.destination_id!, clusterId) }),
  ),

  updateBackupDestination: onCluster(BACKUP, ({ store, clusterId, params, request }) => {
    const runtime = store.runtimeOf(clusterId)
    const previous = destinationOf(runtime, params.destination_id!, clusterId)
    const destination = checkedDestination(readOpscenterBody(request), previous.id, previous)
    runtime.destinations.set(destination.id, destination)
    return ok({ ...destination })
  }),

  deleteBackupDestination: onCluster(BACKUP, ({ store, clusterId, params }) => {
    const runtime = store.runtimeOf(clusterId)
    const destination = destinationOf(runtime, params.destination_id!, clusterId)
    const users = [...runtime.schedules.values()]
      .filter((schedule) => (schedule.job_params.destinations ?? []).includes(destination.id))
      .map((schedule) => `schedule ${schedule.id}`)
    if (runtime.pit.destination === destination.id) users.push('commitlog archiving')
    if (destination.id === 'OPSC_ON_SERVER') users.push('OpsCenter itself (the on-server destination)')
    if (users.length) throw new MockError('CONFLICT', `Destination '${destination.id}' is in use by ${users.join(', ')}`)
    runtime.destinations.delete(destination.id)
    return done()
  }),
}
