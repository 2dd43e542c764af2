import type { HostState, ServiceState } from '../spec-types'

/**
 * What a check measures and prints, derived only from its name, the seed and the time, so the same
 * seed and the same clock moves always give the same outputs, performance data and graphs.
 */
export type CheckState = ServiceState | HostState

export interface MetricProfile {
  name: string
  uom: string
  /** Values below `warning` are OK, below `critical` WARNING, above CRITICAL. */
  low: number
  warning: number
  critical: number
  high: number
  decimals: number
}

const metric = (name: string, uom: string, low: number, warning: number, critical: number, high: number, decimals = 2): MetricProfile => ({
  name,
  uom,
  low,
  warning,
  critical,
  high,
  decimals,
})

/** First match wins; the last entry catches every other service (most Opsview plugins report a response time). */
const PROFILES: Array<[pattern: RegExp, metrics: MetricProfile[]]> = [
  [/load/i, [metric('load1', '', 0.1, 5, 8, 12), metric('load5', '', 0.1, 4, 7, 10), metric('load15', '', 0.1, 3, 6, 9)]],
  [/memory|swap/i, [metric('utilisation', '%', 20, 80, 90, 100, 1)]],
  [/disk|\/|drive/i, [metric('root', '%', 10, 80, 90, 100, 1)]],
  [/https?$|web|url/i, [metric('time', 's', 0.01, 2, 5, 10, 3), metric('size', 'B', 4000, 900000, 1000000, 1200000, 0)]],
  [/ssl|certificate/i, [metric('days_left', '', 90, 30, 7, 0, 0)]],
  [/connections/i, [metric('connections', '', 5, 400, 480, 600, 0)]],
  [/replication/i, [metric('seconds_behind', 's', 0, 60, 300, 900, 0)]],
  [
    /interface|throughput/i,
    [
      metric('in_bps', 'bps', 1000, 800000000, 950000000, 1000000000, 0),
      metric('out_bps', 'bps', 1000, 800000000, 950000000, 1000000000, 0),
    ],
  ],
  [/uptime/i, [metric('uptime', 's', 3600, 600, 300, 0, 0)]],
  [/daemon|process/i, [metric('processes', '', 1, 60, 80, 100, 0)]],
  [/.*/, [metric('time', 's', 0.001, 1, 3, 10, 3)]],
]

const HOST_PROFILE = [metric('rta', 'ms', 0.1, 500, 1000, 3000, 3), metric('pl', '%', 0, 20, 60, 100, 0)]

export function metricsFor(serviceName: string | undefined): MetricProfile[] {
  if (serviceName === undefined) return HOST_PROFILE
  return PROFILES.find(([pattern]) => pattern.test(serviceName))![1]
}

/** A deterministic number in [0, 1) for any list of parts (FNV-1a, then a murmur-style finaliser). */
export function hashUnit(...parts: Array<string | number>): number {
  let hash = 0x811c9dc5
  const text = parts.join('\u0000')
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return (hash >>> 0) / 4294967296
}

/** Where in a metric's range a check in `state` lands: OK below warning, WARNING between, CRITICAL beyond. */
function band(profile: MetricProfile, state: CheckState): [number, number] {
  switch (state) {
    case 'warning':
      return [profile.warning, profile.critical]
    case 'critical':
    case 'down':
    case 'unreachable':
      return [profile.critical, profile.high]
    default:
      return [profile.low, profile.warning]
  }
}

/** The value a metric had at `time`: a daily wave inside the state's band plus seeded jitter. */
export function metricValue(profile: MetricProfile, state: CheckState, seed: number, key: string, time: number): number {
  const [from, to] = band(profile, state)
  const wave = (Math.sin((2 * Math.PI * time) / 86400 + hashUnit(seed, key, profile.name) * 6.28) + 1) / 2
  const jitter = hashUnit(seed, key, profile.name, Math.floor(time / 60))
  const fraction = 0.1 + 0.6 * wave + 0.2 * jitter
  const value = from + (to - from) * fraction
  const scale = 10 ** profile.decimals
  return Math.round(value * scale) / scale
}

export interface CheckResult {
  output: string
  perfdata: string
  values: Array<{ profile: MetricProfile; value: number }>
}

const PREFIX: Record<CheckState, string> = {
  ok: 'OK',
  warning: 'WARNING',
  critical: 'CRITICAL',
  unknown: 'UNKNOWN',
  up: 'OK',
  down: 'CRITICAL',
  unreachable: 'CRITICAL',
}

/** A plugin's output line and Nagios-style perfdata (`label=value[uom];warn;crit`) for one check. */
export function checkResult(serviceName: string | undefined, state: CheckState, seed: number, key: string, time: number): CheckResult {
  const values = metricsFor(serviceName).map((profile) => ({ profile, value: metricValue(profile, state, seed, key, time) }))
  const perfdata = values
    .map(({ profile, value }) => `${profile.name}=${value}${profile.uom};${profile.warning};${profile.critical}`)
    .join(' ')
  if (state === 'unknown') return { output: `UNKNOWN - no data from agent for ${serviceName ?? 'host'}`, perfdata: '', values: [] }
  const summary = values.map(({ profile, value }) => `${profile.name} ${value}${profile.uom}`).join(', ')
  if (state === 'down' || state === 'unreachable') return { output: `CRITICAL - Host Unreachable (${summary})`, perfdata, values }
  return { output: `${PREFIX[state]} - ${serviceName ?? 'PING'}: ${summary}`, perfdata, values }
}
