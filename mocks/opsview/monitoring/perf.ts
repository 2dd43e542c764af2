import { MockError } from '../../core/mock-error'
import { likeMatcher } from '../../core/like'
import { paginate } from '../paging'
import { metricsFor, type MetricProfile } from './check-model'
import type { MonitoringEngine } from './engine'

/**
 * Performance metrics (`host::service::metric`) of the services the caller may see: their names
 * (`/rest/runtime/performancemetric`), latest values (`/rest/status/performancemetric`) and
 * series over time (`/rest/graph`), all computed from the same seeded model as check outputs.
 */
export interface ServiceRef {
  hostId: string
  hostname: string
  hostgroupId: string
  hostgroupPath: string
  hosttemplateIds: string[]
  serviceId: string
  servicename: string
  lastCheck: number
}

export interface MetricRef extends ServiceRef {
  profile: MetricProfile
}

function metricsOf(services: readonly ServiceRef[]): MetricRef[] {
  return services.flatMap((service) => metricsFor(service.servicename).map((profile) => ({ ...service, profile })))
}

const hsm = (metric: MetricRef) => `${metric.hostname}::${metric.servicename}::${metric.profile.name}`

function anyLike(values: string[]): ((text: string) => boolean) | undefined {
  if (!values.length) return undefined
  const matchers = values.map(likeMatcher)
  return (text) => matchers.some((matches) => matches(text))
}

/** The `host`/`service`/`metric` (LIKE, repeatable), `htid` and `hostgroupid` filters both listings share. */
function metricFilter(query: URLSearchParams, descendants: (ids: string[]) => Set<string>): (metric: MetricRef) => boolean {
  const host = anyLike([...query.getAll('host'), ...query.getAll('hostname')])
  const service = anyLike([...query.getAll('service'), ...query.getAll('servicename')])
  const metricName = anyLike([...query.getAll('metric'), ...query.getAll('metricname')])
  const templates = query.getAll('htid')
  const groupIds = query.getAll('hostgroupid')
  for (const id of [...templates, ...groupIds]) if (!/^[0-9]+$/.test(id)) throw new MockError('BAD_REQUEST', `Invalid id '${id}'`)
  const groups = groupIds.length ? descendants(groupIds) : undefined
  return (metric) =>
    (!host || host(metric.hostname)) &&
    (!service || service(metric.servicename)) &&
    (!metricName || metricName(metric.profile.name)) &&
    (!templates.length || metric.hosttemplateIds.some((id) => templates.includes(id))) &&
    (!groups || groups.has(metric.hostgroupId))
}

const RUNTIME_TYPES = ['host', 'service', 'metric', 'hostgroup'] as const

export function listRuntimeMetrics(
  services: readonly ServiceRef[],
  query: URLSearchParams,
  descendants: (ids: string[]) => Set<string>,
): { rows: string; total: string; list: Array<string | { id: string; name: string }> } {
  const type = query.get('type')
  if (type !== null && !(RUNTIME_TYPES as readonly string[]).includes(type))
    throw new MockError('BAD_REQUEST', `Invalid type '${type}': use ${RUNTIME_TYPES.join(', ')} or leave it out`)
  const all = metricsOf(services)
  const matching = all.filter(metricFilter(query, descendants))
  const names = (metrics: MetricRef[]): Array<string | { id: string; name: string }> => {
    if (type === 'hostgroup') {
      const groups = new Map(metrics.map((metric) => [metric.hostgroupId, metric.hostgroupPath]))
      const sorted = [...groups].sort((a, b) => a[1].localeCompare(b[1]))
      return query.get('format') === 'object' ? sorted.map(([id, name]) => ({ id, name })) : sorted.map(([, name]) => name)
    }
    const pick =
      type === 'host'
        ? (m: MetricRef) => m.hostname
        : type === 'service'
          ? (m: MetricRef) => m.servicename
          : type === 'metric'
            ? (m: MetricRef) => m.profile.name
            : hsm
    return [...new Set(metrics.map(pick))].sort()
  }
  const { items } = paginate(names(matching), query, 'all')
  return { rows: String(items.length), total: String(names(all).length), list: items }
}

