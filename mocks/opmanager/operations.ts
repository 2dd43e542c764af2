import type { Clock } from '../core/clock'
import type { Operation } from '../core/service'
import { authenticate, type Caller } from './auth'
import { opmError } from './errors'
import { parseOpmTime } from './format'
import { Params } from './params'
import { scopeOf } from './scope'
import type { DeviceSort, OpmanagerStore } from './store'
import type { AlertType, Device, OperationId, Privilege, Reply, SeverityNumber } from './spec-types'

export interface OpmanagerContext {
  store: OpmanagerStore
  clock: Clock
}

type Handler<Id extends OperationId> = (context: OpmanagerContext, caller: Caller, params: Params) => Reply<Id> | Promise<Reply<Id>>

/**
 * One operation-table row: the spec's operationId, method and path, plus the key scope the path
 * implies (module from the URL, read for GET / write for POST, header-only URLs). Parameters are read
 * from the query and form body, then the key is checked, then the handler runs.
 */
function operation<Id extends OperationId>(
  operationId: Id,
  method: 'GET' | 'POST',
  path: string,
  handle: Handler<Id>,
  options: { adminOnly?: boolean } = {},
): Operation<OpmanagerContext> {
  const scope = scopeOf(method, path, options)
  return {
    operationId,
    method,
    path,
    handle: (context, request) => {
      const params = Params.from(request)
      return handle(context, authenticate(context.store, context.clock, request, params, scope), params)
    },
  }
}

const ok = <T>(json: T) => ({ status: 200 as const, json })
const result = (message: string) => ok({ result: { message } })

const SEVERITIES = [1, 2, 3, 4, 5] as const
const ALERT_TYPES = [
  'ActiveAlarms',
  'EventLogAlarms',
  'SyslogAlarms',
  'TrapAlarms',
  'NCMAlarms',
  'NFAAlarms',
  'WebAlarms',
  'FWAAlarms',
  'StorageAlarms',
  'APMAlarms',
  'Server',
  'Network',
  'Virtualization',
  'CorrelatedAlarms',
] as const
const ALARM_FAMILIES = ALERT_TYPES.filter((type): type is AlertType => type !== 'ActiveAlarms')

// ---- alarms --------------------------------------------------------------------------------------

function time(params: Params, name: string, endOfDay: boolean): number | undefined {
  const text = params.optional(name)
  if (text === undefined) return undefined
  const ms = parseOpmTime(text, endOfDay)
  if (ms === undefined)
    throw opmError(
      'BAD_REQUEST',
      'UNABLE_TO_PARSE_DATA_TYPE',
      `The parameter '${name}' must be a date as yyyy-mm-dd or yyyy-mm-dd hh:mm:ss.`,
    )
  return ms
}

const listAlarms = operation('listAlarms', 'GET', '/api/json/alarm/listAlarms', ({ store }, _caller, params) =>
  ok(
    store.listAlarms({
      deviceName: params.optional('deviceName'),
      severities: params.integerList('severity', SEVERITIES),
      category: params.optional('category'),
      entity: params.optional('entity'),
      alertType: params.oneOf('alertType', ALERT_TYPES),
      from: time(params, 'fromTime', false),
      to: time(params, 'toTime', true),
      probeName: params.optional('probeName'),
    }),
  ),
)

/** `entity`, split on commas when `type=multiple`. */
function entities(params: Params): string[] {
  const entity = params.required('entity', { maxLength: 4000 })
  if (params.oneOf('type', ['single', 'multiple'] as const) !== 'multiple') return [entity]
  const list = entity
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
  if (!list.length) throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', "The parameter 'entity' is mandatory and was not sent.")
  return list
}

const acknowledgeAlarm = operation('acknowledgeAlarm', 'POST', '/api/json/alarm/acknowledgeAlarm', async ({ store }, caller, params) => {
  await store.acknowledgeAlarm(entities(params), caller.user.userName)
  return result('Alarm has been successfully Acknowledged')
})

const unAcknowledgeAlarm = operation(
  'unAcknowledgeAlarm',
  'POST',
  '/api/json/alarm/unAcknowledgeAlarm',
  async ({ store }, _caller, params) => {
    await store.unAcknowledgeAlarm(entities(params))
    return result('Alarm has been successfully Unacknowledged')
  },
)

const clearAlarm = operation('clearAlarm', 'POST', '/api/json/alarm/clearAlarm', async ({ store }, _caller, params) => {
  await store.clearAlarm(entities(params))
  return result('Alarm has been successfully Cleared!')
})

const deleteAlarm = operation('deleteAlarm', 'POST', '/api/json/alarm/deleteAlarm', async ({ store }, _caller, params) => {
  await store.deleteAlarm(entities(params))
  return result('Alarm has been successfully Deleted')
})

