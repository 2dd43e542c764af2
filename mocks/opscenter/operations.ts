import spec from '../generated/opscenter.openapi.json'
import type { MockRequest } from '../core/exchange'
import { MockError } from '../core/mock-error'
import { ownValue } from '../core/own'
import type { Operation } from '../core/service'
import type { SessionStore } from '../core/sessions'
import { activeToken, authenticate, expiredSessionCookie, NOT_LOGGED_IN, sessionCookie, type AuthSettings } from './auth'
import { canSee, parsePermissionMap, PERMISSION, requireAdmin, requirePermission, type Principal } from './permissions'
import { readObjectBody, readOpscenterBody } from './request-body'
import { publicUser, type LcmKind, type OpscenterStore } from './store'
import type { ClusterConfig, Node, OperationId, Reply } from './spec-types'

export interface OpscenterContext {
  store: OpscenterStore
  sessions: SessionStore
  auth: AuthSettings
  version: string
}

type Params = Record<string, string>
type Handler<Id extends OperationId> = (context: OpscenterContext, request: MockRequest, params: Params) => Reply<Id> | Promise<Reply<Id>>

function operation<Id extends OperationId>(
  operationId: Id,
  method: string,
  path: string,
  handle: Handler<Id>,
): Operation<OpscenterContext> {
  return { operationId, method, path, handle }
}

/** Wraps a handler that needs the caller (an anonymous admin when authentication is off). */
function withPrincipal<Id extends OperationId>(
  handle: (context: OpscenterContext, principal: Principal, request: MockRequest, params: Params) => Reply<Id> | Promise<Reply<Id>>,
): Handler<Id> {
  return (context, request, params) =>
    handle(context, authenticate(context.store, context.sessions, context.auth, request), request, params)
}

/** Wraps a cluster endpoint: the cluster must exist (404) and the caller hold `permission` on it (401). */
function onCluster<Id extends OperationId>(
  permission: string,
  handle: (context: OpscenterContext, clusterId: string, params: Params, request: MockRequest) => Reply<Id> | Promise<Reply<Id>>,
): Handler<Id> {
  return withPrincipal((context, principal, request, params) => {
    const clusterId = params.cluster_id!
    context.store.getCluster(clusterId)
    requirePermission(principal, clusterId, permission)
    return handle(context, clusterId, params, request)
  })
}

const ok = <T>(json: T) => ({ status: 200 as const, json })
const done = () => ok({})

// ---- authentication ------------------------------------------------------------------------------

const login = operation('login', 'POST', '/login', ({ store, sessions }, request) => {
  const body = readObjectBody(request, 'username and password')
  const username = body.username
  const password = body.password
  if (typeof username !== 'string' || username === '') throw new MockError('BAD_REQUEST', "Missing required field 'username'")
  if (typeof password !== 'string') throw new MockError('BAD_REQUEST', "Missing required field 'password'")
  if (!store.checkPassword(username, password)) throw new MockError('UNAUTHENTICATED', 'Invalid username or password')
  const session = sessions.create(username)
  return { status: 200, json: { sessionid: session.token }, headers: { 'set-cookie': sessionCookie(session.token) } }
})

const logout = operation('logout', 'GET', '/logout', ({ sessions, auth }, request) => {
  const token = activeToken(sessions, request)
  if (auth.enabled && !token) throw new MockError('UNAUTHENTICATED', NOT_LOGGED_IN)
  // Only the session that authenticated the call ends: a client may hold an older id in its cookie jar.
  if (token) sessions.revoke(token)
  return { status: 200, json: {}, headers: { 'set-cookie': expiredSessionCookie() } }
})

const getMeta = operation(
  'getMeta',
  'GET',
  '/meta',
  withPrincipal(({ version }) => ok({ version })),
)

// ---- users ---------------------------------------------------------------------------------------

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

const listUsers = operation(
  'listUsers',
  'GET',
  '/users',
  withPrincipal(({ store }, principal) => {
    requireAdmin(principal, 'listing users')
    return ok(store.users.all().map(publicUser))
  }),
)

const getUser = operation(
  'getUser',
  'GET',
  '/users/{username}',
  withPrincipal(({ store }, principal, _request, { username }) => {
    if (principal.username !== username) requireAdmin(principal, 'reading another user')
    return ok(publicUser(store.getUser(username!)))
  }),
)