export function listMetricStatus(
  monitoring: MonitoringEngine,
  services: readonly ServiceRef[],
  query: URLSearchParams,
  descendants: (ids: string[]) => Set<string>,
) {
  const all = metricsOf(services)
  const matching = all.filter(metricFilter(query, descendants))
  const { items, rows, page, totalpages } = paginate(matching, query)
  return {
    list: items.map((metric) => {
      return {
        hostname: metric.hostname,
        servicename: metric.servicename,
        metricname: metric.profile.name,
        value: String(monitoring.metricValue(metric.profile, metric.hostId, metric.serviceId, metric.lastCheck)),
        uom: metric.profile.uom,
        warning: String(metric.profile.warning),
        critical: String(metric.profile.critical),
        last_check: String(metric.lastCheck),
      }
    }),
    summary: { rows, page, totalpages, allrows: String(all.length), totalrows: String(matching.length) },
  }
}

/** Opsview's duration syntax: `1d`, `3145h`, `18w5d1h`; `m` and `minutes` are minutes, `months` 30 days. */
export function parseDuration(text: string): number | undefined {
  const units = new Map([
    ['s', 1],
    ['m', 60],
    ['minutes', 60],
    ['h', 3600],
    ['d', 86400],
    ['w', 604800],
    ['months', 2592000],
    ['y', 31536000],
  ])
  let total = 0
  let rest = text.trim()
  if (!rest) return undefined
  while (rest) {
    const match = /^([0-9]+)(months|minutes|[smhdwy])/.exec(rest)
    if (!match) return undefined
    total += Number(match[1]) * units.get(match[2]!)!
    rest = rest.slice(match[0].length)
  }
  return total > 0 ? total : undefined
}

const MAX_POINTS = 600

export function graph(
  monitoring: MonitoringEngine,
  services: readonly ServiceRef[],
  query: URLSearchParams,
  now: number,
  /** Whether `services` are already narrowed to a hashtag (`keyword`): alone, it selects all their metrics. */
  narrowed = false,
): { list: Array<{ label: string; uom: string; description: string; data: Array<[number, number | null]> }> } {
  const epoch = (name: string): number | undefined => {
    const value = query.get(name)
    if (value === null || value === '') return undefined
    if (!/^[0-9]+$/.test(value)) throw new MockError('BAD_REQUEST', `Invalid ${name} '${value}': use epoch seconds`)
    return Number(value)
  }
  const end = epoch('end') ?? now
  const durationText = query.get('duration') ?? '1d'
  const duration = parseDuration(durationText)
  if (duration === undefined) throw new MockError('BAD_REQUEST', `Invalid duration '${durationText}': use forms like 1d, 3145h or 18w5d1h`)
  const start = epoch('start') ?? end - duration
  if (start >= end) throw new MockError('BAD_REQUEST', 'start must be before end')
  const wanted = new Set(query.getAll('hsm'))
  const host = anyLike(query.getAll('hostname'))
  const service = anyLike(query.getAll('servicename'))
  const metricName = anyLike(query.getAll('metricname'))
  const searched = host || service || metricName || (narrowed && !wanted.size)
  const selected = metricsOf(services).filter(
    (metric) =>
      wanted.has(hsm(metric)) ||
      (searched &&
        (!host || host(metric.hostname)) &&
        (!service || service(metric.servicename)) &&
        (!metricName || metricName(metric.profile.name))),
  )
  const step = Math.max(300, Math.ceil((end - start) / MAX_POINTS / 300) * 300)
  const first = Math.ceil(start / step) * step
  return {
    list: selected.map((metric) => {
      const data: Array<[number, number | null]> = []
      for (let time = first; time <= end; time += step) {
        data.push([time, time > monitoring.now() ? null : monitoring.metricValue(metric.profile, metric.hostId, metric.serviceId, time)])
      }
      const values = data.map(([, value]) => value).filter((value): value is number => value !== null)
      const description = values.length
        ? `Min: ${Math.min(...values).toFixed(3)}<br />Max: ${Math.max(...values).toFixed(3)}<br />Average: ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(3)}`
        : 'No data'
      return { label: hsm(metric), uom: metric.profile.uom, description, data }
    }),
  }
}
