import type { MockRequest } from '../../core/exchange'
import { done, ok, withPrincipal, type ResourceHandlers } from '../handler'
import { parsePermissionMap, requireAdmin } from '../permissions'
import { readOpscenterBody } from '../request-body'
import type { OpscenterStore } from '../store'

/** Roles and their per-cluster permissions (decisions/025). */
function permissionBody(store: OpscenterStore, request: MockRequest) {
  return parsePermissionMap(readOpscenterBody(request), (id) => !!store.clusters.get(id))
}

export const roleHandlers: ResourceHandlers<
  'getUserPermissions' | 'listRoles' | 'getRolePermissions' | 'updateRolePermissions' | 'createRole' | 'deleteRole'
> = {
  getUserPermissions: withPrincipal(({ store }, principal) =>
    ok(principal.isAdmin ? store.rolePermissions('admin') : principal.permissions),
  ),

  listRoles: withPrincipal(({ store }, principal) => {
    requireAdmin(principal, 'listing roles')
    return ok({ roles: store.roleNames() })
  }),

  getRolePermissions: withPrincipal(({ store }, principal, _request, { role_id }) => {
    requireAdmin(principal, 'reading role permissions')
    return ok(store.rolePermissions(role_id!))
  }),

  updateRolePermissions: withPrincipal(async ({ store }, principal, request, { role_id }) => {
    requireAdmin(principal, 'editing roles')
    store.rolePermissions(role_id!)
    await store.updateRolePermissions(role_id!, permissionBody(store, request))
    return done()
  }),

  createRole: withPrincipal(async ({ store }, principal, request, { role_id }) => {
    requireAdmin(principal, 'creating roles')
    await store.createRole(role_id!, permissionBody(store, request))
    return done()
  }),

  deleteRole: withPrincipal(({ store }, principal, _request, { role_id }) => {
    requireAdmin(principal, 'removing roles')
    store.deleteRole(role_id!)
    return done()
  }),
}
