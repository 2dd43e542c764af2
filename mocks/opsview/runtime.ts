import { MockError } from '../core/mock-error'
import { isPlainObject } from '../core/body'
import { likeMatcher } from '../core/like'
import { ownValue } from '../core/own'
import { requireSupportedTime } from '../core/time'
import { paginate } from './paging'
import { formatTimestamp, liveHosts } from './status'
import type { OpsviewStore, Principal } from './store'
import type { Downtime, RuntimeObjects } from './spec-types'

/**
 * Downtime and acknowledgement: select hosts and services with Opsview's `hst.*`, `svc.*` and `hg.*`
 * parameters (query string or body), then change runtime state that status views read.
 */
type Fields = Record<string, unknown>

interface Selection {
  hostIds: string[]
  services: Array<{ hostId: string; serviceId: string }>
}

const SELECTOR = /^(hst|svc|hg)\.[a-z]+$/

/** Selector values from the query string and the body, each possibly repeated. */
function selectorValues(query: URLSearchParams, body: Fields, name: string): string[] {
  const fromBody = ownValue(body, name)
  const bodyValues = fromBody === undefined ? [] : (Array.isArray(fromBody) ? fromBody : [fromBody]).map(String)
  return [...query.getAll(name), ...bodyValues]
}

function hasSelector(query: URLSearchParams, body: Fields): boolean {
  return [...query.keys(), ...Object.keys(body)].some((key) => SELECTOR.test(key))
}

export function select(store: OpsviewStore, principal: Principal, query: URLSearchParams, body: Fields): Selection {
  if (!hasSelector(query, body)) {
    throw new MockError('BAD_REQUEST', 'No objects selected: give hst.hostname, svc.hostname/svc.servicename or hg.hostgroupid parameters')
  }
  const matchAny = (values: string[]) => {
    const matchers = values.map((value) => (value.includes('%') ? likeMatcher(value) : (text: string) => text === value))
    return (text: string) => matchers.some((matches) => matches(text))
  }
  const live = liveHosts(store, principal)
  const hostIds = new Set<string>()
  const hstNames = selectorValues(query, body, 'hst.hostname')
  const hstIds = selectorValues(query, body, 'hst.id')
  const groupIds = selectorValues(query, body, 'hg.hostgroupid')
  const groupNames = selectorValues(query, body, 'hg.name')
  if (hstNames.length || hstIds.length) {
    const byName = matchAny(hstNames)
    for (const item of live) if (byName(item.host.name) || hstIds.includes(item.host.id)) hostIds.add(item.host.id)
  }
  if (groupIds.length || groupNames.length) {
    const matchName = matchAny(groupNames)
    const roots = [...store.hostgroups()].filter((group) => groupIds.includes(group.id) || matchName(group.name)).map((group) => group.id)
    const groups = store.groupAndDescendants(roots)
    for (const item of live) if (groups.has(item.host.hostgroup.ref!.split('/').pop()!)) hostIds.add(item.host.id)
  }
  const services: Selection['services'] = []
  const svcHosts = selectorValues(query, body, 'svc.hostname')
  const svcNames = selectorValues(query, body, 'svc.servicename')
  const svcIds = selectorValues(query, body, 'svc.id')
  if (svcHosts.length || svcNames.length || svcIds.length) {
    const hostMatches = svcHosts.length ? matchAny(svcHosts) : () => true
    const nameMatches = svcNames.length ? matchAny(svcNames) : () => true
    for (const item of live) {
      if (!hostMatches(item.host.name)) continue
      for (const { service } of item.services) {
        if (svcIds.length ? svcIds.includes(service.id) : nameMatches(service.name))
          services.push({ hostId: item.host.id, serviceId: service.id })
      }
    }
  }
  return { hostIds: [...hostIds], services }
}

export function describe(store: OpsviewStore, selection: Selection): RuntimeObjects {
  const hostName = (id: string) => store.host(id)?.name ?? ''
  const serviceName = (hostId: string, serviceId: string) =>
    store.runtime.get(hostId)?.services.find((service) => service.id === serviceId)?.name ?? ''
  return {
    summary: { num_hosts: String(selection.hostIds.length), num_services: String(selection.services.length) },
    list: {
      hosts: selection.hostIds.map((id) => ({ id, hostname: hostName(id) })),
      services: selection.services.map(({ hostId, serviceId }) => ({
        id: serviceId,
        hostname: hostName(hostId),
        servicename: serviceName(hostId, serviceId),
      })),
    },
  }
}

function requireText(body: Fields, name: string): string {
  const value = ownValue(body, name)
  if (typeof value !== 'string' && typeof value !== 'number') throw new MockError('BAD_REQUEST', `Missing ${name}`)
  return String(value)
}

const OFFSET_UNIT_SECONDS = new Map([
  ['', 1],
  ['s', 1],
  ['m', 60],
  ['h', 3600],
  ['d', 86400],
  ['w', 604800],
])

/**
 * Opsview accepts "now", epoch seconds, "+2h"-style offsets and "YYYY/MM/DD HH:MM[:SS]" (server time, UTC here).
 * Out-of-range dates such as "2030/00/01" roll over like Perl's timegm_nocheck instead of failing,
 * because real clients send them (opsview-nodejs).
 */
export function parseOpsviewTime(text: string, now: number): number | undefined {
  const value = text.trim()
  if (value === 'now') return now
  if (/^[0-9]{9,11}$/.test(value)) return Number(value)
  const offset = /^\+([0-9]+)\s*([smhdw]?)$/.exec(value)
  if (offset) return now + Number(offset[1]) * OFFSET_UNIT_SECONDS.get(offset[2]!)!
  const dated = /^([0-9]{4})[/-]([0-9]{1,2})[/-]([0-9]{1,2})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?Z?$/.exec(value)
  if (dated) {
    const [, year, month, day, hours = '0', minutes = '0', seconds = '0'] = dated
    return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds)) / 1000
  }
  return undefined
}

