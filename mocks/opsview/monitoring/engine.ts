import type { DowntimeRecord, HostRuntime, OpsviewStore, ServiceRuntime } from '../store'
import { checkResult, hashUnit, metricValue, type CheckResult, type CheckState, type MetricProfile } from './check-model'
import { DueHeap } from './heap'

/**
 * The monitored estate in mock time. Every host and service is checked on its interval from its
 * last check; when state changes is drawn from the seed and the check number (a geometric gap), so
 * the same seed and the same clock moves give the same states, outputs and events however often
 * clients poll. Work is proportional to the changes that fall due, not to the size of the estate.
 */
export type EventType = 0 | 1 | 2 | 3

export interface MonitoringEvent {
  eventid: number
  time: number
  /** 0 state change or check result, 1 acknowledgement, 2 downtime start, 3 downtime end. */
  eventtype: EventType
  hostId: string
  serviceId?: string
  hostname: string
  servicename?: string
  hostgroupId: string
  hostgroup: string
  state: CheckState
  output: string
  ack?: { author: string; comment: string }
  downtime?: { author: string; comment: string; start: number; end: number }
}

interface Schedule {
  key: string
  hostId: string
  serviceId?: string
  interval: number
  /** Time of check number 0; checks run at phase + n * interval. */
  phase: number
  /** Check number of the next state change. */
  nextIndex: number
  version: number
  /** State changes in time order; before the first entry the check was OK / UP. */
  history: Array<{ at: number; state: CheckState }>
}

const SERVICE_INTERVAL = 300
/** Mean number of checks between changes: a healthy check fails about once a day, a problem clears in about two hours. */
const MEAN_CHECKS_WHILE_OK = 288
const MEAN_CHECKS_WHILE_PROBLEM = 24
const MEAN_HOST_CHECKS_WHILE_UP = 2016

export class MonitoringEngine {
  readonly #store: OpsviewStore
  #seed = 1
  readonly #schedules = new Map<string, Schedule>()
  readonly #due = new DueHeap<{ at: number; key: string; version: number }>()
  readonly #events: MonitoringEvent[] = []
  readonly #downtimeMarks = new Map<string, { started: boolean; ended: boolean }>()
  readonly #acks = new Map<string, { author: string; comment: string }>()
  #processedUntil = 0
  #resetAt = 0
  #resetOffsetMs = 0
  /** Bumped whenever anything a status view shows may have changed; views cache by it. */
  generation = 0

  constructor(store: OpsviewStore) {
    this.#store = store
  }

  get events(): readonly MonitoringEvent[] {
    return this.#events
  }

  /** Clock time of the last reset; the check model reads time relative to it. */
  get resetAt(): number {
    return this.#resetAt
  }

  /** Starts over from the store's current runtime (after seeding). */
  reset(seed: number): void {
    this.#seed = seed
    this.#schedules.clear()
    this.#due.clear()
    this.#events.length = 0
    this.#downtimeMarks.clear()
    this.#acks.clear()
    // The store's reset time is also the seed's, so seeded check times and the model share one base.
    this.#resetAt = this.#store.lastReload
    this.#resetOffsetMs = this.#store.clock.offsetMs
    this.#processedUntil = this.#resetAt
    this.sync()
  }

  /**
   * Check time: the reset moment plus every clock move since, so checks run only when mock time is
   * moved (`/__opsmocks/clock`), never because a test happened to run a little slower.
   */
  now(): number {
    return this.#resetAt + Math.floor((this.#store.clock.offsetMs - this.#resetOffsetMs) / 1000)
  }

