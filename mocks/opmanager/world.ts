import spec from '../generated/opmanager.openapi.json'
import { isPlainObject } from '../core/body'
import { MockError, isMockError } from '../core/mock-error'
import {
  pointer,
  specDefs,
  WORLD_AT_SCHEMA,
  worldAnchorMs,
  WorldError,
  type World,
  type WorldAdapter,
  type WorldProblem,
} from '../core/world'
import { formatOpmTime } from './format'
import { keyFromInput } from './keys'
import { alertTypeFor, type OpmanagerStore } from './store'
import type { AlertType, ApiKeyCreate, Device, Privilege, SeverityNumber } from './spec-types'

/**
 * The OpManager world format (decisions/122): devices with their details, interfaces and monitors;
 * alarms (severity, acknowledgement, notes) and events; users with passwords; API keys. Devices are
 * referred to by display name; omitted fields take what OpManager gives a newly discovered device;
 * times are seconds before the moment the world is loaded. Device status follows from the alarms.
 */
type Entry = Record<string, unknown>

const DAY_SECONDS = 86_400
/** OpManager keeps milliseconds, so world times here may have a fraction of a second. */
const seconds = { type: 'number', minimum: 0 }
const list = (value: unknown): Entry[] => (Array.isArray(value) ? (value as Entry[]) : [])
const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback)
const number = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback)
const SEVERITY_NAMES = ['Critical', 'Trouble', 'Attention', 'Service Down', 'Clear'] as const

const severitySchema = { anyOf: [{ $ref: '#/$defs/SeverityNumber' }, { $ref: '#/$defs/SeverityName' }] }

const deviceSchema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, description: 'Display name; alarms and events refer to the device by it.' },
    deviceName: { type: 'string', description: 'What API calls take as `name` (default: the ip, else the display name).' },
    ip: { type: 'string' },
    moid: { type: 'integer', minimum: 1 },
    category: { type: 'string', description: 'Router, Switch, Firewall, Server, ... (default Server).' },
    type: { type: 'string' },
    vendor: { type: 'string' },
    isSNMP: { type: 'boolean' },
    isNew: { type: 'boolean' },
    managed: { type: 'boolean', description: 'False: UnManaged (default true).' },
    interfaceCount: { type: 'integer', minimum: 0, description: 'Default: the number of interfaces listed.' },
    secondsSinceAdded: seconds,
    dnsName: { type: 'string' },
    sysDescr: { type: 'string' },
    location: { type: 'string' },
    contact: { type: 'string' },
    availability: { type: 'number', minimum: 0, maximum: 100, description: 'Percent up (default 100).' },
    interfaces: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', description: 'Display name, e.g. GigabitEthernet0/1.' },
          moid: { type: 'integer' },
          ifIndex: { type: 'integer', minimum: 1 },
          status: { $ref: '#/$defs/Interface/properties/statusStr' },
          ipAddress: { type: 'string' },
          ifSpeed: { type: 'string' },
          inTraffic: { type: 'string' },
          outTraffic: { type: 'string' },
        },
      },
    },
    monitors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', description: 'e.g. CPUUSAGE.' },
          displayName: { type: 'string' },
          protocol: { $ref: '#/$defs/Monitor/properties/protocol' },
          interval: { type: 'integer', minimum: 1 },
          status: { $ref: '#/$defs/Monitor/properties/status' },
          value: { type: 'number', description: 'The current reading (the baseline the dials show).' },
          unit: { type: 'string' },
        },
      },
    },
  },
}

const alarmSchema = {
  type: 'object',
  required: ['device', 'alarmcode'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[0-9]+$' },
    device: { type: 'string', description: 'Device display name (or deviceName).' },
    entity: { type: 'string', description: 'Default <moid>_<alarmcode>; IF-<id> for an interface.' },
    alarmcode: { type: 'string' },
    alertType: { $ref: '#/$defs/AlertType' },
    severity: severitySchema,
    message: { type: 'string' },
    acknowledgedBy: { type: 'string', description: 'Who acknowledged it (absent: unacknowledged).' },
    secondsAgo: seconds,
    notes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['notes'],
        additionalProperties: false,
        properties: { notes: { type: 'string' }, who: { type: 'string' }, secondsAgo: seconds },
      },
    },
  },
}

