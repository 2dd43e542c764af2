import spec from '../../generated/opscenter.openapi.json'
import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { isSupportedEpochSeconds, requireSupportedTime } from '../../core/time'
import { schemaProblems, type BundledSpec } from '../../core/spec-schema'
import { created, done, onCluster, ok, type ClusterCall, type ResourceHandlers } from '../handler'
import { PERMISSION, requirePermission } from '../permissions'
import { readOpscenterBody } from '../request-body'
import type { ClusterRuntime, ScheduleRecord } from '../store'
import type { JobSchedule } from '../spec-types'

const bundled = spec as unknown as BundledSpec
const UNIT_SECONDS = { minutes: 60, hours: 3600, days: 86400, weeks: 604800 } as const
/** The permission a schedule's job needs (decisions/106). */
const JOB_PERMISSION: Record<string, string> = {
  backup: PERMISSION.backup,
  'best-practice': PERMISSION.bestPractice,
  repair: PERMISSION.repair,
}
const REQUIRED = ['first_run_date', 'first_run_time', 'interval', 'interval_unit', 'job_params'] as const

/** Epoch seconds of the schedule's first run (UTC: the mock takes GMT/UTC only, decisions/106). */
function firstRun(schedule: Pick<ScheduleRecord, 'first_run_date' | 'first_run_time'>): number {
  return Date.parse(`${schedule.first_run_date}T${schedule.first_run_time}Z`) / 1000
}

/** Every run time of a schedule from its first run (or its creation, if later) up to `until`. */
export function runsUntil(schedule: ScheduleRecord, until: number, limit = 1000): number[] {
  const step = schedule.interval * UNIT_SECONDS[schedule.interval_unit]
  const first = firstRun(schedule)
  const from = Math.max(first, schedule.created)
  const runs: number[] = []
  for (let k = Math.max(0, Math.ceil((from - first) / step)); first + k * step <= until && runs.length < limit; k++)
    runs.push(first + k * step)
  return runs
}

const stamp = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')

/** The wire shape: the settings plus `next_run` and `last_run` as of now. */
function scheduleView(schedule: ScheduleRecord, now: number): JobSchedule {
  const { created: _created, ...settings } = schedule
  const step = schedule.interval * UNIT_SECONDS[schedule.interval_unit]
  const first = firstRun(schedule)
  const last = runsUntil(schedule, now).at(-1)
  // The next run is the first one after now that is not before the schedule was created.
  const next = first + Math.max(0, Math.ceil((Math.max(now + 1, schedule.created) - first) / step)) * step
  return { ...settings, next_run: stamp(next), last_run: last === undefined ? null : stamp(last) }
}

