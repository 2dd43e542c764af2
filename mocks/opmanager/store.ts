import type { Clock } from '../core/clock'
import { opmError } from './errors'
import { alertTypeFor, type AlarmRecord } from './resources/alarms'
import { NETWORK_CATEGORIES, type DeviceRecord } from './resources/devices'
import { Downtimes, type DowntimeRecord } from './resources/downtimes'
import { Interfaces, type InterfaceRecord } from './resources/interfaces'
import { createResources, RESOURCE_NAMES, type OpmanagerResources } from './resources/registry'
import type { AlertType, SeverityNumber } from './spec-types'

/** A device's status: an alarm severity, or 7 = UnManaged. */
export type DeviceStatus = SeverityNumber | 7

export interface NewEvent {
  source: string
  severity: SeverityNumber
  message: string
  alarmCode: string
  entity: string
  eventType: string
}

/**
 * OpManager's state as one network: the resources of the registry plus the rules that join them.
 * A device's status is its worst uncleared alarm (or UnManaged), an interface's is its alarm's, a
 * business view's or group's is its worst member's: all derived on read, so an alarm change shows
 * everywhere at once and clearing it restores everything. Devices that are unmanaged or inside a
 * downtime window raise no alarms. It knows no HTTP and no wire shape; failures are MockErrors.
 */
export class OpmanagerStore {
  readonly clock: Clock
  readonly resources: OpmanagerResources = createResources()

  constructor(clock: Clock) {
    this.clock = clock
  }

  get devices() {
    return this.resources.devices
  }
  get interfaces() {
    return this.resources.interfaces
  }
  get monitors() {
    return this.resources.monitors
  }
  get alarms() {
    return this.resources.alarms
  }
  get events() {
    return this.resources.events
  }
  get businessViews() {
    return this.resources.businessViews
  }
  get groups() {
    return this.resources.groups
  }
  get downtimes() {
    return this.resources.downtimes
  }
  get probes() {
    return this.resources.probes
  }
  get users() {
    return this.resources.users
  }
  get keys() {
    return this.resources.keys
  }
  get virtual() {
    return this.resources.virtual
  }
  get notificationProfiles() {
    return this.resources.notificationProfiles
  }
  get businessRules() {
    return this.resources.businessRules
  }
  get wireless() {
    return this.resources.wireless
  }
  get settings() {
    return this.resources.settings
  }
  get serviceMonitors() {
    return this.resources.serviceMonitors
  }
  get discoveryProfiles() {
    return this.resources.discoveryProfiles
  }
  get ncm() {
    return this.resources.ncm
  }
  get switchPortMapper() {
    return this.resources.switchPortMapper
  }

  clear(): void {
    for (const name of RESOURCE_NAMES) this.resources[name].clear()
  }

  // ---- derived status ------------------------------------------------------------------------

  deviceStatus(device: DeviceRecord): DeviceStatus {
    return device.managed ? this.alarms.worstOf(device.deviceName) : 7
  }

  /** An interface's status: its alarm's severity (Clear without one), or 7 = UnManaged. */
  interfaceStatus(record: InterfaceRecord): DeviceStatus {
    if (record.managed === false) return 7
    return this.alarms.find(Interfaces.nameOf(record))?.severity ?? 5
  }

  /** The worst status of a set of devices (UnManaged ones do not count), Clear when empty. */
  worstStatus(deviceNames: readonly string[]): SeverityNumber {
    let worst: SeverityNumber = 5
    for (const name of deviceNames) {
      const device = this.devices.find(name)
      const status = device ? this.deviceStatus(device) : 5
      if (status !== 7 && status < worst) worst = status
    }
    return worst
  }

  /** Uncleared alarms of a set of devices. */
  activeAlarmsOf(deviceNames: readonly string[]): AlarmRecord[] {
    return deviceNames.flatMap((name) => this.alarms.ofDevice(name).filter((alarm) => alarm.severity !== 5))
  }

  // ---- maintenance ---------------------------------------------------------------------------

  /** Whether a schedule selects a device (directly, by business view, category or group). */
  selects(schedule: DowntimeRecord, device: DeviceRecord): boolean {
    switch (schedule.selectMethod) {
      case 'Device':
        return schedule.selected.includes(device.deviceName)
      case 'Category':
        return schedule.selected.includes(device.category)
      case 'BV':
        return schedule.selected.some((name) => this.businessViews.find(name)?.members.includes(device.deviceName))
      case 'GROUP':
        return schedule.selected.some((name) => this.groups.find(name)?.members.includes(device.deviceName))
    }
  }

  inMaintenance(device: DeviceRecord, at = this.clock.now()): boolean {
    return this.downtimes.all().some((schedule) => this.selects(schedule, device) && Downtimes.windowAt(schedule, at) !== undefined)
  }

  /** A device is unreachable while it has an uncleared DEVICE-DOWN alarm. */
  isDown(device: DeviceRecord): boolean {
    return this.alarms.ofDevice(device.deviceName).some((alarm) => alarm.alarmcode === 'DEVICE-DOWN' && alarm.severity !== 5)
  }

  /** Unmanaged and maintained devices raise no alarms. */
  suppressesAlarms(device: DeviceRecord): boolean {
    return !device.managed || this.inMaintenance(device)
  }

