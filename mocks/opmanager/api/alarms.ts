import { opmError } from '../errors'
import { formatIsoLocal, formatOpmTime, parseOpmTime, severityHtml, severityName, statusImage } from '../format'
import type { Params } from '../params'
import type { AlarmRecord } from '../resources/alarms'
import type { DeviceRecord } from '../resources/devices'
import type { OpmanagerStore } from '../store'
import type { Alarm, AlertType } from '../spec-types'
import { ok, operation, result } from './operation'

export const SEVERITIES = [1, 2, 3, 4, 5] as const
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

/** listAlarms items are frozen and cached per record (records are replaced on change): serialising them is a join. */
const alarmWire = new WeakMap<AlarmRecord, Alarm>()

function wireAlarm(store: OpmanagerStore, alarm: AlarmRecord): Alarm {
  let wire = alarmWire.get(alarm)
  if (!wire) {
    const device = store.devices.find(alarm.deviceName)
    const name = severityName(alarm.severity)
    wire = Object.freeze({
      severity: severityHtml(alarm.severity),
      numericSeverity: alarm.severity,
      severityString: name,
      statusStr: name,
      displayName: device?.displayName ?? alarm.deviceName,
      message: alarm.message,
      deviceName: alarm.deviceName,
      statusNum: alarm.severity,
      modTimeLong: alarm.modifiedAt,
      modTime: formatOpmTime(alarm.modifiedAt),
      alarmId: alarm.id,
      category: device?.category ?? 'Unknown',
      entity: alarm.entity,
      status: alarm.severity,
      who: alarm.acknowledgedBy ?? 'Unacknowledged',
      alarmcode: alarm.alarmcode,
      alertType: alarm.alertType,
    })
    alarmWire.set(alarm, wire)
  }
  return wire
}

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

const listAlarms = operation('listAlarms', ({ store }, _caller, params) => {
  const deviceName = params.optional('deviceName')
  const severities = params.integerList('severity', SEVERITIES)
  const category = params.optional('category')
  const entity = params.optional('entity')
  const alertType = params.oneOf('alertType', ALERT_TYPES)
  const from = time(params, 'fromTime', false)
  const to = time(params, 'toTime', true)
  const probeName = params.optional('probeName')
  const device = deviceName === undefined ? undefined : store.devices.find(deviceName)
  if (deviceName !== undefined && !device) return ok([])
  if (probeName !== undefined && !store.probes.find(probeName)) return ok([])
  const source = device ? store.alarms.ofDevice(device.deviceName) : store.alarms.all()
  const out: Alarm[] = []
  for (const alarm of source) {
    if (severities && !severities.has(alarm.severity)) continue
    if (entity !== undefined && alarm.entity !== entity) continue
    if (alertType === 'ActiveAlarms' ? alarm.severity === 5 : alertType !== undefined && alarm.alertType !== alertType) continue
    if (from !== undefined && alarm.modifiedAt < from) continue
    if (to !== undefined && alarm.modifiedAt > to) continue
    if (category !== undefined || probeName !== undefined) {
      const owner = store.devices.find(alarm.deviceName)
      if (category !== undefined && owner?.category !== category) continue
      if (probeName !== undefined && owner?.probe !== probeName) continue
    }
    out.push(wireAlarm(store, alarm))
  }
  return ok(out.sort((a, b) => b.modTimeLong - a.modTimeLong))
})

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

const acknowledgeAlarm = operation('acknowledgeAlarm', async ({ store }, caller, params) => {
  for (const alarm of store.alarms.forEntities(entities(params))) await store.alarms.acknowledge(alarm, caller.user.userName)
  return result('Alarm has been successfully Acknowledged')
})

const unAcknowledgeAlarm = operation('unAcknowledgeAlarm', async ({ store }, _caller, params) => {
  for (const alarm of store.alarms.forEntities(entities(params))) await store.alarms.acknowledge(alarm, undefined)
  return result('Alarm has been successfully UnAcknowledged')
})

const clearAlarm = operation('clearAlarm', async ({ store }, _caller, params) => {
  await store.clearAlarms(store.alarms.forEntities(entities(params)))
  return result('Alarm has been successfully Cleared!')
})

const deleteAlarm = operation('deleteAlarm', ({ store }, _caller, params) => {
  for (const alarm of store.alarms.forEntities(entities(params))) store.alarms.remove(alarm)
  return result('Alarm has been successfully Deleted!')
})

const addNotes = operation('addNotes', async ({ store, clock }, caller, params) => {
  const list = store.alarms.forEntities(entities(params))
  const notes = params.required('notes', { maxLength: 1000 })
  for (const alarm of list) await store.alarms.addNote(alarm, notes, caller.user.userName, clock.now())
  return result('Successfully Added')
})