const eventSchema = {
  type: 'object',
  required: ['device', 'message'],
  additionalProperties: false,
  properties: {
    device: { type: 'string' },
    source: { type: 'string' },
    entity: { type: 'string' },
    alarmCode: { type: 'string' },
    eventType: { type: 'string' },
    severity: severitySchema,
    message: { type: 'string' },
    secondsAgo: seconds,
  },
}

const userSchema = {
  type: 'object',
  required: ['userName', 'password'],
  additionalProperties: false,
  properties: {
    userName: { type: 'string', minLength: 1 },
    password: { type: 'string' },
    privilege: { $ref: '#/$defs/Privilege' },
    emailId: { type: 'string' },
    mobileNo: { type: 'string' },
    landLine: { type: 'string' },
    tZone: { type: 'string' },
    allDevices: { type: 'boolean' },
    restApiAccess: { type: 'boolean', description: 'Whether the user’s keys work (default false, as for a new user).' },
  },
}

export const OPMANAGER_WORLD_SCHEMA: object = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://opsmocks.dev/schemas/opmanager.world.json',
  title: 'opsmocks OpManager world',
  description: 'Devices, alarms, events, users and API keys of an OpManager mock (decisions/122).',
  type: 'object',
  required: ['vendor'],
  additionalProperties: false,
  properties: {
    vendor: { const: 'opmanager' },
    description: { type: 'string' },
    at: WORLD_AT_SCHEMA,
    devices: { type: 'array', items: deviceSchema },
    alarms: { type: 'array', items: alarmSchema },
    events: { type: 'array', items: eventSchema },
    users: { type: 'array', items: userSchema },
    keys: { type: 'array', items: { $ref: '#/$defs/WorldApiKey' } },
  },
  $defs: (() => {
    const defs = specDefs(spec, ['SeverityNumber', 'SeverityName', 'AlertType', 'Privilege', 'ApiKeyCreate', 'Interface', 'Monitor'])
    // A key in a world is the control API's create body plus who made it and when.
    const create = defs.ApiKeyCreate as { properties: Record<string, unknown> }
    const extra = { createdBy: { type: 'string' }, secondsSinceCreated: seconds }
    return { ...defs, WorldApiKey: { ...create, properties: { ...create.properties, ...extra } } }
  })(),
}

// ---- checks ----------------------------------------------------------------------------------

function checkWorld(world: Record<string, unknown>): WorldProblem[] {
  const problems: WorldProblem[] = []
  const devices = new Set<string>()
  list(world.devices).forEach((device, index) => {
    for (const name of new Set([device.name, deviceNameOf(device)].map(String))) {
      if (devices.has(name)) problems.push({ path: pointer('devices', index, 'name'), message: `another device is named '${name}'` })
      devices.add(name)
    }
  })
  for (const collection of ['alarms', 'events'] as const) {
    list(world[collection]).forEach((item, index) => {
      if (!devices.has(String(item.device)))
        problems.push({ path: pointer(collection, index, 'device'), message: `no device named '${String(item.device)}' in this world` })
    })
  }
  const entities = new Set<string>()
  list(world.alarms).forEach((alarm, index) => {
    const entity = typeof alarm.entity === 'string' ? alarm.entity : `${String(alarm.device)}/${String(alarm.alarmcode)}`
    if (entities.has(entity))
      problems.push({ path: pointer('alarms', index), message: `another alarm is about the same entity '${entity}'` })
    entities.add(entity)
  })
  const users = new Set<string>()
  list(world.users).forEach((user, index) => {
    if (users.has(String(user.userName)))
      problems.push({ path: pointer('users', index, 'userName'), message: `another user is named '${String(user.userName)}'` })
    users.add(String(user.userName))
  })
  list(world.keys).forEach((key, index) => {
    if (!users.has(String(key.userName)))
      problems.push({ path: pointer('keys', index, 'userName'), message: `no user named '${String(key.userName)}' in this world` })
  })
  return problems
}

// ---- apply -----------------------------------------------------------------------------------

function deviceNameOf(device: Entry): string {
  return text(device.deviceName, text(device.ip, String(device.name)))
}

function severityOf(value: unknown, fallback: SeverityNumber): SeverityNumber {
  if (typeof value === 'number') return value as SeverityNumber
  const index = SEVERITY_NAMES.indexOf(value as (typeof SEVERITY_NAMES)[number])
  return index === -1 ? fallback : ((index + 1) as SeverityNumber)
}

