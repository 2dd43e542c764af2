import { beforeAll, expect } from 'vitest'
import { readCallResult, type CallResult, type ContractTarget } from '../support/target'

export interface OpscenterUser {
  username: string
  password: string
}

/**
 * On a mock: the seeded admin, `testuser` (role `user`: View Cluster on Test_Cluster only) and `ops`
 * (roles `user` + `operator`). On a real server only the configured admin account is known.
 */
export interface OpscenterCredentials {
  admin: OpscenterUser
  viewer?: OpscenterUser
  multiRole?: OpscenterUser
}

export type OpscenterTarget = ContractTarget<OpscenterCredentials>

export interface OpscenterSession {
  sessionid: string
  headers: Record<string, string>
}

/** Logs in the way the documentation's curl does (JSON body, no JSON content type). */
export async function loginAs(target: OpscenterTarget, user: OpscenterUser): Promise<OpscenterSession> {
  const result = await call(target, 'POST', '/login', { body: JSON.stringify({ username: user.username, password: user.password }) })
  if (result.status !== 200) throw new Error(`login as ${user.username} failed with ${result.status}: ${result.text}`)
  return { sessionid: result.json.sessionid, headers: { 'opscenter-session': result.json.sessionid } }
}

export type { CallResult }

/** A raw call for wire-level cases (bodies in any format, odd headers); the target still checks it against the spec. */
export async function call(
  target: OpscenterTarget,
  method: string,
  path: string,
  options: { session?: OpscenterSession; body?: string; headers?: Record<string, string> } = {},
): Promise<CallResult> {
  const response = await target.fetch(`${target.baseUrl}${path}`, {
    method,
    headers: { ...options.session?.headers, ...options.headers },
    body: options.body,
  })
  return readCallResult(response)
}

/**
 * Makes the next call carry no session. A client with a cookie jar (the msw target's fetch keeps
 * cookies like a browser) holds the cookie of the latest login; a throwaway login followed by a
 * cookie-only logout ends that session and clears the cookie. Without a jar this is harmless.
 */
export async function dropCookieSession(target: OpscenterTarget): Promise<void> {
  await loginAs(target, target.credentials.admin)
  await call(target, 'GET', '/logout')
}

export const NOT_LOGGED_IN = { message: 'You must be logged in for this operation', type: 'Unauthorized' }

/** The 401 envelope for a caller who is logged in but lacks a permission. */
export const NO_PERMISSION = { message: expect.stringMatching(/permission/), type: 'Unauthorized' }

/**
 * The admin session most contract groups need: after a reset on mocks, logged in as the admin; `cluster` is
 * Test_Cluster on a mock, else the first cluster the server lists. `get`/`send` call as that admin.
 */
export function adminFixture(target: OpscenterTarget) {
  let admin: OpscenterSession
  let cluster = 'Test_Cluster'
  beforeAll(async () => {
    if (target.kind === 'mock') await target.control!.reset()
    admin = await loginAs(target, target.credentials.admin)
    if (target.kind !== 'mock') cluster = Object.keys((await call(target, 'GET', '/cluster-configs', { session: admin })).json)[0]!
  })
  return {
    get admin() {
      return admin
    },
    get cluster() {
      return cluster
    },
    get: (path: string) => call(target, 'GET', path, { session: admin }),
    send: (method: string, path: string, body?: unknown) =>
      call(target, method, path, { session: admin, body: body === undefined ? undefined : JSON.stringify(body) }),
  }
}
