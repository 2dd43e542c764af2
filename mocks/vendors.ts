import type { MockService } from './core/service'
import type { BundledSpec } from './core/spec-schema'
import type { WorldLearner } from './core/learner'
import type { WorldAdapter, WorldSource } from './core/world'
import opsviewSpec from './generated/opsview.openapi.json'
import opscenterSpec from './generated/opscenter.openapi.json'
import opmanagerSpec from './generated/opmanager.openapi.json'
import { opsviewLearner } from './opsview/learn'
import { opsviewWorldAdapter } from './opsview/world'
import { opscenterLearner } from './opscenter/learn'
import { opscenterWorldAdapter } from './opscenter/world-file'
import { opmanagerLearner } from './opmanager/learn'
import { opmanagerWorldAdapter } from './opmanager/world-file'
import type { OptionSpec, OptionValue } from './server/options'
import { createOpsviewService, OPSVIEW_DEFAULT_PORT, OPSVIEW_SEEDED_USERS } from './opsview/service'
import { createOpscenterService, OPSCENTER_DEFAULT_PORT, OPSCENTER_SEEDED_USERS } from './opscenter/service'
import {
  createOpmanagerService,
  opmanagerRateLimitFromEnv,
  OPMANAGER_ADMIN_API_KEY,
  OPMANAGER_DEFAULT_PORT,
  OPMANAGER_SEEDED_KEYS,
} from './opmanager/service'

/** An option's resolved value (flag > environment > config file > default), by option name. */
export type VendorSettings = (name: string) => OptionValue | undefined

/**
 * Every vendor the standalone server and the docs know about. A new vendor adds one entry here;
 * the CLI (its options and `--help` included), the benchmark and the browser page read this list.
 */
export interface VendorEntry {
  name: 'opsview' | 'opscenter' | 'opmanager'
  title: string
  defaultPort: number
  /** Environment variable that overrides the port. */
  portEnv: string
  /** The vendor's own `opsmocks start` options (besides its port). */
  options: readonly OptionSpec[]
  /** `world`: start from these world files instead of the built-in seed. */
  create(settings: VendorSettings, start?: { world?: readonly WorldSource[] }): Promise<{ service: MockService }>
  /** Lines printed under the URL at start-up: credentials and how to use them. */
  describe(url: string, settings: VendorSettings): string[]
  /** The bundled spec (the record-through proxy checks real answers against it). */
  spec: BundledSpec
  /** Reads and writes this vendor's world files. */
  world: WorldAdapter<never>
  /** Builds a world from real answers (the record-through proxy's --world-out). */
  learner(): WorldLearner
}

