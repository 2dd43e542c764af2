import { MockError } from '../../core/mock-error'
import { paginate } from '../paging'
import {
  assertCanView,
  cachedView,
  descendants,
  groupCounts,
  handledFilter,
  HOST_STATE_NUMBERS,
  liveHosts,
  numericParams,
  SERVICE_SEVERITY,
  SERVICE_STATE_NUMBERS,
  summaryOf,
  type LiveHost,
  type LiveService,
  type StatusView,
} from '../status'
import { refId, type Principal } from '../store'
import type { ServiceState } from '../spec-types'
import { businessServices, components, groupPath, keywords, templateChecks, type ComponentDefinition } from './relations'
import type { ServiceRef } from './perf'

/**
 * The runtime listings, detail, hashtag and BSM views over the live estate the caller may see.
 * Hidden objects are left out of every list and count; where a list must keep a slot (the host
 * dependency map), a hidden host is `null`, never its name.
 */
export function serviceRefs(view: StatusView, principal: Principal): ServiceRef[] {
  assertCanView(principal)
  return cachedView(view, principal, 'service-refs', () =>
    liveHosts(view.store, principal, view.monitoring).flatMap(({ host, services }) =>
      services.map(({ service }) => ({
        hostId: host.id,
        hostname: host.name,
        hostgroupId: refId(host.hostgroup),
        hostgroupPath: groupPath(view.store, refId(host.hostgroup)),
        hosttemplateIds: host.hosttemplates.map(refId),
        serviceId: service.id,
        servicename: service.name,
        lastCheck: view.monitoring.lastCheck(host.id, service.id, service.lastCheck),
      })),
    ),
  )
}

export const groupsBelow = (view: StatusView) => (ids: string[]) => descendants(view.store, ids)

function visibleLive(view: StatusView, principal: Principal, query: URLSearchParams): LiveHost[] {
  assertCanView(principal)
  const ids = numericParams(query, 'hostgroupid', /^[0-9]+$/)
  const groups = ids.length ? descendants(view.store, ids) : undefined
  const names = [...query.getAll('host'), ...query.getAll('hostname')]
  return liveHosts(view.store, principal, view.monitoring).filter(
    (live) => (!groups || groups.has(refId(live.host.hostgroup))) && (!names.length || names.includes(live.host.name)),
  )
}

function rowsOf<T>(items: T[], query: URLSearchParams, defaultRows: number | 'all'): T[] {
  return paginate(items, query, defaultRows).items
}

export function runtimeServices(view: StatusView, principal: Principal, query: URLSearchParams) {
  const groupBy = query.get('group_by') ?? 'host'
  if (groupBy !== 'host' && groupBy !== 'service') throw new MockError('BAD_REQUEST', `Invalid group_by '${groupBy}': use host or service`)
  const distinct = query.get('distinct') === '1'
  const serviceNames = query.getAll('servicename')
  const pairs = (hosts: LiveHost[]) =>
    hosts.flatMap(({ host, services }) =>
      services
        .filter(({ service }) => !serviceNames.length || serviceNames.includes(service.name))
        .map(({ service }) => [host.name, service.name] as const),
    )
  const grouped = (list: ReadonlyArray<readonly [string, string]>) => {
    const groups = new Map<string, string[]>()
    for (const [hostName, serviceName] of list) {
      const [key, value] = groupBy === 'host' ? [hostName, serviceName] : [serviceName, hostName]
      const members = groups.get(key)
      if (members) members.push(value)
      else groups.set(key, [value])
    }
    return [...groups].sort(([a], [b]) => a.localeCompare(b))
  }
  const all = grouped(pairs(liveHosts(view.store, principal, view.monitoring)))
  const matching = grouped(pairs(visibleLive(view, principal, query)))
  const page = rowsOf(matching, query, 50)
  const count = (groups: Array<[string, string[]]>) =>
    distinct ? groups.length : groups.reduce((sum, [, members]) => sum + members.length, 0)
  return {
    rows: String(count(page)),
    allrows: String(count(matching)),
    total: String(count(all)),
    list: page.map(([name, members]) => (distinct ? { name } : { name, list: [...members].sort() })),
  }
}

