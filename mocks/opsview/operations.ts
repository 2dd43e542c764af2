import spec from '../generated/opsview.openapi.json'
import { MockError } from '../core/mock-error'
import { isPlainObject } from '../core/body'
import type { MockRequest } from '../core/exchange'
import type { Operation } from '../core/service'
import type { SessionStore } from '../core/sessions'
import { authenticate, requireAnyAccess, userInfo } from './auth'
import { CONFIG_TYPES, isConfigTypeName } from './config-types'
import { listConfig } from './config-query'
import { readOpsviewBody, readParams } from './request-body'
import { acknowledge, bodyFields, createDowntime, deleteDowntimes, listDowntimes } from './runtime'
import { listHostgroupStatus, listHostStatus, listServiceStatus } from './status'
import { refId, type OpsviewStore, type Principal } from './store'
import type { operations } from '../generated/opsview'
import type { AnyConfigObject, ConfigTypeName, Host, Hostgroup, Reply } from './spec-types'

export interface OpsviewContext {
  store: OpsviewStore
  sessions: SessionStore
  version: { opsview_version: string; opsview_build: string; opsview_edition: 'community' | 'enterprise' | 'commercial'; uuid: string }
}

type Handler<Id extends OperationId> = (
  context: OpsviewContext,
  request: MockRequest,
  params: Record<string, string>,
) => Reply<Id> | Promise<Reply<Id>>
type OperationId = keyof operations

function operation<Id extends OperationId>(operationId: Id, method: string, path: string, handle: Handler<Id>): Operation<OpsviewContext> {
  return { operationId, method, path, handle }
}

/** Wraps a handler that needs a logged-in user. */
function withPrincipal<Id extends OperationId>(
  handle: (
    context: OpsviewContext,
    principal: Principal,
    request: MockRequest,
    params: Record<string, string>,
  ) => Reply<Id> | Promise<Reply<Id>>,
): Handler<Id> {
  return (context, request, params) => handle(context, authenticate(context.store, context.sessions, request), request, params)
}

const ok = <T>(json: T) => ({ status: 200 as const, json })

// ---- authentication ------------------------------------------------------------------------------

const login = operation('login', 'POST', '/rest/login', ({ store, sessions }, request) => {
  // X-Opsview-* headers are ignored here: clients log in again with stale or "null" tokens.
  const params = readParams(request)
  const username = singleString(params.username)
  const password = singleString(params.password)
  if (username === undefined || password === undefined) throw new MockError('BAD_REQUEST', 'Missing username or password')
  const contact = store.checkPassword(username, password)
  if (!contact) throw new MockError('UNAUTHENTICATED', 'Invalid username or password')
  const session = sessions.create(contact.name)
  return String(singleString(params.include_user_data)) === '1'
    ? ok({ token: session.token, user_data: userInfo(store.principalFor(contact)) })
    : ok({ token: session.token })
})

function endSession({ store, sessions }: OpsviewContext, request: MockRequest) {
  authenticate(store, sessions, request)
  sessions.revoke(request.header('x-opsview-token')!)
  return ok({ logout_via: 'REST API' as const })
}

const logout = operation('logout', 'POST', '/rest/logout', endSession)
const deleteLogin = operation('deleteLogin', 'DELETE', '/rest/login', endSession)

const getUser = operation(
  'getUser',
  'GET',
  '/rest/user',
  withPrincipal((_context, principal) => ok(userInfo(principal))),
)

// ---- information ---------------------------------------------------------------------------------

const getApiVersion = operation('getApiVersion', 'GET', '/rest', () =>
  ok({ api_version: 6.008008, api_min_version: '2.000', easyxdm_version: '2.4.19' }),
)

const getInfo = operation(
  'getInfo',
  'GET',
  '/rest/info',
  withPrincipal(({ version, store }) =>
    ok({
      ...version,
      opsview_name: 'Opsview',
      server_timezone: 'UTC',
      server_timezone_offset: '0',
      hosts_limit: String(Math.max(100, store.tables.host.size)),
    }),
  ),
)

