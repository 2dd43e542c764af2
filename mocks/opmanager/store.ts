import spec from '../generated/opmanager.openapi.json'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { Clock } from '../core/clock'
import { randomHex } from '../core/random'
import { specSchema, type BundledSpec } from '../core/spec-schema'
import { Table } from '../core/table'
import { opmError } from './errors'
import { formatOpmTime, prettyTime, severityHtml, severityName } from './format'
import type {
  Alarm,
  AlertType,
  Annotation,
  ApiKey,
  Device,
  DeviceInfo,
  DeviceStatusNum,
  DeviceSummary,
  Interface,
  Monitor,
  OpmEvent,
  Privilege,
  SeverityNumber,
  TopDevice,
  User,
} from './spec-types'

/** Alarms and users have no `id` on the wire; the table keys them by `alarmId` / `userId` copied into `id`. */
export type StoredAlarm = Alarm & { id: string }
export type StoredUser = User & { id: string }

export interface AlarmFilter {
  deviceName?: string
  severities?: ReadonlySet<number>
  category?: string
  entity?: string
  alertType?: AlertType | 'ActiveAlarms'
  from?: number
  to?: number
  probeName?: string
}

export interface DeviceFilter {
  category?: string
  type?: string
  vendor?: string
  severities?: ReadonlySet<number>
}

export interface DeviceSort {
  column: keyof Device
  descending: boolean
}

export interface NewEvent {
  source: string
  severity: SeverityNumber
  message: string
  alarmCode: string
  entity: string
  eventType: string
}

export type KeyLookup = { status: 'active'; key: ApiKey } | { status: 'retired'; reason: 'regenerated' | 'deleted' } | { status: 'unknown' }

/** Device fields that are not on the list wire shape but that getDeviceInfo and getDeviceSummary show. */
export interface DeviceDetails {
  dnsName: string
  sysDescr: string
  location: string
  contact: string
  addedAt: number
  availabilityUp: number
}

export const PROBE_NAME = 'Central'

/**
 * OpManager's state: devices, interfaces, monitors, alarms, events, users and API keys, each an
 * @msw/data collection validated by the spec's schema, plus Map indexes so the hot paths (key → key
 * record, entity → alarm, name → device) are O(1). It knows no HTTP; failures are MockErrors with
 * OpManager errorcodes, rendered by errors.ts.
 */
export class OpmanagerStore {
  readonly clock: Clock
  readonly tables = {
    devices: new Table<Device>(schema<Device>('Device')),
    interfaces: new Table<Interface>(schema<Interface>('Interface')),
    monitors: new Table<Monitor>(schema<Monitor>('Monitor')),
    alarms: new Table<StoredAlarm>(withId(schema<Alarm>('Alarm'))),
    events: new Table<OpmEvent>(schema<OpmEvent>('Event')),
    users: new Table<StoredUser>(withId(schema<User>('User'))),
    keys: new Table<ApiKey>(schema<ApiKey>('ApiKey')),
  }
  readonly passwords = new Map<string, string>()
  readonly details = new Map<string, DeviceDetails>()
  readonly #deviceIdByName = new Map<string, string>()
  readonly #alarmIdByEntity = new Map<string, string>()
  readonly #userIdByName = new Map<string, string>()
  readonly #keyIdByValue = new Map<string, string>()
  readonly #retiredKeys = new Map<string, 'regenerated' | 'deleted'>()
  readonly #annotations = new Map<string, Annotation[]>()
  readonly #unmanaged = new Set<string>()
  /** Wire copies of stored alarms, rebuilt only when a record object is replaced. */
  readonly #alarmWire = new WeakMap<StoredAlarm, Alarm>()

  constructor(clock: Clock) {
    this.clock = clock
  }

  clear(): void {
    for (const table of Object.values(this.tables)) table.clear()
    for (const map of [
      this.passwords,
      this.details,
      this.#deviceIdByName,
      this.#alarmIdByEntity,
      this.#userIdByName,
      this.#keyIdByValue,
      this.#retiredKeys,
      this.#annotations,
    ])
      map.clear()
    this.#unmanaged.clear()
  }

  // ---- alarms --------------------------------------------------------------------------------