const addNotes = operation('addNotes', 'POST', '/api/json/alarm/addNotes', ({ store }, caller, params) => {
  const list = entities(params)
  store.addNotes(list, params.required('notes', { maxLength: 1000 }), caller.user.userName)
  return result('Notes have been successfully added')
})

const alarmProperties = operation('alarmProperties', 'GET', '/api/json/alarm/alarmProperties', ({ store }, _caller, params) => {
  const entity = params.required('entity')
  const deviceId = params.integer('deviceID', { min: 1 })
  return ok(store.alarmProperties(entity, deviceId === undefined ? undefined : String(deviceId)))
})

const getAnnotation = operation('getAnnotation', 'GET', '/api/json/alarm/getAnnotation', ({ store }, _caller, params) =>
  ok(store.getAnnotation(params.required('entity'))),
)

const getTopDevicesByAlarms = operation(
  'getTopDevicesByAlarms',
  'GET',
  '/api/json/alarm/getTopDevicesByAlarms',
  ({ store }, _caller, params) => ok(store.getTopDevicesByAlarms(params.oneOf('eventType', ALARM_FAMILIES))),
)

// ---- devices -------------------------------------------------------------------------------------

const SORT_COLUMNS = [
  'id',
  'moid',
  'deviceName',
  'displayName',
  'ipaddress',
  'category',
  'type',
  'vendorName',
  'statusStr',
  'statusNum',
  'addedTime',
  'interfaceCount',
] as const satisfies readonly (keyof Device)[]

function deviceQuery(params: Params) {
  return {
    filter: {
      category: params.optional('category'),
      type: params.optional('type'),
      vendor: params.optional('vendor'),
      severities: params.integerList('severity', [1, 2, 3, 4, 5, 7] as const),
    },
    sort: {
      column: params.oneOf('sortByColumn', SORT_COLUMNS) ?? 'displayName',
      descending: params.oneOf('sortByType', ['asc', 'desc'] as const) === 'desc',
    } satisfies DeviceSort,
    page: params.integer('page', { min: 1 }),
    rows: params.integer('rows', { min: 1, max: 1000 }),
  }
}

/** jqGrid paging: `total` pages, current `page`, `records` matched, this page's `rows`. */
function paged<T>(items: T[], page = 1, rows = 25) {
  return { total: Math.ceil(items.length / rows), page, records: items.length, rows: items.slice((page - 1) * rows, page * rows) }
}

const listDevices = operation('listDevices', 'GET', '/api/json/device/listDevices', ({ store }, _caller, params) => {
  const query = deviceQuery(params)
  const devices = store.listDevices(query.filter, query.sort)
  // v1 stays a bare array (what real clients receive); page and rows only slice it.
  return ok(query.rows === undefined ? devices : paged(devices, query.page, query.rows).rows)
})

const listDevicesV2 = operation('listDevicesV2', 'GET', '/api/json/v2/device/listDevices', ({ store }, _caller, params) => {
  const query = deviceQuery(params)
  return ok(paged(store.listDevices(query.filter, query.sort), query.page, query.rows))
})

const getDeviceSummary = operation('getDeviceSummary', 'GET', '/api/json/device/getDeviceSummary', ({ store }, _caller, params) =>
  ok(store.getDeviceSummary(params.required('name'))),
)

const getDeviceInfo = operation('getDeviceInfo', 'GET', '/api/json/device/getDeviceInfo', ({ store }, _caller, params) =>
  ok(store.getDeviceInfo(params.required('name'))),
)

const getInterfaces = operation('getInterfaces', 'GET', '/api/json/device/getInterfaces', ({ store }, _caller, params) =>
  ok(store.getInterfaces(params.required('name'))),
)

const listInterfaces = operation('listInterfaces', 'GET', '/api/json/device/listInterfaces', ({ store }, _caller, params) => {
  const filter = { deviceName: params.optional('deviceName'), status: params.oneOf('status', ['Up', 'Down'] as const) }
  return ok(paged(store.listInterfaces(filter), params.integer('page', { min: 1 }), params.integer('rows', { min: 1, max: 1000 })))
})

const getDeviceAssociatedMonitors = operation(
  'getDeviceAssociatedMonitors',
  'GET',
  '/api/json/device/getDeviceAssociatedMonitors',
  ({ store }, _caller, params) => ok(store.getDeviceAssociatedMonitors(params.required('name'))),
)

const setManaged = operation(
  'setManaged',
  'POST',
  '/api/json/device/setManaged',
  async ({ store }, _caller, params) => {
    const name = params.required('name')
    const manage = params.oneOf('manage', ['true', 'false'] as const)
    if (manage === undefined)
      throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', "The parameter 'manage' is mandatory and was not sent.")
    await store.setManaged(name, manage === 'true')
    return result(`Device has been successfully ${manage === 'true' ? 'managed' : 'unmanaged'}`)
  },
  { adminOnly: true },
)