const getServerinfo = operation(
  'getServerinfo',
  'GET',
  '/rest/serverinfo',
  withPrincipal(({ version, store }) =>
    ok({
      opsview_version: version.opsview_version,
      server_timezone: 'UTC',
      server_timezone_offset: '0',
      uptime: String(store.clock.nowSeconds() - store.startedAt),
    }),
  ),
)

// ---- configuration -------------------------------------------------------------------------------

const schemas = (spec as unknown as { components: { schemas: Record<string, { properties?: object }> } }).components.schemas
const COLUMNS = Object.fromEntries(
  (Object.keys(CONFIG_TYPES) as ConfigTypeName[]).map((type) => [
    type,
    Object.keys(schemas[CONFIG_TYPES[type].schemaName]?.properties ?? {}),
  ]),
) as Record<ConfigTypeName, string[]>

function configType(params: Record<string, string>): ConfigTypeName {
  const type = params.objecttype!
  if (!isConfigTypeName(type)) throw new MockError('ROUTE_NOT_FOUND', `Unknown object type '${type}'`)
  return type
}

function isVisible(principal: Principal, type: ConfigTypeName, record: AnyConfigObject): boolean {
  const visible = principal.visibleHostgroupIds
  if (!visible || !CONFIG_TYPES[type].scopedByHostgroup) return true
  return type === 'host' ? visible.has(refId((record as Host).hostgroup)) : visible.has((record as Hostgroup).id)
}

function readable(principal: Principal, type: ConfigTypeName): void {
  requireAnyAccess(principal, CONFIG_TYPES[type].readAccess, `reading ${type} configuration`)
}

function writable(principal: Principal, type: ConfigTypeName): void {
  requireAnyAccess(principal, [CONFIG_TYPES[type].writeAccess], `changing ${type} configuration`)
}

function visibleObject(store: OpsviewStore, principal: Principal, type: ConfigTypeName, id: string): AnyConfigObject {
  const record = /^[0-9]+$/.test(id) ? store.tables[type].get(id) : undefined
  if (!record || !isVisible(principal, type, record)) throw new MockError('NOT_FOUND', `Object not found: ${type} ${id}`)
  return record
}

/**
 * A record as the principal may see it: a `hosts` list (a host template's) keeps only hosts in the
 * principal's host groups, so a "View some" user learns nothing of the others, neither in the object nor
 * through an `s.hosts=` search.
 */
function withVisibleHosts(store: OpsviewStore, principal: Principal, record: AnyConfigObject): AnyConfigObject {
  const visible = principal.visibleHostgroupIds
  const hosts = (record as { hosts?: unknown }).hosts
  if (!visible || !Array.isArray(hosts)) return record
  const shown = hosts.filter((ref: { name: string; ref?: string }) => {
    const host = typeof ref?.ref === 'string' ? store.tables.host.get(refId(ref)) : undefined
    return host !== undefined && visible.has(refId(host.hostgroup))
  })
  return shown.length === hosts.length ? record : ({ ...record, hosts: shown } as AnyConfigObject)
}

function objectBody(request: MockRequest): Record<string, unknown> {
  const body = readOpsviewBody(request)
  if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', 'Error when parsing data: expected a JSON object with the fields to set')
  return body
}

const listConfigObjects = operation(
  'listConfigObjects',
  'GET',
  '/rest/config/{objecttype}',
  withPrincipal(({ store }, principal, request, params) => {
    const type = configType(params)
    readable(principal, type)
    const records = (store.tables[type].all() as AnyConfigObject[])
      .filter((record) => isVisible(principal, type, record))
      .map((record) => withVisibleHosts(store, principal, record))
    return ok(listConfig(records, COLUMNS[type], request.query) as Extract<Reply<'listConfigObjects'>, { status: 200 }>['json'])
  }),
)