async function applyWorld(store: OpmanagerStore, world: Record<string, unknown>): Promise<void> {
  store.clear()
  const now = worldAnchorMs(world, store.clock.now())
  const at = (secondsAgo: unknown, fallback = 0) => Math.round(now - number(secondsAgo, fallback) * 1000)
  const byName = new Map<string, Device>()
  const step = async (path: string, work: () => Promise<unknown>) => {
    try {
      await work()
    } catch (error) {
      if (isMockError(error)) throw new WorldError([{ path, message: error.message }])
      throw error
    }
  }
  for (const [index, entry] of list(world.devices).entries()) {
    const interfaces = list(entry.interfaces)
    await step(pointer('devices', index), async () => {
      const addedAt = at(entry.secondsSinceAdded, 30 * DAY_SECONDS)
      const device = await store.insertDevice(
        {
          moid: number(entry.moid, 1001 + index),
          deviceName: deviceNameOf(entry),
          displayName: String(entry.name),
          ipaddress: text(entry.ip, ''),
          category: text(entry.category, 'Server'),
          type: text(entry.type, 'Unknown'),
          vendorName: text(entry.vendor, 'Unknown'),
          isSNMP: entry.isSNMP !== false,
          isNew: entry.isNew === true,
          addedTime: formatOpmTime(addedAt),
          prettyTime: '',
          interfaceCount: number(entry.interfaceCount, interfaces.length),
        },
        {
          dnsName: text(entry.dnsName, String(entry.name)),
          sysDescr: text(entry.sysDescr, ''),
          location: text(entry.location, ''),
          contact: text(entry.contact, ''),
          addedAt,
          availabilityUp: number(entry.availability, 100),
        },
      )
      byName.set(device.displayName, device)
      byName.set(device.deviceName, device)
      for (const [position, item] of interfaces.entries()) {
        const down = item.status === 'Down'
        await store.insertInterface({
          moid: number(item.moid, 5000 + store.tables.interfaces.size + 1),
          displayName: String(item.name),
          deviceName: device.deviceName,
          ifIndex: number(item.ifIndex, position + 1),
          statusStr: down ? 'Down' : 'Up',
          statusNum: down ? '1' : '5',
          ipAddress: text(item.ipAddress, ''),
          ifSpeed: text(item.ifSpeed, '1 Gbps'),
          inTraffic: text(item.inTraffic, down ? '0 bps' : '0 bps'),
          outTraffic: text(item.outTraffic, '0 bps'),
        })
      }
      for (const monitor of list(entry.monitors)) {
        await store.insertMonitor({
          name: String(monitor.name),
          displayName: text(monitor.displayName, String(monitor.name)),
          deviceName: device.deviceName,
          protocol: (monitor.protocol as 'SNMP' | undefined) ?? 'SNMP',
          interval: number(monitor.interval, 15),
          status: monitor.status === 'Down' ? 'Down' : 'Up',
          value: number(monitor.value, 0),
          unit: text(monitor.unit, '%'),
        })
      }
      if (entry.managed === false) await store.setManaged(device.deviceName, false)
    })
  }
  for (const [index, event] of list(world.events).entries()) {
    const device = byName.get(String(event.device))!
    await step(pointer('events', index), () =>
      store.recordEvent(
        device,
        {
          source: text(event.source, device.deviceName),
          severity: severityOf(event.severity, 5),
          message: String(event.message),
          alarmCode: text(event.alarmCode, ''),
          entity: text(event.entity, ''),
          eventType: text(event.eventType, text(event.alarmCode, '')),
        },
        at(event.secondsAgo),
      ),
    )
  }
  for (const [index, alarm] of list(world.alarms).entries()) {
    const device = byName.get(String(alarm.device))!
    await step(pointer('alarms', index), async () => {
      const entity = text(alarm.entity, `${device.moid}_${String(alarm.alarmcode)}`)
      await store.raiseAlarm({
        ...(typeof alarm.id === 'string' ? { id: alarm.id } : {}),
        device,
        entity,
        alarmcode: String(alarm.alarmcode),
        alertType: (alarm.alertType as AlertType | undefined) ?? alertTypeFor(device),
        severity: severityOf(alarm.severity, 3),
        message: text(alarm.message, `${String(alarm.alarmcode)} on ${device.displayName}`),
        at: at(alarm.secondsAgo),
        who: text(alarm.acknowledgedBy, 'Unacknowledged'),
      })
      for (const note of list(alarm.notes)) store.addNotes([entity], String(note.notes), text(note.who, 'admin'), at(note.secondsAgo))
    })
  }
  await store.refreshAllDeviceStatuses()
  for (const [index, user] of list(world.users).entries()) {
    await step(pointer('users', index), () =>
      store.addUser({
        userName: String(user.userName),
        password: String(user.password),
        privilege: (user.privilege as Privilege | undefined) ?? 'Operators',
        ...(typeof user.emailId === 'string' ? { emailId: user.emailId } : {}),
        ...(typeof user.mobileNo === 'string' ? { mobileNo: user.mobileNo } : {}),
        ...(typeof user.landLine === 'string' ? { landLine: user.landLine } : {}),
        ...(typeof user.tZone === 'string' ? { tZone: user.tZone } : {}),
        ...(typeof user.allDevices === 'boolean' ? { allDevices: user.allDevices } : {}),
        ...(typeof user.restApiAccess === 'boolean' ? { restApiAccess: user.restApiAccess } : {}),
      }),
    )
  }
  for (const [index, entry] of list(world.keys).entries()) {
    const { secondsSinceCreated, ...input } = entry
    await step(pointer('keys', index), async () => {
      const key = await store.insertKey(keyFromInput(store, input as unknown as ApiKeyCreate, text(input.createdBy, 'admin')))
      const createdTime = new Date(at(secondsSinceCreated)).toISOString()
      await store.tables.keys.update(key.id, (draft) => void (draft.createdTime = createdTime))
    })
  }
}

