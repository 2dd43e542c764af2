import type { Params } from '../params'
import type { DeviceRecord } from '../resources/devices'
import { Interfaces } from '../resources/interfaces'
import type { OpmanagerStore } from '../store'
import { ok, operation } from './operation'
import { periodParam, periods } from './periods'

/** A device is unreachable while it has an uncleared DEVICE-DOWN alarm. */
function isDown(store: OpmanagerStore, device: DeviceRecord): boolean {
  return store.alarms.ofDevice(device.deviceName).some((alarm) => alarm.alarmcode === 'DEVICE-DOWN' && alarm.severity !== 5)
}

/** Round-trip time from the device's Response Time series (the same numbers its graphs show). */
function roundTrip(store: OpmanagerStore, device: DeviceRecord, now: number): number {
  const record = store.monitors.ofDevice(device.deviceName).find((item) => item.policyName === 'ResponseTime')
  return record ? store.monitors.last(record, now).values[0]!.value : 1
}

const getPingResponse = operation('getPingResponse', ({ store, clock }, _caller, params) => {
  const device = store.devices.get(params.required('deviceName'))
  const ip = device.ipaddress || device.deviceName
  const header = `\nPinging ${ip} with 32 bytes of data:\n`
  if (isDown(store, device))
    return ok({
      PingResponse: {
        Details: `${header}Request timed out.\n\nPing statistics for ${ip}:\n    Packets: Sent = 1, Received = 0, Lost = 1 (100% loss),\n`,
      },
    })
  const rtt = roundTrip(store, device, clock.now())
  return ok({
    PingResponse: {
      Details: `${header}Reply from ${ip}: bytes=32 time=${rtt}ms TTL=251\n\nPing statistics for ${ip}:\n    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),\nApproximate round trip times in milli-seconds:\n    Minimum = ${rtt}ms, Maximum = ${rtt}ms, Average = ${rtt}ms\n`,
    },
  })
})

const getTraceResponse = operation('getTraceResponse', ({ store, clock }, _caller, params) => {
  const device = store.devices.get(params.required('deviceName'))
  const ip = device.ipaddress || device.deviceName
  const gateway = ip.replace(/\.\d+$/, '.1')
  const rtt = roundTrip(store, device, clock.now())
  const last = isDown(store, device) ? `  3     *        *        *     Request timed out.` : `  3  ${rtt} ms  ${rtt} ms  ${rtt} ms  ${ip}`
  return ok({
    TraceResponse: {
      Details: `\nTracing route to ${ip} over a maximum of 30 hops\n\n  1  1 ms  1 ms  1 ms  10.0.0.1\n  2  1 ms  1 ms  1 ms  ${gateway}\n${last}\n\nTrace complete.\n`,
    },
  })
})

const percent = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 100_000) / 1000 : 0)

/** What getAvailabilityGraphData charts: a device, or with `instance=Interface` one of its interfaces (`IF-<id>`). */
function subjectOf(store: OpmanagerStore, params: Params) {
  const name = params.required('name')
  const instance = params.oneOf('instance', ['Device', 'Interface'] as const) ?? 'Device'
  if (instance === 'Device') return { device: store.devices.get(name), subject: { alarmcode: 'DEVICE-DOWN' as const } }
  const record = store.interfaces.get(name)
  return {
    device: store.devices.get(record.deviceName),
    subject: { alarmcode: 'IF-DOWN' as const, entity: Interfaces.nameOf(record) },
  }
}

const getAvailabilityGraphData = operation('getAvailabilityGraphData', ({ store, clock }, _caller, params) => {
  const { device, subject } = subjectOf(store, params)
  const now = clock.now()
  // Every period by default, as the vendor's chart; `period` (a key or custom with startDate/endDate) narrows it to one.
  const wanted = params.optional('period') === undefined ? periods(now) : [periodParam(params, now)]
  const rows = wanted.map(({ label, from, to }) => {
    // Time before the device was added is "Not Monitored", as on the vendor's chart.
    const monitoredFrom = Math.max(from, device.addedAt)
    const span = store.availability(device, monitoredFrom, Math.max(monitoredFrom, to), subject)
    const total = to - from
    return {
      label,
      up: percent(span.up, total),
      down: percent(span.down, total),
      maintenance: percent(span.maintenance, total),
      notMonitored: percent(total - span.total, total),
    }
  })
  const series = (seriesname: string, pick: (row: (typeof rows)[number]) => number) => ({
    seriesname,
    data: rows.map((row): [string, number] => [row.label, pick(row)]),
  })
  return ok({
    uptimeData: Object.fromEntries(rows.map((row) => [row.label, Math.floor(row.up)])),
    graphData: [
      series('Up', (row) => row.up),
      series('On Maintenance', (row) => row.maintenance),
      series('Dependent Unavailable', () => 0),
      series('On Hold', () => 0),
      series('Down', (row) => row.down),
      series('Not Monitored', (row) => row.notMonitored),
    ],
  })
})

export const AVAILABILITY_OPERATIONS = [getPingResponse, getTraceResponse, getAvailabilityGraphData]
