import type { MockRequest } from '../core/exchange'
import { MockError } from '../core/mock-error'
import type { SessionStore } from '../core/sessions'
import type { AccessName } from './access'
import type { OpsviewStore, Principal } from './store'
import type { User } from './spec-types'

/**
 * Resolves `X-Opsview-Username` + `X-Opsview-Token` (any header case) to the caller. The token must
 * exist, belong to that username and not have expired; each success slides the expiry forward.
 */
export function authenticate(store: OpsviewStore, sessions: SessionStore, request: MockRequest): Principal {
  const username = request.header('x-opsview-username')
  const token = request.header('x-opsview-token')
  if (!username || !token) throw new MockError('UNAUTHENTICATED', 'Token invalid')
  const lookup = sessions.lookup(token)
  if (lookup.status === 'unknown' || lookup.session.subject !== username) throw new MockError('UNAUTHENTICATED', 'Token invalid')
  if (lookup.status === 'expired') throw new MockError('SESSION_EXPIRED', 'Token has expired')
  const contact = store.contactByName(username)
  if (!contact) throw new MockError('UNAUTHENTICATED', 'Token invalid')
  return store.principalFor(contact)
}

export function requireAnyAccess(principal: Principal, accesses: readonly AccessName[], action: string): void {
  if (!accesses.some((access) => principal.access.has(access))) {
    throw new MockError('FORBIDDEN', `Access denied: ${action} needs ${accesses.join(' or ')}`)
  }
}

const userInfoCache = new WeakMap<Principal, User>()

/** The `/rest/user` body: only granted accesses appear in `access_list`, each as 1. */
export function userInfo(principal: Principal): User {
  let info = userInfoCache.get(principal)
  if (!info) {
    info = buildUserInfo(principal)
    userInfoCache.set(principal, info)
  }
  return info
}

function buildUserInfo(principal: Principal): User {
  const accessList: Record<string, 1> = {}
  for (const access of [...principal.access].sort()) accessList[access] = 1
  return {
    access_list: accessList,
    fullname: principal.contact.fullname,
    language: principal.contact.language,
    name: principal.contact.name,
    realm: principal.contact.realm,
    role: principal.role.name,
  }
}

/** Tokens are bound to a contact's name: renaming or deleting the contact ends them. */
export function followContactChanges(store: OpsviewStore, sessions: SessionStore): void {
  store.config.onChange(({ type, before, after }) => {
    if (type === 'contact' && before && before.name !== after?.name) sessions.revokeSubject(before.name)
  })
}