const createUser = operation(
  'createUser',
  'POST',
  '/users/{username}',
  withPrincipal(async ({ store }, principal, request, { username }) => {
    requireAdmin(principal, 'creating users')
    const body = userBody(request)
    if (body.password === undefined) throw new MockError('BAD_REQUEST', "Missing required field 'password'")
    if (body.roles === undefined) throw new MockError('BAD_REQUEST', "Missing required field 'role'")
    await store.createUser(username!, body.password, body.roles)
    return done()
  }),
)

const updateUser = operation(
  'updateUser',
  'PUT',
  '/users/{username}',
  withPrincipal(async ({ store }, principal, request, { username }) => {
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
)

const deleteUser = operation(
  'deleteUser',
  'DELETE',
  '/users/{username}',
  withPrincipal(({ store, sessions }, principal, _request, { username }) => {
    requireAdmin(principal, 'deleting users')
    if (principal.username === username) throw new MockError('BAD_REQUEST', 'You cannot delete your own user')
    store.deleteUser(username!)
    sessions.revokeSubject(username!)
    return done()
  }),
)

// ---- permissions ---------------------------------------------------------------------------------

const getUserPermissions = operation(
  'getUserPermissions',
  'GET',
  '/permissions/user',
  withPrincipal(({ store }, principal) => ok(principal.isAdmin ? store.rolePermissions('admin') : principal.permissions)),
)

const listRoles = operation(
  'listRoles',
  'GET',
  '/permissions/roles',
  withPrincipal(({ store }, principal) => {
    requireAdmin(principal, 'listing roles')
    return ok({ roles: store.roleNames() })
  }),
)

const getRolePermissions = operation(
  'getRolePermissions',
  'GET',
  '/permissions/roles/{role_id}',
  withPrincipal(({ store }, principal, _request, { role_id }) => {
    requireAdmin(principal, 'reading role permissions')
    return ok(store.rolePermissions(role_id!))
  }),
)

function permissionBody(store: OpscenterStore, request: MockRequest) {
  return parsePermissionMap(readOpscenterBody(request), (id) => !!store.clusters.get(id))
}

const updateRolePermissions = operation(
  'updateRolePermissions',
  'PUT',
  '/permissions/roles/{role_id}',
  withPrincipal(async ({ store }, principal, request, { role_id }) => {
    requireAdmin(principal, 'editing roles')
    store.rolePermissions(role_id!)
    await store.updateRolePermissions(role_id!, permissionBody(store, request))
    return done()
  }),
)

const createRole = operation(
  'createRole',
  'POST',
  '/permissions/roles/{role_id}',
  withPrincipal(async ({ store }, principal, request, { role_id }) => {
    requireAdmin(principal, 'creating roles')
    await store.createRole(role_id!, permissionBody(store, request))
    return done()
  }),
)

const deleteRole = operation(
  'deleteRole',
  'DELETE',
  '/permissions/roles/{role_id}',
  withPrincipal(({ store }, principal, _request, { role_id }) => {
    requireAdmin(principal, 'removing roles')
    store.deleteRole(role_id!)
    return done()
  }),
)

// ---- clusters ------------------------------------------------------------------------------------

const listClusterConfigs = operation(
  'listClusterConfigs',
  'GET',
  '/cluster-configs',
  withPrincipal(({ store }, principal) => {
    const visible = store.clusters.all().filter((cluster) => canSee(principal, cluster.id))
    return ok(Object.fromEntries(visible.map((cluster) => [cluster.id, cluster.config])) as Record<string, ClusterConfig>)
  }),
)

const createClusterConfig = operation(
  'createClusterConfig',
  'POST',
  '/cluster-configs',
  withPrincipal(async ({ store }, principal, request) => {
    requireAdmin(principal, 'adding clusters')
    return { status: 201, json: await store.createClusterConfig(readOpscenterBody(request)) }
  }),
)

const getClusterConfig = operation(
  'getClusterConfig',
  'GET',
  '/cluster-configs/{cluster_id}',
  onCluster(PERMISSION.viewCluster, ({ store }, clusterId) => ok(store.getCluster(clusterId).config)),
)

const updateClusterConfig = operation(
  'updateClusterConfig',
  'PUT',
  '/cluster-configs/{cluster_id}',
  onCluster(PERMISSION.editConnection, async ({ store }, clusterId, _params, request) => {
    await store.updateClusterConfig(clusterId, readOpscenterBody(request))
    return done()
  }),
)

const deleteClusterConfig = operation(
  'deleteClusterConfig',
  'DELETE',
  '/cluster-configs/{cluster_id}',
  withPrincipal(async ({ store }, principal, _request, { cluster_id }) => {
    requireAdmin(principal, 'removing clusters')
    await store.deleteClusterConfig(cluster_id!)
    return done()
  }),
)

// ---- cluster information -------------------------------------------------------------------------

const VIEW = PERMISSION.viewCluster
const NODE_PROPERTIES = new Set(
  Object.keys((spec as unknown as { components: { schemas: { Node: { properties: object } } } }).components.schemas.Node.properties),
)

function node(store: OpscenterStore, clusterId: string, ip: string): Node {
  const found = store.runtimeOf(clusterId).nodes.find((item) => item.node_ip === ip)
  if (!found) throw new MockError('NOT_FOUND', `No node ${ip} in cluster '${clusterId}'`)
  return found
}

const listNodes = operation(
  'listNodes',
  'GET',
  '/{cluster_id}/nodes',
  onCluster(VIEW, ({ store }, clusterId) => ok(store.runtimeOf(clusterId).nodes)),
)

const getNode = operation(
  'getNode',
  'GET',
  '/{cluster_id}/nodes/{node_ip}',
  onCluster(VIEW, ({ store }, clusterId, { node_ip }) => ok(node(store, clusterId, node_ip!))),
)

const getNodesProperty = operation(
  'getNodesProperty',
  'GET',
  '/{cluster_id}/nodes/all/{property}',
  onCluster(VIEW, ({ store }, clusterId, { property }) => {
    if (!NODE_PROPERTIES.has(property!))
      throw new MockError('NOT_FOUND', `Unknown node property '${property}'; known: ${[...NODE_PROPERTIES].join(', ')}`)
    const nodes = store.runtimeOf(clusterId).nodes
    return ok(Object.fromEntries(nodes.map((item) => [item.node_ip, item[property as keyof Node] ?? null])))
  }),
)

const getClusterInfo = operation(
  'getClusterInfo',
  'GET',
  '/{cluster_id}/cluster',
  onCluster(VIEW, ({ store }, clusterId) => ok(store.runtimeOf(clusterId).info)),
)

const listKeyspaces = operation(
  'listKeyspaces',
  'GET',
  '/{cluster_id}/keyspaces',
  onCluster(VIEW, ({ store }, clusterId) => ok(store.runtimeOf(clusterId).keyspaces)),
)

const getKeyspace = operation(
  'getKeyspace',
  'GET',
  '/{cluster_id}/keyspaces/{keyspace}',
  onCluster(VIEW, ({ store }, clusterId, { keyspace }) => {
    const found = ownValue(store.runtimeOf(clusterId).keyspaces, keyspace!)
    if (!found) throw new MockError('NOT_FOUND', `No keyspace '${keyspace}' in cluster '${clusterId}'`)
    return ok(found)
  }),
)

const getStorageCapacity = operation(
  'getStorageCapacity',
  'GET',
  '/{cluster_id}/storage-capacity',
  onCluster(VIEW, ({ store }, clusterId) => {
    const runtime = store.runtimeOf(clusterId)
    // Down nodes' agents do not report, so they count in neither total.
    const reporting = runtime.nodes.filter((item) => item.mode !== 'unknown')
    const used = reporting.reduce((sum, item) => sum + (item.load ?? 0), 0)
    const total = reporting.reduce((sum, item) => sum + (runtime.diskBytes.get(item.node_ip) ?? 0), 0)
    const gb = (bytes: number) => Math.round((bytes / 1024 ** 3) * 100) / 100
    return ok({ free_gb: gb(total - used), used_gb: gb(used), reporting_nodes: reporting.length })
  }),
)

const getKeyspacesDataSize = operation(
  'getKeyspacesDataSize',
  'GET',
  '/{cluster_id}/datasize/keyspaces',
  onCluster(VIEW, ({ store }, clusterId) =>
    ok(Object.values(store.runtimeOf(clusterId).keyspaceBytes).reduce((sum, bytes) => sum + bytes, 0)),
  ),
)

const listFiredAlerts = operation(
  'listFiredAlerts',
  'GET',
  '/{cluster_id}/alerts/fired',
  onCluster(VIEW, ({ store }, clusterId) => ok(store.runtimeOf(clusterId).firedAlerts)),
)

const listAlertRules = operation(
  'listAlertRules',
  'GET',
  '/{cluster_id}/alert-rules',
  onCluster(VIEW, ({ store }, clusterId) => ok(store.runtimeOf(clusterId).alertRules)),
)

const getBestPracticeResults = operation(
  'getBestPracticeResults',
  'GET',
  '/{cluster_id}/bestpractice/results/latest',
  onCluster(VIEW, ({ store }, clusterId) => ok(store.runtimeOf(clusterId).bestPractice)),
)

const runBestPracticeRule = operation(
  'runBestPracticeRule',
  'POST',
  '/{cluster_id}/bestpractice/run/{rule}',
  onCluster(PERMISSION.bestPractice, ({ store }, clusterId, { rule }) => ok(store.runBestPracticeRule(clusterId, rule!))),
)

// ---- LCM -----------------------------------------------------------------------------------------

/** The four operations of one LCM collection; LCM is admin-only in the mock (decisions/026). */
function lcmOperations(
  kind: LcmKind,
  ids: { list: OperationId; create: OperationId; get: OperationId; remove: OperationId },
): Operation<OpscenterContext>[] {
  const base = `/api/v2/lcm/${kind}`
  const admin = <Id extends OperationId>(
    handle: (store: OpscenterStore, request: MockRequest, params: Params) => Reply<Id> | Promise<Reply<Id>>,
  ) =>
    withPrincipal<Id>(({ store }, principal, request, params) => {
      requireAdmin(principal, 'using LCM')
      return handle(store, request, params)
    })
  return [
    operation(
      ids.list,
      'GET',
      base,
      admin((store) => {
        const results = store.lcm[kind].all()
        return ok({ count: results.length, next: null, previous: null, results }) as Reply<typeof ids.list>
      }),
    ),
    operation(
      ids.create,
      'POST',
      base,
      admin(
        async (store, request) =>
          ({ status: 201, json: await store.createLcm(kind, readOpscenterBody(request)) }) as Reply<typeof ids.create>,
      ),
    ),
    operation(
      ids.get,
      'GET',
      `${base}/{id}`,
      admin((store, _request, { id }) => ok(store.getLcm(kind, id!)) as Reply<typeof ids.get>),
    ),
    operation(
      ids.remove,
      'DELETE',
      `${base}/{id}`,
      admin((store, _request, { id }) => {
        store.deleteLcm(kind, id!)
        return done() as Reply<typeof ids.remove>
      }),
    ),
  ]
}

/** The OpsCenter operation table: one row per spec operation, named by its operationId. */
export const OPSCENTER_OPERATIONS: readonly Operation<OpscenterContext>[] = [
  login,
  logout,
  getMeta,
  listUsers,
  getUser,
  createUser,
  updateUser,
  deleteUser,
  getUserPermissions,
  listRoles,
  getRolePermissions,
  updateRolePermissions,
  createRole,
  deleteRole,
  listClusterConfigs,
  createClusterConfig,
  getClusterConfig,
  updateClusterConfig,
  deleteClusterConfig,
  listNodes,
  getNode,
  getNodesProperty,
  getClusterInfo,
  listKeyspaces,
  getKeyspace,
  getStorageCapacity,
  getKeyspacesDataSize,
  listFiredAlerts,
  listAlertRules,
  getBestPracticeResults,
  runBestPracticeRule,
  ...lcmOperations('repositories', {
    list: 'listLcmRepositories',
    create: 'createLcmRepository',
    get: 'getLcmRepository',
    remove: 'deleteLcmRepository',
  }),
  ...lcmOperations('machine_credentials', {
    list: 'listLcmMachineCredentials',
    create: 'createLcmMachineCredential',
    get: 'getLcmMachineCredential',
    remove: 'deleteLcmMachineCredential',
  }),
  ...lcmOperations('clusters', { list: 'listLcmClusters', create: 'createLcmCluster', get: 'getLcmCluster', remove: 'deleteLcmCluster' }),
]