const configObjectExists = operation(
  'configObjectExists',
  'GET',
  '/rest/config/{objecttype}/exists',
  withPrincipal(({ store }, principal, request, params) => {
    const type = configType(params)
    readable(principal, type)
    const name = request.query.get('name')
    const id = request.query.get('id')
    if (name === null && id === null) throw new MockError('BAD_REQUEST', 'exists needs a name or id parameter')
    const found = (store.tables[type].all() as AnyConfigObject[]).some(
      (record) => isVisible(principal, type, record) && (name === null || record.name === name) && (id === null || record.id === id),
    )
    return ok({ exists: found ? (1 as const) : (0 as const) })
  }),
)

const getConfigObject = operation(
  'getConfigObject',
  'GET',
  '/rest/config/{objecttype}/{id}',
  withPrincipal(({ store }, principal, _request, params) => {
    const type = configType(params)
    readable(principal, type)
    return ok({ object: withVisibleHosts(store, principal, visibleObject(store, principal, type, params.id!)) })
  }),
)

const createConfigObject = operation(
  'createConfigObject',
  'POST',
  '/rest/config/{objecttype}',
  withPrincipal(async (context, principal, request, params) => {
    const type = configType(params)
    writable(principal, type)
    const body = objectBody(request)
    if (Array.isArray(body.list)) return ok(await writeList(context, type, body, 'create'))
    return ok({ object: await context.store.createConfigObject(type, body) })
  }),
)

const updateConfigObjects = operation(
  'updateConfigObjects',
  'PUT',
  '/rest/config/{objecttype}',
  withPrincipal(async (context, principal, request, params) => {
    const type = configType(params)
    writable(principal, type)
    return ok(await writeList(context, type, objectBody(request), 'upsert'))
  }),
)

/** A `{"list": [...]}` write, all or nothing; renamed contacts lose the sessions bound to their old name. */
async function writeList(context: OpsviewContext, type: ConfigTypeName, body: Record<string, unknown>, mode: 'create' | 'upsert') {
  const { list, ...rest } = body
  if (!Array.isArray(list) || Object.keys(rest).length) {
    throw new MockError('BAD_REQUEST', 'Error when parsing data: a list write is {"list": [objects]} and nothing else')
  }
  const namesBefore = new Map(context.store.tables.contact.all().map((contact) => [contact.id, contact.name]))
  const written = await context.store.writeConfigObjects(type, list, mode)
  if (type === 'contact') {
    for (const contact of written) {
      const before = namesBefore.get(contact.id)
      if (before !== undefined && before !== contact.name) context.sessions.revokeSubject(before)
    }
  }
  return { objects_updated: written.length }
}

const updateConfigObject = operation(
  'updateConfigObject',
  'PUT',
  '/rest/config/{objecttype}/{id}',
  withPrincipal(async (context, principal, request, params) => {
    const type = configType(params)
    writable(principal, type)
    const current = visibleObject(context.store, principal, type, params.id!)
    const updated = await context.store.updateConfigObject(type, current.id, objectBody(request))
    // A renamed contact's tokens were bound to the old name.
    if (type === 'contact' && updated.name !== current.name) context.sessions.revokeSubject(current.name)
    return ok({ object: updated })
  }),
)

const cloneConfigObject = operation(
  'cloneConfigObject',
  'POST',
  '/rest/config/{objecttype}/{id}',
  withPrincipal(async ({ store }, principal, request, params) => {
    const type = configType(params)
    writable(principal, type)
    const source = visibleObject(store, principal, type, params.id!)
    return ok({ object: await store.createConfigObject(type, objectBody(request), source) })
  }),
)

const deleteConfigObject = operation(
  'deleteConfigObject',
  'DELETE',
  '/rest/config/{objecttype}/{id}',
  withPrincipal(async (context, principal, _request, params) => {
    const type = configType(params)
    writable(principal, type)
    const current = visibleObject(context.store, principal, type, params.id!)
    if (type === 'contact' && current.id === principal.contact.id) throw new MockError('BAD_REQUEST', 'You cannot delete your own contact')
    await context.store.deleteConfigObject(type, current.id)
    if (type === 'contact') context.sessions.revokeSubject(current.name)
    return ok({ success: 1 as const })
  }),
)

