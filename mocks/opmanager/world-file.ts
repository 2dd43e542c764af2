import spec from '../generated/opmanager.openapi.json'
import { isPlainObject } from '../core/body'
import { MockError } from '../core/mock-error'
import { ownValue } from '../core/own'
import { pointer, specDefs, worldSchema, worldAnchorMs, writeAt, type World, type WorldAdapter, type WorldProblem } from '../core/world'
import { keyFromInput } from './keys'
import { alertTypeFor, type AlarmRecord } from './resources/alarms'
import { HARDWARE_FIELDS, NETWORK_CATEGORIES, type DeviceHardware, type DeviceRecord } from './resources/devices'
import { LAST_DAY_OF_MONTH, MONTHLY_TYPES, RECURRENCES, SELECT_METHODS, WEEKDAYS, type DowntimeRecord } from './resources/downtimes'
import { Interfaces, type InterfaceRecord } from './resources/interfaces'
import { MONITOR_TEMPLATES } from './resources/monitor-templates'
import type { OpmanagerStore } from './store'
import type { AlertType, ApiKeyCreate, Privilege, SeverityNumber } from './spec-types'

/**
 * The OpManager world format (decisions/126): devices (by their display name) with their interfaces and
 * monitors and whether they are managed, alarms (severity by number or name) and events on them, business
 * views, logical groups, downtime schedules, users with passwords, and API keys. References are names: a
 * device by its display name, an interface by its device and `ifName` (its `IF-<id>` entity follows the
 * numbering). Times are seconds before the world's `at` (or load time). Omitted fields take what a newly
 * discovered device gets. The virtual inventory, wireless, probes, settings, notification profiles,
 * business rules and service monitors are not part of a world (they start empty when a world loads).
 */
type Entry = Record<string, unknown>

const SEVERITY_NAMES = ['Critical', 'Trouble', 'Attention', 'Service Down', 'Clear'] as const
/** Times are seconds (with a millisecond fraction when they have one) before the world's moment. */
const seconds = { type: 'number', minimum: 0 }
const ago = (description: string) => ({ ...seconds, description })
const severity = {
  description: 'A severity number (1 Critical … 5 Clear) or name.',
  anyOf: [{ $ref: '#/$defs/SeverityNumber' }, { $ref: '#/$defs/SeverityName' }],
}
const interfaceRef = {
  type: 'object',
  required: ['device', 'interface'],
  additionalProperties: false,
  properties: { device: { type: 'string' }, interface: { type: 'string', description: "The interface's ifName." } },
}

const list = (value: unknown): Entry[] => (Array.isArray(value) ? (value as Entry[]) : [])
const stringOr = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback)
const numberOr = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback)
const booleanOr = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback)

/** A severity given as a number (1-5) or a name (Critical … Clear). */
export function severityNumber(value: unknown): SeverityNumber {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= SEVERITY_NAMES.length) return value as SeverityNumber
  const index = SEVERITY_NAMES.indexOf(value as (typeof SEVERITY_NAMES)[number])
  if (index === -1) throw new MockError('BAD_REQUEST', `Unknown severity ${JSON.stringify(value)}; use 1-5 or ${SEVERITY_NAMES.join(', ')}`)
  return (index + 1) as SeverityNumber
}

// ---- schema ----------------------------------------------------------------------------------

const interfaceSchema = {
  type: 'object',
  required: ['ifName'],
  additionalProperties: false,
  properties: {
    ifName: { type: 'string', minLength: 1, description: 'Unique on its device; how alarms and groups refer to it.' },
    ifIndex: { type: 'integer', minimum: 1, description: 'Default: its place in the list.' },
    ifDescr: { type: 'string', description: 'Default: the ifName.' },
    ifAlias: { type: 'string' },
    ifType: { enum: ['Ethernet', 'Software Loopback', 'Propietary Virtual'] },
    speedBps: { type: 'number', minimum: 0, description: 'Default 1 Gbit/s.' },
    ipAddress: { type: 'string' },
    adminUp: { type: 'boolean' },
    circuitId: { type: 'string' },
    notes: { type: 'object', additionalProperties: { type: 'string' } },
  },
}

