import { readCallResult, type CallResult, type ContractTarget } from '../support/target'
import type { ApiKey, ApiKeyCreate, ApiKeyUpdate } from '../../mocks/opmanager/spec-types'

/** Seeded keys on a mock; on a real server only `adminKey` (OPMANAGER_API_KEY) is known. */
export interface OpmanagerCredentials {
  adminKey: string
  operatorKey?: string
  helpdeskKey?: string
}

export type OpmanagerTarget = ContractTarget<OpmanagerCredentials>

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
  query?: Record<string, string>
  /** Sent as an application/x-www-form-urlencoded body. */
  form?: Record<string, string>
  /** The key to send; defaults to the admin key. `null` sends none. */
  key?: string | null
  /** Where the key goes: the `apiKey` header (default), the query string or the form body. */
  keyIn?: 'header' | 'query' | 'form'
  /** Header name for the key (header names are case-insensitive; clients use apiKey or apikey). */
  keyHeader?: string
  headers?: Record<string, string>
  body?: string
}

export type { CallResult }

/** One OpManager call through the target's (spec-validating) fetch. */
export async function opm(target: OpmanagerTarget, path: string, options: CallOptions = {}): Promise<CallResult> {
  const key = options.key === undefined ? target.credentials.adminKey : options.key
  const keyIn = options.keyIn ?? 'header'
  const query = new URLSearchParams(options.query)
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  let body = options.body
  if (key !== null && keyIn === 'query') query.set('apiKey', key)
  if (key !== null && keyIn === 'header') headers[options.keyHeader ?? 'apiKey'] = key
  if (options.form || (key !== null && keyIn === 'form')) {
    const form = new URLSearchParams(options.form)
    if (key !== null && keyIn === 'form') form.set('apiKey', key)
    body = form.toString()
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
  }
  const search = query.toString()
  return readCallResult(
    await target.fetch(`${target.baseUrl}${path}${search ? `?${search}` : ''}`, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
    }),
  )
}

/** A POST action with its parameters in the query string and an empty body, as the MCP client sends them. */
export function action(
  target: OpmanagerTarget,
  path: string,
  query: Record<string, string>,
  options: CallOptions = {},
): Promise<CallResult> {
  return opm(target, path, { method: 'POST', query, headers: { 'Content-Type': 'application/json', 'Content-Length': '0' }, ...options })
}

/** Asserts the OpManager error envelope (HTTP 200) and returns its errorcode. */
export function errorcodeOf(result: CallResult): string | undefined {
  return result.status === 200 && result.json?.error ? String(result.json.error.errorcode) : undefined
}

// ---- the mock-only control API ---------------------------------------------------------------------

async function control(target: OpmanagerTarget, method: string, path: string, body?: unknown): Promise<CallResult> {
  return readCallResult(
    await target.fetch(`${target.baseUrl}/__opsmocks/opmanager${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  )
}

export const controlApi = {
  raw: control,
  async createKey(target: OpmanagerTarget, input: ApiKeyCreate): Promise<ApiKey> {
    const result = await control(target, 'POST', '/keys', input)
    if (result.status !== 201) throw new Error(`controlCreateKey failed with ${result.status}: ${result.text}`)
    return result.json
  },
  async updateKey(target: OpmanagerTarget, id: string, changes: ApiKeyUpdate): Promise<ApiKey> {
    const result = await control(target, 'PATCH', `/keys/${id}`, changes)
    if (result.status !== 200) throw new Error(`controlUpdateKey failed with ${result.status}: ${result.text}`)
    return result.json
  },
  async regenerateKey(target: OpmanagerTarget, id: string): Promise<ApiKey> {
    return (await control(target, 'POST', `/keys/${id}/regenerate`)).json
  },
  async deleteKey(target: OpmanagerTarget, id: string): Promise<CallResult> {
    return control(target, 'DELETE', `/keys/${id}`)
  },
  async setRestApiAccess(target: OpmanagerTarget, userName: string, restApiAccess: boolean): Promise<CallResult> {
    return control(target, 'PATCH', `/users/${encodeURIComponent(userName)}`, { restApiAccess })
  },
}
