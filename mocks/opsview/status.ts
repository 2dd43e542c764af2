import { MockError } from '../core/mock-error'
import { paginate } from './paging'
import type { MonitoringEngine } from './monitoring/engine'
import { clusterHealth, type ClusterHealth } from './monitoring/relations'
import {
  refId,
  type HostgroupRecord,
  type HostRecord,
  type HostRuntime,
  type OpsviewStore,
  type Principal,
  type ServiceRuntime,
} from './store'
import type {
  GroupStateCounts,
  HostgroupStatus,
  HostState,
  HostStatus,
  ServiceState,
  ServiceStatusHost,
  ServiceStatusItem,
  StateCounts,
  StatusSummary,
} from './spec-types'

/**
 * `/rest/status/*` views computed from configuration + runtime on every call, so the counts
 * always agree with the hosts and services they describe and with downtimes and acknowledgements.
 */
export const HOST_STATE_NUMBERS: Record<HostState, string> = { up: '0', down: '1', unreachable: '2' }
export const SERVICE_STATE_NUMBERS: Record<ServiceState, string> = { ok: '0', warning: '1', critical: '2', unknown: '3' }
export const SERVICE_SEVERITY: ServiceState[] = ['ok', 'unknown', 'warning', 'critical']

/** What every status view reads: configuration and runtime from the store, check times from the engine. */
export interface StatusView {
  store: OpsviewStore
  monitoring: MonitoringEngine
}

export interface LiveHost {
  host: HostRecord
  runtime: HostRuntime
  downtime: '0' | '1' | '2'
  unhandled: boolean
  services: LiveService[]
}

export interface LiveService {
  service: ServiceRuntime
  downtime: '0' | '1' | '2'
  unhandled: boolean
}

export function assertCanView(principal: Principal): void {
  if (!['VIEWALL', 'VIEWSOME', 'ADMINACCESS'].some((access) => principal.access.has(access as never))) {
    throw new MockError('FORBIDDEN', 'Access denied: viewing status needs VIEWALL or VIEWSOME')
  }
}

export function formatTimestamp(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().slice(0, 19).replace('T', ' ')
}

/**
 * Views cache their expensive part (every visible host and service with its handled state and the
 * summary counts) per caller and query until anything they read changes: a configuration write or
 * reload, a check result, an acknowledgement or a downtime starting or ending. A paged read then
 * costs its page, not the estate.
 */
const VIEW_CACHE = new WeakMap<Principal, Map<string, { version: string; value: unknown }>>()
const VIEW_CACHE_LIMIT = 64

function versionOf({ store, monitoring }: StatusView): string {
  return `${monitoring.generation}:${store.config.generation}:${store.lastReload}`
}

export function cachedView<T>(view: StatusView, principal: Principal, key: string, compute: () => T): T {
  let entries = VIEW_CACHE.get(principal)
  if (!entries) VIEW_CACHE.set(principal, (entries = new Map()))
  const version = versionOf(view)
  const hit = entries.get(key)
  if (hit && hit.version === version) return hit.value as T
  if (entries.size >= VIEW_CACHE_LIMIT) entries.clear()
  const value = compute()
  entries.set(key, { version, value })
  return value
}

/** The query without its paging and presentation switches: what decides which objects match. */
function selectionKey(kind: string, query: URLSearchParams): string {
  const kept = [...query].filter(([name]) => !PRESENTATION_PARAMS.has(name)).sort(([a], [b]) => a.localeCompare(b))
  return `${kind}?${new URLSearchParams(kept).toString()}`
}

const PRESENTATION_PARAMS = new Set([
  'rows',
  'page',
  'include_monitored_by',
  'include_cluster_health',
  'include_reload_time',
  'includeperfdata',
  'includehandleddetails',
  'includeextradetails',
])

