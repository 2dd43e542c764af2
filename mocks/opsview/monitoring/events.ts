import { MockError } from '../../core/mock-error'
import { likeMatcher } from '../../core/like'
import { paging } from '../paging'
import { parseOpsviewTime } from '../runtime'
import type { OpsviewStore, Principal } from '../store'
import { membershipFilter } from './membership'
import type { MonitoringEngine, MonitoringEvent } from './engine'
import type { components } from '../../generated/opsview'

/**
 * `GET /rest/event`: state changes, acknowledgements and downtime starts and ends as they happened,
 * newest first, with Opsview's filters and its `entries`/`pages`/`total_entries` paging summary.
 */
const HOST_STATES = ['up', 'down', 'unreachable']
const SERVICE_STATES = ['ok', 'warning', 'critical', 'unknown']

type EventItem = components['schemas']['Event']
export type EventList = components['schemas']['EventList']

/** Numeric or named states (`0`/`ok`), repeatable; anything else is a 400 naming the parameter. */
function states(query: URLSearchParams, name: string, names: string[]): Set<string> {
  const result = new Set<string>()
  for (const value of query.getAll(name)) {
    const state = /^[0-9]$/.test(value) ? names[Number(value)] : names.includes(value.toLowerCase()) ? value.toLowerCase() : undefined
    if (!state)
      throw new MockError('BAD_REQUEST', `Invalid ${name} '${value}': use ${names.map((item, index) => `${item}/${index}`).join(', ')}`)
    result.add(state)
  }
  return result
}

function timeBound(query: URLSearchParams, name: string, now: number): number | undefined {
  const value = query.get(name)
  if (value === null || value === '') return undefined
  const parsed = parseOpsviewTime(value, now)
  if (parsed === undefined) throw new MockError('BAD_REQUEST', `Invalid ${name} '${value}': use epoch seconds or "YYYY-MM-DD HH:MM:SS"`)
  return parsed
}

function sortDirection(query: URLSearchParams): 'asc' | 'desc' {
  const sortby = query.get('sortby')
  if (sortby === null) return 'desc'
  let parsed: unknown
  try {
    parsed = JSON.parse(sortby)
  } catch {
    throw new MockError('BAD_REQUEST', `Invalid sortby: expected JSON such as [{"col":"time","order":"desc"}]`)
  }
  const first = Array.isArray(parsed) ? (parsed[0] as { col?: unknown; order?: unknown } | undefined) : undefined
  if (!first || (first.col !== 'time' && first.col !== 'eventid') || (first.order !== 'asc' && first.order !== 'desc'))
    throw new MockError('BAD_REQUEST', 'Invalid sortby: the mock orders by time or eventid, asc or desc')
  return first.order
}

