import type { MockService } from './core/service'
import { createOpsviewMock, OPSVIEW_DEFAULT_PORT, OPSVIEW_SEEDED_USERS } from './opsview'

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
  create(): Promise<{ service: MockService }>
  /** Lines printed under the URL at start-up: credentials and how to use them. */
  describe(url: string): string[]
}

export const VENDORS: readonly VendorEntry[] = [
  {
    name: 'opsview',
    title: 'Opsview',
    defaultPort: OPSVIEW_DEFAULT_PORT,
    portEnv: 'OPSVIEW_PORT',
    create: () => createOpsviewMock({ sessionTtlSeconds: numberFromEnv('OPSVIEW_SESSION_TTL') }),
    describe: (url) => [
      `users: ${OPSVIEW_SEEDED_USERS.map((user) => `${user.username}/${user.password} (${user.role})`).join(', ')}`,
      `try:   curl -s -X POST -H 'Content-Type: application/json' -d '{"username":"admin","password":"initial"}' ${url}/rest/login`,
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