export function runtimeHosttemplates(view: StatusView, principal: Principal, query: URLSearchParams) {
  const hosts = visibleLive(view, principal, query)
  const withPerf = query.get('has_perfdata') !== null && query.get('has_perfdata') !== '0'
  const ids = new Set(hosts.flatMap(({ host }) => host.hosttemplates.map(refId)))
  const templates = [...view.store.config.all('hosttemplate')]
    .filter((template) => ids.has(template.id) && (!withPerf || templateChecks(view.store, template.id).size > 0))
    .sort((a, b) => a.name.localeCompare(b.name))
  return {
    rows: String(templates.length),
    allrows: String(templates.length),
    total: String(view.store.config.size('hosttemplate')),
    list: templates.map((template) => ({ id: template.id, name: template.name })),
  }
}

export function runtimeClusters(view: StatusView, principal: Principal) {
  assertCanView(principal)
  const clusters = new Map<string, string>()
  for (const { host } of liveHosts(view.store, principal, view.monitoring)) clusters.set(refId(host.monitored_by), host.monitored_by.name)
  const flag = (value: unknown): '0' | '1' => (value === '0' ? '0' : '1')
  return {
    list: [...clusters]
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([id, name]) => {
        const cluster = view.store.config.get('monitoringcluster', id)
        return {
          id: Number(id),
          name,
          activated: flag(cluster?.activated),
          passive: cluster?.passive === '1' ? ('1' as const) : ('0' as const),
        }
      }),
  }
}

export function runtimeNetwork(view: StatusView, principal: Principal, query: URLSearchParams) {
  const all = liveHosts(view.store, principal, view.monitoring)
  const visible = new Set(all.map(({ host }) => host.id))
  const parentsOf = (hostId: string): string[] => (view.store.host(hostId)?.parents ?? []).map((ref) => refId(ref))
  const children = new Map<string, string[]>()
  for (const host of view.store.hosts())
    for (const parent of parentsOf(host.id)) children.set(parent, [...(children.get(parent) ?? []), host.id])
  const nameIfVisible = (id: string) => (visible.has(id) ? view.store.host(id)!.name : null)
  let hosts = visibleLive(view, principal, query)
  const from = query.getAll('fromhostname')
  if (from.length) {
    const below = new Set<string>()
    const visit = (id: string) => {
      for (const child of children.get(id) ?? []) if (!below.has(child)) (below.add(child), visit(child))
    }
    for (const { host } of all) if (from.includes(host.name)) visit(host.id)
    hosts = hosts.filter(({ host }) => below.has(host.id))
  }
  if (query.get('only_with_children') === '1') hosts = hosts.filter(({ host }) => (children.get(host.id) ?? []).length > 0)
  const monitoredBy = numericParams(query, 'monitoredby', /^[0-9]+$/)
  if (monitoredBy.length) hosts = hosts.filter(({ host }) => monitoredBy.includes(refId(host.monitored_by)))
  const page = rowsOf(hosts, query, 'all')
  return {
    rows: String(page.length),
    allrows: String(hosts.length),
    total: String(all.length),
    list: page.map(({ host }) => ({
      name: host.name,
      parents: parentsOf(host.id).map(nameIfVisible),
      children: (children.get(host.id) ?? []).map(nameIfVisible),
    })),
  }
}

