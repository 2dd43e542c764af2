import createClient from 'openapi-fetch'
import type { paths } from '../../mocks/generated/opsview'
import { readCallResult, type CallResult, type ContractTarget } from '../support/target'

export type OpsviewUser = {
  username: string
  password: string
}

/** The seeded users on a mock; on a real server only `admin` (the configured account) is known. */
export interface OpsviewCredentials {
  admin: OpsviewUser
  operator?: OpsviewUser
  viewer?: OpsviewUser
}

export type OpsviewTarget = ContractTarget<OpsviewCredentials>

export interface OpsviewSession {
  username: string
  token: string
  headers: Record<string, string>
}

export function opsviewApi(target: OpsviewTarget) {
  return createClient<paths>({ baseUrl: target.baseUrl, fetch: target.fetch })
}

export async function loginAs(target: OpsviewTarget, user: OpsviewUser): Promise<OpsviewSession> {
  const { data, response } = await opsviewApi(target).POST('/rest/login', { body: { username: user.username, password: user.password } })
  if (!data || !('token' in data)) throw new Error(`login as ${user.username} failed with ${response.status}`)
  return { username: user.username, token: data.token, headers: { 'X-Opsview-Username': user.username, 'X-Opsview-Token': data.token } }
}

/** A raw call for wire-level cases the typed client cannot express (form bodies, bad JSON, odd methods). */
export async function rawCall(target: OpsviewTarget, path: string, init: RequestInit = {}): Promise<CallResult> {
  return readCallResult(await target.fetch(`${target.baseUrl}${path}`, init))
}

/** The object a single-object create answered (the operation's answer type also covers list writes). */
export function createdObject<T = { id: string; name: string }>(data: unknown): T {
  if (typeof data !== 'object' || data === null || !('object' in data))
    throw new Error(`expected {"object": ...}, got ${JSON.stringify(data)}`)
  return (data as { object: T }).object
}

/** A configuration object of a type with numeric ids (every type the contracts create and read by id). */
export type Identified = { id: string; ref: string; name: string; uncommitted?: string }

/** Narrows answered config objects to those with ids: plugins and host icons are addressed by name instead. */
export function identified(items: readonly unknown[]): Identified[] {
  return items as Identified[]
}