/** Hosts the principal may see that have runtime (i.e. were committed by a reload). */
export function liveHosts(store: OpsviewStore, principal: Principal, monitoring?: MonitoringEngine): LiveHost[] {
  if (monitoring) return cachedView({ store, monitoring }, principal, 'live', () => computeLiveHosts(store, principal))
  return computeLiveHosts(store, principal)
}

function computeLiveHosts(store: OpsviewStore, principal: Principal): LiveHost[] {
  const now = store.clock.nowSeconds()
  const result: LiveHost[] = []
  for (const host of store.hosts()) {
    const runtime = store.runtime.get(host.id)
    if (!runtime) continue
    // The role's access lists decide, as for configuration: host groups, and hashtags the host carries.
    if (principal.scope && !store.canSee(principal, 'host', host)) continue
    const hostDowntime = downtimeState(store, now, (record) => record.hostIds.includes(host.id))
    const hostProblem = runtime.state !== 'up'
    const services = runtime.services.map((service): LiveService => {
      const own = downtimeState(store, now, (record) => record.serviceIds.includes(service.id))
      const downtime = maxDowntime(own, hostDowntime)
      const handled = service.state === 'ok' || service.acknowledged || downtime === '2' || hostProblem
      return { service, downtime, unhandled: !handled }
    })
    result.push({
      host,
      runtime,
      downtime: hostDowntime,
      unhandled: hostProblem && !runtime.acknowledged && hostDowntime !== '2',
      services,
    })
  }
  return result
}

function downtimeState(
  store: OpsviewStore,
  now: number,
  covers: (record: { hostIds: string[]; serviceIds: string[] }) => boolean,
): '0' | '1' | '2' {
  let state: '0' | '1' | '2' = '0'
  for (const record of store.downtimes.values()) {
    if (record.end <= now || !covers(record)) continue
    if (record.start <= now) return '2'
    state = '1'
  }
  return state
}

function maxDowntime(a: '0' | '1' | '2', b: '0' | '1' | '2'): '0' | '1' | '2' {
  return a > b ? a : b
}

function hostCounts(hosts: LiveHost[]): StateCounts {
  return stateCounts(hosts.map(({ runtime, unhandled }) => [runtime.state, unhandled]))
}

function serviceCounts(services: LiveService[]): StateCounts {
  return stateCounts(services.map(({ service, unhandled }) => [service.state, unhandled]))
}

/** Handled, unhandled and total counts, then one count per state in the order states first appear. */
function stateCounts(entries: Array<[state: string, unhandled: boolean]>): StateCounts {
  const counts = new Map([
    ['handled', 0],
    ['unhandled', 0],
    ['total', 0],
  ])
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1)
  for (const [state, unhandled] of entries) {
    count('total')
    count(unhandled ? 'unhandled' : 'handled')
    count(state)
  }
  return Object.fromEntries([...counts].map(([key, value]) => [key, String(value)])) as StateCounts
}

/** A status answer's summary: counts of the hosts, and of `services` (the hosts' own unless a view narrows them). */
export function summaryOf(hosts: LiveHost[], services: LiveService[] = hosts.flatMap((live) => live.services)): StatusSummary {
  const host = hostCounts(hosts)
  const service = serviceCounts(services)
  return {
    handled: String(Number(host.handled) + Number(service.handled)),
    unhandled: String(Number(host.unhandled) + Number(service.unhandled)),
    total: String(Number(host.total) + Number(service.total)),
    host,
    service,
  }
}

interface Presentation {
  /** The host's cluster health code, when `include_cluster_health=1`. */
  clusterHealth?: (host: HostRecord) => ClusterHealth | undefined
  monitoredBy: boolean
  perfdata: boolean
  handledDetails: boolean
  reloadTime: boolean
}

function flag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name)
  return value !== null && value !== '' && value !== '0'
}

function presentation(store: OpsviewStore, query: URLSearchParams): Presentation {
  return {
    ...(flag(query, 'include_cluster_health') ? { clusterHealth: clusterHealth(store) } : {}),
    monitoredBy: flag(query, 'include_monitored_by'),
    perfdata: flag(query, 'includeperfdata'),
    handledDetails: flag(query, 'includehandleddetails'),
    reloadTime: flag(query, 'include_reload_time'),
  }
}