const getAnnotation = operation('getAnnotation', ({ store }, _caller, params) => {
  const alarm = store.alarms.get(params.required('entity'))
  return ok(
    alarm.notes.map((note) => ({
      notes: note.notes,
      modTime: note.at,
      noteID: note.noteID,
      modTimeStr: formatOpmTime(note.at),
      entity: alarm.entity,
      who: note.who,
    })),
  )
})

/** The vendor's workflow log: seeded devices run a ping workflow when they go down. */
function workflowsOf(alarm: AlarmRecord, device: DeviceRecord) {
  if (alarm.alarmcode !== 'DEVICE-DOWN') return []
  const at = alarm.createdAt + 2000
  const task = (logMessage: string) => ({
    logSeverity: 5,
    logMessage,
    logSeverityStr: 'Info',
    taskName: 'Ping Device',
    logTimeLong: formatIsoLocal(at),
    logTime: formatOpmTime(at),
  })
  return [
    {
      logSeverity: 5,
      moDispName: device.displayName,
      logMessage: 'Workflow has been executed successfully.',
      rbName: 'Ping on device down',
      taskList: [task(`Ping command used was : ping -c 4 ${device.ipaddress}`), task('Ping was unsuccessful: 100% packet loss.')],
      rbID: 301,
      moID: device.moid,
      logTime: formatOpmTime(at),
    },
  ]
}

const alarmProperties = operation('alarmProperties', ({ store }, _caller, params) => {
  const alarm = store.alarms.get(params.required('entity'))
  const deviceId = params.integer('deviceID', { min: 1 })
  const device = store.devices.get(alarm.deviceName)
  if (deviceId !== undefined && deviceId !== device.moid)
    throw opmError('NOT_FOUND', 'ALARM_NOT_FOUND', `The alarm '${alarm.entity}' does not belong to the device with id ${deviceId}.`)
  const name = severityName(alarm.severity)
  const previous = alarm.previousSeverity
  const events = store.events.newestFirst((event) => event.entity === alarm.entity)
  return ok({
    id: alarm.id,
    entity: alarm.entity,
    source: device.deviceName,
    displayName: device.displayName,
    category: device.category,
    message: alarm.message,
    statusStr: name,
    stringseverity: name,
    statusNum: String(alarm.severity),
    severity: statusImage(alarm.severity),
    previousSeverity: String(previous),
    stringpreviousseverity: previous === -1 ? '' : severityName(previous),
    ALARMCODE: alarm.alarmcode,
    EVENTTYPE: alarm.eventType,
    who: alarm.acknowledgedBy ?? 'Unacknowledged',
    modTime: String(alarm.modifiedAt),
    createTime: String(alarm.createdAt),
    strModTime: formatOpmTime(alarm.modifiedAt),
    strCreateTime: formatOpmTime(alarm.createdAt),
    deviceID: device.moid,
    pollid: String(store.monitors.ofDevice(device.deviceName)[0]?.pollId ?? 0),
    PRIORITY: '0',
    priority: '0',
    stage: '0',
    GROUPNAME: store.groups.all().find((group) => group.members.includes(device.deviceName))?.displayName ?? '',
    MAPNAME: `${device.category}s_Map.netmap`,
    OWNERNAME: '',
    WEBNMS: '',
    workflows: workflowsOf(alarm, device),
    events: events.map((event) => ({
      id: event.id,
      source: device.displayName,
      entity: event.entity,
      text: event.message,
      category: device.category,
      severity: severityName(event.severity),
      statusStr: severityName(event.severity),
      statusNum: String(event.severity),
      imgsrc: statusImage(event.severity),
      time: formatOpmTime(event.at),
    })),
  })
})

const getTopDevicesByAlarms = operation('getTopDevicesByAlarms', ({ store }, _caller, params) => {
  const eventType = params.oneOf('eventType', ALARM_FAMILIES)
  const counts = new Map<string, number>()
  for (const alarm of store.alarms.all()) {
    if (alarm.severity === 5 || (eventType !== undefined && alarm.alertType !== eventType)) continue
    counts.set(alarm.deviceName, (counts.get(alarm.deviceName) ?? 0) + 1)
  }
  return ok(
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([name, alarmcount]) => {
        const device = store.devices.get(name)
        return {
          moname: device.deviceName,
          devicename: device.displayName,
          ipaddress: device.ipaddress,
          type: device.type,
          category: device.category,
          mapname: `${device.category}s_Map.netmap`,
          alarmcount,
          status: store.deviceStatus(device),
        }
      }),
  )
})

export const ALARM_OPERATIONS = [
  listAlarms,
  acknowledgeAlarm,
  unAcknowledgeAlarm,
  clearAlarm,
  deleteAlarm,
  addNotes,
  alarmProperties,
  getAnnotation,
  getTopDevicesByAlarms,
]
