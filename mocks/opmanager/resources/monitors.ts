import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'
import { lastSlot, seriesValue, slots, type SeriesShape } from './series'

/** A performance-monitor template (a policy) as getPerformanceMonitors lists them. */
export interface MonitorTemplate {
  policyName: string
  displayName: string
  description: string
  protocol: 'SNMP' | 'WMI' | 'ICMP' | 'CLI'
  oid: string
  graphId: number
  /** Poll interval in minutes. */
  interval: number
  /** `Percentage`, `ms` … (YAXISTEXT) */
  unit: string
  /** Instances polled, `-1` for a single value (`C:`, `D:` for partitions). */
  instances: readonly string[]
  group: 'General Monitors' | 'Performance Monitors'
  shape: SeriesShape
  /** Attention / Trouble / Critical thresholds (max), or none. */
  thresholds?: { warning: number; trouble: number; critical: number }
}

export interface MonitorRecord {
  id: string
  /** The vendor's pollId; also the series' identity. */
  pollId: number
  deviceName: string
  policyName: string
}

/**
 * Performance monitors associated to devices, each reading one deterministic series (series.ts)
 * so values, graphs and reports agree. Templates are the vendor's policy names per protocol.
 */
export class Monitors {
  readonly table = new Table<MonitorRecord>(recordSchema('monitor'))
  readonly #templates = new Map<string, MonitorTemplate>()
  seed = 8060

  constructor(templates: readonly MonitorTemplate[]) {
    for (const template of templates) this.#templates.set(template.policyName, template)
  }

  clear(): void {
    this.table.clear()
  }

  templates(): readonly MonitorTemplate[] {
    return [...this.#templates.values()]
  }

  template(policyName: string): MonitorTemplate | undefined {
    return this.#templates.get(policyName)
  }

  ofDevice(deviceName: string): MonitorRecord[] {
    return this.table.filter((record) => record.deviceName === deviceName)
  }

  byPollId(pollId: number): MonitorRecord | undefined {
    return this.table.find((record) => record.pollId === pollId)
  }

  /** The device's monitor for a policy or graph name. */
  get(deviceName: string, policyName: string): MonitorRecord {
    const record = this.table.find((item) => item.deviceName === deviceName && item.policyName === policyName)
    if (!record)
      throw opmError('NOT_FOUND', 'MONITOR_NOT_FOUND', `The device '${deviceName}' has no monitor with the policy '${policyName}'.`)
    return record
  }

  templateOf(record: MonitorRecord): MonitorTemplate {
    return this.#templates.get(record.policyName)!
  }

  async associate(deviceName: string, policyName: string): Promise<MonitorRecord> {
    if (!this.#templates.has(policyName))
      throw opmError('NOT_FOUND', 'MONITOR_NOT_FOUND', `No performance monitor template named '${policyName}'.`)
    const existing = this.table.find((item) => item.deviceName === deviceName && item.policyName === policyName)
    if (existing) return existing
    const id = this.table.nextId()
    return this.table.insert({ id, pollId: 100 + Number(id), deviceName, policyName })
  }

  remove(record: MonitorRecord): void {
    this.table.delete(record.id)
  }

  removeOfDevice(deviceName: string): void {
    for (const record of this.ofDevice(deviceName)) this.table.delete(record.id)
  }

  /** The value of one instance at a poll slot. */
  valueAt(record: MonitorRecord, instanceIndex: number, slot: number): number {
    return seriesValue(this.templateOf(record).shape, this.seed, record.pollId, instanceIndex, slot)
  }

  /** Each instance's last collected value and when it was collected. */
  last(record: MonitorRecord, now: number): { at: number; values: Array<{ instance: string; value: number }> } {
    const template = this.templateOf(record)
    const at = lastSlot(now, template.interval)
    return { at, values: template.instances.map((instance, index) => ({ instance, value: this.valueAt(record, index, at) })) }
  }

  /** The first instance's last value of the device's monitor whose policy ends with `suffix` (`CPUUtilization`), 0 without one. */
  lastValueOf(deviceName: string, suffix: string, now: number): number {
    const record = this.ofDevice(deviceName).find((item) => item.policyName.endsWith(suffix))
    return record ? this.last(record, now).values[0]!.value : 0
  }

  /** Each instance's samples between two instants, oldest first. */
  samples(record: MonitorRecord, from: number, to: number): Array<{ instance: string; points: Array<[number, number]> }> {
    const template = this.templateOf(record)
    const times = slots(from, to, template.interval)
    return template.instances.map((instance, index) => ({
      instance,
      points: times.map((slot): [number, number] => [slot, this.valueAt(record, index, slot)]),
    }))
  }

  /** Attention (3), Trouble (2), Critical (1) or Clear (5) for a value against the template's thresholds. */
  static severityOf(template: MonitorTemplate, value: number): 1 | 2 | 3 | 5 {
    const limits = template.thresholds
    if (!limits) return 5
    if (value >= limits.critical) return 1
    if (value >= limits.trouble) return 2
    if (value >= limits.warning) return 3
    return 5
  }
}