export function detail(view: StatusView, principal: Principal, query: URLSearchParams) {
  assertCanView(principal)
  const hostname = query.get('hostname')
  if (!hostname) throw new MockError('BAD_REQUEST', 'detail needs a hostname parameter')
  const servicename = query.get('servicename')
  const live = liveHosts(view.store, principal, view.monitoring).find(({ host }) => host.name === hostname)
  const item = servicename === null ? undefined : live?.services.find(({ service }) => service.name === servicename)
  if (!live || (servicename !== null && !item)) {
    throw new MockError('NOT_FOUND', `Object not found: ${servicename === null ? hostname : `${hostname}::${servicename}`}`)
  }
  const { monitoring, store } = view
  const { host, runtime } = live
  const target = item?.service ?? runtime
  const serviceId = item?.service.id
  const lastCheck = monitoring.lastCheck(host.id, serviceId, target.lastCheck)
  const result = monitoring.result(host.id, serviceId, lastCheck)
  const now = store.clock.nowSeconds()
  const flag = (value: boolean) => (value ? ('1' as const) : ('0' as const))
  return {
    object: {
      hostname: host.name,
      ...(item ? { servicename: item.service.name } : {}),
      state: target.state.toUpperCase() as 'OK',
      alias: host.alias ?? '',
      ip: host.ip,
      state_duration: String(Math.max(0, now - target.stateSince)),
      output: target.output,
      perfdata: result.perfdata,
      current_attempt: '1',
      max_attempts: item ? '3' : host.check_attempts,
      state_type: '1' as const,
      last_check: String(lastCheck),
      monitored_by: host.monitored_by.name,
      check_type: '1' as const,
      latency: (0.005 + ((Number(target === runtime ? host.id : serviceId) * 7) % 40) / 1000).toFixed(3),
      duration: (0.05 + ((Number(target === runtime ? host.id : serviceId) * 13) % 300) / 1000).toFixed(3),
      next_check_expected: String(monitoring.nextCheck(host.id, serviceId, target.lastCheck)),
      last_state_change: String(target.stateSince),
      acknowledged: flag(target.acknowledged),
      is_flapping: '0' as const,
      in_downtime: flag((item?.downtime ?? live.downtime) === '2'),
      status_update_time: String(lastCheck),
      active_checks: '1' as const,
      ...(item ? {} : { active_checks_services_enabled: String(runtime.services.length) }),
      passive_checks: '0' as const,
      notifications: '1' as const,
      ...(item ? {} : { notifications_services_enabled: String(runtime.services.length) }),
      event_handler: '0' as const,
    },
  }
}

// ---- hashtags ------------------------------------------------------------------------------------

function worst(states: ServiceState[]): ServiceState {
  return states.reduce<ServiceState>(
    (current, state) => (SERVICE_SEVERITY.indexOf(state) > SERVICE_SEVERITY.indexOf(current) ? state : current),
    'ok',
  )
}

function numericStates(query: URLSearchParams, name: string, max: number): string[] {
  return numericParams(query, name, new RegExp(`^[0-${max}]$`))
}

export function viewport(view: StatusView, principal: Principal, query: URLSearchParams, single?: string) {
  if (!['VIEWALL', 'VIEWSOME', 'VIEWPORTACCESS', 'ADMINACCESS'].some((access) => principal.access.has(access as never)))
    throw new MockError('FORBIDDEN', 'Access denied: hashtags need VIEWPORTACCESS, VIEWSOME or VIEWALL')
  const key = `viewport:${JSON.stringify([single ?? null, ...[...query].sort(([a], [b]) => a.localeCompare(b))])}`
  return cachedView(view, principal, key, () => computeViewport(view, principal, query, single))
}