// ---- export ----------------------------------------------------------------------------------

function exportWorld(store: OpmanagerStore): World {
  const now = store.clock.now()
  const ago = (ms: number) => Math.max(0, now - ms) / 1000
  const displayNameOf = (deviceName: string) => store.findDevice(deviceName)?.displayName ?? deviceName
  return {
    vendor: 'opmanager',
    at: new Date(now).toISOString(),
    devices: store.tables.devices.all().map((device) => {
      const details = store.details.get(device.deviceName)
      const info = store.getDeviceInfo(device.deviceName)
      return {
        name: device.displayName,
        deviceName: device.deviceName,
        ip: device.ipaddress,
        moid: device.moid,
        category: device.category,
        type: device.type,
        vendor: device.vendorName,
        isSNMP: device.isSNMP,
        isNew: device.isNew,
        managed: info.managed,
        ...(details
          ? {
              secondsSinceAdded: ago(details.addedAt),
              dnsName: details.dnsName,
              sysDescr: details.sysDescr,
              location: details.location,
              contact: details.contact,
              availability: details.availabilityUp,
            }
          : {}),
        interfaces: store.getInterfaces(device.deviceName).map((item) => ({
          name: item.displayName,
          moid: item.moid,
          ifIndex: item.ifIndex,
          status: item.statusStr,
          ipAddress: item.ipAddress,
          ifSpeed: item.ifSpeed,
          inTraffic: item.inTraffic,
          outTraffic: item.outTraffic,
        })),
        monitors: store.monitorsOf(device.deviceName).map(({ id: _id, deviceName: _device, ...monitor }) => monitor),
      }
    }),
    events: [...store.tables.events.all()]
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((event) => ({
        device: displayNameOf(event.deviceName),
        source: event.source,
        entity: event.entity,
        alarmCode: event.alarmCode,
        eventType: event.eventType,
        severity: event.numericSeverity,
        message: event.message,
        secondsAgo: ago(event.modTimeLong),
      })),
    alarms: [...store.tables.alarms.all()]
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((alarm) => {
        const notes = store.getAnnotation(alarm.entity)
        return {
          id: alarm.alarmId,
          device: displayNameOf(alarm.deviceName),
          entity: alarm.entity,
          alarmcode: alarm.alarmcode,
          alertType: alarm.alertType,
          severity: alarm.numericSeverity,
          message: alarm.message,
          ...(alarm.who === 'Unacknowledged' ? {} : { acknowledgedBy: alarm.who }),
          secondsAgo: ago(alarm.modTimeLong),
          ...(notes.length
            ? { notes: notes.map((note) => ({ notes: note.notes, who: note.who, secondsAgo: ago(note.modTimeLong) })) }
            : {}),
        }
      }),
    users: store.tables.users.all().map(({ id, userId: _userId, authentication: _authentication, ...user }) => ({
      ...user,
      password: store.passwords.get(id) ?? '',
    })),
    keys: store.tables.keys
      .all()
      .map(({ id: _id, createdTime, ...key }) => ({ ...key, secondsSinceCreated: ago(Date.parse(createdTime)) })),
  }
}