const deviceSchema = {
  type: 'object',
  required: ['name', 'ip'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, description: 'The display name; how the rest of the world refers to the device.' },
    ip: { type: 'string', minLength: 1 },
    deviceName: { type: 'string', description: 'The managed-entity name other calls take (default: the ip).' },
    dnsName: { type: 'string', description: 'Default: the name.' },
    moid: { type: 'integer', minimum: 1, description: 'Pins the managed-object id (default: the next free one).' },
    category: { type: 'string', description: 'Server, Router, Switch, Firewall, Desktop, Printer, UPS, … (default Server).' },
    type: { type: 'string', description: 'Device template, e.g. Linux, Windows 2019 (default Linux).' },
    vendorName: { type: 'string' },
    managed: { type: 'boolean', description: 'false: UnManaged, raises no alarms (default true).' },
    isSNMP: { type: 'boolean' },
    isNew: { type: 'boolean' },
    secondsSinceAdded: ago('When it was discovered (default 0).'),
    site: { type: 'string' },
    probe: { type: 'string' },
    sysDescr: { type: 'string' },
    location: { type: 'string' },
    contact: { type: 'string' },
    pollInterval: { type: 'integer', minimum: 1, description: 'Minutes (default 5 for network gear, else 10).' },
    hardware: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(HARDWARE_FIELDS.map((field) => [field, { type: 'string' }])),
    },
    notes: { type: 'object', additionalProperties: { type: 'string' }, description: 'Custom fields by alias (UDF1 …).' },
    interfaces: { type: 'array', items: interfaceSchema },
    monitors: {
      type: 'array',
      items: { enum: MONITOR_TEMPLATES.map((template) => template.policyName) },
      description: 'Performance monitor policies.',
    },
  },
}

const alarmSchema = {
  type: 'object',
  required: ['device', 'severity'],
  additionalProperties: false,
  properties: {
    device: { type: 'string', description: "The device's name." },
    entity: { type: 'string', description: 'The alarm key (default <moid>_<alarmcode>); leave out for an interface alarm.' },
    interface: { type: 'string', description: 'The ifName of the interface the alarm is on.' },
    alarmcode: { type: 'string', description: 'Default DEVICE-DOWN.' },
    severity,
    previousSeverity: severity,
    message: { type: 'string' },
    eventType: { type: 'string', description: 'Default Device Down.' },
    alertType: { $ref: '#/$defs/AlertType' },
    secondsAgo: ago('When it was raised (default 0).'),
    secondsSinceModified: ago('When it last changed (default: when it was raised).'),
    acknowledgedBy: { type: 'string' },
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
    source: { type: 'string', description: 'Default: the device name.' },
    entity: { type: 'string' },
    interface: { type: 'string' },
    alarmCode: { type: 'string' },
    eventType: { type: 'string' },
    message: { type: 'string' },
    severity,
    secondsAgo: seconds,
  },
}

const downtimeSchema = {
  type: 'object',
  required: ['name', 'recurrence', 'selectMethod', 'selected'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    enabled: { type: 'boolean' },
    recurrence: { enum: [...RECURRENCES] },
    once: {
      type: 'object',
      required: ['startsIn', 'endsIn'],
      additionalProperties: false,
      properties: { startsIn: { type: 'integer', description: 'Seconds from the world moment.' }, endsIn: { type: 'integer' } },
    },
    daily: {
      type: 'object',
      required: ['fromMinute', 'toMinute'],
      additionalProperties: false,
      properties: {
        fromMinute: { type: 'integer', minimum: 0, maximum: 1439, description: 'Minute of the day (UTC).' },
        toMinute: { type: 'integer', minimum: 0, maximum: 1439 },
        effectFromSecondsAgo: { type: 'integer', description: 'From when it applies (default: now).' },
      },
    },
    weekly: {
      type: 'object',
      required: ['startDay', 'endDay'],
      additionalProperties: false,
      properties: { startDay: { enum: [...WEEKDAYS] }, endDay: { enum: [...WEEKDAYS] } },
    },
    monthly: {
      type: 'object',
      description: 'Monthly (decisions/089): monthlyDate from startDay to endDay (32 = the last day), or monthlyDay on the nth weekday.',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { enum: [...MONTHLY_TYPES] },
        startDay: { type: 'integer', minimum: 1, maximum: LAST_DAY_OF_MONTH },
        endDay: { type: 'integer', minimum: 1, maximum: LAST_DAY_OF_MONTH },
        week: { enum: [1, 2, 3, 4, 5, 'last'] },
        weekday: { enum: [...WEEKDAYS] },
      },
    },
    selectMethod: { enum: [...SELECT_METHODS] },
    selected: { type: 'array', items: { type: 'string' }, description: 'Device names, business views, categories or groups.' },
  },
}