  // ---- availability --------------------------------------------------------------------------

  /**
   * Milliseconds a device (or one of its interfaces) spent down (an uncleared DEVICE-DOWN, or the
   * interface's IF-DOWN, alarm), on maintenance (a downtime window of the device) and up inside
   * [from, to). Maintenance wins over down, as on the vendor's charts.
   */
  availability(
    device: DeviceRecord,
    from: number,
    to: number,
    /** Whose down time counts: the device's DEVICE-DOWN alarms, or one interface's IF-DOWN alarm. */
    subject: { alarmcode: 'DEVICE-DOWN' } | { alarmcode: 'IF-DOWN'; entity: string } = { alarmcode: 'DEVICE-DOWN' },
  ): { up: number; down: number; maintenance: number; total: number } {
    const total = Math.max(0, to - from)
    const maintenance = merge(
      this.downtimes
        .all()
        .filter((schedule) => this.selects(schedule, device))
        .flatMap((schedule) => Downtimes.overlap(schedule, from, to)),
    )
    const down = merge(
      this.alarms
        .ofDevice(device.deviceName)
        .filter((alarm) => alarm.alarmcode === subject.alarmcode && (!('entity' in subject) || alarm.entity === subject.entity))
        .map((alarm): [number, number] => [Math.max(from, alarm.createdAt), Math.min(to, alarm.clearedAt ?? to)])
        .filter(([start, end]) => start < end),
    )
    const maintenanceMs = length(maintenance)
    const downMs = Math.max(0, length(down) - length(intersect(down, maintenance)))
    return { up: Math.max(0, total - maintenanceMs - downMs), down: downMs, maintenance: maintenanceMs, total }
  }

  // ---- writes that cross resources -------------------------------------------------------------

  /**
   * Seeds and addEvent: records the event; a non-clear severity raises or updates the entity's alarm
   * unless the device is unmanaged or on maintenance; severity 5 clears it.
   */
  async addEvent(input: NewEvent, at = this.clock.now(), options: { alertType?: AlertType; who?: string } = {}): Promise<void> {
    const device = this.devices.get(input.source)
    const existing = this.alarms.find(input.entity)
    if (existing && existing.deviceName !== device.deviceName) {
      throw opmError(
        'BAD_REQUEST',
        'ENTITY_MISMATCH',
        `The entity '${input.entity}' belongs to the device '${existing.deviceName}', not '${device.deviceName}'.`,
      )
    }
    await this.events.record({ ...input, deviceName: device.deviceName, at })
    if (input.severity !== 5 && this.suppressesAlarms(device)) return
    // An unmanaged interface raises no alarm either (its entity is its name, IF-<id>).
    if (input.severity !== 5 && this.interfaces.find(input.entity)?.managed === false) return
    if (existing) await this.alarms.setSeverity(existing, input.severity, input.message, at)
    else if (input.severity !== 5) {
      const alarm = await this.alarms.insert({
        entity: input.entity,
        alarmcode: input.alarmCode,
        alertType: options.alertType ?? alertTypeFor(device.category, NETWORK_CATEGORIES),
        eventType: input.eventType,
        severity: input.severity,
        message: input.message,
        deviceName: device.deviceName,
        createdAt: at,
        modifiedAt: at,
      })
      if (options.who !== undefined) await this.alarms.acknowledge(alarm, options.who)
    }
  }

  async clearAlarms(alarms: readonly AlarmRecord[]): Promise<void> {
    const now = this.clock.now()
    for (const alarm of alarms) await this.alarms.setSeverity(alarm, 5, alarm.message, now)
  }

  /** Removes a device and everything that belongs to it. */
  async deleteDevice(device: DeviceRecord): Promise<void> {
    for (const record of this.interfaces.ofDevice(device.deviceName)) {
      const alarm = this.alarms.find(Interfaces.nameOf(record))
      if (alarm) this.alarms.remove(alarm)
      await this.groups.dropMember(Interfaces.nameOf(record))
    }
    this.interfaces.removeOfDevice(device.deviceName)
    this.monitors.removeOfDevice(device.deviceName)
    this.virtual.removeOfHost(device.deviceName)
    this.wireless.removeOfController(device.deviceName)
    this.serviceMonitors.removeOfDevice(device.deviceName)
    await this.notificationProfiles.dropDevice(device.deviceName)
    this.alarms.removeOfDevice(device.deviceName)
    this.events.removeOfDevice(device.deviceName)
    await this.businessViews.dropMember(device.deviceName)
    await this.groups.dropMember(device.deviceName)
    this.devices.remove(device)
  }
}

function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const out: Array<[number, number]> = []
  for (const [start, end] of sorted) {
    const last = out[out.length - 1]
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else out.push([start, end])
  }
  return out
}

function intersect(a: Array<[number, number]>, b: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const [s1, e1] of a)
    for (const [s2, e2] of b) {
      const start = Math.max(s1, s2)
      const end = Math.min(e1, e2)
      if (start < end) out.push([start, end])
    }
  return out
}

const length = (ranges: Array<[number, number]>) => ranges.reduce((sum, [start, end]) => sum + end - start, 0)