function computeViewport(view: StatusView, principal: Principal, query: URLSearchParams, single: string | undefined) {
  const wanted = [
    ...query.getAll('keyword'),
    ...(single ? [single] : []),
    ...(query.get('single_hashtag') ? [query.get('single_hashtag')!] : []),
  ]
  const hostNames = query.getAll('host')
  const checks = query.getAll('servicecheck')
  const serviceHandled = handledFilter(query)
  const hostFilter = query.get('host_filter')
  if (hostFilter !== null && hostFilter !== 'handled' && hostFilter !== 'unhandled')
    throw new MockError('BAD_REQUEST', `Invalid host_filter '${hostFilter}': use handled or unhandled`)
  const states = numericStates(query, 'state', 3)
  const hostStates = numericStates(query, 'host_state', 2)
  const live = liveHosts(view.store, principal, view.monitoring)
  const tags = keywords(view.store).filter(
    (tag) =>
      tag.enabled && (!wanted.length || wanted.includes(tag.name)) && (!principal.scope?.keywords || principal.scope.keywords.has(tag.id)),
  )
  const coveredHosts = new Map<string, LiveHost>()
  const coveredServices = new Map<string, LiveService>()
  const items = tags
    .map((tag) => {
      const hosts = live.filter(
        (item) =>
          tag.hasHost(item.host) &&
          (!hostNames.length || hostNames.includes(item.host.name)) &&
          (!hostStates.length || hostStates.includes(HOST_STATE_NUMBERS[item.runtime.state])) &&
          (!hostFilter || (hostFilter === 'unhandled') === item.unhandled),
      )
      const services = hosts.flatMap((item) =>
        item.services.filter(
          ({ service, unhandled }) =>
            tag.hasServicecheck(service.name) &&
            (!checks.length || checks.includes(service.name)) &&
            (!states.length || states.includes(SERVICE_STATE_NUMBERS[service.state])) &&
            (!serviceHandled || (serviceHandled === 'unhandled') === unhandled),
        ),
      )
      return { tag, hosts, services }
    })
    .filter(({ hosts }) => hosts.length > 0 || !principal.visibleHostgroupIds)
  // A hashtag whose objects the caller cannot see does not exist for them.
  if (single && !items.some(({ tag }) => tag.name === single)) throw new MockError('NOT_FOUND', `Hashtag not found: ${single}`)
  const list = items.map(({ tag, hosts, services }) => {
    for (const host of hosts) coveredHosts.set(host.host.id, host)
    for (const service of services) coveredServices.set(service.service.id, service)
    const serviceState = worst(services.map(({ service }) => service.state))
    const downtimes = [...hosts.map((item) => item.downtime), ...services.map((item) => item.downtime)].filter((state) => state !== '0')
    return {
      name: tag.name,
      description: tag.description,
      computed_state: hosts.some((item) => item.runtime.state !== 'up') ? ('critical' as const) : serviceState,
      downtime: downtimes.length ? (downtimes.includes('2') ? ('2' as const) : ('1' as const)) : null,
      hosts: groupCounts(hosts.map((item) => [item.runtime.state, item.unhandled])),
      services: { ...groupCounts(services.map((item) => [item.service.state, item.unhandled])), computed_state: serviceState },
    }
  })
  return {
    list: rowsOf(list, query, 'all'),
    summary: summaryOf([...coveredHosts.values()], [...coveredServices.values()]),
  }
}

// ---- business service monitoring -----------------------------------------------------------------

interface ComponentState {
  definition: ComponentDefinition
  hosts: Array<{ live: LiveHost; failed: boolean }>
  status: 'OPERATIONAL' | 'FAILED' | 'DOWNTIME'
}

function assertBsm(principal: Principal): void {
  if (!principal.access.has('BSM') && !principal.access.has('ADMINACCESS'))
    throw new MockError('FORBIDDEN', 'Access denied: business service monitoring needs BSM')
}

function flagParam(query: URLSearchParams, name: string): boolean {
  const value = query.get(name)
  return value !== null && ['1', 'true'].includes(value.toLowerCase())
}

function componentStates(view: StatusView, principal: Principal): ComponentState[] {
  const live = new Map(liveHosts(view.store, principal, view.monitoring).map((item) => [item.host.id, item]))
  const result: ComponentState[] = []
  for (const definition of components(view.store)) {
    // A component with a host the caller may not see is not shown at all, so nothing leaks through its counts.
    if (
      definition.hostIds.some((id) => view.store.host(id) && !live.has(id) && !view.store.canSee(principal, 'host', view.store.host(id)!))
    )
      continue
    const checks = templateChecks(view.store, definition.hosttemplateId)
    const hosts = definition.hostIds.flatMap((id) => {
      const item = live.get(id)
      if (!item) return []
      const failed =
        item.runtime.state !== 'up' || item.services.some(({ service }) => checks.has(service.name) && service.state === 'critical')
      return [{ live: item, failed }]
    })
    const working = hosts.filter((host) => !host.failed).length
    const needed = Math.ceil((hosts.length * definition.quorumPct) / 100)
    const status =
      hosts.length && hosts.every((host) => host.live.downtime === '2')
        ? 'DOWNTIME'
        : working < Math.max(needed, 1)
          ? 'FAILED'
          : 'OPERATIONAL'
    result.push({ definition, hosts, status })
  }
  return result
}