function hostStatusItem({ monitoring }: StatusView, live: LiveHost, shown: Presentation): HostStatus {
  const { host, runtime } = live
  return {
    name: host.name,
    alias: host.alias ?? '',
    ip: host.ip,
    hostgroup: host.hostgroup.name,
    icon: host.icon.name,
    state: runtime.state,
    state_type: 'hard',
    current_check_attempt: runtime.state === 'up' ? '1' : host.check_attempts,
    max_check_attempts: host.check_attempts,
    last_check: formatTimestamp(monitoring.lastCheck(host.id, undefined, runtime.lastCheck)),
    output: runtime.output,
    downtime: live.downtime,
    acknowledged: runtime.acknowledged ? '1' : '0',
    unhandled: live.unhandled ? '1' : '0',
    num_services: String(runtime.services.length),
    num_interfaces: '0',
    // The cluster's id and name are only sent when asked for (Opsview 6.8 status docs).
    ...(shown.clusterHealth?.(host) ? { cstatus: shown.clusterHealth(host)! } : {}),
    ...(shown.monitoredBy ? { monitored_by: refId(host.monitored_by), monitored_by_name: host.monitored_by.name } : {}),
    ...(shown.handledDetails && runtime.acknowledged ? ackFields(monitoring, host.id, undefined) : {}),
    summary: serviceCounts(live.services),
  }
}

function ackFields(monitoring: MonitoringEngine, hostId: string, serviceId: string | undefined) {
  const ack = monitoring.ackOf(hostId, serviceId)
  return ack ? { acknowledged_author: ack.author, acknowledged_comment: ack.comment } : {}
}

function serviceStatusItem({ store, monitoring }: StatusView, hostId: string, live: LiveService, shown: Presentation): ServiceStatusItem {
  const { service } = live
  const lastCheck = monitoring.lastCheck(hostId, service.id, service.lastCheck)
  const result = shown.perfdata ? monitoring.result(hostId, service.id, lastCheck) : undefined
  return {
    name: service.name,
    state: service.state,
    state_type: 'hard',
    output: service.output,
    last_check: formatTimestamp(lastCheck),
    current_check_attempt: '1',
    max_check_attempts: '3',
    downtime: live.downtime,
    acknowledged: service.acknowledged ? '1' : '0',
    unhandled: live.unhandled ? '1' : '0',
    markdown: '0',
    perfdata_available: service.state === 'unknown' ? '0' : '1',
    service_object_id: service.id,
    state_duration: String(Math.max(0, store.clock.nowSeconds() - service.stateSince)),
    ...(result?.values.length
      ? { metrics: result.values.map(({ profile, value }) => ({ name: profile.name, value: String(value), uom: profile.uom })) }
      : {}),
    ...(shown.handledDetails && service.acknowledged ? ackFields(monitoring, hostId, service.id) : {}),
  }
}

export function numericParams(query: URLSearchParams, name: string, pattern: RegExp): string[] {
  const values = query.getAll(name)
  for (const value of values) if (!pattern.test(value)) throw new MockError('BAD_REQUEST', `Invalid ${name} '${value}'`)
  return values
}

function hostgroupFilter(store: OpsviewStore, query: URLSearchParams): ((host: HostRecord) => boolean) | undefined {
  const ids = numericParams(query, 'hostgroupid', /^[0-9]+$/)
  if (!ids.length) return undefined
  const allowed = descendants(store, ids)
  return (host) => allowed.has(refId(host.hostgroup))
}

export function descendants(store: OpsviewStore, ids: string[]): Set<string> {
  const result = new Set<string>()
  const visit = (id: string) => {
    if (result.has(id)) return
    result.add(id)
    for (const group of store.childGroups(id)) visit(group.id)
  }
  ids.forEach(visit)
  return result
}

