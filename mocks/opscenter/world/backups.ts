import { MockError } from '../../core/mock-error'
import { isSystemKeyspace, tableProperties } from '../resources/keyspaces'
import { runsUntil } from '../resources/schedules'
import type { BackupRecord, ClusterRuntime, OpscenterStore, RequestRecord } from '../store'

/**
 * Backups in mock time (decisions/107): a backup is visible once its time has come; a backup schedule's runs
 * become backups as the clock passes them; a restore puts the backup's data back when its request finishes.
 */

/** How often a node archives its commit log while point-in-time archiving is on. */
export const PIT_INTERVAL = 300

/** Most scheduled runs taken at once, so a year-long clock jump does not make thousands of backups. */
const MAX_CATCH_UP = 20

const pad = (value: number) => String(value).padStart(2, '0')

/** OpsCenter's backup id: `opscenter_<adhoc|schedule id>_YYYY-MM-DD-HH-MM-SS-UTC`. */
function backupTag(source: string, seconds: number): string {
  const date = new Date(seconds * 1000)
  return `opscenter_${source}_${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}-${pad(date.getUTCHours())}-${pad(date.getUTCMinutes())}-${pad(date.getUTCSeconds())}-UTC`
}

/** The keyspaces a backup takes by default: every keyspace that is not a system one. */
export function userKeyspaces(store: OpscenterStore, clusterId: string): string[] {
  return [...store.runtimeOf(clusterId).keyspaces.keys()].filter((name) => !isSystemKeyspace(name))
}

export interface TakeBackup {
  source: string
  time: number
  keyspaces: string[]
  destinations: string[]
  requestId: string | null
}

/** Records a backup of the keyspaces as they are now, visible from `time`, and its activity entry. */
export function takeBackup(store: OpscenterStore, clusterId: string, input: TakeBackup): BackupRecord {
  const runtime = store.runtimeOf(clusterId)
  let time = input.time
  while (runtime.backups.has(backupTag(input.source, time))) time++
  const keyspaces = new Map(
    input.keyspaces.map((name) => [
      name,
      new Map([...(runtime.keyspaces.get(name)?.tables ?? [])].map(([table, record]) => [table, record.bytes])),
    ]),
  )
  const backup: BackupRecord = {
    tag: backupTag(input.source, time),
    source: input.source,
    time,
    keyspaces,
    nodes: runtime.nodes.filter((node) => node.mode !== 'unknown').map((node) => node.node_ip),
    destinations: [...input.destinations],
    deletedAt: null,
  }
  runtime.backups.set(backup.tag, backup)
  runtime.backupActivity.push({
    backupId: backup.tag,
    type: 'backup',
    time: input.requestId ? store.clock.nowSeconds() : time,
    requestId: input.requestId,
    keyspaces: tablesOf(backup),
    destination: input.destinations[0] ?? 'OPSC_ON_SERVER',
  })
  return backup
}

export function tablesOf(backup: BackupRecord): Record<string, string[]> {
  return Object.fromEntries([...backup.keyspaces].map(([name, tables]) => [name, [...tables.keys()]]))
}

/** A backup that exists now: taken, not deleted. */
export function liveBackup(store: OpscenterStore, clusterId: string, tag: string): BackupRecord {
  const backup = store.runtimeOf(clusterId).backups.get(tag)
  if (!backup || backup.deletedAt !== null || backup.time > store.clock.nowSeconds())
    throw new MockError('NOT_FOUND', `No backup '${tag}' in cluster '${clusterId}'`)
  return backup
}

/** Takes the backups that backup schedules owed up to now. */
export function settleBackups(store: OpscenterStore, clusterId: string): void {
  const runtime = store.runtimeOf(clusterId)
  const now = store.clock.nowSeconds()
  for (const schedule of runtime.schedules.values()) {
    if (schedule.job_params.type !== 'backup') continue
    const done = runtime.scheduledBackupsUntil.get(schedule.id) ?? -Infinity
    const due = runsUntil(schedule, now).filter((run) => run > done)
    for (const run of due.slice(-MAX_CATCH_UP)) {
      const keyspaces = (schedule.job_params.keyspaces ?? userKeyspaces(store, clusterId)).filter((name) => runtime.keyspaces.has(name))
      takeBackup(store, clusterId, {
        source: schedule.id,
        time: run,
        keyspaces,
        destinations: schedule.job_params.destinations ?? ['OPSC_ON_SERVER'],
        requestId: null,
      })
    }
    runtime.scheduledBackupsUntil.set(schedule.id, now)
  }
}

