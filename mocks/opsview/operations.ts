import spec from '../generated/opsview.openapi.json'
import { MockError } from '../core/mock-error'
import { isPlainObject } from '../core/body'
import type { MockRequest } from '../core/exchange'
import type { Operation } from '../core/service'
import type { BundledSpec } from '../core/spec-schema'
import { specRouteFinder } from '../core/spec-routes'
import type { SessionStore } from '../core/sessions'
import { authenticate, requireAnyAccess, userInfo } from './auth'
import { moduleFor } from './config/registry'
import type { StoredRecord } from './config/module'
import { listConfig } from './config-query'
import { readOpsviewBody, readParams } from './request-body'
import { acknowledge, bodyFields, createDowntime, deleteDowntimes, describe, listDowntimes, select } from './runtime'
import { listHostgroupStatus, listHostStatus, listServiceStatus } from './status'
import type { MonitoringEngine } from './monitoring/engine'
import type { UploadArea } from './uploads'
import { listEvents } from './monitoring/events'
import { membershipFilter } from './monitoring/membership'
import { graph, listMetricStatus, listRuntimeMetrics } from './monitoring/perf'
import {
  bsmComponents,
  bsmServices,
  detail,
  groupsBelow,
  runtimeClusters,
  runtimeHosttemplates,
  runtimeNetwork,
  runtimeServices,
  serviceRefs,
  viewport,
} from './monitoring/views'
import type { OpsviewStore, Principal } from './store'
import type { operations } from '../generated/opsview'
import type { ConfigObject, ConfigTypeName, Reply } from './spec-types'

export interface OpsviewContext {
  store: OpsviewStore
  sessions: SessionStore
  /** The estate in mock time: check results, events, performance data. */
  monitoring: MonitoringEngine
  /** Staged and imported plugin and Opspack uploads. */
  uploads: UploadArea
  version: { opsview_version: string; opsview_build: string; opsview_edition: 'community' | 'enterprise' | 'commercial'; uuid: string }
}

type Handler<Id extends OperationId> = (
  context: OpsviewContext,
  request: MockRequest,
  params: Record<string, string>,
) => Reply<Id> | Promise<Reply<Id>>
type OperationId = keyof operations

const routeOf = specRouteFinder<OperationId>(spec as unknown as BundledSpec)

/** One operation-table row, named by the spec's operationId; its method and path come from the spec. */
function operation<Id extends OperationId>(operationId: Id, handle: Handler<Id>): Operation<OpsviewContext> {
  return { ...routeOf(operationId), handle }
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
  return (context, request, params) => {
    const principal = authenticate(context.store, context.sessions, request)
    // Catch the estate up with mock time before anything reads it.
    context.monitoring.advance()
    return handle(context, principal, request, params)
  }
}

const ok = <T>(json: T) => ({ status: 200 as const, json })

/** A read-only answer for the logged-in user, computed from the query string: most status and runtime views. */
function queryView<Id extends OperationId>(
  read: (context: OpsviewContext, principal: Principal, query: URLSearchParams) => Extract<Reply<Id>, { status: 200 }>['json'],
): Handler<Id> {
  // The generic Reply<Id> stays unresolved here; `read`'s own type already ties the body to the operation's 200.
  return withPrincipal((context, principal, request) => ok(read(context, principal, request.query)) as Reply<Id>)
}

// ---- authentication ------------------------------------------------------------------------------