function assertAccess(principal: Principal, all: 'DOWNTIMEALL' | 'ACTIONALL', some: 'DOWNTIMESOME' | 'ACTIONSOME'): void {
  if (!principal.access.has(all) && !principal.access.has(some)) throw new MockError('FORBIDDEN', `Access denied: needs ${all} or ${some}`)
}

export function createDowntime(store: OpsviewStore, principal: Principal, query: URLSearchParams, body: Fields): RuntimeObjects {
  assertAccess(principal, 'DOWNTIMEALL', 'DOWNTIMESOME')
  const now = store.clock.nowSeconds()
  const start = parseOpsviewTime(requireText(body, 'starttime'), now)
  const end = parseOpsviewTime(requireText(body, 'endtime'), now)
  const comment = requireText(body, 'comment')
  if (start === undefined) throw new MockError('BAD_REQUEST', `Invalid starttime '${String(body.starttime)}'`)
  if (end === undefined) throw new MockError('BAD_REQUEST', `Invalid endtime '${String(body.endtime)}'`)
  // Range-checked before anything is stored: a downtime ending in year 11 million broke every later list.
  requireSupportedTime(start, `starttime '${String(body.starttime).slice(0, 40)}'`)
  requireSupportedTime(end, `endtime '${String(body.endtime).slice(0, 40)}'`)
  if (end <= start) throw new MockError('BAD_REQUEST', 'endtime must be after starttime')
  const selection = select(store, principal, query, body)
  if (selection.hostIds.length || selection.services.length) {
    store.addDowntime({
      start,
      end,
      comment,
      author: principal.contact.name,
      hostIds: selection.hostIds,
      serviceIds: selection.services.map((item) => item.serviceId),
    })
  }
  return describe(store, selection)
}

export function deleteDowntimes(store: OpsviewStore, principal: Principal, query: URLSearchParams, body: Fields): RuntimeObjects {
  assertAccess(principal, 'DOWNTIMEALL', 'DOWNTIMESOME')
  const selection = select(store, principal, query, body)
  const serviceIds = new Set(selection.services.map((item) => item.serviceId))
  for (const record of [...store.downtimes.values()]) {
    record.hostIds = record.hostIds.filter((id) => !selection.hostIds.includes(id))
    record.serviceIds = record.serviceIds.filter((id) => !serviceIds.has(id))
    if (!record.hostIds.length && !record.serviceIds.length) store.downtimes.delete(record.id)
  }
  return describe(store, selection)
}

export function listDowntimes(
  store: OpsviewStore,
  principal: Principal,
  query: URLSearchParams,
): {
  list: Downtime[]
  summary: { rows: string; allrows: string; page: string; totalrows: string; totalpages: string; num_hosts: string; num_services: string }
} {
  assertAccess(principal, 'DOWNTIMEALL', 'DOWNTIMESOME')
  const now = store.clock.nowSeconds()
  // Epoch seconds unless format_datetime=1 asks for server-time text (Opsview 6.8 downtime listing docs).
  const formatted = query.get('format_datetime') === '1'
  const time = (epoch: number) => (formatted ? formatTimestamp(epoch) : String(epoch))
  const visible = new Set(liveHosts(store, principal).map((item) => item.host.id))
  const all = [...store.downtimes.values()].filter(
    (record) => record.end > now && [...record.hostIds, ...hostsOfServices(store, record.serviceIds)].some((id) => visible.has(id)),
  )
  const { items, rows, page, totalpages } = paginate(all, query)
  return {
    list: items.map((record) => {
      const objects = describe(store, {
        hostIds: record.hostIds,
        services: record.serviceIds.map((serviceId) => ({ serviceId, hostId: hostsOfServices(store, [serviceId])[0] ?? '' })),
      }).list
      return {
        started: record.start <= now ? '1' : '0',
        start_time: time(record.start),
        scheduled_end_time: time(record.end),
        comment: record.comment,
        author: record.author,
        objects,
      }
    }),
    summary: {
      rows,
      allrows: String(all.length),
      page,
      totalrows: String(all.length),
      totalpages,
      num_hosts: String(new Set(all.flatMap((record) => record.hostIds)).size),
      num_services: String(new Set(all.flatMap((record) => record.serviceIds)).size),
    },
  }
}

function hostsOfServices(store: OpsviewStore, serviceIds: string[]): string[] {
  const result: string[] = []
  for (const runtime of store.runtime.values())
    if (runtime.services.some((service) => serviceIds.includes(service.id))) result.push(runtime.hostId)
  return result
}

export function acknowledge(store: OpsviewStore, principal: Principal, query: URLSearchParams, body: Fields): RuntimeObjects {
  assertAccess(principal, 'ACTIONALL', 'ACTIONSOME')
  requireText(body, 'comment')
  const selection = select(store, principal, query, body)
  // Only problems can be acknowledged; OK hosts and services are left out of the answer.
  const hostIds = selection.hostIds.filter((id) => store.runtime.get(id)?.state !== 'up')
  const services = selection.services.filter(
    ({ hostId, serviceId }) => store.runtime.get(hostId)?.services.find((service) => service.id === serviceId)?.state !== 'ok',
  )
  for (const id of hostIds) store.runtime.get(id)!.acknowledged = true
  for (const { hostId, serviceId } of services)
    store.runtime.get(hostId)!.services.find((service) => service.id === serviceId)!.acknowledged = true
  return describe(store, { hostIds, services })
}

export function bodyFields(value: unknown): Fields {
  return isPlainObject(value) ? value : {}
}