  listAlarms(filter: AlarmFilter): Alarm[] {
    if (filter.probeName !== undefined && filter.probeName !== PROBE_NAME) return []
    const device = filter.deviceName === undefined ? undefined : this.findDevice(filter.deviceName)
    if (filter.deviceName !== undefined && !device) return []
    const out: Alarm[] = []
    for (const alarm of this.tables.alarms.all()) {
      if (device && alarm.deviceName !== device.deviceName) continue
      if (filter.severities && !filter.severities.has(alarm.numericSeverity)) continue
      if (filter.category !== undefined && alarm.category !== filter.category) continue
      if (filter.entity !== undefined && alarm.entity !== filter.entity) continue
      if (
        filter.alertType === 'ActiveAlarms'
          ? alarm.numericSeverity === 5
          : filter.alertType !== undefined && alarm.alertType !== filter.alertType
      )
        continue
      if (filter.from !== undefined && alarm.modTimeLong < filter.from) continue
      if (filter.to !== undefined && alarm.modTimeLong > filter.to) continue
      out.push(this.#wireAlarm(alarm))
    }
    return out.sort((a, b) => b.modTimeLong - a.modTimeLong)
  }

  alarmByEntity(entity: string): StoredAlarm {
    const id = this.#alarmIdByEntity.get(entity)
    const alarm = id === undefined ? undefined : this.tables.alarms.get(id)
    if (!alarm) throw opmError('NOT_FOUND', 'ALARM_NOT_FOUND', `No alarm found for the entity '${entity}'.`)
    return alarm
  }

  /** Every entity must exist before any alarm changes, so a bad list changes nothing. */
  #alarmsFor(entities: readonly string[]): StoredAlarm[] {
    return entities.map((entity) => this.alarmByEntity(entity))
  }