/** A schedule from a body, merged over `previous` on update; the whole schedule is checked before it is stored. */
function checkedSchedule(call: ClusterCall, body: unknown, previous: ScheduleRecord | undefined, id: string): ScheduleRecord {
  if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', 'Expected a JSON object with the schedule fields')
  const problems = schemaProblems(bundled, 'JobScheduleWrite', body)
  if (problems.length) throw new MockError('BAD_REQUEST', `Invalid schedule: ${problems.join('; ')}`)
  if (!previous) {
    const missing = REQUIRED.filter((field) => !Object.hasOwn(body, field))
    if (missing.length) throw new MockError('BAD_REQUEST', `Missing required field(s) ${missing.map((field) => `'${field}'`).join(', ')}`)
  }
  const schedule = {
    timezone: 'GMT',
    ...previous,
    ...body,
    id,
    created: previous?.created ?? call.store.clock.nowSeconds(),
  } as ScheduleRecord
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(schedule.first_run_date) ||
    !/^\d{2}:\d{2}(:\d{2})?$/.test(schedule.first_run_time) ||
    Number.isNaN(firstRun(schedule))
  )
    throw new MockError('BAD_REQUEST', "'first_run_date' must be YYYY-MM-DD and 'first_run_time' HH:MM:SS")
  // Range-checked before storing: a step of 1e308 days once made every read of the schedule a 500 (issue 8).
  const step = schedule.interval * UNIT_SECONDS[schedule.interval_unit]
  requireSupportedTime(firstRun(schedule), `first run ${schedule.first_run_date} ${schedule.first_run_time}`)
  if (!Number.isFinite(step) || step < 1 || !isSupportedEpochSeconds(firstRun(schedule) + step))
    throw new MockError(
      'BAD_REQUEST',
      `'interval' ${schedule.interval} ${schedule.interval_unit} must be positive and end before year 10000`,
    )
  if (!['GMT', 'UTC'].includes(schedule.timezone))
    throw new MockError('BAD_REQUEST', `Timezone '${schedule.timezone}' is not supported; use GMT or UTC`)
  const type = schedule.job_params?.type
  if (typeof type !== 'string' || !Object.hasOwn(JOB_PERMISSION, type))
    throw new MockError('BAD_REQUEST', `'job_params.type' must be one of ${Object.keys(JOB_PERMISSION).join(', ')}`)
  const runtime = call.store.runtimeOf(call.clusterId)
  for (const keyspace of schedule.job_params.keyspaces ?? [])
    if (!runtime.keyspaces.has(keyspace)) throw new MockError('BAD_REQUEST', `'job_params.keyspaces' names no keyspace '${keyspace}'`)
  requirePermission(call.principal, call.clusterId, JOB_PERMISSION[type]!)
  return schedule
}

function scheduleOf(runtime: ClusterRuntime, id: string, clusterId: string): ScheduleRecord {
  const found = runtime.schedules.get(id)
  if (!found) throw new MockError('NOT_FOUND', `No job schedule '${id}' in cluster '${clusterId}'`)
  return found
}

/** Job schedules: backups, best-practice runs and repairs on an interval, in mock time. */
export const scheduleHandlers: ResourceHandlers<
  'listJobSchedules' | 'createJobSchedule' | 'getJobSchedule' | 'updateJobSchedule' | 'deleteJobSchedule'
> = {
  listJobSchedules: onCluster(PERMISSION.viewCluster, ({ store, clusterId }) =>
    ok([...store.runtimeOf(clusterId).schedules.values()].map((schedule) => scheduleView(schedule, store.clock.nowSeconds()))),
  ),

  createJobSchedule: onCluster(PERMISSION.viewCluster, async (call) => {
    const body = readOpscenterBody(call.request)
    const schedule = await call.store.withNewId((id) => checkedSchedule(call, body, undefined, id))
    call.store.runtimeOf(call.clusterId).schedules.set(schedule.id, schedule)
    return created(scheduleView(schedule, call.store.clock.nowSeconds()))
  }),

  getJobSchedule: onCluster(PERMISSION.viewCluster, ({ store, clusterId, params }) =>
    ok(scheduleView(scheduleOf(store.runtimeOf(clusterId), params.schedule_id!, clusterId), store.clock.nowSeconds())),
  ),

  updateJobSchedule: onCluster(PERMISSION.viewCluster, (call) => {
    const runtime = call.store.runtimeOf(call.clusterId)
    const previous = scheduleOf(runtime, call.params.schedule_id!, call.clusterId)
    requirePermission(call.principal, call.clusterId, JOB_PERMISSION[previous.job_params.type]!)
    const schedule = checkedSchedule(call, readOpscenterBody(call.request), previous, previous.id)
    runtime.schedules.set(schedule.id, schedule)
    return ok(scheduleView(schedule, call.store.clock.nowSeconds()))
  }),

  deleteJobSchedule: onCluster(PERMISSION.viewCluster, (call) => {
    const runtime = call.store.runtimeOf(call.clusterId)
    const schedule = scheduleOf(runtime, call.params.schedule_id!, call.clusterId)
    requirePermission(call.principal, call.clusterId, JOB_PERMISSION[schedule.job_params.type]!)
    runtime.schedules.delete(schedule.id)
    return done()
  }),
}