export const VENDORS: readonly VendorEntry[] = [
  {
    name: 'opsview',
    title: 'Opsview',
    defaultPort: OPSVIEW_DEFAULT_PORT,
    portEnv: 'OPSVIEW_PORT',
    spec: opsviewSpec as unknown as BundledSpec,
    world: opsviewWorldAdapter as WorldAdapter<never>,
    learner: opsviewLearner,
    options: [
      {
        name: 'opsview-session-ttl',
        type: 'seconds',
        env: 'OPSVIEW_SESSION_TTL',
        default: 3600,
        description: 'Opsview token lifetime, extended by every use (sliding)',
      },
    ],
    create: (settings, start) => createOpsviewService({ sessionTtlSeconds: settings('opsview-session-ttl') as number, ...start }),
    describe: (url) => [
      `users: ${OPSVIEW_SEEDED_USERS.map((user) => `${user.username}/${user.password} (${user.role})`).join(', ')}`,
      `try:   curl -s -X POST -H 'Content-Type: application/json' -d '{"username":"admin","password":"initial"}' ${url}/rest/login`,
    ],
  },
  {
    name: 'opscenter',
    title: 'OpsCenter',
    defaultPort: OPSCENTER_DEFAULT_PORT,
    portEnv: 'OPSCENTER_PORT',
    spec: opscenterSpec as unknown as BundledSpec,
    world: opscenterWorldAdapter as WorldAdapter<never>,
    learner: opscenterLearner,
    options: [
      // off serves it as OpsCenter ships: no login needed (decisions/020).
      {
        name: 'opscenter-auth',
        type: 'choice',
        values: ['on', 'off'],
        env: 'OPSCENTER_AUTH',
        default: 'on',
        description: 'OpsCenter authentication',
      },
      {
        name: 'opscenter-basic-auth',
        type: 'choice',
        values: ['accept', 'reject'],
        env: 'OPSCENTER_BASIC_AUTH',
        default: 'accept',
        description: 'HTTP Basic credentials without a session (reject: 401 as OpsCenter 5.x)',
      },
      {
        name: 'opscenter-session-ttl',
        type: 'seconds',
        env: 'OPSCENTER_SESSION_TTL',
        defaultText: 'never expires',
        description: 'OpsCenter session lifetime',
      },
    ],
    create: (settings, start) =>
      createOpscenterService({
        authEnabled: settings('opscenter-auth') !== 'off',
        basicAuth: settings('opscenter-basic-auth') === 'reject' ? 'reject' : 'accept',
        sessionTtlSeconds: settings('opscenter-session-ttl') as number | undefined,
        ...start,
      }),
    describe: (url, settings) => [
      settings('opscenter-auth') === 'off'
        ? 'auth:  off (--opscenter-auth off): every call works without a session'
        : 'auth:  on (--opscenter-auth off disables it); send the sessionid as the opscenter-session header, or HTTP Basic credentials' +
          (settings('opscenter-basic-auth') === 'reject'
            ? ' (rejected: --opscenter-basic-auth reject)'
            : ' (--opscenter-basic-auth reject refuses those)'),
      `users: ${OPSCENTER_SEEDED_USERS.map((user) => `${user.username}/${user.password} (${user.roles.join('+')})`).join(', ')}`,
      `try:   curl -s -X POST -d '{"username":"admin","password":"admin"}' ${url}/login`,
    ],
  },
  {
    name: 'opmanager',
    title: 'OpManager',
    defaultPort: OPMANAGER_DEFAULT_PORT,
    portEnv: 'OPMANAGER_PORT',
    spec: opmanagerSpec as unknown as BundledSpec,
    world: opmanagerWorldAdapter as WorldAdapter<never>,
    learner: opmanagerLearner,
    options: [
      // Off by default so front-end polling and the benchmark are never throttled (decisions/086).
      {
        name: 'opmanager-rate-limit',
        type: 'string',
        placeholder: 'off|on|N',
        env: 'OPMANAGER_RATE_LIMIT',
        default: 'off',
        description: "OpManager's per-key limit: on = the vendor's 500 requests a minute (then blocked for a minute), N = N a minute",
      },
    ],
    create: (settings, start) =>
      createOpmanagerService({ rateLimit: opmanagerRateLimitFromEnv(settings('opmanager-rate-limit') as string), ...start }),
    describe: (url, settings) => [
      ...OPMANAGER_SEEDED_KEYS.map((key) => `key:   ${key.value}  (${key.userName}: ${key.description})`),
      rateLimitLine(opmanagerRateLimitFromEnv(settings('opmanager-rate-limit') as string).perMinute),
      `keys:  manage them (mock only, no key needed) at ${url}/__opsmocks/opmanager/keys`,
      `try:   curl -s -H 'apiKey: ${OPMANAGER_ADMIN_API_KEY}' '${url}/api/json/alarm/listAlarms?alertType=ActiveAlarms&severity=1'`,
    ],
  },
]

function rateLimitLine(perMinute: number | null): string {
  return perMinute === null
    ? 'limit: off (--opmanager-rate-limit on applies the vendor limit of 500 requests a minute per key)'
    : `limit: ${perMinute} requests a minute per key (--opmanager-rate-limit)`
}
