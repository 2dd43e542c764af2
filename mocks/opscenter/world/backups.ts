import { MockError } from '../../core/mock-error'
import { isSystemKeyspace, tableProperties } from '../resources/keyspaces'
import { runsUntil } from '../resources/schedules'
import type { BackupRecord, OpscenterStore, RequestRecord } from '../store'

/**
 * Backups in mock time (decisions/107): a backup is visible once its time has come; a backup schedule's runs
 * become backups as the clock passes them; a restore puts the backup's data back when its request finishes.
 */

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

/** Puts a backup's data back into the tables a restore request names; a dropped table of an existing keyspace returns. */
export function applyRestore(store: OpscenterStore, request: RequestRecord, at: number): void {
  const runtime = store.runtimeOf(request.clusterId)
  const backup = runtime.backups.get(request.backup ?? '')
  if (!backup) return
  const restored: string[] = []
  for (const [name, tables] of backup.keyspaces) {
    if (request.keyspace && name !== request.keyspace) continue
    const keyspace = runtime.keyspaces.get(name)
    if (!keyspace) continue
    for (const [table, bytes] of tables) {
      if (request.tables?.length && !request.tables.includes(table)) continue
      const current = keyspace.tables.get(table)
      if (current) current.bytes = bytes
      else keyspace.tables.set(table, { properties: tableProperties(name), bytes })
      restored.push(`${name}.${table}`)
    }
  }
  store.logEvent(
    request.clusterId,
    {
      action: 33,
      level: 1,
      level_str: 'INFO',
      message: `Restore from backup ${backup.tag} finished: ${restored.join(', ') || 'nothing to restore'}`,
      source_node: null,
      target_node: null,
      api_source_ip: null,
      user: request.user,
      success: true,
    },
    at,
  )
}