const keySchema = (() => {
  const create = specDefs(spec, ['ApiKeyCreate']).ApiKeyCreate as Entry
  return {
    ...create,
    description: 'An API key (the control API fields) and who made it when.',
    properties: {
      ...(create.properties as Entry),
      createdBy: { type: 'string', description: 'Default admin.' },
      secondsSinceCreated: seconds,
    },
  }
})()

const OPMANAGER_WORLD_SCHEMA = worldSchema(
  'opmanager',
  {
    title: 'opsmocks OpManager world',
    description: 'Devices, alarms, events, views, groups, downtimes, users and API keys of an OpManager mock (decisions/126).',
  },
  {
    devices: { type: 'array', items: deviceSchema },
    alarms: { type: 'array', items: alarmSchema },
    events: { type: 'array', items: eventSchema },
    businessViews: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: { name: { type: 'string', minLength: 1 }, members: { type: 'array', items: { type: 'string' } } },
      },
    },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          groupType: { enum: ['Device', 'Interface'], description: 'Default Device.' },
          members: {
            type: 'array',
            items: { anyOf: [{ type: 'string' }, interfaceRef] },
            description: 'Device names, or {device, interface}.',
          },
        },
      },
    },
    downtimes: { type: 'array', items: downtimeSchema },
    users: {
      type: 'array',
      items: {
        type: 'object',
        required: ['userName', 'password'],
        additionalProperties: false,
        properties: {
          userName: { type: 'string', minLength: 1 },
          password: { type: 'string' },
          privilege: { $ref: '#/$defs/Privilege', description: 'Default Operators.' },
          emailId: { type: 'string' },
          mobileNo: { type: 'string' },
          landLine: { type: 'string' },
          tZone: { type: 'string' },
          allDevices: { type: 'boolean' },
          restApiAccess: { type: 'boolean', description: 'Default false, as OpManager 12.7.131+ creates users.' },
        },
      },
    },
    keys: { type: 'array', items: keySchema },
  },
  specDefs(spec, ['SeverityNumber', 'SeverityName', 'AlertType', 'Privilege', 'ApiKeyCreate']),
)

// ---- checks ----------------------------------------------------------------------------------