export function listEvents(
  store: OpsviewStore,
  monitoring: MonitoringEngine,
  principal: Principal,
  query: URLSearchParams,
  descendants: (groupIds: string[]) => Set<string>,
): EventList {
  const now = store.clock.nowSeconds()
  const hostStates = states(query, 'host_state', HOST_STATES)
  const serviceStates = states(query, 'service_state', SERVICE_STATES)
  const hosts = query.getAll('host')
  const services = query.getAll('service').map(likeMatcher)
  const searches = query.getAll('search').map((term) => term.toLowerCase())
  const eventtypes = query.getAll('eventtype')
  for (const value of eventtypes) if (!/^[0-3]$/.test(value)) throw new MockError('BAD_REQUEST', `Invalid eventtype '${value}': use 0 to 3`)
  const stateType = query.get('state_type')
  if (stateType !== null && !['0', '1', 'soft', 'hard'].includes(stateType))
    throw new MockError('BAD_REQUEST', `Invalid state_type '${stateType}': use soft/0 or hard/1`)
  const groupIds = [...query.getAll('hostgroupid'), ...query.getAll('host_group')]
  for (const id of groupIds) if (!/^[0-9]+$/.test(id)) throw new MockError('BAD_REQUEST', `Invalid hostgroupid '${id}'`)
  const inGroups = groupIds.length ? descendants(groupIds) : undefined
  const start = timeBound(query, 'startTime', now)
  const end = timeBound(query, 'endTime', now)
  const savedMax = query.get('saved_maxeventid')
  if (savedMax !== null && !/^[0-9]+$/.test(savedMax)) throw new MockError('BAD_REQUEST', `Invalid saved_maxeventid '${savedMax}'`)
  const direction = sortDirection(query)
  const serviceOnly = query.get('serviceonly') !== null && query.get('serviceonly') !== '0'
  const member = membershipFilter(store, query, ['keyword', 'htid', 'bsid', 'bcid'])
  const project = columns(query.get('cols'))

  const matches = (event: MonitoringEvent): boolean => {
    if (principal.scope || member) {
      const host = store.host(event.hostId)
      if (!host || (principal.scope && !store.canSee(principal, 'host', host))) return false
      if (member && !member(host, event.servicename)) return false
    }
    if (serviceOnly && !event.serviceId) return false
    if (eventtypes.length && !eventtypes.includes(String(event.eventtype))) return false
    if (stateType === '0' || stateType === 'soft') return false
    if (hostStates.size && !(event.serviceId === undefined && hostStates.has(event.state))) return false
    if (serviceStates.size && !(event.serviceId !== undefined && serviceStates.has(event.state))) return false
    if (hosts.length && !hosts.includes(event.hostname)) return false
    if (services.length && !(event.servicename !== undefined && services.some((matcher) => matcher(event.servicename!)))) return false
    if (inGroups && !inGroups.has(event.hostgroupId)) return false
    if (start !== undefined && event.time < start) return false
    if (end !== undefined && event.time > end) return false
    const text = `${event.hostname} ${event.servicename ?? ''} ${event.output}`.toLowerCase()
    return searches.every((term) => text.includes(term))
  }
  const all = monitoring.events
  const matching = all.filter(matches)
  if (direction === 'desc') matching.reverse()
  const { rows, page } = paging(query, 50)
  const perPage = rows === 'all' ? Math.max(matching.length, 1) : rows
  const slice = rows === 0 ? [] : matching.slice((page - 1) * perPage, page * perPage)
  const filteredMax = matching.reduce((max, event) => Math.max(max, event.eventid), 0)
  return {
    list: slice.map((event) => project(eventItem(event))),
    summary: {
      entries: String(slice.length),
      page: String(page),
      pages: String(rows === 0 ? 0 : Math.ceil(matching.length / perPage)),
      total_entries: String(matching.length),
      maxeventid: String(all.length ? all[all.length - 1]!.eventid : 0),
      filtered_maxeventid: String(filteredMax),
      ...(savedMax !== null
        ? { filtered_new_event_count: String(matching.filter((event) => event.eventid > Number(savedMax)).length) }
        : {}),
    },
  }
}

const EVENT_COLUMNS = new Set([
  'eventid',
  'eventtype',
  'time',
  'hostname',
  'host_group',
  'host_group_id',
  'objectid',
  'servicename',
  'state',
  'state_type',
  'output',
  'markdown',
  'ack_author',
  'ack_comment',
  'downtime_author',
  'downtime_comment',
  'downtime_start',
  'downtime_end',
])

/**
 * `cols`, as the configuration lists take it: plain names answer only those columns, `-name` leaves
 * one out, `+name` keeps the rest and adds it (every event column is answered by default, so `+` only
 * matters next to plain names). `eventid` always comes back; an unknown column is a 400.
 */
function columns(cols: string | null): (item: EventItem) => EventItem {
  const requested = (cols ?? '')
    .split(',')
    .map((column) => column.trim())
    .filter(Boolean)
  if (!requested.length) return (item) => item
  const named = requested.map((column) => (column.startsWith('-') || column.startsWith('+') ? column.slice(1) : column))
  for (const column of named) if (!EVENT_COLUMNS.has(column)) throw new MockError('BAD_REQUEST', `Invalid cols: unknown column '${column}'`)
  const excluded = new Set(requested.filter((column) => column.startsWith('-')).map((column) => column.slice(1)))
  const only = requested.filter((column) => !column.startsWith('-')).map((column) => column.replace(/^\+/, ''))
  const plain = requested.some((column) => !column.startsWith('-') && !column.startsWith('+'))
  // Keys come from the item itself (never from the query), so the projection is a filter over its entries.
  const wanted = (key: string) => key === 'eventid' || (!excluded.has(key) && (!plain || only.includes(key)))
  return (item) => Object.fromEntries(Object.entries(item).filter(([key]) => wanted(key))) as EventItem
}

function eventItem(event: MonitoringEvent): EventItem {
  return {
    eventid: String(event.eventid),
    eventtype: String(event.eventtype) as EventItem['eventtype'],
    time: String(event.time),
    hostname: event.hostname,
    host_group: event.hostgroup,
    host_group_id: event.hostgroupId,
    objectid: event.serviceId ?? event.hostId,
    ...(event.servicename !== undefined ? { servicename: event.servicename } : {}),
    state: event.state,
    state_type: 'hard' as const,
    output: event.output,
    markdown: '0' as const,
    ...(event.ack ? { ack_author: event.ack.author, ack_comment: event.ack.comment } : {}),
    ...(event.downtime
      ? {
          downtime_author: event.downtime.author,
          downtime_comment: event.downtime.comment,
          downtime_start: String(event.downtime.start),
          downtime_end: String(event.downtime.end),
        }
      : {}),
  }
}