function reloadStatus(store: OpsviewStore) {
  return ok({
    auditlog_entries: String(store.changesSinceReload),
    average_duration: '10',
    configuration_status: store.hasUncommittedChanges ? ('pending' as const) : ('uptodate' as const),
    lastupdated: String(store.lastReload),
    messages: [] as string[],
    server_status: '0',
  })
}

const getReloadStatus = operation(
  'getReloadStatus',
  'GET',
  '/rest/reload',
  withPrincipal(({ store }, principal) => {
    requireAnyAccess(principal, ['RELOADACCESS', 'RELOADVIEW', 'CONFIGUREVIEW', 'ADMINACCESS'], 'viewing reload status')
    return reloadStatus(store)
  }),
)

const reload = operation(
  'reload',
  'POST',
  '/rest/reload',
  withPrincipal(async ({ store }, principal) => {
    requireAnyAccess(principal, ['RELOADACCESS'], 'reloading')
    await store.reload()
    return reloadStatus(store)
  }),
)

// ---- status and runtime --------------------------------------------------------------------------

const listHostStatusOp = operation(
  'listHostStatus',
  'GET',
  '/rest/status/host',
  withPrincipal(({ store }, principal, request) => ok(listHostStatus(store, principal, request.query))),
)
const listServiceStatusOp = operation(
  'listServiceStatus',
  'GET',
  '/rest/status/service',
  withPrincipal(({ store }, principal, request) => ok(listServiceStatus(store, principal, request.query))),
)
const listHostgroupStatusOp = operation(
  'listHostgroupStatus',
  'GET',
  '/rest/status/hostgroup',
  withPrincipal(({ store }, principal, request) => ok(listHostgroupStatus(store, principal, request.query))),
)

const listDowntimesOp = operation(
  'listDowntimes',
  'GET',
  '/rest/downtime',
  withPrincipal(({ store }, principal, request) => ok(listDowntimes(store, principal, request.query))),
)
const createDowntimeOp = operation(
  'createDowntime',
  'POST',
  '/rest/downtime',
  withPrincipal(({ store }, principal, request) =>
    ok(createDowntime(store, principal, request.query, bodyFields(readOpsviewBody(request)))),
  ),
)
const deleteDowntimesOp = operation(
  'deleteDowntimes',
  'DELETE',
  '/rest/downtime',
  withPrincipal(({ store }, principal, request) =>
    ok(deleteDowntimes(store, principal, request.query, bodyFields(readOpsviewBody(request)))),
  ),
)
const acknowledgeOp = operation(
  'acknowledge',
  'POST',
  '/rest/acknowledge',
  withPrincipal(({ store }, principal, request) => ok(acknowledge(store, principal, request.query, bodyFields(readOpsviewBody(request))))),
)

/** The Opsview operation table: one row per spec operation, named by its operationId. */
export const OPSVIEW_OPERATIONS: readonly Operation<OpsviewContext>[] = [
  getApiVersion,
  getInfo,
  getServerinfo,
  login,
  deleteLogin,
  logout,
  getUser,
  listConfigObjects,
  createConfigObject,
  updateConfigObjects,
  configObjectExists,
  getConfigObject,
  updateConfigObject,
  cloneConfigObject,
  deleteConfigObject,
  getReloadStatus,
  reload,
  listHostStatusOp,
  listServiceStatusOp,
  listHostgroupStatusOp,
  listDowntimesOp,
  createDowntimeOp,
  deleteDowntimesOp,
  acknowledgeOp,
]

function singleString(value: unknown): string | undefined {
  if (Array.isArray(value)) return singleString(value[0])
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return undefined
}