  /** After a reload: schedules for new hosts and services, none for removed ones. */
  sync(): void {
    const live = new Set<string>()
    for (const runtime of this.#store.runtime.values()) {
      const host = this.#store.host(runtime.hostId)
      const hostKey = `h${runtime.hostId}`
      live.add(hostKey)
      if (!this.#schedules.has(hostKey))
        this.#schedule(hostKey, runtime, undefined, Number(host?.check_interval ?? SERVICE_INTERVAL) || 300)
      for (const service of runtime.services) {
        const key = `s${service.id}`
        live.add(key)
        if (!this.#schedules.has(key)) this.#schedule(key, runtime, service, SERVICE_INTERVAL)
      }
    }
    for (const key of [...this.#schedules.keys()]) if (!live.has(key)) this.#schedules.delete(key)
    this.generation++
  }

  #schedule(key: string, host: HostRuntime, service: ServiceRuntime | undefined, interval: number): void {
    const target = service ?? host
    const schedule: Schedule = {
      key,
      hostId: host.hostId,
      ...(service ? { serviceId: service.id } : {}),
      interval,
      phase: target.lastCheck,
      nextIndex: 0,
      version: 0,
      history: target.state === 'ok' || target.state === 'up' ? [] : [{ at: target.stateSince, state: target.state }],
    }
    schedule.nextIndex = this.#gap(schedule, 0, target.state)
    this.#schedules.set(key, schedule)
    this.#push(schedule)
  }

  #gap(schedule: Schedule, fromIndex: number, state: CheckState): number {
    const mean = state === 'ok' ? MEAN_CHECKS_WHILE_OK : state === 'up' ? MEAN_HOST_CHECKS_WHILE_UP : MEAN_CHECKS_WHILE_PROBLEM
    const draw = Math.max(hashUnit(this.#seed, schedule.key, fromIndex, 'gap'), 1e-9)
    return fromIndex + 1 + Math.floor(Math.log(draw) / Math.log(1 - 1 / mean))
  }

  #push(schedule: Schedule): void {
    this.#due.push({ at: schedule.phase + schedule.nextIndex * schedule.interval, key: schedule.key, version: schedule.version })
  }

  /**
   * Runs every check change due by check time, and every downtime start or end due by the clock
   * (downtimes are scheduled in clock time: "now" means now), recording their events in time order.
   */
  advance(): void {
    const now = this.now()
    const batch: Array<Omit<MonitoringEvent, 'eventid'>> = []
    if (now > this.#processedUntil) {
      for (let next = this.#due.peek(); next && next.at <= now; next = this.#due.peek()) {
        this.#due.pop()
        const schedule = this.#schedules.get(next.key)
        if (!schedule || schedule.version !== next.version) continue
        const event = this.#change(schedule, next.at)
        if (event) batch.push(event)
        this.#push(schedule)
      }
      this.#processedUntil = now
    }
    const wallNow = this.#store.clock.nowSeconds()
    for (const downtime of this.#store.downtimes.values()) batch.push(...this.#downtimeTransitions(downtime, wallNow))
    this.#record(batch)
  }

  #record(batch: Array<Omit<MonitoringEvent, 'eventid'>>): void {
    if (!batch.length) return
    batch.sort((a, b) => a.time - b.time || a.hostId.localeCompare(b.hostId) || (a.serviceId ?? '').localeCompare(b.serviceId ?? ''))
    let id = this.#events.length ? this.#events[this.#events.length - 1]!.eventid : 0
    for (const event of batch) this.#events.push({ ...event, eventid: ++id })
    this.generation++
  }

  #change(schedule: Schedule, at: number): Omit<MonitoringEvent, 'eventid'> | undefined {
    const runtime = this.#store.runtime.get(schedule.hostId)
    const target = schedule.serviceId ? runtime?.services.find((service) => service.id === schedule.serviceId) : runtime
    if (!runtime || !target) return undefined
    const draw = hashUnit(this.#seed, schedule.key, schedule.nextIndex, 'state')
    const state = schedule.serviceId ? nextServiceState(target.state, draw) : nextHostState(target.state, draw)
    const name = schedule.serviceId ? (target as ServiceRuntime).name : undefined
    const result = checkResult(name, state, this.#seed, schedule.key, at - this.#resetAt)
    Object.assign(target, { state, stateSince: at, lastCheck: at, output: result.output })
    // Acknowledgements last until the problem clears (Opsview's sticky acknowledgement).
    if (state === 'ok' || state === 'up') {
      target.acknowledged = false
      this.#acks.delete(schedule.key)
    }
    schedule.history.push({ at, state })
    schedule.nextIndex = this.#gap(schedule, schedule.nextIndex, state)
    return this.#event(0, at, runtime.hostId, schedule.serviceId, { state, output: result.output })
  }

  #event(
    eventtype: EventType,
    time: number,
    hostId: string,
    serviceId: string | undefined,
    extra: Partial<MonitoringEvent>,
  ): Omit<MonitoringEvent, 'eventid'> {
    const host = this.#store.host(hostId)
    const runtime = this.#store.runtime.get(hostId)
    const service = serviceId ? runtime?.services.find((item) => item.id === serviceId) : undefined
    return {
      eventtype,
      time,
      hostId,
      hostname: host?.name ?? '',
      hostgroupId: host?.hostgroup.ref?.split('/').pop() ?? '',
      hostgroup: host?.hostgroup.name ?? '',
      ...(service ? { serviceId: service.id, servicename: service.name } : {}),
      state: (service ?? runtime)?.state ?? 'up',
      output: (service ?? runtime)?.output ?? '',
      ...extra,
    }
  }

  #downtimeTransitions(downtime: DowntimeRecord, now: number): Array<Omit<MonitoringEvent, 'eventid'>> {
    const marks = this.#downtimeMarks.get(downtime.id) ?? { started: false, ended: false }
    this.#downtimeMarks.set(downtime.id, marks)
    const events: Array<Omit<MonitoringEvent, 'eventid'>> = []
    const details = { author: downtime.author, comment: downtime.comment, start: downtime.start, end: downtime.end }
    for (const [flag, eventtype, at] of [
      ['started', 2, downtime.start],
      ['ended', 3, downtime.end],
    ] as const) {
      if (marks[flag] || at > now) continue
      marks[flag] = true
      for (const object of this.#downtimeObjects(downtime))
        events.push(this.#event(eventtype, at, object.hostId, object.serviceId, { downtime: details }))
    }
    return events
  }

  #downtimeObjects(downtime: DowntimeRecord): Array<{ hostId: string; serviceId?: string }> {
    const objects: Array<{ hostId: string; serviceId?: string }> = downtime.hostIds.map((hostId) => ({ hostId }))
    if (!downtime.serviceIds.length) return objects
    const wanted = new Set(downtime.serviceIds)
    for (const runtime of this.#store.runtime.values())
      for (const service of runtime.services) if (wanted.has(service.id)) objects.push({ hostId: runtime.hostId, serviceId: service.id })
    return objects
  }

  /** A new downtime that starts now gets its start event at once; one in the future when it falls due. */
  noteDowntimesChanged(): void {
    this.generation++
    this.advance()
  }

  /** Cancelled downtime that was running ends now (eventtype 3). */
  noteDowntimeCancelled(objects: Array<{ hostId: string; serviceId?: string }>, details: MonitoringEvent['downtime'], now: number): void {
    this.#record(objects.map((object) => this.#event(3, now, object.hostId, object.serviceId, details ? { downtime: details } : {})))
    this.generation++
  }

  noteAcknowledged(objects: Array<{ hostId: string; serviceId?: string }>, author: string, comment: string, now: number): void {
    for (const object of objects) this.#acks.set(object.serviceId ? `s${object.serviceId}` : `h${object.hostId}`, { author, comment })
    this.#record(objects.map((object) => this.#event(1, now, object.hostId, object.serviceId, { ack: { author, comment } })))
    this.generation++
  }

  /** Runs the selected checks now: fresh output and last check, the next check one interval on. */
  recheck(objects: Array<{ hostId: string; serviceId?: string }>, now: number): void {
    const batch: Array<Omit<MonitoringEvent, 'eventid'>> = []
    for (const object of objects) {
      const schedule = this.#schedules.get(object.serviceId ? `s${object.serviceId}` : `h${object.hostId}`)
      const runtime = this.#store.runtime.get(object.hostId)
      const target = object.serviceId ? runtime?.services.find((service) => service.id === object.serviceId) : runtime
      if (!schedule || !target) continue
      const dueAt = schedule.phase + schedule.nextIndex * schedule.interval
      schedule.phase = now
      schedule.nextIndex = Math.max(1, Math.ceil((dueAt - now) / schedule.interval))
      schedule.version++
      this.#push(schedule)
      const result = this.result(object.hostId, object.serviceId, now)
      Object.assign(target, { lastCheck: now, output: result.output })
      batch.push(this.#event(0, now, object.hostId, object.serviceId, {}))
    }
    this.#record(batch)
  }

  /** Who acknowledged a problem and why, while it stays acknowledged. */
  ackOf(hostId: string, serviceId: string | undefined): { author: string; comment: string } | undefined {
    return this.#acks.get(serviceId ? `s${serviceId}` : `h${hostId}`)
  }

  /** The last scheduled check at or before `now` (or the recorded one if it is later, e.g. a recheck). */
  lastCheck(hostId: string, serviceId: string | undefined, recorded: number, now = this.now()): number {
    const schedule = this.#schedules.get(serviceId ? `s${serviceId}` : `h${hostId}`)
    if (!schedule || now < schedule.phase) return recorded
    return Math.max(recorded, schedule.phase + Math.floor((now - schedule.phase) / schedule.interval) * schedule.interval)
  }

  nextCheck(hostId: string, serviceId: string | undefined, recorded: number, now = this.now()): number {
    const schedule = this.#schedules.get(serviceId ? `s${serviceId}` : `h${hostId}`)
    return this.lastCheck(hostId, serviceId, recorded, now) + (schedule?.interval ?? SERVICE_INTERVAL)
  }

  interval(hostId: string, serviceId?: string): number {
    return this.#schedules.get(serviceId ? `s${serviceId}` : `h${hostId}`)?.interval ?? SERVICE_INTERVAL
  }

  /** The state a check had at `time`, from its change history. */
  stateAt(hostId: string, serviceId: string | undefined, time: number): CheckState {
    const schedule = this.#schedules.get(serviceId ? `s${serviceId}` : `h${hostId}`)
    let state: CheckState = serviceId ? 'ok' : 'up'
    for (const change of schedule?.history ?? []) {
      if (change.at > time) break
      state = change.state
    }
    return state
  }

  /** Output, perfdata and metric values of the check that ran at `time`. */
  result(hostId: string, serviceId: string | undefined, time: number): CheckResult {
    const runtime = this.#store.runtime.get(hostId)
    const name = serviceId ? runtime?.services.find((service) => service.id === serviceId)?.name : undefined
    return checkResult(
      name,
      this.stateAt(hostId, serviceId, time),
      this.#seed,
      serviceId ? `s${serviceId}` : `h${hostId}`,
      time - this.#resetAt,
    )
  }

  /**
   * A metric's value at `time`. The model reads time relative to the reset, so the same seed and the
   * same clock moves give the same values whenever the mock was started.
   */
  metricValue(profile: MetricProfile, hostId: string, serviceId: string, time: number): number {
    return metricValue(profile, this.stateAt(hostId, serviceId, time), this.#seed, `s${serviceId}`, time - this.#resetAt)
  }
}

function nextServiceState(current: CheckState, draw: number): CheckState {
  if (current === 'ok') return draw < 0.45 ? 'warning' : draw < 0.85 ? 'critical' : 'unknown'
  if (draw < 0.8) return 'ok'
  return current === 'critical' ? 'warning' : 'critical'
}

function nextHostState(current: CheckState, draw: number): CheckState {
  if (current === 'up') return draw < 0.85 ? 'down' : 'unreachable'
  return 'up'
}