function componentItem(view: StatusView, state: ComponentState, hostDetail: boolean) {
  const { definition, hosts, status } = state
  const failed = hosts.filter((host) => host.failed)
  const working = hosts.length - failed.length
  const needed = Math.max(1, Math.ceil((hosts.length * definition.quorumPct) / 100))
  const template = view.store.config.get('hosttemplate', definition.hosttemplateId)
  return {
    id: Number(definition.id),
    name: definition.name,
    status,
    availability: status === 'FAILED' ? 0 : 100,
    impacted: status === 'OPERATIONAL' && failed.length > 0,
    hosts_total: hosts.length,
    hosts_failed: failed.length,
    hosts_acknowledged: failed.filter(
      (host) => host.live.runtime.acknowledged || host.live.services.some(({ service }) => service.acknowledged),
    ).length,
    hosts_downtime: hosts.filter((host) => host.live.downtime === '2').length,
    acknowledged:
      failed.length > 0 &&
      failed.every((host) => host.live.runtime.acknowledged || host.live.services.some(({ service }) => service.acknowledged)),
    resiliency:
      hosts.length > needed
        ? Math.max(0, Math.min(100, Math.floor(((working - needed) * 100) / (hosts.length - needed))))
        : working >= needed
          ? 0
          : 0,
    htname: template?.name ?? '',
    htid: Number(definition.hosttemplateId),
    has_icon: 0,
    ...(hostDetail
      ? {
          hosts: hosts.map(({ live, failed: hostFailed }) => ({
            id: Number(live.host.id),
            name: live.host.name,
            state: live.runtime.state,
            failed: hostFailed,
          })),
        }
      : {}),
  }
}

export function bsmComponents(view: StatusView, principal: Principal, query: URLSearchParams) {
  assertBsm(principal)
  const ids = numericParams(query, 'cid', /^[0-9]+$/)
  const bsids = numericParams(query, 'bsid', /^[0-9]+$/)
  const ofServices = new Set(
    businessServices(view.store)
      .filter((service) => bsids.includes(service.id))
      .flatMap((service) => service.componentIds),
  )
  const list = componentStates(view, principal)
    .filter(({ definition }) => (!ids.length || ids.includes(definition.id)) && (!bsids.length || ofServices.has(definition.id)))
    .map((state) => componentItem(view, state, flagParam(query, 'host_detail')))
  return { list, summary: { success: true, total: list.length } }
}

export function bsmServices(view: StatusView, principal: Principal, query: URLSearchParams) {
  assertBsm(principal)
  const ids = numericParams(query, 'bsid', /^[0-9]+$/)
  const cid = numericParams(query, 'cid', /^[0-9]+$/)
  const statuses = query.getAll('bs_status').map((status) => status.toUpperCase())
  for (const status of statuses)
    if (!['OPERATIONAL', 'OFFLINE', 'DOWNTIME'].includes(status))
      throw new MockError('BAD_REQUEST', `Invalid bs_status '${status}': use OPERATIONAL, OFFLINE or DOWNTIME`)
  const impactedOnly = flagParam(query, 'impacted')
  const states = new Map(componentStates(view, principal).map((state) => [state.definition.id, state]))
  const list = businessServices(view.store)
    .filter((service) => service.componentIds.every((id) => states.has(id) || !components(view.store).some((item) => item.id === id)))
    .filter((service) => (!ids.length || ids.includes(service.id)) && (!cid.length || service.componentIds.some((id) => cid.includes(id))))
    .map((service) => {
      const items = service.componentIds.flatMap((id) => {
        const state = states.get(id)
        return state ? [componentItem(view, state, flagParam(query, 'host_detail'))] : []
      })
      const failed = items.filter((item) => item.status === 'FAILED')
      const status =
        items.length && items.every((item) => item.status === 'DOWNTIME') ? 'DOWNTIME' : failed.length ? 'OFFLINE' : 'OPERATIONAL'
      return {
        id: Number(service.id),
        name: service.name,
        ...(cid.length ? {} : { availability: failed.length ? 0 : 100 }),
        status: status as 'OPERATIONAL' | 'OFFLINE' | 'DOWNTIME',
        acknowledged: failed.length > 0 && failed.every((item) => item.acknowledged),
        impacted: items.some((item) => item.impacted),
        components_total: items.length,
        components_failed: failed.length,
        components_acknowledged: failed.filter((item) => item.acknowledged).length,
        components_impacted: items.filter((item) => item.impacted).length,
        components_downtime: items.filter((item) => item.status === 'DOWNTIME').length,
        ...(flagParam(query, 'component_detail') ? { components: { summary: { success: true, total: items.length }, list: items } } : {}),
      }
    })
    .filter((service) => (!statuses.length || statuses.includes(service.status)) && (!impactedOnly || service.impacted))
  return { list, summary: { success: true, total: list.length } }
}
