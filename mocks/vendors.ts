import type { MockService } from './core/service'
import type { BundledSpec } from './core/spec-schema'
import type { WorldLearner } from './core/learner'
import type { WorldAdapter, WorldSource } from './core/world'
import opsviewSpec from './generated/opsview.openapi.json'
import opscenterSpec from './generated/opscenter.openapi.json'
import opmanagerSpec from './generated/opmanager.openapi.json'
import { opsviewLearner } from './opsview/learn'
import { opscenterLearner } from './opscenter/learn'
import { opmanagerLearner } from './opmanager/learn'
import { opsviewWorldAdapter } from './opsview/world'
import { opscenterWorldAdapter } from './opscenter/world'
import { opmanagerWorldAdapter } from './opmanager/world'
import { createOpsviewService, OPSVIEW_DEFAULT_PORT, OPSVIEW_SEEDED_USERS } from './opsview/service'
import { createOpscenterService, OPSCENTER_DEFAULT_PORT, OPSCENTER_SEEDED_USERS } from './opscenter/service'
import { createOpmanagerService, OPMANAGER_ADMIN_API_KEY, OPMANAGER_DEFAULT_PORT, OPMANAGER_SEEDED_KEYS } from './opmanager/service'

/**
 * Every vendor the standalone server and the docs know about. A new vendor adds one entry here;
 * the CLI, the benchmark and the browser page read this list.
 */
export interface VendorEntry {
  name: 'opsview' | 'opscenter' | 'opmanager'
  title: string
  defaultPort: number
  /** Environment variable that overrides the port. */
  portEnv: string
  /** `world`: start from these world files instead of the built-in seed. */
  create(options?: { world?: readonly WorldSource[] }): Promise<{ service: MockService }>
  /** Lines printed under the URL at start-up: credentials and how to use them. */
  describe(url: string): string[]
  /** The bundled spec (the record-through proxy validates real answers against it). */
  spec: BundledSpec
  /** Reads and writes this vendor's world files. */
  world: WorldAdapter<never>
  /** Builds a world from real answers (the record-through proxy). */
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
    create: (options) => createOpsviewService({ sessionTtlSeconds: numberFromEnv('OPSVIEW_SESSION_TTL'), ...options }),
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
    // OPSCENTER_AUTH=off serves it as OpsCenter ships: no login needed (decisions/020).
    create: (options) =>
      createOpscenterService({
        authEnabled: !isOff(process.env.OPSCENTER_AUTH),
        basicAuth: process.env.OPSCENTER_BASIC_AUTH === 'reject' ? 'reject' : 'accept',
        sessionTtlSeconds: numberFromEnv('OPSCENTER_SESSION_TTL'),
        ...options,
      }),
    describe: (url) => [
      isOff(process.env.OPSCENTER_AUTH)
        ? 'auth:  off (OPSCENTER_AUTH=off): every call works without a session'
        : 'auth:  on (OPSCENTER_AUTH=off disables it); send the sessionid as the opscenter-session header, or HTTP Basic credentials' +
          (process.env.OPSCENTER_BASIC_AUTH === 'reject'
            ? ' (rejected: OPSCENTER_BASIC_AUTH=reject)'
            : ' (OPSCENTER_BASIC_AUTH=reject refuses those)'),
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
    create: (options) => createOpmanagerService({ ...options }),
    describe: (url) => [
      ...OPMANAGER_SEEDED_KEYS.map((key) => `key:   ${key.value}  (${key.userName}: ${key.description})`),
      `keys:  manage them (mock only, no key needed) at ${url}/__opsmocks/opmanager/keys`,
      `try:   curl -s -H 'apiKey: ${OPMANAGER_ADMIN_API_KEY}' '${url}/api/json/alarm/listAlarms?alertType=ActiveAlarms&severity=1'`,
    ],
  },
]

export function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`[opsmocks] ${name} must be a non-negative number, got "${raw}"`)
  return value
}

function isOff(value: string | undefined): boolean {
  return ['off', 'false', '0', 'no', 'disabled'].includes((value ?? '').trim().toLowerCase())
}