  async acknowledgeAlarm(entities: readonly string[], who: string): Promise<void> {
    for (const alarm of this.#alarmsFor(entities)) await this.tables.alarms.update(alarm.id, (draft) => void (draft.who = who))
  }

  async unAcknowledgeAlarm(entities: readonly string[]): Promise<void> {
    for (const alarm of this.#alarmsFor(entities)) await this.tables.alarms.update(alarm.id, (draft) => void (draft.who = 'Unacknowledged'))
  }

  async clearAlarm(entities: readonly string[]): Promise<void> {
    for (const alarm of this.#alarmsFor(entities)) {
      await this.#setAlarmSeverity(alarm, 5, alarm.message)
      await this.#refreshDeviceStatus(alarm.deviceName)
    }
  }

  async deleteAlarm(entities: readonly string[]): Promise<void> {
    for (const alarm of this.#alarmsFor(entities)) {
      this.tables.alarms.delete(alarm.id)
      this.#alarmIdByEntity.delete(alarm.entity)
      this.#annotations.delete(alarm.entity)
      await this.#refreshDeviceStatus(alarm.deviceName)
    }
  }

  addNotes(entities: readonly string[], notes: string, who: string, now = this.clock.now()): void {
    for (const alarm of this.#alarmsFor(entities)) {
      const list = this.#annotations.get(alarm.entity) ?? []
      list.push({ notes, who, modTime: formatOpmTime(now), modTimeLong: now })
      this.#annotations.set(alarm.entity, list)
    }
  }

  getAnnotation(entity: string): Annotation[] {
    return [...(this.#annotations.get(this.alarmByEntity(entity).entity) ?? [])]
  }

  alarmProperties(entity: string, deviceId?: string) {
    const alarm = this.alarmByEntity(entity)
    const device = this.deviceByName(alarm.deviceName)
    if (deviceId !== undefined && deviceId !== device.id) {
      throw opmError('NOT_FOUND', 'ALARM_NOT_FOUND', `The alarm '${entity}' does not belong to the device with id ${deviceId}.`)
    }
    const { deviceName, displayName, ipaddress, category, type, vendorName } = device
    return {
      alarm: this.#wireAlarm(alarm),
      device: { deviceName, displayName, ipaddress, category, type, vendorName },
      annotationCount: this.#annotations.get(entity)?.length ?? 0,
    }
  }

  getTopDevicesByAlarms(eventType?: AlertType): TopDevice[] {
    const counts = new Map<string, number>()
    for (const alarm of this.tables.alarms.all()) {
      if (alarm.numericSeverity === 5 || (eventType !== undefined && alarm.alertType !== eventType)) continue
      counts.set(alarm.deviceName, (counts.get(alarm.deviceName) ?? 0) + 1)
    }
    return [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([name, alarmCount]) => {
        const { deviceName, displayName, category } = this.deviceByName(name)
        return { deviceName, displayName, category, alarmCount }
      })
  }

  /** Seeds and addEvent create alarms here; the entity is unique. */
  async raiseAlarm(input: {
    device: Device
    entity: string
    alarmcode: string
    alertType: AlertType
    severity: SeverityNumber
    message: string
    at: number
    who?: string
    /** Pins the alarm id (world files keep ids as exported); otherwise the next one. */
    id?: string
  }): Promise<StoredAlarm> {
    const id = input.id ?? this.tables.alarms.nextId()
    const alarm: StoredAlarm = {
      id,
      alarmId: id,
      entity: input.entity,
      alarmcode: input.alarmcode,
      alertType: input.alertType,
      ...severityFields(input.severity),
      displayName: input.device.displayName,
      deviceName: input.device.deviceName,
      category: input.device.category,
      message: input.message,
      modTime: formatOpmTime(input.at),
      modTimeLong: input.at,
      who: input.who ?? 'Unacknowledged',
    }
    const stored = await this.tables.alarms.insert(alarm)
    this.#alarmIdByEntity.set(alarm.entity, id)
    return stored
  }

  async #setAlarmSeverity(alarm: StoredAlarm, severity: SeverityNumber, message: string): Promise<void> {
    const now = this.clock.now()
    await this.tables.alarms.update(alarm.id, (draft) => {
      Object.assign(draft, severityFields(severity), { message, modTime: formatOpmTime(now), modTimeLong: now })
    })
  }

  #wireAlarm(alarm: StoredAlarm): Alarm {
    let wire = this.#alarmWire.get(alarm)
    if (!wire) {
      const { id: _id, ...rest } = alarm
      // Frozen: the record is replaced on every change, and serializeBody may reuse a frozen item's JSON.
      wire = Object.freeze(rest)
      this.#alarmWire.set(alarm, wire)
    }
    return wire
  }

  // ---- devices -------------------------------------------------------------------------------

  /** By `deviceName`, falling back to `displayName` (clients pass either). */
  findDevice(name: string): Device | undefined {
    const id = this.#deviceIdByName.get(name)
    if (id !== undefined) return this.tables.devices.get(id)
    return this.tables.devices.find((device) => device.displayName === name)
  }

  deviceByName(name: string): Device {
    const device = this.findDevice(name)
    if (!device) throw opmError('NOT_FOUND', 'DEVICE_NOT_FOUND', `No device found with the name '${name}'.`)
    return device
  }

  listDevices(filter: DeviceFilter, sort: DeviceSort): Device[] {
    const now = this.clock.now()
    const devices = this.tables.devices.filter(
      (device) =>
        (filter.category === undefined || device.category === filter.category) &&
        (filter.type === undefined || device.type === filter.type) &&
        (filter.vendor === undefined || device.vendorName === filter.vendor) &&
        (filter.severities === undefined || filter.severities.has(Number(device.statusNum))),
    )
    const direction = sort.descending ? -1 : 1
    return devices
      .map((device) => ({ ...device, prettyTime: prettyTime(this.details.get(device.deviceName)?.addedAt ?? now, now) }))
      .sort((a, b) => direction * compareValues(a[sort.column], b[sort.column]) || compareValues(a.id, b.id))
  }

  getDeviceSummary(name: string): DeviceSummary {
    const device = this.deviceByName(name)
    const details = this.details.get(device.deviceName)!
    const monitors = this.monitorsOf(device.deviceName)
    return {
      deviceName: device.deviceName,
      displayName: device.displayName,
      ipaddress: device.ipaddress,
      category: device.category,
      statusStr: device.statusStr,
      statusNum: device.statusNum,
      dials: monitors
        .filter((monitor) => monitor.unit === '%')
        .map(({ name: dial, displayName, value, unit }) => ({ name: dial, displayName, value, unit })),
      availability: { Up: details.availabilityUp, Down: Math.round((100 - details.availabilityUp) * 100) / 100 },
      activeAlarms: this.tables.alarms.filter((alarm) => alarm.deviceName === device.deviceName && alarm.numericSeverity !== 5).length,
      interfaceCount: device.interfaceCount,
      monitorCount: monitors.length,
    }
  }

  getDeviceInfo(name: string): DeviceInfo {
    const device = this.deviceByName(name)
    const details = this.details.get(device.deviceName)!
    return {
      id: device.id,
      moid: device.moid,
      deviceName: device.deviceName,
      displayName: device.displayName,
      ipaddress: device.ipaddress,
      category: device.category,
      type: device.type,
      vendorName: device.vendorName,
      dnsName: details.dnsName,
      sysDescr: details.sysDescr,
      location: details.location,
      contact: details.contact,
      managed: !this.#unmanaged.has(device.deviceName),
      isSNMP: device.isSNMP,
      addedTime: device.addedTime,
    }
  }

  getInterfaces(name: string): Interface[] {
    const device = this.deviceByName(name)
    return this.tables.interfaces.filter((item) => item.deviceName === device.deviceName)
  }

  listInterfaces(filter: { deviceName?: string; status?: 'Up' | 'Down' }): Interface[] {
    const device = filter.deviceName === undefined ? undefined : this.findDevice(filter.deviceName)
    if (filter.deviceName !== undefined && !device) return []
    return this.tables.interfaces.filter(
      (item) => (!device || item.deviceName === device.deviceName) && (filter.status === undefined || item.statusStr === filter.status),
    )
  }

  monitorsOf(deviceName: string): Monitor[] {
    return this.tables.monitors.filter((monitor) => monitor.deviceName === deviceName)
  }

  getDeviceAssociatedMonitors(name: string) {
    const monitors = this.monitorsOf(this.deviceByName(name).deviceName)
    return {
      performanceMonitors: { total: monitors.length, down: monitors.filter((monitor) => monitor.status === 'Down').length, monitors },
    }
  }

  async setManaged(name: string, manage: boolean): Promise<void> {
    const device = this.deviceByName(name)
    if (manage) this.#unmanaged.delete(device.deviceName)
    else this.#unmanaged.add(device.deviceName)
    await this.#refreshDeviceStatus(device.deviceName)
  }

  async insertDevice(device: Omit<Device, 'id' | 'statusStr' | 'statusNum'>, details: DeviceDetails): Promise<Device> {
    if (this.#deviceIdByName.has(device.deviceName)) {
      throw opmError('CONFLICT', 'DEVICE_ALREADY_EXISTS', `A device with the name '${device.deviceName}' already exists.`)
    }
    const id = this.tables.devices.nextId()
    const stored = await this.tables.devices.insert({ ...device, id, statusStr: 'Clear', statusNum: '5' })
    this.#deviceIdByName.set(device.deviceName, id)
    this.details.set(device.deviceName, details)
    return stored
  }

  async addDevice(deviceName: string): Promise<Device> {
    const now = this.clock.now()
    const moid = Math.max(1000, ...this.tables.devices.all().map((device) => device.moid)) + 1
    return this.insertDevice(
      {
        moid,
        deviceName,
        displayName: deviceName,
        ipaddress: /^[0-9.]+$/.test(deviceName) ? deviceName : '',
        category: 'Unknown',
        type: 'Unknown',
        vendorName: 'Unknown',
        isSNMP: false,
        isNew: true,
        addedTime: formatOpmTime(now),
        prettyTime: 'just now',
        interfaceCount: 0,
      },
      { dnsName: deviceName, sysDescr: '', location: '', contact: '', addedAt: now, availabilityUp: 100 },
    )
  }

  /** Managed devices with an uncleared DEVICE-DOWN alarm. */
  getDownDevices(): Device[] {
    const down = new Set(
      this.tables.alarms
        .filter((alarm) => alarm.alarmcode === 'DEVICE-DOWN' && alarm.numericSeverity !== 5)
        .map((alarm) => alarm.deviceName),
    )
    return this.listDevices({}, { column: 'displayName', descending: false }).filter(
      (device) => down.has(device.deviceName) && !this.#unmanaged.has(device.deviceName),
    )
  }

  async insertInterface(values: Omit<Interface, 'id' | 'interfaceName'>): Promise<Interface> {
    const id = this.tables.interfaces.nextId()
    return this.tables.interfaces.insert({ ...values, id, interfaceName: `IF-${id}` })
  }

  async insertMonitor(values: Omit<Monitor, 'id'>): Promise<Monitor> {
    return this.tables.monitors.insert({ ...values, id: this.tables.monitors.nextId() })
  }

  /** A device's status is its worst uncleared alarm (Clear without one), or UnManaged. */
  async #refreshDeviceStatus(deviceName: string): Promise<void> {
    const device = this.findDevice(deviceName)
    if (!device) return
    let worst: SeverityNumber = 5
    for (const alarm of this.tables.alarms.all())
      if (alarm.deviceName === deviceName && alarm.numericSeverity < worst) worst = alarm.numericSeverity
    const statusNum: DeviceStatusNum = this.#unmanaged.has(deviceName) ? '7' : (String(worst) as DeviceStatusNum)
    if (statusNum === device.statusNum) return
    await this.tables.devices.update(device.id, (draft) => {
      draft.statusNum = statusNum
      draft.statusStr = statusNum === '7' ? 'UnManaged' : severityName(worst)
    })
  }

  async refreshAllDeviceStatuses(): Promise<void> {
    for (const device of this.tables.devices.all()) await this.#refreshDeviceStatus(device.deviceName)
  }

  // ---- events --------------------------------------------------------------------------------

  listEvents(filter: { deviceName?: string; severities?: ReadonlySet<number>; entity?: string }): OpmEvent[] {
    const device = filter.deviceName === undefined ? undefined : this.findDevice(filter.deviceName)
    if (filter.deviceName !== undefined && !device) return []
    return this.tables.events
      .filter(
        (event) =>
          (!device || event.deviceName === device.deviceName) &&
          (filter.severities === undefined || filter.severities.has(event.numericSeverity)) &&
          (filter.entity === undefined || event.entity === filter.entity),
      )
      .sort((a, b) => b.modTimeLong - a.modTimeLong || Number(b.id) - Number(a.id))
  }

  async recordEvent(device: Device, input: NewEvent, at: number): Promise<OpmEvent> {
    return this.tables.events.insert({
      id: this.tables.events.nextId(),
      source: input.source,
      deviceName: device.deviceName,
      displayName: device.displayName,
      entity: input.entity,
      alarmCode: input.alarmCode,
      eventType: input.eventType,
      message: input.message,
      category: device.category,
      numericSeverity: input.severity,
      severityString: severityName(input.severity),
      modTime: formatOpmTime(at),
      modTimeLong: at,
    })
  }

  /** Records the event; a non-clear severity raises or updates the entity's alarm, Clear clears it. */
  async addEvent(input: NewEvent): Promise<void> {
    const device = this.deviceByName(input.source)
    const now = this.clock.now()
    const existingId = this.#alarmIdByEntity.get(input.entity)
    const existing = existingId === undefined ? undefined : this.tables.alarms.get(existingId)
    if (existing && existing.deviceName !== device.deviceName) {
      throw opmError(
        'BAD_REQUEST',
        'ENTITY_MISMATCH',
        `The entity '${input.entity}' belongs to the device '${existing.deviceName}', not '${device.deviceName}'.`,
      )
    }
    await this.recordEvent(device, input, now)
    if (existing) await this.#setAlarmSeverity(existing, input.severity, input.message)
    else if (input.severity !== 5) {
      await this.raiseAlarm({
        device,
        entity: input.entity,
        alarmcode: input.alarmCode,
        alertType: alertTypeFor(device),
        severity: input.severity,
        message: input.message,
        at: now,
      })
    }
    await this.#refreshDeviceStatus(device.deviceName)
  }

  // ---- users ---------------------------------------------------------------------------------

  userByName(userName: string): StoredUser | undefined {
    const id = this.#userIdByName.get(userName)
    return id === undefined ? undefined : this.tables.users.get(id)
  }

  listUsers(): User[] {
    return this.tables.users.all().map(({ id: _id, ...user }) => user)
  }

  async addUser(input: {
    userName: string
    password: string
    privilege: Privilege
    emailId?: string
    landLine?: string
    mobileNo?: string
    tZone?: string
    allDevices?: boolean
    restApiAccess?: boolean
  }): Promise<StoredUser> {
    if (this.#userIdByName.has(input.userName))
      throw opmError('CONFLICT', 'USER_ALREADY_EXISTS', `The user '${input.userName}' already exists.`)
    const id = this.tables.users.nextId()
    const user = await this.tables.users.insert({
      id,
      userId: id,
      userName: input.userName,
      privilege: input.privilege,
      emailId: input.emailId ?? '',
      mobileNo: input.mobileNo ?? '',
      landLine: input.landLine ?? '',
      tZone: input.tZone ?? 'UTC',
      allDevices: input.allDevices ?? true,
      // OpManager 12.7.131+: REST API access is off for every new user until an administrator turns it on.
      restApiAccess: input.restApiAccess ?? false,
      authentication: 'local',
    })
    this.#userIdByName.set(user.userName, id)
    this.passwords.set(id, input.password)
    return user
  }

  async setRestApiAccess(userName: string, enabled: boolean): Promise<StoredUser> {
    const user = this.userByName(userName)
    if (!user) throw opmError('NOT_FOUND', 'CONTROL_NOT_FOUND', `No user named '${userName}'`)
    return this.tables.users.update(user.id, (draft) => void (draft.restApiAccess = enabled))
  }

  // ---- API keys ------------------------------------------------------------------------------

  /** O(1): the benchmark authenticates every request through this. */
  lookupKey(value: string): KeyLookup {
    const id = this.#keyIdByValue.get(value)
    const key = id === undefined ? undefined : this.tables.keys.get(id)
    if (key) return { status: 'active', key }
    const reason = this.#retiredKeys.get(value)
    return reason ? { status: 'retired', reason } : { status: 'unknown' }
  }

  keyById(id: string): ApiKey {
    const key = this.tables.keys.get(id)
    if (!key) throw opmError('NOT_FOUND', 'CONTROL_NOT_FOUND', `No API key with id ${id}`)
    return key
  }

  async insertKey(input: Omit<ApiKey, 'id' | 'value' | 'createdTime'> & { value?: string }): Promise<ApiKey> {
    const value = input.value ?? this.#freshKeyValue()
    if (this.#keyIdByValue.has(value)) throw opmError('CONFLICT', 'CONTROL_CONFLICT', 'Another API key already has that value')
    const id = this.tables.keys.nextId()
    const key = await this.tables.keys.insert({ ...input, id, value, createdTime: new Date(this.clock.now()).toISOString() })
    this.#keyIdByValue.set(value, id)
    this.#retiredKeys.delete(value)
    return key
  }

  async updateKey(id: string, changes: Partial<Omit<ApiKey, 'id' | 'value' | 'userName' | 'createdBy' | 'createdTime'>>): Promise<ApiKey> {
    this.keyById(id)
    return this.tables.keys.update(id, (draft) => void Object.assign(draft, changes))
  }

  /** A new value; the old one fails from now on with API_KEY_REGENERATED. */
  async regenerateKey(id: string): Promise<ApiKey> {
    const previous = this.keyById(id)
    const value = this.#freshKeyValue()
    const key = await this.tables.keys.update(id, (draft) => void (draft.value = value))
    this.#keyIdByValue.delete(previous.value)
    this.#retiredKeys.set(previous.value, 'regenerated')
    this.#keyIdByValue.set(value, id)
    return key
  }

  deleteKey(id: string): ApiKey {
    const key = this.keyById(id)
    this.tables.keys.delete(id)
    this.#keyIdByValue.delete(key.value)
    this.#retiredKeys.set(key.value, 'deleted')
    return key
  }

  /** 32 lower-case hex characters from the CSPRNG, like the keys OpManager shows (decisions/032). */
  #freshKeyValue(): string {
    let value = randomHex(32)
    while (this.#keyIdByValue.has(value) || this.#retiredKeys.has(value)) value = randomHex(32)
    return value
  }
}

export function severityFields(severity: SeverityNumber) {
  const name = severityName(severity)
  return {
    severity: severityHtml(severity),
    numericSeverity: severity,
    severityString: name,
    statusStr: name,
    statusNum: severity,
    status: severity,
  }
}

/** The alarm family of alarms raised by events: network gear → Network, the rest → Server. */
export function alertTypeFor(device: Device): AlertType {
  return ['Router', 'Switch', 'Firewall', 'Wireless', 'Load Balancer'].includes(device.category) ? 'Network' : 'Server'
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a ?? '').localeCompare(String(b ?? ''), 'en', { numeric: true })
}

function schema<T>(name: string): StandardSchemaV1<T, T> {
  return specSchema<T>(spec as unknown as BundledSpec, name)
}

/** Validates a stored record against its wire schema, ignoring the table's `id` key. */
function withId<T>(inner: StandardSchemaV1<T, T>): StandardSchemaV1<T & { id: string }, T & { id: string }> {
  return {
    '~standard': {
      version: 1,
      vendor: 'opsmocks',
      validate: (value) => {
        const { id, ...rest } = value as { id?: unknown }
        if (typeof id !== 'string') return { issues: [{ message: 'record needs a string id' }] }
        const result = inner['~standard'].validate(rest) as StandardSchemaV1.Result<T>
        return result.issues ? result : { value: value as T & { id: string } }
      },
    },
  }
}