export function handledFilter(query: URLSearchParams): 'handled' | 'unhandled' | undefined {
  const filter = query.get('filter')
  if (filter === null || filter === '') return undefined
  if (filter !== 'handled' && filter !== 'unhandled')
    throw new MockError('BAD_REQUEST', `Invalid filter '${filter}': use handled or unhandled`)
  return filter
}

function page<T>(
  items: T[],
  query: URLSearchParams,
): { items: T[]; meta: Pick<StatusSummary, 'rows' | 'allrows' | 'page' | 'totalpages'> } {
  const { items: slice, rows, page: number, totalpages } = paginate(items, query, 'all')
  return { items: slice, meta: { rows, allrows: String(items.length), page: number, totalpages } }
}

function withReloadTime(store: OpsviewStore, summary: StatusSummary, shown: Presentation): StatusSummary {
  return shown.reloadTime ? { ...summary, last_reload_time: String(store.lastReload) } : summary
}

export function listHostStatus(
  view: StatusView,
  principal: Principal,
  query: URLSearchParams,
): { list: HostStatus[]; summary: StatusSummary } {
  assertCanView(principal)
  const { store, monitoring } = view
  const shown = presentation(store, query)
  const { matching, summary } = cachedView(view, principal, selectionKey('host', query), () => {
    const inGroups = hostgroupFilter(store, query)
    const names = [...query.getAll('host'), ...query.getAll('hostname')]
    const states = numericParams(query, 'state', /^[0-2]$/)
    const handled = handledFilter(query)
    const hosts = liveHosts(store, principal, monitoring).filter(
      (live) =>
        (!inGroups || inGroups(live.host)) &&
        (!names.length || names.includes(live.host.name)) &&
        (!states.length || states.includes(HOST_STATE_NUMBERS[live.runtime.state])) &&
        (!handled || (handled === 'unhandled') === live.unhandled),
    )
    return {
      matching: hosts,
      summary: summaryOf(hosts),
    }
  })
  const { items, meta } = page(matching, query)
  return {
    list: items.map((live) => hostStatusItem(view, live, shown)),
    summary: withReloadTime(store, { ...summary, ...meta }, shown),
  }
}

/**
 * Hosts with their services matching the service filters. `acknowledgeable` keeps unhandled
 * problems only (`GET /rest/acknowledge`); both that and `GET /rest/recheck` answer in this shape.
 */
export function listServiceStatus(
  view: StatusView,
  principal: Principal,
  query: URLSearchParams,
  purpose: 'status' | 'acknowledge' | 'recheck' = 'status',
): { list: ServiceStatusHost[]; summary: StatusSummary } {
  if (purpose === 'status') assertCanView(principal)
  const { store, monitoring } = view
  const shown = presentation(store, query)
  const { matching, summary } = cachedView(view, principal, selectionKey(`service:${purpose}`, query), () => {
    const inGroups = hostgroupFilter(store, query)
    const hostNames = [...query.getAll('host'), ...query.getAll('hostname')]
    const serviceNames = [...query.getAll('servicename'), ...query.getAll('servicecheck')]
    const states = numericParams(query, 'state', /^[0-3]$/)
    const handled = purpose === 'acknowledge' ? 'unhandled' : handledFilter(query)
    const hosts: LiveHost[] = []
    for (const live of liveHosts(store, principal, monitoring)) {
      if (inGroups && !inGroups(live.host)) continue
      if (hostNames.length && !hostNames.includes(live.host.name)) continue
      const services = live.services.filter(
        (item) =>
          (!serviceNames.length || serviceNames.includes(item.service.name)) &&
          (!states.length || states.includes(SERVICE_STATE_NUMBERS[item.service.state])) &&
          (!handled || (handled === 'unhandled') === item.unhandled),
      )
      if (services.length || (purpose === 'acknowledge' && live.unhandled)) hosts.push({ ...live, services })
    }
    return {
      matching: hosts,
      summary: summaryOf(hosts),
    }
  })
  const { items, meta } = page(matching, query)
  return {
    list: items.map((live) => ({
      ...hostStatusItem(view, live, shown),
      services: live.services.map((item) => serviceStatusItem(view, live.host.id, item, shown)),
    })),
    summary: withReloadTime(store, { ...summary, ...meta }, shown),
  }
}