function checkWorld(world: Record<string, unknown>): WorldProblem[] {
  const problems: WorldProblem[] = []
  const unique = (collection: string, key: string, items: Entry[], at: Array<string | number> = [collection]) => {
    const seen = new Set<string>()
    items.forEach((item, index) => {
      const value = ownValue(item, key)
      if (value === undefined) return
      if (seen.has(String(value))) problems.push({ path: pointer(...at, index, key), message: `'${String(value)}' appears twice` })
      seen.add(String(value))
    })
    return seen
  }
  const devices = list(world.devices)
  const names = unique('devices', 'name', devices)
  unique('devices', 'moid', devices)
  // The managed name (deviceName, by default the ip) is what OpManager keeps unique.
  const managed = new Set<string>()
  devices.forEach((device, index) => {
    const name = String(device.deviceName ?? device.ip)
    if (managed.has(name))
      problems.push({
        path: pointer('devices', index, device.deviceName === undefined ? 'ip' : 'deviceName'),
        message: `another device is managed as '${name}'`,
      })
    managed.add(name)
  })
  const interfacesOf = new Map<string, Set<string>>()
  devices.forEach((device, index) => {
    interfacesOf.set(String(device.name), unique('interfaces', 'ifName', list(device.interfaces), ['devices', index, 'interfaces']))
  })
  const device = (at: string, value: unknown) => {
    if (!names.has(String(value))) problems.push({ path: at, message: `no device named '${String(value)}' in this world` })
  }
  const iface = (at: string, owner: unknown, name: unknown) => {
    if (names.has(String(owner)) && !interfacesOf.get(String(owner))!.has(String(name)))
      problems.push({ path: at, message: `device '${String(owner)}' has no interface '${String(name)}'` })
  }
  const entities = new Set<string>()
  list(world.alarms).forEach((alarm, index) => {
    device(pointer('alarms', index, 'device'), alarm.device)
    if (alarm.interface !== undefined) iface(pointer('alarms', index, 'interface'), alarm.device, alarm.interface)
    if (alarm.entity !== undefined && alarm.interface !== undefined)
      problems.push({ path: pointer('alarms', index, 'entity'), message: 'an interface alarm takes its entity from the interface' })
    const key =
      alarm.interface !== undefined
        ? `${String(alarm.device)}/${String(alarm.interface)}`
        : `${String(alarm.device)}:${String(alarm.entity ?? alarm.alarmcode ?? 'DEVICE-DOWN')}`
    if (entities.has(key)) problems.push({ path: pointer('alarms', index), message: 'another alarm has the same entity' })
    entities.add(key)
  })
  list(world.events).forEach((event, index) => {
    device(pointer('events', index, 'device'), event.device)
    if (event.interface !== undefined) iface(pointer('events', index, 'interface'), event.device, event.interface)
  })
  unique('businessViews', 'name', list(world.businessViews))
  list(world.businessViews).forEach((view, index) =>
    list(view.members).forEach((member, position) => device(pointer('businessViews', index, 'members', position), member)),
  )
  const groups = unique('groups', 'name', list(world.groups))
  list(world.groups).forEach((group, index) =>
    list(group.members).forEach((member, position) => {
      const at = pointer('groups', index, 'members', position)
      const interfaceGroup = group.groupType === 'Interface'
      if (isPlainObject(member) !== interfaceGroup)
        problems.push({
          path: at,
          message: interfaceGroup ? 'an Interface group lists {device, interface}' : 'a Device group lists device names',
        })
      else if (isPlainObject(member)) {
        device(at, member.device)
        iface(at, member.device, member.interface)
      } else device(at, member)
    }),
  )
  const views = new Set(list(world.businessViews).map((view) => String(view.name)))
  unique('downtimes', 'name', list(world.downtimes))
  list(world.downtimes).forEach((schedule, index) => {
    const at = (...rest: Array<string | number>) => pointer('downtimes', index, ...rest)
    const needs = { OnceOnly: 'once', Daily: 'daily', Weekly: 'weekly', Monthly: 'monthly' } as const
    const field = ownValue(needs, String(schedule.recurrence))
    if (field && schedule[field] === undefined)
      problems.push({ path: at(), message: `a ${String(schedule.recurrence)} schedule needs '${field}'` })
    if ((schedule.recurrence === 'Weekly' || schedule.recurrence === 'Monthly') && schedule.daily === undefined)
      problems.push({ path: at(), message: `a ${String(schedule.recurrence)} schedule needs 'daily' for its times` })
    const monthly = isPlainObject(schedule.monthly) ? schedule.monthly : undefined
    if (monthly?.type === 'monthlyDate' && (monthly.startDay === undefined || monthly.endDay === undefined))
      problems.push({ path: at('monthly'), message: "a monthlyDate schedule needs 'startDay' and 'endDay'" })
    if (monthly?.type === 'monthlyDay' && (monthly.week === undefined || monthly.weekday === undefined))
      problems.push({ path: at('monthly'), message: "a monthlyDay schedule needs 'week' and 'weekday'" })
    list(schedule.selected).forEach((item, position) => {
      const known =
        schedule.selectMethod === 'Device'
          ? names
          : schedule.selectMethod === 'BV'
            ? views
            : schedule.selectMethod === 'GROUP'
              ? groups
              : undefined
      if (known && !known.has(String(item)))
        problems.push({
          path: at('selected', position),
          message: `no ${String(schedule.selectMethod)} named '${String(item)}' in this world`,
        })
    })
  })
  const users = unique('users', 'userName', list(world.users))
  unique('keys', 'value', list(world.keys))
  list(world.keys).forEach((key, index) => {
    if (!users.has(String(key.userName)))
      problems.push({ path: pointer('keys', index, 'userName'), message: `no user named '${String(key.userName)}' in this world` })
  })
  return problems
}