const login = operation('login', ({ store, sessions }, request) => {
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

const logout = operation('logout', endSession)
const deleteLogin = operation('deleteLogin', endSession)

const getUser = operation(
  'getUser',
  withPrincipal((_context, principal) => ok(userInfo(principal))),
)

// ---- information ---------------------------------------------------------------------------------

const getApiVersion = operation('getApiVersion', () => ok({ api_version: 6.008008, api_min_version: '2.000', easyxdm_version: '2.4.19' }))

const getInfo = operation(
  'getInfo',
  withPrincipal(({ version, store }) =>
    ok({
      ...version,
      opsview_name: 'Opsview',
      server_timezone: 'UTC',
      server_timezone_offset: '0',
      hosts_limit: String(Math.max(100, store.config.size('host'))),
    }),
  ),
)

const getServerinfo = operation(
  'getServerinfo',
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

function configType(store: OpsviewStore, params: Record<string, string>): ConfigTypeName {
  const type = store.config.typeNamed(params.objecttype!)
  if (!type) throw new MockError('ROUTE_NOT_FOUND', `Unknown object type '${params.objecttype}'`)
  return type
}

function readable(principal: Principal, type: ConfigTypeName): void {
  requireAnyAccess(principal, moduleFor(type).readAccess, `reading ${type} configuration`)
}

/** The caller may change objects of `type`, and the type allows `operation` at all. */
function writable(principal: Principal, type: ConfigTypeName, operation?: 'create' | 'update' | 'clone'): void {
  const module = moduleFor(type)
  if (!module.writeAccess) throw new MockError('BAD_REQUEST', `Objects of type ${type} are read-only`)
  requireAnyAccess(principal, [module.writeAccess], `changing ${type} configuration`)
  if (operation && module.refuses?.includes(operation)) {
    throw new MockError('BAD_REQUEST', `A ${type} cannot be ${operation === 'clone' ? 'cloned' : `${operation}d`} here; upload it instead`)
  }
}

function visibleObject(store: OpsviewStore, principal: Principal, type: ConfigTypeName, id: string): StoredRecord {
  const byId = moduleFor(type).identity === 'id'
  const record = !byId || /^[0-9]+$/.test(id) ? store.config.get(type, id) : undefined
  if (!record || !store.canSee(principal, type, record)) throw new MockError('NOT_FOUND', `Object not found: ${type} ${id}`)
  return record
}

function shown(store: OpsviewStore, principal: Principal, type: ConfigTypeName, record: StoredRecord) {
  return { object: store.config.present(type, record, principal.scope) as ConfigObject }
}

function objectBody(request: MockRequest): Record<string, unknown> {
  const body = readOpsviewBody(request)
  if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', 'Error when parsing data: expected a JSON object with the fields to set')
  return body
}

const listConfigObjects = operation(
  'listConfigObjects',
  withPrincipal(({ store }, principal, request, params) => {
    const type = configType(store, params)
    readable(principal, type)
    const { config } = store
    const scope = principal.scope
    const records = () => (scope ? [...config.all(type)].filter((record) => config.canSee(type, record, scope)) : [...config.all(type)])
    const result = listConfig(records, config.columns(type), request.query, {
      value: (record, column) => config.columnValue(type, record, column, scope),
      present: (record, extra) => config.present(type, record, scope, extra),
      onRequest: new Set(moduleFor(type).onRequest ?? []),
      // Restricted users see a filtered list, so only unrestricted ones get the page-at-a-time path.
      ...(!scope && config.inIdOrder(type)
        ? { inIdOrder: { size: config.size(type), window: (start: number, end: number) => config.window(type, start, end) } }
        : {}),
    })
    return ok(result as Extract<Reply<'listConfigObjects'>, { status: 200 }>['json'])
  }),
)

const configObjectExists = operation(
  'configObjectExists',
  withPrincipal(({ store }, principal, request, params) => {
    const type = configType(store, params)
    readable(principal, type)
    const name = request.query.get('name')
    const id = request.query.get('id')
    if (name === null && id === null) throw new MockError('BAD_REQUEST', 'exists needs a name or id parameter')
    const record = id !== null ? store.config.get(type, id) : store.config.byName(type, name!)
    const found = record !== undefined && (name === null || record.name === name) && store.canSee(principal, type, record)
    return ok({ exists: found ? (1 as const) : (0 as const) })
  }),
)

const getConfigObject = operation(
  'getConfigObject',
  withPrincipal(({ store }, principal, _request, params) => {
    const type = configType(store, params)
    readable(principal, type)
    return ok(shown(store, principal, type, visibleObject(store, principal, type, params.id!)))
  }),
)

const createConfigObject = operation(
  'createConfigObject',
  withPrincipal(async ({ store }, principal, request, params) => {
    const type = configType(store, params)
    writable(principal, type, 'create')
    const body = objectBody(request)
    if (Array.isArray(body.list)) return ok(await writeList(store, principal, type, body, 'create'))
    return ok(shown(store, principal, type, await store.config.create(type, body, { scope: principal.scope })))
  }),
)

const updateConfigObjects = operation(
  'updateConfigObjects',
  withPrincipal(async ({ store }, principal, request, params) => {
    const type = configType(store, params)
    writable(principal, type, 'update')
    return ok(await writeList(store, principal, type, objectBody(request), 'upsert'))
  }),
)

/**
 * A `{"list": [...]}` write, all or nothing, as Opsview's list POST/PUT does: items with an `id`, or (for
 * PUT) a `name` that exists, are updated; the others are created. On the first failure every change is
 * undone and the answer names the item, like Opsview's "Rollback" error.
 */
async function writeList(
  store: OpsviewStore,
  principal: Principal,
  type: ConfigTypeName,
  body: Record<string, unknown>,
  mode: 'create' | 'upsert',
) {
  const { list, ...rest } = body
  if (!Array.isArray(list) || Object.keys(rest).length) {
    throw new MockError('BAD_REQUEST', 'Error when parsing data: a list write is {"list": [objects]} and nothing else')
  }
  await store.config.atomically(async () => {
    for (const [index, item] of list.entries()) {
      try {
        if (!isPlainObject(item)) throw new MockError('BAD_REQUEST', 'Not a HASH')
        const existing = mode === 'upsert' ? existingFor(store, type, item) : undefined
        if (existing) await store.config.update(type, existing.id, item, { scope: principal.scope })
        else await store.config.create(type, item, { scope: principal.scope })
      } catch (error) {
        const reason = error instanceof MockError ? error.message : String(error)
        throw new MockError('BAD_REQUEST', `Rollback. Error trying to synchronise object: ${index + 1}`, { reason })
      }
    }
  })
  return { objects_updated: list.length }
}

function existingFor(store: OpsviewStore, type: ConfigTypeName, fields: Record<string, unknown>): StoredRecord | undefined {
  if (fields.id !== undefined) {
    const record = store.config.get(type, String(fields.id))
    if (!record) throw new MockError('NOT_FOUND', `Object not found: ${type} ${String(fields.id)}`)
    return record
  }
  return typeof fields.name === 'string' ? store.config.byName(type, fields.name) : undefined
}

const updateConfigObject = operation(
  'updateConfigObject',
  withPrincipal(async ({ store }, principal, request, params) => {
    const type = configType(store, params)
    writable(principal, type, 'update')
    const current = visibleObject(store, principal, type, params.id!)
    return ok(shown(store, principal, type, await store.config.update(type, current.id, objectBody(request), { scope: principal.scope })))
  }),
)

const cloneConfigObject = operation(
  'cloneConfigObject',
  withPrincipal(async ({ store }, principal, request, params) => {
    const type = configType(store, params)
    writable(principal, type, 'clone')
    const source = visibleObject(store, principal, type, params.id!)
    return ok(shown(store, principal, type, await store.config.create(type, objectBody(request), { base: source, scope: principal.scope })))
  }),
)

const deleteConfigObject = operation(
  'deleteConfigObject',
  withPrincipal(async ({ store }, principal, _request, params) => {
    const type = configType(store, params)
    writable(principal, type)
    const current = visibleObject(store, principal, type, params.id!)
    await store.config.remove(type, current.id, { contactId: principal.contact.id })
    return ok({ success: 1 as const })
  }),
)

const deleteConfigObjects = operation(
  'deleteConfigObjects',
  withPrincipal(async ({ store }, principal, request, params) => {
    const type = configType(store, params)
    writable(principal, type)
    const ids = request.query.getAll('id')
    if (!ids.length) throw new MockError('BAD_REQUEST', 'Bulk delete needs at least one id parameter')
    const unique = [...new Set(ids)]
    const records = unique.map((id) => visibleObject(store, principal, type, id))
    await store.config.atomically(async () => {
      for (const record of records) await store.config.remove(type, record.id, { contactId: principal.contact.id })
    })
    return ok({ objects_deleted: records.length })
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
  withPrincipal(({ store }, principal) => {
    requireAnyAccess(principal, ['RELOADACCESS', 'RELOADVIEW', 'CONFIGUREVIEW', 'ADMINACCESS'], 'viewing reload status')
    return reloadStatus(store)
  }),
)

const reload = operation(
  'reload',
  withPrincipal(async ({ store, monitoring }, principal) => {
    requireAnyAccess(principal, ['RELOADACCESS'], 'reloading')
    await store.reload()
    monitoring.sync()
    return reloadStatus(store)
  }),
)

// ---- status and runtime --------------------------------------------------------------------------

const listHostStatusOp = operation('listHostStatus', queryView(listHostStatus))
const listServiceStatusOp = operation('listServiceStatus', queryView(listServiceStatus))
const listHostgroupStatusOp = operation('listHostgroupStatus', queryView(listHostgroupStatus))

const listDowntimesOp = operation(
  'listDowntimes',
  withPrincipal(({ store }, principal, request) => ok(listDowntimes(store, principal, request.query))),
)
const createDowntimeOp = operation(
  'createDowntime',
  withPrincipal(({ store, monitoring }, principal, request) => {
    const result = createDowntime(store, principal, request.query, bodyFields(readOpsviewBody(request)))
    monitoring.noteDowntimesChanged()
    return ok(result)
  }),
)
const deleteDowntimesOp = operation(
  'deleteDowntimes',
  withPrincipal(({ store, monitoring }, principal, request) => {
    const now = store.clock.nowSeconds()
    const running = [...store.downtimes.values()].filter((record) => record.start <= now && record.end > now)
    const before = new Map(running.map((record) => [record.id, { hostIds: [...record.hostIds], serviceIds: [...record.serviceIds] }]))
    const result = deleteDowntimes(store, principal, request.query, bodyFields(readOpsviewBody(request)))
    for (const record of running) {
      const after = store.downtimes.get(record.id)
      const was = before.get(record.id)!
      const ended = [
        ...was.hostIds.filter((id) => !after?.hostIds.includes(id)).map((hostId) => ({ hostId })),
        ...result.list.services
          .filter((service) => was.serviceIds.includes(service.id) && !after?.serviceIds.includes(service.id))
          .map((service) => ({ hostId: hostIdOf(store, service.id), serviceId: service.id })),
      ]
      monitoring.noteDowntimeCancelled(ended, { author: record.author, comment: record.comment, start: record.start, end: record.end }, now)
    }
    return ok(result)
  }),
)
const acknowledgeOp = operation(
  'acknowledge',
  withPrincipal(({ store, monitoring }, principal, request) => {
    const body = bodyFields(readOpsviewBody(request))
    const result = acknowledge(store, principal, request.query, body)
    const objects = [
      ...result.list.hosts.map((host) => ({ hostId: host.id })),
      ...result.list.services.map((service) => ({ hostId: hostIdOf(store, service.id), serviceId: service.id })),
    ]
    monitoring.noteAcknowledged(objects, principal.contact.name, String(body.comment), store.clock.nowSeconds())
    return ok(result)
  }),
)

function hostIdOf(store: OpsviewStore, serviceId: string): string {
  for (const runtime of store.runtime.values()) if (runtime.services.some((service) => service.id === serviceId)) return runtime.hostId
  return ''
}

function assertAction(principal: Principal): void {
  requireAnyAccess(principal, ['ACTIONALL', 'ACTIONSOME'], 'acknowledging or rechecking')
}

const listAcknowledgeableOp = operation(
  'listAcknowledgeable',
  withPrincipal((context, principal, request) => {
    assertAction(principal)
    return ok(listServiceStatus(context, principal, request.query, 'acknowledge'))
  }),
)

const listRecheckableOp = operation(
  'listRecheckable',
  withPrincipal((context, principal, request) => {
    assertAction(principal)
    return ok(listServiceStatus(context, principal, request.query, 'recheck'))
  }),
)

const recheckOp = operation(
  'recheck',
  withPrincipal(({ store, monitoring }, principal, request) => {
    assertAction(principal)
    const selection = select(store, principal, request.query, bodyFields(readOpsviewBody(request)))
    if (!selection.hostIds.length && !selection.services.length) throw new MockError('BAD_REQUEST', 'No objects chosen for recheck')
    monitoring.recheck(
      [...selection.hostIds.map((hostId) => ({ hostId })), ...selection.services.map(({ hostId, serviceId }) => ({ hostId, serviceId }))],
      store.clock.nowSeconds(),
    )
    return ok(describe(store, selection))
  }),
)

const listEventsOp = operation(
  'listEvents',
  withPrincipal((context, principal, request) => {
    requireAnyAccess(principal, ['VIEWALL', 'VIEWSOME', 'ADMINACCESS'], 'viewing events')
    return ok(listEvents(context.store, context.monitoring, principal, request.query, groupsBelow(context)))
  }),
)

const getDetailOp = operation('getDetail', queryView(detail))

const getGraphOp = operation(
  'getGraph',
  withPrincipal((context, principal, request) => {
    const { store } = context
    const visible = serviceRefs(context, principal)
    const inHashtag = membershipFilter(store, request.query, ['keyword'])
    const services = inHashtag
      ? visible.filter((ref) => {
          const host = store.host(ref.hostId)
          return host !== undefined && inHashtag(host, ref.servicename)
        })
      : visible
    return ok(graph(context.monitoring, services, request.query, store.clock.nowSeconds(), inHashtag !== undefined))
  }),
)

const listViewportStatusOp = operation('listViewportStatus', queryView(viewport))

const getViewportStatusOp = operation(
  'getViewportStatus',
  withPrincipal((context, principal, request, params) => ok(viewport(context, principal, request.query, params.keyword!))),
)

const listBsmServiceStatusOp = operation('listBsmServiceStatus', queryView(bsmServices))

const listBsmComponentStatusOp = operation('listBsmComponentStatus', queryView(bsmComponents))

const listMetricStatusOp = operation(
  'listMetricStatus',
  withPrincipal((context, principal, request) =>
    ok(listMetricStatus(context.monitoring, serviceRefs(context, principal), request.query, groupsBelow(context))),
  ),
)

const listRuntimeServicesOp = operation('listRuntimeServices', queryView(runtimeServices))

const listRuntimeHosttemplatesOp = operation('listRuntimeHosttemplates', queryView(runtimeHosttemplates))

const listRuntimeMetricsOp = operation(
  'listRuntimeMetrics',
  withPrincipal((context, principal, request) =>
    ok(listRuntimeMetrics(serviceRefs(context, principal), request.query, groupsBelow(context))),
  ),
)

const listRuntimeMonitoringClustersOp = operation('listRuntimeMonitoringClusters', queryView(runtimeClusters))

const getRuntimeNetworkOp = operation('getRuntimeNetwork', queryView(runtimeNetwork))

const uploadPluginOp = operation(
  'uploadPlugin',
  withPrincipal(({ store, uploads }, principal, request) => ok(uploads.uploadPlugin(store, principal, request))),
)

const importPluginOp = operation(
  'importPlugin',
  withPrincipal(async ({ store, uploads }, principal, request) => ok(await uploads.importPlugin(store, principal, request))),
)

const uploadOpspackOp = operation(
  'uploadOpspack',
  withPrincipal(({ uploads }, principal, request) => ok(uploads.uploadOpspack(principal, request))),
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
  deleteConfigObjects,
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
  listAcknowledgeableOp,
  listRecheckableOp,
  recheckOp,
  listEventsOp,
  getDetailOp,
  getGraphOp,
  listViewportStatusOp,
  getViewportStatusOp,
  listBsmServiceStatusOp,
  listBsmComponentStatusOp,
  listMetricStatusOp,
  listRuntimeServicesOp,
  listRuntimeHosttemplatesOp,
  listRuntimeMetricsOp,
  listRuntimeMonitoringClustersOp,
  getRuntimeNetworkOp,
  uploadPluginOp,
  importPluginOp,
  uploadOpspackOp,
]

function singleString(value: unknown): string | undefined {
  if (Array.isArray(value)) return singleString(value[0])
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return undefined
}
