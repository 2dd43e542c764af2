import type { MockRequest } from '../../core/exchange'
import { MockError } from '../../core/mock-error'
import { done, ok, withPrincipal, type ResourceHandlers } from '../handler'
import { requireAdmin } from '../permissions'
import { readObjectBody } from '../request-body'
import { publicUser } from '../store'

/** OpsCenter users and the password rules of decisions/025. */
const USER_FIELDS = new Set(['password', 'old_password', 'role', 'roles'])

/** Reads a user body: known fields only, strings where strings belong; `role`/`roles` become one list. */
function userBody(request: MockRequest): { password?: string; oldPassword?: string; roles?: string[] } {
  const body = readObjectBody(request, 'password and/or role')
  const unknown = Object.keys(body).filter((key) => !USER_FIELDS.has(key))
  if (unknown.length)
    throw new MockError(
      'BAD_REQUEST',
      `Unknown field(s) ${unknown.map((key) => `'${key}'`).join(', ')}; expected password, old_password, role or roles`,
    )
  const text = (key: string): string | undefined => {
    const value = body[key]
    if (value === undefined) return undefined
    if (typeof value !== 'string') throw new MockError('BAD_REQUEST', `Field '${key}' must be a string`)
    return value
  }
  const password = text('password')
  if (password === '') throw new MockError('BAD_REQUEST', 'The password must not be empty')
  const role = text('role')
  let roles: string[] | undefined
  if (body.roles !== undefined) {
    const raw = typeof body.roles === 'string' ? [body.roles] : body.roles
    if (!Array.isArray(raw) || !raw.every((item) => typeof item === 'string' && item !== ''))
      throw new MockError('BAD_REQUEST', "Field 'roles' must be a list of role names")
    if (role !== undefined && !(raw.length === 1 && raw[0] === role))
      throw new MockError('BAD_REQUEST', "Send either 'role' or 'roles', not both")
    roles = [...new Set(raw as string[])]
  } else if (role !== undefined) {
    if (role === '') throw new MockError('BAD_REQUEST', "Field 'role' must not be empty")
    roles = [role]
  }
  return { password, oldPassword: text('old_password'), roles }
}

export const userHandlers: ResourceHandlers<'listUsers' | 'getUser' | 'createUser' | 'updateUser' | 'deleteUser'> = {
  listUsers: withPrincipal(({ store }, principal) => {
    requireAdmin(principal, 'listing users')
    return ok(store.users.all().map(publicUser))
  }),

  getUser: withPrincipal(({ store }, principal, _request, { username }) => {
    if (principal.username !== username) requireAdmin(principal, 'reading another user')
    return ok(publicUser(store.getUser(username!)))
  }),

  createUser: withPrincipal(async ({ store }, principal, request, { username }) => {
    requireAdmin(principal, 'creating users')
    const body = userBody(request)
    if (body.password === undefined) throw new MockError('BAD_REQUEST', "Missing required field 'password'")
    if (body.roles === undefined) throw new MockError('BAD_REQUEST', "Missing required field 'role'")
    await store.createUser(username!, body.password, body.roles)
    return done()
  }),

  updateUser: withPrincipal(async ({ store }, principal, request, { username }) => {
    const self = principal.username === username
    if (!self) requireAdmin(principal, 'changing another user')
    store.getUser(username!)
    const body = userBody(request)
    if (body.password === undefined && body.roles === undefined)
      throw new MockError('BAD_REQUEST', 'Nothing to change: send password and/or role')
    if (body.roles !== undefined) requireAdmin(principal, 'changing roles')
    if (self && body.password !== undefined) {
      // Admins may skip old_password (real provisioning scripts do); when sent, it must match for anyone.
      if (body.oldPassword === undefined && !principal.isAdmin)
        throw new MockError('BAD_REQUEST', "Changing your own password needs 'old_password'")
      if (body.oldPassword !== undefined && !store.checkPassword(username!, body.oldPassword))
        throw new MockError('BAD_REQUEST', "'old_password' does not match the current password")
    }
    // New roles take effect at once: sessions look the user up on every call, so none need ending.
    await store.updateUser(username!, { password: body.password, roles: body.roles })
    return done()
  }),

  deleteUser: withPrincipal(({ store, sessions }, principal, _request, { username }) => {
    requireAdmin(principal, 'deleting users')
    if (principal.username === username) throw new MockError('BAD_REQUEST', 'You cannot delete your own user')
    store.deleteUser(username!)
    sessions.revokeSubject(username!)
    return done()
  }),
}
