import type { LcmRecord, OpscenterStore } from '../store'

/**
 * LCM jobs in mock time (decisions/104): LCM runs one job at a time, so a job is PENDING until the jobs
 * queued before it finish, RUNNING for 30 s per node (nodes one after the other), then COMPLETE; a
 * terminated job stops at once. Nothing runs in the background: every status is computed from the plans.
 */
const SECONDS_PER_NODE = 30

export type LcmJobStatus = 'PENDING' | 'RUNNING' | 'COMPLETE' | 'TERMINATED'

export interface JobTimes {
  start: number
  finish: number
  terminatedAt?: number
}

/** Start and finish of every job, in queue order. */
function timeline(store: OpscenterStore): Map<string, JobTimes> {
  const times = new Map<string, JobTimes>()
  let free = 0
  for (const job of store.lcm.jobs.all()) {
    const plan = store.lcmJobPlans.get(job.id)
    if (!plan) continue
    const start = Math.max(plan.created, free)
    const natural = start + SECONDS_PER_NODE * Math.max(1, plan.nodeIds.length)
    const finish = plan.terminatedAt === undefined ? natural : Math.min(natural, Math.max(plan.terminatedAt, plan.created))
    const ranAtAll = plan.terminatedAt === undefined || plan.terminatedAt > start
    times.set(job.id, { start: ranAtAll ? start : finish, finish, terminatedAt: plan.terminatedAt })
    free = Math.max(free, finish)
  }
  return times
}

export function jobStatus(store: OpscenterStore, job: LcmRecord, times = timeline(store).get(job.id)): LcmJobStatus {
  const now = store.clock.nowSeconds()
  if (!times) return 'COMPLETE'
  if (times.terminatedAt !== undefined && now >= times.terminatedAt) return 'TERMINATED'
  if (now < times.start) return 'PENDING'
  if (now < times.finish) return 'RUNNING'
  return 'COMPLETE'
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')

/** The wire shape of a job: its record plus status and times as of now. */
export function jobView(store: OpscenterStore, job: LcmRecord): LcmRecord {
  const times = timeline(store).get(job.id)
  const status = jobStatus(store, job, times)
  const now = store.clock.nowSeconds()
  return {
    ...job,
    status,
    'started-on': times && status !== 'PENDING' && times.start <= now && times.start < times.finish ? iso(times.start) : null,
    'finished-on': times && (status === 'COMPLETE' || status === 'TERMINATED') ? iso(times.finish) : null,
  }
}

/** Each node's slot in the job: started one after the other. */
function slots(store: OpscenterStore, job: LcmRecord): Array<{ nodeId: string; from: number; to: number }> {
  const times = timeline(store).get(job.id)
  const plan = store.lcmJobPlans.get(job.id)
  if (!times || !plan) return []
  return plan.nodeIds
    .map((nodeId, index) => ({ nodeId, from: times.start + index * SECONDS_PER_NODE, to: times.start + (index + 1) * SECONDS_PER_NODE }))
    .filter((slot) => slot.from < times.finish)
}

export function jobNodes(store: OpscenterStore, job: LcmRecord) {
  const now = store.clock.nowSeconds()
  const plan = store.lcmJobPlans.get(job.id)
  const terminated = plan?.terminatedAt !== undefined && now >= plan.terminatedAt
  const started = new Map(slots(store, job).map((slot) => [slot.nodeId, slot]))
  return (plan?.nodeIds ?? []).map((nodeId) => {
    const slot = started.get(nodeId)
    const name = String(store.lcm.nodes.get(nodeId)?.name ?? nodeId)
    let status: LcmJobStatus = 'PENDING'
    if (slot && now >= slot.to) status = 'COMPLETE'
    else if (slot && now >= slot.from) status = terminated ? 'TERMINATED' : 'RUNNING'
    else if (terminated) status = 'TERMINATED'
    return { 'node-id': nodeId, 'node-name': name, status }
  })
}

export function jobEvents(store: OpscenterStore, job: LcmRecord) {
  const now = store.clock.nowSeconds()
  const times = timeline(store).get(job.id)
  if (!times) return []
  const type = String(job['job-type'])
  const events: Array<{ at: number; 'node-id': string | null; 'event-type': string; message: string }> = []
  const terminated = times.terminatedAt !== undefined
  if (times.start < times.finish)
    events.push({ at: times.start, 'node-id': null, 'event-type': 'job-started', message: `${type} job started` })
  for (const slot of slots(store, job)) {
    const name = String(store.lcm.nodes.get(slot.nodeId)?.name ?? slot.nodeId)
    events.push({ at: slot.from, 'node-id': slot.nodeId, 'event-type': 'node-started', message: `${type} started on ${name}` })
    if (slot.to <= times.finish)
      events.push({ at: slot.to, 'node-id': slot.nodeId, 'event-type': 'node-finished', message: `${type} finished on ${name}` })
  }
  events.push(
    terminated
      ? { at: times.finish, 'node-id': null, 'event-type': 'job-terminated', message: `${type} job terminated` }
      : { at: times.finish, 'node-id': null, 'event-type': 'job-finished', message: `${type} job finished` },
  )
  return events
    .filter((event) => event.at <= now)
    .map(({ at, ...event }, index) => ({ id: `${job.id}-${index + 1}`, 'job-id': job.id, ...event, timestamp: iso(at) }))
}