// ---- apply -----------------------------------------------------------------------------------

async function applyWorld(store: OpmanagerStore, world: Record<string, unknown>): Promise<void> {
  store.clear()
  const now = worldAnchorMs(world, store.clock.now())
  const before = (secondsAgo: unknown, fallback = 0) => now - Math.round(numberOr(secondsAgo, fallback) * 1000)
  const deviceNames = new Map<string, string>()
  const interfaces = new Map<string, InterfaceRecord>()
  const deviceEntries = list(world.devices)
  for (const [index, entry] of deviceEntries.entries()) {
    const category = stringOr(entry.category, 'Server')
    const type = stringOr(entry.type, 'Linux')
    const vendorName = stringOr(entry.vendorName, 'Generic')
    const network = NETWORK_CATEGORIES.has(category)
    const given = isPlainObject(entry.hardware) ? (entry.hardware as Partial<DeviceHardware>) : {}
    const hardware = Object.fromEntries(HARDWARE_FIELDS.map((field) => [field, ownValue(given, field) ?? ''])) as unknown as DeviceHardware
    const record = await writeAt(pointer('devices', index), () =>
      store.devices.insert({
        moid: numberOr(entry.moid, 0) || store.devices.nextMoid(),
        deviceName: stringOr(entry.deviceName, String(entry.ip)),
        displayName: String(entry.name),
        ipaddress: String(entry.ip),
        dnsName: stringOr(entry.dnsName, String(entry.name)),
        category,
        type,
        vendorName,
        isSNMP: booleanOr(entry.isSNMP, network),
        isNew: booleanOr(entry.isNew, false),
        addedAt: before(entry.secondsSinceAdded),
        site: stringOr(entry.site, ''),
        probe: stringOr(entry.probe, ''),
        managed: entry.managed !== false,
        sysDescr: stringOr(entry.sysDescr, `${vendorName} ${type}`),
        location: stringOr(entry.location, ''),
        contact: stringOr(entry.contact, ''),
        pollInterval: numberOr(entry.pollInterval, network ? 5 : 10),
        hardware,
        notes: { ...((entry.notes as Record<string, string> | undefined) ?? {}) },
      }),
    )
    deviceNames.set(record.displayName, record.deviceName)
  }
  // Interfaces and monitors are numbered in the order they were created: all interfaces first, then monitors, as the seed does per device.
  for (const [index, entry] of deviceEntries.entries()) {
    const deviceName = deviceNames.get(String(entry.name))!
    for (const [position, item] of list(entry.interfaces).entries()) {
      const ifName = String(item.ifName)
      const record = await writeAt(pointer('devices', index, 'interfaces', position), () =>
        store.interfaces.insert({
          deviceName,
          ifIndex: numberOr(item.ifIndex, position + 1),
          ifDescr: stringOr(item.ifDescr, ifName),
          ifName,
          ifAlias: stringOr(item.ifAlias, ''),
          ifType: (item.ifType as InterfaceRecord['ifType'] | undefined) ?? 'Ethernet',
          speedBps: numberOr(item.speedBps, 1e9),
          ipAddress: stringOr(item.ipAddress, ''),
          adminUp: item.adminUp !== false,
          circuitId: stringOr(item.circuitId, ''),
          notes: { ...((item.notes as Record<string, string> | undefined) ?? {}) },
        }),
      )
      interfaces.set(`${String(entry.name)}/${ifName}`, record)
    }
    for (const [position, policy] of (Array.isArray(entry.monitors) ? entry.monitors : []).entries())
      await writeAt(pointer('devices', index, 'monitors', position), () => store.monitors.associate(deviceName, String(policy)))
  }
  const entityOf = (item: Entry) => {
    if (item.interface !== undefined) return Interfaces.nameOf(interfaces.get(`${String(item.device)}/${String(item.interface)}`)!)
    if (typeof item.entity === 'string') return item.entity
    const device = store.devices.get(deviceNames.get(String(item.device))!)
    return `${device.moid}_${stringOr(item.alarmcode ?? item.alarmCode, 'DEVICE-DOWN')}`
  }
  for (const [index, event] of list(world.events).entries()) {
    const deviceName = deviceNames.get(String(event.device))!
    await writeAt(pointer('events', index), () =>
      store.events.record({
        deviceName,
        source: stringOr(event.source, deviceName),
        entity: entityOf(event),
        alarmCode: stringOr(event.alarmCode, ''),
        eventType: stringOr(event.eventType, ''),
        message: String(event.message),
        severity: severityNumber(event.severity ?? 5),
        at: before(event.secondsAgo),
      }),
    )
  }
  for (const [index, entry] of list(world.alarms).entries()) {
    await writeAt(pointer('alarms', index), async () => {
      const deviceName = deviceNames.get(String(entry.device))!
      const device = store.devices.get(deviceName)
      const current = severityNumber(entry.severity)
      const previous = entry.previousSeverity === undefined ? undefined : severityNumber(entry.previousSeverity)
      const createdAt = before(entry.secondsAgo)
      const modifiedAt = entry.secondsSinceModified === undefined ? createdAt : before(entry.secondsSinceModified)
      const message = stringOr(entry.message, `Device ${device.displayName} is down: no response to ping`)
      let alarm: AlarmRecord = await store.alarms.insert({
        entity: entityOf(entry),
        alarmcode: stringOr(entry.alarmcode, 'DEVICE-DOWN'),
        alertType: (entry.alertType as AlertType | undefined) ?? alertTypeFor(device.category, NETWORK_CATEGORIES),
        eventType: stringOr(entry.eventType, 'Device Down'),
        severity: previous ?? current,
        message,
        deviceName,
        createdAt,
        modifiedAt,
      })
      if (previous !== undefined || current === 5) alarm = await store.alarms.setSeverity(alarm, current, message, modifiedAt)
      if (typeof entry.acknowledgedBy === 'string') alarm = await store.alarms.acknowledge(alarm, entry.acknowledgedBy)
      for (const note of list(entry.notes))
        alarm = await store.alarms.addNote(alarm, String(note.notes), stringOr(note.who, 'admin'), before(note.secondsAgo))
    })
  }
  for (const [index, view] of list(world.businessViews).entries())
    await writeAt(pointer('businessViews', index), () =>
      store.businessViews.insert(
        String(view.name),
        list(view.members).map((member) => deviceNames.get(String(member))!),
      ),
    )
  for (const [index, group] of list(world.groups).entries())
    await writeAt(pointer('groups', index), () =>
      store.groups.insert({
        displayName: String(group.name),
        description: stringOr(group.description, ''),
        groupType: group.groupType === 'Interface' ? 'Interface' : 'Device',
        members: list(group.members).map((member) =>
          isPlainObject(member)
            ? Interfaces.nameOf(interfaces.get(`${String(member.device)}/${String(member.interface)}`)!)
            : deviceNames.get(String(member))!,
        ),
      }),
    )
  const groupNames = new Map(store.groups.all().map((group) => [group.displayName, group.groupName]))
  for (const [index, schedule] of list(world.downtimes).entries()) {
    const once = isPlainObject(schedule.once) ? schedule.once : undefined
    const daily = isPlainObject(schedule.daily) ? schedule.daily : undefined
    const selected = list(schedule.selected).map((item) => {
      const name = String(item)
      if (schedule.selectMethod === 'Device') return deviceNames.get(name)!
      if (schedule.selectMethod === 'GROUP') return groupNames.get(name)!
      return name
    })
    await writeAt(pointer('downtimes', index), () =>
      store.downtimes.insert({
        name: String(schedule.name),
        description: stringOr(schedule.description, ''),
        enabled: schedule.enabled !== false,
        recurrence: schedule.recurrence as DowntimeRecord['recurrence'],
        ...(once ? { once: { start: now + Number(once.startsIn) * 1000, end: now + Number(once.endsIn) * 1000 } } : {}),
        ...(daily
          ? {
              daily: {
                fromMinute: Number(daily.fromMinute),
                toMinute: Number(daily.toMinute),
                effectFrom: before(daily.effectFromSecondsAgo),
              },
            }
          : {}),
        ...(isPlainObject(schedule.weekly) ? { weekly: { ...(schedule.weekly as NonNullable<DowntimeRecord['weekly']>) } } : {}),
        ...(isPlainObject(schedule.monthly) ? { monthly: monthlyRuleOf(schedule.monthly) } : {}),
        selectMethod: schedule.selectMethod as DowntimeRecord['selectMethod'],
        selected,
      }),
    )
  }
  for (const [index, user] of list(world.users).entries())
    await writeAt(pointer('users', index), () =>
      store.users.insert({
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
  for (const [index, key] of list(world.keys).entries()) {
    const { createdBy, secondsSinceCreated, ...input } = key
    await writeAt(pointer('keys', index), () =>
      store.keys.insert(
        { ...keyFromInput(store, input as unknown as ApiKeyCreate, stringOr(createdBy, 'admin')) },
        before(secondsSinceCreated),
      ),
    )
  }
}

// ---- export ----------------------------------------------------------------------------------

function exportWorld(store: OpmanagerStore): World {
  const now = store.clock.now()
  const agoOf = (at: number) => Math.max(0, now - at) / 1000
  const displayName = (deviceName: string) => store.devices.find(deviceName)?.displayName ?? deviceName
  const interfaceRefOf = (entity: string) => {
    const record = store.interfaces.find(entity)
    return record ? { device: displayName(record.deviceName), interface: record.ifName } : undefined
  }
  const entityFields = (deviceName: string, entity: string, code: string) => {
    const ref = interfaceRefOf(entity)
    if (ref) return { interface: ref.interface }
    return entity === `${store.devices.find(deviceName)?.moid}_${code}` ? {} : { entity }
  }
  const severityName = (value: SeverityNumber) => SEVERITY_NAMES[value - 1]!
  return {
    vendor: 'opmanager',
    at: new Date(now).toISOString(),
    devices: store.devices.all().map((device) => exportDevice(store, device, agoOf)),
    alarms: store.alarms.all().map((alarm) => ({
      device: displayName(alarm.deviceName),
      ...entityFields(alarm.deviceName, alarm.entity, alarm.alarmcode),
      alarmcode: alarm.alarmcode,
      severity: severityName(alarm.severity),
      ...(alarm.previousSeverity === -1 ? {} : { previousSeverity: severityName(alarm.previousSeverity) }),
      message: alarm.message,
      eventType: alarm.eventType,
      alertType: alarm.alertType,
      secondsAgo: agoOf(alarm.createdAt),
      ...(alarm.modifiedAt === alarm.createdAt ? {} : { secondsSinceModified: agoOf(alarm.modifiedAt) }),
      ...(alarm.acknowledgedBy === undefined ? {} : { acknowledgedBy: alarm.acknowledgedBy }),
      ...(alarm.notes.length
        ? { notes: alarm.notes.map((note) => ({ notes: note.notes, who: note.who, secondsAgo: agoOf(note.at) })) }
        : {}),
    })),
    events: store.events.all().map((event) => ({
      device: displayName(event.deviceName),
      ...(event.source === event.deviceName ? {} : { source: event.source }),
      ...entityFields(event.deviceName, event.entity, event.alarmCode),
      alarmCode: event.alarmCode,
      eventType: event.eventType,
      message: event.message,
      severity: severityName(event.severity),
      secondsAgo: agoOf(event.at),
    })),
    businessViews: store.businessViews.all().map((view) => ({ name: view.displayName, members: view.members.map(displayName) })),
    groups: store.groups.all().map((group) => ({
      name: group.displayName,
      description: group.description,
      groupType: group.groupType,
      members: group.members.map((member) => (group.groupType === 'Interface' ? (interfaceRefOf(member) ?? member) : displayName(member))),
    })),
    downtimes: store.downtimes.all().map((schedule) => ({
      name: schedule.name,
      description: schedule.description,
      enabled: schedule.enabled,
      recurrence: schedule.recurrence,
      ...(schedule.once
        ? { once: { startsIn: Math.round((schedule.once.start - now) / 1000), endsIn: Math.round((schedule.once.end - now) / 1000) } }
        : {}),
      ...(schedule.daily
        ? {
            daily: {
              fromMinute: schedule.daily.fromMinute,
              toMinute: schedule.daily.toMinute,
              effectFromSecondsAgo: Math.round((now - schedule.daily.effectFrom) / 1000),
            },
          }
        : {}),
      ...(schedule.weekly ? { weekly: { ...schedule.weekly } } : {}),
      ...(schedule.monthly ? { monthly: { ...schedule.monthly } } : {}),
      selectMethod: schedule.selectMethod,
      selected: schedule.selected.map((item) =>
        schedule.selectMethod === 'Device'
          ? displayName(item)
          : schedule.selectMethod === 'GROUP'
            ? (store.groups.find(item)?.displayName ?? item)
            : item,
      ),
    })),
    users: store.users.all().map((user) => ({
      userName: user.userName,
      password: store.users.passwordOf(user) ?? '',
      privilege: user.privilege,
      emailId: user.emailId,
      mobileNo: user.mobileNo,
      landLine: user.landLine,
      tZone: user.tZone,
      allDevices: user.allDevices,
      restApiAccess: user.restApiAccess,
    })),
    keys: store.keys
      .all()
      .map(({ id: _id, createdTime, ...key }) => ({ ...structuredClone(key), secondsSinceCreated: agoOf(Date.parse(createdTime)) })),
  }
}

function exportDevice(store: OpmanagerStore, device: DeviceRecord, agoOf: (at: number) => number): Entry {
  return {
    name: device.displayName,
    ip: device.ipaddress,
    ...(device.deviceName === device.ipaddress ? {} : { deviceName: device.deviceName }),
    dnsName: device.dnsName,
    moid: device.moid,
    category: device.category,
    type: device.type,
    vendorName: device.vendorName,
    managed: device.managed,
    isSNMP: device.isSNMP,
    isNew: device.isNew,
    secondsSinceAdded: agoOf(device.addedAt),
    site: device.site,
    probe: device.probe,
    sysDescr: device.sysDescr,
    location: device.location,
    contact: device.contact,
    pollInterval: device.pollInterval,
    hardware: { ...device.hardware },
    notes: { ...device.notes },
    interfaces: store.interfaces.ofDevice(device.deviceName).map((record) => ({
      ifName: record.ifName,
      ifIndex: record.ifIndex,
      ifDescr: record.ifDescr,
      ifAlias: record.ifAlias,
      ifType: record.ifType,
      speedBps: record.speedBps,
      ipAddress: record.ipAddress,
      adminUp: record.adminUp,
      circuitId: record.circuitId,
      notes: { ...record.notes },
    })),
    monitors: store.monitors.ofDevice(device.deviceName).map((record) => record.policyName),
  }
}

export const opmanagerWorldAdapter: WorldAdapter<OpmanagerStore> = {
  vendor: 'opmanager',
  schema: OPMANAGER_WORLD_SCHEMA,
  keyOf: (collection) =>
    new Map([
      ['devices', 'name'],
      ['devices/interfaces', 'ifName'],
      ['businessViews', 'name'],
      ['groups', 'name'],
      ['downtimes', 'name'],
      ['users', 'userName'],
      ['keys', 'value'],
    ]).get(collection),
  check: checkWorld,
  apply: applyWorld,
  export: exportWorld,
}

/** A checked world `monthly` block as the record's rule (the schema and check above vouch for its fields). */
function monthlyRuleOf(block: Record<string, unknown>): NonNullable<DowntimeRecord['monthly']> {
  return block.type === 'monthlyDate'
    ? { type: 'monthlyDate', startDay: Number(block.startDay), endDay: Number(block.endDay) }
    : {
        type: 'monthlyDay',
        week: block.week === 'last' ? 'last' : (Number(block.week) as 1 | 2 | 3 | 4 | 5),
        weekday: block.weekday as (typeof WEEKDAYS)[number],
      }
}
