import type { MockRequest } from '../core/exchange'
import type { Clock } from '../core/clock'
import { opmError } from './errors'
import type { Params } from './params'
import type { RateLimiter } from './rate-limit'
import { checkKeyScope, type OperationScope } from './scope'
import type { UserRecord } from './resources/users'
import type { OpmanagerStore } from './store'
import type { ApiKey } from './spec-types'

export interface Caller {
  user: UserRecord
  key: ApiKey
}

/**
 * OpManager API-key authentication, in the order a failure is reported (decisions/031, 032):
 * missing key → query key on a header-only URL → unknown / regenerated / deleted value → disabled key
 * → expired key → user's REST API access off → rate limit → key scope (module or specific API) → user privilege.
 * The header (`apiKey`, any case) wins over a parameter; the parameter may be in the query or a form body.
 */
export function authenticate(
  store: OpmanagerStore,
  clock: Clock,
  limiter: RateLimiter,
  request: MockRequest,
  params: Params,
  scope: OperationScope,
): Caller {
  const headerKey = request.header('apikey')
  const paramKey = headerKey === undefined ? firstString(params.raw('apiKey') ?? params.raw('apikey')) : undefined
  const value = headerKey ?? paramKey
  if (value === undefined || value.trim() === '') {
    throw opmError('UNAUTHENTICATED', 'API_KEY_MISSING', 'No API key was sent. Send the key in the apiKey request header.')
  }
  if (headerKey === undefined && scope.headerOnly) {
    throw opmError(
      'UNAUTHENTICATED',
      'API_KEY_NOT_IN_HEADER',
      'This URL accepts the API key only in the apiKey request header, not as a request parameter.',
    )
  }
  const lookup = store.keys.lookup(value.trim())
  if (lookup.status === 'retired') {
    throw lookup.reason === 'regenerated'
      ? opmError(
          'UNAUTHENTICATED',
          'API_KEY_REGENERATED',
          'This API key has been regenerated; use the new key shown under API Key Management.',
        )
      : opmError('UNAUTHENTICATED', 'API_KEY_DELETED', 'This API key has been deleted.')
  }
  if (lookup.status === 'unknown') {
    throw opmError('UNAUTHENTICATED', 'API_KEY_INVALID', 'The API key is invalid. Generate one under Quick Links > API Key Management.')
  }
  const { key } = lookup
  if (key.status === 'disabled') throw opmError('UNAUTHENTICATED', 'API_KEY_DISABLED', `The API key '${key.name}' is disabled.`)
  if (key.expiresAt !== null && clock.now() >= Date.parse(key.expiresAt)) {
    throw opmError('SESSION_EXPIRED', 'API_KEY_EXPIRED', `The API key '${key.name}' expired on ${key.expiresAt}.`)
  }
  const user = store.users.find(key.userName)
  if (!user) throw opmError('UNAUTHENTICATED', 'API_KEY_INVALID', 'The API key is invalid: its user no longer exists.')
  if (!user.restApiAccess) {
    throw opmError(
      'FORBIDDEN',
      'REST_API_ACCESS_DISABLED',
      `REST API access is disabled for the user '${user.userName}'. Contact the administrator user.`,
    )
  }
  // Every request of a valid key counts towards its limit, whatever it is allowed to do.
  limiter.take(key.id, key.name, clock.now())
  const decision = checkKeyScope(key, scope)
  if (!decision.allowed) throw opmError('FORBIDDEN', decision.errorcode, decision.message)
  if (scope.adminOnly && user.privilege !== 'Administrators') {
    throw opmError('FORBIDDEN', 'USER_PRIVILEGE_DENIED', `Only users with the Administrators privilege can call ${scope.endpoint}.`)
  }
  return { user, key }
}

function firstString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