/** `YYYY-MM-DD HH:MM:SS UTC`, for event messages. */
export function isoTime(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** How events name a restore: `Restore from backup <tag>` or `Point-in-time restore to <time> from backup <tag>`. */
export function restoreName(tag: string, pitTime: number | undefined): string {
  return pitTime === undefined ? `Restore from backup ${tag}` : `Point-in-time restore to ${isoTime(pitTime)} from backup ${tag}`
}

/** Logs a restore's start (`success` null) or finish in the cluster's events. */
export function logRestore(
  store: OpscenterStore,
  clusterId: string,
  message: string,
  user: string | null,
  success: true | null,
  at?: number,
): void {
  store.logEvent(
    clusterId,
    { action: 33, level: 1, level_str: 'INFO', message, source_node: null, target_node: null, api_source_ip: null, user, success },
    at,
  )
}

/** Records a change of a table's data, so a point-in-time restore can replay it. */
export function recordTableChange(store: OpscenterStore, clusterId: string, keyspace: string, table: string, bytes: number | null): void {
  store.runtimeOf(clusterId).tableChanges.push({ time: store.clock.nowSeconds(), keyspace, table, bytes })
}

/** The span commit logs cover: from when archiving was turned on to the newest log every node has archived. */
function pitWindow(store: OpscenterStore, runtime: ClusterRuntime): { from: number; to: number } | undefined {
  if (!runtime.pit.enabled || runtime.pit.enabledAt === null) return undefined
  const from = runtime.pit.enabledAt
  return { from, to: Math.max(from, Math.floor(store.clock.nowSeconds() / PIT_INTERVAL) * PIT_INTERVAL) }
}

/**
 * Whether the cluster can be brought back to `at`: a backup taken while archiving was on, at or before `at`,
 * plus the commit logs from it up to `at` (decisions/111). Answers the newest such backup, or why there is none.
 * With `backup` named, that backup must be such a base.
 */
export function pitBase(
  store: OpscenterStore,
  clusterId: string,
  at: number,
  backup?: BackupRecord,
): { base: BackupRecord; reason: null } | { base: undefined; reason: string } {
  const runtime = store.runtimeOf(clusterId)
  const window = pitWindow(store, runtime)
  const fail = (reason: string) => ({ base: undefined, reason })
  if (at > store.clock.nowSeconds()) return fail('The time is in the future')
  if (!window) return fail('Commit log archiving (point in time) is off')
  if (at < window.from || at > window.to)
    return fail(`The time is outside the archived commit logs, ${isoTime(window.from)} to ${isoTime(window.to)}`)
  const now = store.clock.nowSeconds()
  const bases = [...runtime.backups.values()]
    .filter((candidate) => candidate.deletedAt === null && candidate.time <= now && candidate.time >= window.from && candidate.time <= at)
    .sort((a, b) => b.time - a.time)
  if (backup) {
    if (bases.includes(backup)) return { base: backup, reason: null }
    return fail(
      backup.time > at
        ? `Backup ${backup.tag} was taken after that time`
        : `Backup ${backup.tag} was taken before commit log archiving was on, so no logs lead from it`,
    )
  }
  return bases[0] ? { base: bases[0], reason: null } : fail('No backup was taken after archiving was turned on and before that time')
}

/** A table's bytes at `at`: the backup's, then every change the commit logs hold up to `at` (null: dropped by then). */
function bytesAt(runtime: ClusterRuntime, backup: BackupRecord, keyspace: string, table: string, bytes: number, at: number): number | null {
  let result: number | null = bytes
  for (const change of runtime.tableChanges)
    if (change.keyspace === keyspace && change.table === table && change.time > backup.time && change.time <= at) result = change.bytes
  return result
}

/**
 * Puts a backup's data back into the tables a restore request names; a dropped table of an existing keyspace
 * returns. A point-in-time restore replays the commit logs from the backup up to its time on top.
 */
export function applyRestore(store: OpscenterStore, request: RequestRecord, at: number): void {
  const runtime = store.runtimeOf(request.clusterId)
  const backup = runtime.backups.get(request.backup ?? '')
  if (!backup) return
  const restored: string[] = []
  for (const [name, tables] of backup.keyspaces) {
    if (request.keyspace && name !== request.keyspace) continue
    const keyspace = runtime.keyspaces.get(name)
    if (!keyspace) continue
    for (const [table, backupBytes] of tables) {
      if (request.tables?.length && !request.tables.includes(table)) continue
      const bytes = request.pitTime === undefined ? backupBytes : bytesAt(runtime, backup, name, table, backupBytes, request.pitTime)
      // Dropped before the point in time: the table did not exist then, so there is nothing to bring back.
      if (bytes === null) continue
      const current = keyspace.tables.get(table)
      if (current) current.bytes = bytes
      else keyspace.tables.set(table, { properties: tableProperties(name), bytes })
      runtime.tableChanges.push({ time: at, keyspace: name, table, bytes })
      restored.push(`${name}.${table}`)
    }
  }
  const done = restored.join(', ') || 'nothing to restore'
  logRestore(store, request.clusterId, `${restoreName(backup.tag, request.pitTime)} finished: ${done}`, request.user, true, at)
}