// ---- discovery -----------------------------------------------------------------------------------

const HOST =
  /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$|^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/
const NETMASK = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/

function matching(name: string, value: string | undefined, pattern: RegExp, what: string): void {
  if (value !== undefined && !pattern.test(value))
    throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `The parameter '${name}' must be ${what}.`)
}

const addDevice = operation(
  'addDevice',
  'POST',
  '/api/json/discovery/addDevice',
  async ({ store }, _caller, params) => {
    const deviceName = params.required('deviceName', { maxLength: 250 })
    matching('deviceName', deviceName, HOST, 'an IPv4 address or a host name')
    params.required('credentialName', { maxLength: 100 })
    matching('netmask', params.optional('netmask'), NETMASK, 'a dotted network mask such as 255.255.255.0')
    await store.addDevice(deviceName)
    return result(`Device ${deviceName} has been successfully added for discovery`)
  },
  { adminOnly: true },
)

const getDownDevices = operation('getDownDevices', 'GET', '/api/json/discovery/getDownDevices', ({ store }) => ok(store.getDownDevices()))

// ---- events --------------------------------------------------------------------------------------

const listEvents = operation('listEvents', 'GET', '/api/json/events/listEvents', ({ store }, _caller, params) =>
  ok(
    store.listEvents({
      deviceName: params.optional('deviceName'),
      severities: params.integerList('severity', SEVERITIES),
      entity: params.optional('entity'),
    }),
  ),
)

const addEvent = operation('addEvent', 'POST', '/api/json/events/addEvent', async ({ store }, _caller, params) => {
  const source = params.required('source', { maxLength: 250 })
  const severity = params.oneOf('severity', ['1', '2', '3', '4', '5'] as const)
  if (severity === undefined)
    throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', "The parameter 'severity' is mandatory and was not sent.")
  await store.addEvent({
    source,
    severity: Number(severity) as SeverityNumber,
    message: params.required('message', { maxLength: 1000 }),
    alarmCode: params.required('alarmCode', { maxLength: 100 }),
    entity: params.required('entity', { maxLength: 250 }),
    eventType: params.optional('eventType', { maxLength: 100 }) ?? 'Custom Event',
  })
  return result('Event has been successfully added')
})

// ---- users ---------------------------------------------------------------------------------------

const listUsers = operation('listUsers', 'GET', '/api/json/admin/listUsers', ({ store }) => ok(store.listUsers()), { adminOnly: true })

/** The API's plural privilege names; the web UI's singular ones are accepted too (decisions/035). */
const PRIVILEGES: Record<string, Privilege> = {
  Administrators: 'Administrators',
  Administrator: 'Administrators',
  Operators: 'Operators',
  Operator: 'Operators',
}

const addUser = operation(
  'addUser',
  'POST',
  '/api/json/admin/addUser',
  async ({ store }, _caller, params) => {
    const userName = params.required('userName', { maxLength: 100 })
    matching('userName', userName, /^[A-Za-z0-9._@-]+$/, 'letters, digits, ".", "_", "-" or "@"')
    const password = params.required('password', { maxLength: 100 })
    if (password.length < 5)
      throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_LENGTH', "The parameter 'password' must be at least 5 characters long.")
    const privilege = PRIVILEGES[params.oneOf('privilege', Object.keys(PRIVILEGES)) ?? params.required('privilege')]!
    const emailId = params.optional('emailId', { maxLength: 250 })
    matching('emailId', emailId, /^[^@\s]+@[^@\s]+$/, 'an e-mail address')
    await store.addUser({
      userName,
      password,
      privilege,
      emailId,
      landLine: params.optional('landLine', { maxLength: 50 }),
      mobileNo: params.optional('mobileNo', { maxLength: 50 }),
      tZone: params.optional('tZone', { maxLength: 100 }),
      allDevices: params.oneOf('allDevices', ['true', 'false'] as const) !== 'false',
    })
    return result('User has been successfully added.')
  },
  { adminOnly: true },
)

/** The OpManager operation table: one row per spec operation, named by its operationId. */
export const OPMANAGER_OPERATIONS: readonly Operation<OpmanagerContext>[] = [
  listAlarms,
  acknowledgeAlarm,
  unAcknowledgeAlarm,
  clearAlarm,
  deleteAlarm,
  addNotes,
  alarmProperties,
  getAnnotation,
  getTopDevicesByAlarms,
  listDevices,
  listDevicesV2,
  getDeviceSummary,
  getDeviceInfo,
  getInterfaces,
  listInterfaces,
  getDeviceAssociatedMonitors,
  setManaged,
  addDevice,
  getDownDevices,
  listEvents,
  addEvent,
  listUsers,
  addUser,
]