export const opmanagerWorldAdapter: WorldAdapter<OpmanagerStore> = {
  vendor: 'opmanager',
  schema: OPMANAGER_WORLD_SCHEMA,
  keyOf: (collection) => ({ devices: 'name', users: 'userName', alarms: 'entity', keys: 'value' })[collection],
  check: checkWorld,
  apply: applyWorld,
  export: exportWorld,
}

// ---- runtime control -------------------------------------------------------------------------

/** Scenario changes without a restart: `/__opsmocks/world/{action}` and `opmanager.world.<action>(...)`. */
export function opmanagerWorldActions(store: OpmanagerStore) {
  const input = (value: unknown, action: string): Entry => {
    if (!isPlainObject(value)) throw new MockError('BAD_REQUEST', `${action} takes a JSON object`)
    return value
  }
  const deviceOf = (name: unknown): Device => {
    const device = typeof name === 'string' ? store.findDevice(name) : undefined
    if (!device) throw new MockError('NOT_FOUND', `No device named ${JSON.stringify(name)}`)
    return device
  }
  const fire = async (device: Device, entry: Entry) => {
    const severity = severityOf(entry.severity, 1)
    const code = text(entry.alarmcode, 'OPSMOCKS')
    const entity = text(entry.entity, `${device.moid}_${code}`)
    const message = text(entry.message, `${code} on ${device.displayName}`)
    await store.addEvent({ source: device.deviceName, severity, message, alarmCode: code, entity, eventType: code })
    return store.listAlarms({ entity })[0]
  }
  return {
    /** Raises (or changes) an alarm through an event, as OpManager's addEvent does: severity 1-4 or its name. */
    async fireAlarm(value: unknown) {
      const entry = input(value, 'fireAlarm')
      return fire(deviceOf(entry.device), entry)
    },
    /** Clears an alarm by entity. */
    async clearAlarm(value: unknown) {
      const { entity } = input(value, 'clearAlarm')
      if (typeof entity !== 'string') throw new MockError('BAD_REQUEST', 'clearAlarm needs the alarm\'s "entity"')
      await store.clearAlarm([entity])
      return store.listAlarms({ entity })[0]
    },
    /** down: a critical DEVICE-DOWN alarm; up: that alarm cleared; unmanaged / managed. */
    async setDeviceState(value: unknown) {
      const { device: name, state, message } = input(value, 'setDeviceState')
      const device = deviceOf(name)
      if (state === 'unmanaged' || state === 'managed') await store.setManaged(device.deviceName, state === 'managed')
      else if (state === 'down' || state === 'up') {
        const entity = `${device.moid}_DEVICE-DOWN`
        if (state === 'down')
          await fire(device, {
            alarmcode: 'DEVICE-DOWN',
            entity,
            severity: 1,
            message: text(message, `Device ${device.displayName} is down: no response to ping`),
          })
        else if (store.listAlarms({ entity }).length) await store.clearAlarm([entity])
      } else throw new MockError('BAD_REQUEST', 'setDeviceState needs a "state" of up, down, managed or unmanaged')
      return store.findDevice(device.deviceName)
    },
    /** Sets a monitor's reading (and status), what the device summary dials show. */
    async setMonitorValue(value: unknown) {
      const { device: name, monitor, value: reading, status } = input(value, 'setMonitorValue')
      const device = deviceOf(name)
      const target = store.monitorsOf(device.deviceName).find((candidate) => candidate.name === monitor)
      if (!target) throw new MockError('NOT_FOUND', `Device ${device.displayName} has no monitor ${JSON.stringify(monitor)}`)
      if (typeof reading !== 'number') throw new MockError('BAD_REQUEST', 'setMonitorValue needs a numeric "value"')
      return store.tables.monitors.update(target.id, (draft) => {
        draft.value = reading
        if (status === 'Up' || status === 'Down') draft.status = status
      })
    },
  }
}
