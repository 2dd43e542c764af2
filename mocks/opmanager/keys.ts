import { opmError } from './errors'
import { normaliseEndpoint } from './scope'
import type { OpmanagerStore } from './store'
import type { ApiKey, ApiKeyCreate, ApiKeyUpdate } from './spec-types'

/**
 * Turns control-API (or seed-option) key input into stored fields: checks the user exists, parses
 * the expiry and normalises Specific-API names. Schema-level checks happen before, against the spec.
 */
export function keyFromInput(
  store: OpmanagerStore,
  input: ApiKeyCreate,
  createdBy: string,
): Omit<ApiKey, 'id' | 'value' | 'createdTime'> & { value?: string } {
  if (!store.users.find(input.userName)) throw badRequest(`No user named '${input.userName}'; create it with admin/addUser first`)
  return {
    name: input.name ?? `${input.userName} API key`,
    description: input.description ?? '',
    userName: input.userName,
    type: input.type ?? 'Custom',
    status: input.status ?? 'enabled',
    accessType: input.accessType ?? 'All',
    modules: input.modules ?? {},
    apis: normaliseApis(input.apis ?? []),
    expiresAt: normaliseExpiry(input.expiresAt ?? null),
    createdBy,
    ...(input.value === undefined ? {} : { value: input.value }),
  }
}

export function keyChanges(input: ApiKeyUpdate): Partial<ApiKey> {
  const changes: Partial<ApiKey> = { ...input } as Partial<ApiKey>
  if (input.apis !== undefined) changes.apis = normaliseApis(input.apis)
  if (input.expiresAt !== undefined) changes.expiresAt = normaliseExpiry(input.expiresAt)
  return changes
}

function normaliseApis(apis: readonly string[]): string[] {
  return [...new Set(apis.map((api) => normaliseEndpoint(api) ?? throwBad(`'${api}' is not an endpoint name like v1/alarm/listAlarms`)))]
}

/** Any date `Date.parse` understands becomes an ISO instant; a bare date means its start (UTC). */
function normaliseExpiry(expiresAt: string | null): string | null {
  if (expiresAt === null) return null
  const ms = Date.parse(expiresAt)
  if (Number.isNaN(ms)) throw badRequest(`expiresAt '${expiresAt}' is not a date (use ISO 8601, e.g. 2030-01-31T00:00:00Z)`)
  return new Date(ms).toISOString()
}

export function badRequest(message: string) {
  return opmError('BAD_REQUEST', 'CONTROL_BAD_REQUEST', message)
}

function throwBad(message: string): never {
  throw badRequest(message)
}