export function listHostgroupStatus(
  view: StatusView,
  principal: Principal,
  query: URLSearchParams,
): { list: HostgroupStatus[]; summary: StatusSummary } {
  assertCanView(principal)
  const { store, monitoring } = view
  const shown = presentation(store, query)
  const result = cachedView(view, principal, selectionKey('hostgroup', query), () => {
    const ids = numericParams(query, 'hostgroupid', /^[0-9]+$/)
    const parentIds = numericParams(query, 'parentid', /^[0-9]+$/)
    const live = liveHosts(store, principal, monitoring)
    const groups = [...store.hostgroups()].filter(
      (group) =>
        (!principal.visibleHostgroupIds || principal.visibleHostgroupIds.has(group.id)) &&
        (!ids.length || ids.includes(group.id)) &&
        (!parentIds.length || (group.parent !== null && parentIds.includes(refId(group.parent)))),
    )
    const byGroup = new Map<string, LiveHost[]>()
    for (const item of live) {
      const groupId = refId(item.host.hostgroup)
      const list = byGroup.get(groupId)
      if (list) list.push(item)
      else byGroup.set(groupId, [item])
    }
    const covered = new Map<string, LiveHost>()
    const list = groups.map((group) => {
      const hosts = [...descendants(store, [group.id])].flatMap((id) => byGroup.get(id) ?? [])
      for (const item of hosts) covered.set(item.host.id, item)
      return hostgroupItem(store, group, hosts)
    })
    const coveredHosts = [...covered.values()]
    return {
      list,
      summary: summaryOf(coveredHosts),
    }
  })
  return { list: result.list, summary: withReloadTime(store, result.summary, shown) }
}

function hostgroupItem(store: OpsviewStore, group: HostgroupRecord, hosts: LiveHost[]): HostgroupStatus {
  const services = hosts.flatMap((item) => item.services)
  const worst = services.reduce<ServiceState>(
    (current, item) => (SERVICE_SEVERITY.indexOf(item.service.state) > SERVICE_SEVERITY.indexOf(current) ? item.service.state : current),
    'ok',
  )
  const matpath: HostgroupStatus['matpath'] = []
  for (
    let cursor = group.parent ? store.hostgroup(refId(group.parent)) : undefined;
    cursor;
    cursor = cursor.parent ? store.hostgroup(refId(cursor.parent)) : undefined
  ) {
    matpath.unshift({ id: cursor.id, name: cursor.name })
  }
  return {
    hostgroupid: group.id,
    name: group.name,
    leaf: store.childGroups(group.id).length ? '0' : '1',
    matpath,
    computed_state: worst,
    downtime: hosts.length && hosts.every((item) => item.downtime === '2') ? '2' : '0',
    hosts: groupCounts(hosts.map((item) => [item.runtime.state, item.unhandled])),
    services: groupCounts(services.map((item) => [item.service.state, item.unhandled])),
  }
}

export function groupCounts(entries: Array<[state: string, unhandled: boolean]>): GroupStateCounts {
  const byState = new Map<string, { handled?: string; unhandled?: string }>()
  let handled = 0
  let unhandled = 0
  for (const [state, isUnhandled] of entries) {
    const key = isUnhandled ? 'unhandled' : 'handled'
    let bucket = byState.get(state)
    if (!bucket) byState.set(state, (bucket = {}))
    bucket[key] = String(Number(bucket[key] ?? 0) + 1)
    if (isUnhandled) unhandled++
    else handled++
  }
  return {
    ...Object.fromEntries(byState),
    handled: String(handled),
    unhandled: String(unhandled),
    total: String(handled + unhandled),
  } as GroupStateCounts
}
