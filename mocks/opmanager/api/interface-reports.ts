import { statusImage } from '../format'
import type { Params } from '../params'
import { Interfaces, type InterfaceRecord } from '../resources/interfaces'
import { seriesValue, slots } from '../resources/series'
import type { OpmanagerStore } from '../store'
import { availabilityBreakdown, consolidate, point, type Series } from './graphs'
import { ok, operation } from './operation'
import { periodParam } from './periods'

const POLL_MINUTES = 5
const UTILISATION = { base: 18, swing: 12, noise: 6, min: 0, max: 100 }

interface Sample {
  at: number
  /** Receive and transmit utilisation, percent. */
  rx: number
  tx: number
}

/**
 * An interface's traffic in mock time: one deterministic series per direction (the same one getInterfaces shows
 * now), zero while its IF-DOWN alarm was uncleared.
 */
function trafficSamples(store: OpmanagerStore, record: InterfaceRecord, from: number, to: number): Sample[] {
  const alarm = store.alarms.find(Interfaces.nameOf(record))
  const downFrom = alarm?.alarmcode === 'IF-DOWN' ? alarm.createdAt : Infinity
  const downTo = alarm?.clearedAt ?? Infinity
  return slots(from, to, POLL_MINUTES, 300).map((at) => {
    if (!record.adminUp || (at >= downFrom && at < downTo)) return { at, rx: 0, tx: 0 }
    return {
      at,
      rx: seriesValue(UTILISATION, store.monitors.seed, 100_000 + record.moid, 0, at),
      tx: seriesValue(UTILISATION, store.monitors.seed, 100_000 + record.moid, 1, at),
    }
  })
}

/** The sample of the last completed poll. */
export function currentSample(store: OpmanagerStore, record: InterfaceRecord, now: number): Sample {
  const samples = trafficSamples(store, record, now - POLL_MINUTES * 60_000, now)
  return samples[samples.length - 1] ?? { at: now, rx: 0, tx: 0 }
}

function interfaceParam(store: OpmanagerStore, params: Params, name = 'interfaceName'): InterfaceRecord {
  return store.interfaces.get(params.optional(name) ?? params.required(name === 'interfaceName' ? 'InterfaceName' : 'interfaceName'))
}

function details(store: OpmanagerStore, record: InterfaceRecord) {
  return {
    'Parent Name': store.devices.find(record.deviceName)?.displayName ?? record.deviceName,
    IfDescr: record.ifDescr,
    IfIndex: String(record.ifIndex),
    IfAlias: record.ifAlias || '-',
    IfName: record.ifName,
    'Circuit ID': record.circuitId || '-',
  }
}

const AVERAGE_FRAME_BYTES = 800
const BROADCAST_PERCENT = 2
const bps = (record: InterfaceRecord, percent: number) => (record.speedBps * percent) / 100
const bytesPerPoll = (record: InterfaceRecord, percent: number) => (bps(record, percent) / 8) * POLL_MINUTES * 60
const percentText = (value: number) => `${Math.round(value * 1000) / 1000}`

/** getInterfaceGraphs' graphs: their titles and series from the samples. */
const GRAPHS: ReadonlyMap<string, { displayName: string; unit: string; series: (record: InterfaceRecord, samples: Sample[]) => Series[] }> =
  new Map([
    [
      'traffic',
      {
        displayName: 'Traffic',
        unit: 'bps',
        series: (record, samples) => [
          { seriesname: 'Rx Traffic', data: samples.map((sample) => point(sample.at, bps(record, sample.rx))) },
          { seriesname: 'Tx Traffic', data: samples.map((sample) => point(sample.at, bps(record, sample.tx))) },
        ],
      },
    ],
    [
      'utilization',
      {
        displayName: 'Utilization',
        unit: 'Percentage',
        series: (_record, samples) => [
          { seriesname: 'Rx Utilization', data: samples.map((sample) => point(sample.at, sample.rx, percentText)) },
          { seriesname: 'Tx Utilization', data: samples.map((sample) => point(sample.at, sample.tx, percentText)) },
        ],
      },
    ],
    [
      'totalBytes',
      {
        displayName: 'Total Bytes Transfered',
        unit: 'Bytes',
        series: (record, samples) => [
          { seriesname: 'Rx Bytes', data: samples.map((sample) => point(sample.at, bytesPerPoll(record, sample.rx))) },
          { seriesname: 'Tx Bytes', data: samples.map((sample) => point(sample.at, bytesPerPoll(record, sample.tx))) },
          { seriesname: 'Total Bytes', data: samples.map((sample) => point(sample.at, bytesPerPoll(record, sample.rx + sample.tx))) },
        ],
      },
    ],
    [
      'errors',
      {
        displayName: 'Errors',
        unit: 'Errors/sec',
        // The seeded links are clean: errors and discards stay at zero on every sample.
        series: (_record, samples) =>
          ['inErrors', 'outErrors'].map((seriesname) => ({ seriesname, data: samples.map((sample) => point(sample.at, 0)) })),
      },
    ],
    [
      'discardRate',
      {
        displayName: 'Discards',
        unit: 'Discards/sec',
        series: (_record, samples) =>
          ['inDiscards', 'outDiscards'].map((seriesname) => ({ seriesname, data: samples.map((sample) => point(sample.at, 0)) })),
      },
    ],
  ])

const getInterfaceGraphs = operation('getInterfaceGraphs', ({ store, clock }, _caller, params) => {
  const record = interfaceParam(store, params)
  const graphName = params.oneOf('graphName', [...GRAPHS.keys()]) ?? 'traffic'
  const graph = GRAPHS.get(graphName)!
  const { from, to } = periodParam(params, clock.now(), 'Today')
  const series = graph.series(record, trafficSamples(store, record, from, to))
  const suffix = graph.unit === 'bps' || graph.unit === 'Bytes' ? 'M' : ''
  return ok({
    interfaceDetails: details(store, record),
    displayName: graph.displayName,
    seriesNames: series.map((item) => item.seriesname),
    xyTitles: ['Time', graph.unit],
    graphData: series,
    consolidatedValues: Object.fromEntries(series.map((item) => [item.seriesname, consolidate(item)])),
    suffix,
  })
})

const getInterfaceSummary = operation('getInterfaceSummary', ({ store, clock }, _caller, params) => {
  const record = interfaceParam(store, params)
  const device = store.devices.get(record.deviceName)
  const now = clock.now()
  const current = currentSample(store, record, now)
  const status = store.interfaceStatus(record)
  const day = trafficSamples(store, record, now - 86_400_000, now)
  const down = day.filter((sample) => sample.rx === 0 && sample.tx === 0 && status === 1).length
  const downPercent = day.length ? Math.round((down / day.length) * 10_000) / 100 : 0
  return ok({
    intfDisplayName: record.ifDescr,
    displayName: device.displayName,
    IntfIpaddress: record.ipAddress,
    isIPAvailable: record.ipAddress !== '',
    instance: String(record.ifIndex),
    moID: String(record.moid),
    typeIdDescr: 'Ethernet (6)',
    inSpeedDisplayValue: `${record.speedBps / 1e6} Mbps`,
    Util: String(current.rx),
    txUtil: String(current.tx),
    outTraffic: String(Math.round(bps(record, current.tx) / 1e3) / 1e3),
    recBandwidth: String(Math.round(bps(record, current.rx) / 1e3) / 1e3),
    avgOutPackets: String(Math.round(bps(record, current.tx) / 8 / 800)),
    isSubInterface: 'false',
    managed: String(device.managed && record.managed !== false),
    NFA_ID: '',
    operStateImg: `<img alt="" src="${statusImage(status)}" border="0" align="absMiddle">`,
    availability: availabilityBreakdown({ up: Math.round((100 - downPercent) * 100) / 100, down: downPercent }),
  })
})

/** The interface custom fields (getInterfaceNotes). */
const INTERFACE_FIELDS = [
  { id: '16', alias: 'UDF1', name: 'Circuit ID', description: 'Circuit ID', length: 250 },
  { id: '18', alias: 'UDF2', name: 'SLA', description: 'SLA related details', length: 250 },
  { id: '21', alias: 'UDF3', name: 'Contact Name', description: 'Contact person', length: 100 },
  { id: '22', alias: 'UDF4', name: 'Phone', description: 'Contact number', length: 100 },
  { id: '20', alias: 'UDF5', name: 'Comments', description: 'Any comments about the interface', length: 800 },
] as const

const getInterfaceNotes = operation('getInterfaceNotes', ({ store }, _caller, params) => {
  const record = interfaceParam(store, params)
  return ok(
    INTERFACE_FIELDS.map((field) => ({
      CUSTOMFIELDID: field.id,
      FIELDNAME: field.name,
      ALIASNAME: field.alias,
      DESCRIPTION: field.description,
      DATATYPE: 'Text',
      FIELDLENGTH: field.length,
      FIELDVALUE: field.alias === 'UDF1' ? record.circuitId : Object.hasOwn(record.notes, field.alias) ? record.notes[field.alias]! : '',
    })),
  )
})

function chart(seriesname: string, title: string, data: Series['data']) {
  return { seriesname, data, xyTitles: ['Time', title], yaxiscolumnorder: [0], suffix: '' }
}

const getIntfAtAGlanceReportDetails = operation('getIntfAtAGlanceReportDetails', ({ store, clock }, _caller, params) => {
  const record = interfaceParam(store, params, 'InterfaceName')
  const { from, to } = periodParam(params, clock.now(), 'Today')
  const samples = trafficSamples(store, record, from, to)
  const series = (pick: (sample: (typeof samples)[number]) => number) => samples.map((sample) => point(sample.at, pick(sample)))
  const zero = series(() => 0)
  return ok({
    intfDisplayName: `${record.ifDescr}-${record.ifName}`,
    InterfaceCategory: record.ifIndex === 1 ? 'WAN' : 'LAN',
    repType: 7,
    Details: {
      ...details(store, record),
      'Receive Bandwidth': `${record.speedBps / 1e6} Mbps`,
      'Transmit Bandwidth': `${record.speedBps / 1e6} Mbps`,
    },
    graphData: {
      inTraffic: [
        chart(
          'inTraffic',
          'bps',
          series((sample) => bps(record, sample.rx)),
        ),
      ],
      outTraffic: [
        chart(
          'outTraffic',
          'bps',
          series((sample) => bps(record, sample.tx)),
        ),
      ],
      inUtilization: [
        chart(
          'inUtilization',
          'Percentage',
          series((sample) => sample.rx),
        ),
      ],
      outUtilization: [
        chart(
          'outUtilization',
          'Percentage',
          series((sample) => sample.tx),
        ),
      ],
      totalUtilization: [
        chart(
          'totalUtilization',
          'Percentage',
          series((sample) => (sample.rx + sample.tx) / 2),
        ),
      ],
      inBytes: [
        chart(
          'inBytes',
          'Bytes/sec',
          series((sample) => bps(record, sample.rx) / 8),
        ),
      ],
      outBytes: [
        chart(
          'outBytes',
          'Bytes/sec',
          series((sample) => bps(record, sample.tx) / 8),
        ),
      ],
      // Frames at an average frame size; of the frames, a small steady share is broadcast while traffic flows.
      inFrames: [
        chart(
          'inFrames',
          'Frames/sec',
          series((sample) => bps(record, sample.rx) / 8 / AVERAGE_FRAME_BYTES),
        ),
      ],
      outFrames: [
        chart(
          'outFrames',
          'Frames/sec',
          series((sample) => bps(record, sample.tx) / 8 / AVERAGE_FRAME_BYTES),
        ),
      ],
      Unicast: [
        chart(
          'broadcast',
          '%',
          series((sample) => (sample.rx + sample.tx > 0 ? BROADCAST_PERCENT : 0)),
        ),
        chart(
          'unicast',
          '%',
          series((sample) => (sample.rx + sample.tx > 0 ? 100 - BROADCAST_PERCENT : 0)),
        ),
      ],
      Errors: [chart('inErrors', 'Errors/sec', zero), chart('outErrors', 'Errors/sec', zero)],
      Discards: [chart('inDiscards', 'Discards/sec', zero), chart('outDiscards', 'Discards/sec', zero)],
    },
  })
})

const getIntfBWOutageReportDetails = operation('getIntfBWOutageReportDetails', ({ store, clock }, _caller, params) => {
  const record = interfaceParam(store, params)
  const { from, to } = periodParam(params, clock.now(), 'Today')
  const samples = trafficSamples(store, record, from, to)
  const format = (value: number) => `${Math.round(value)} ( ${((value / record.speedBps) * 100).toFixed(1)} % )`
  const raw = {
    InTraffic: samples.map((sample) => point(sample.at, bps(record, sample.rx), format)),
    OutTraffic: samples.map((sample) => point(sample.at, bps(record, sample.tx), format)),
    Total: samples.map((sample) => point(sample.at, bps(record, sample.rx + sample.tx), format)),
  }
  const consolidated = {
    InTraffic: consolidate({ seriesname: 'InTraffic', data: raw.InTraffic }, format),
    OutTraffic: consolidate({ seriesname: 'OutTraffic', data: raw.OutTraffic }, format),
    Total: consolidate({ seriesname: 'Total', data: raw.Total }, format),
  }
  const bwChartData = Object.entries(raw).flatMap(([name, data]) => {
    const p95 = Number(consolidated[name as keyof typeof consolidated]['95thpercRawVal'])
    return [
      { seriesname: name, isRaw: true, data, xyTitles: ['Time', 'Bits per Second'] },
      { seriesname: `${name}-95th`, data: data.map(([at]) => point(at, p95, format)), xyTitles: ['Time', 'Bits per Second'] },
    ]
  })
  const device = store.devices.get(record.deviceName)
  const down = samples.filter((sample) => sample.rx === 0 && sample.tx === 0 && store.interfaceStatus(record) === 1).length
  const downPercent = samples.length ? Math.round((down / samples.length) * 10_000) / 100 : 0
  return ok({
    InterfaceName: Interfaces.nameOf(record),
    InterfaceDisplayName: `${record.ifDescr}-${record.ifName}`,
    deviceName: Interfaces.nameOf(record),
    name: device.displayName,
    IfDesc: record.ifDescr,
    IfAlias: record.ifAlias,
    IfName: record.ifName,
    IfIndex: String(record.ifIndex),
    CircuitID: record.circuitId || '-',
    InSpeed: `${record.speedBps} bps`,
    OutSpeed: `${record.speedBps} bps`,
    repType: 9,
    suffix: '',
    interfaceDetails: details(store, record),
    seriesNames: bwChartData.map((item) => item.seriesname),
    consolidatedValues: consolidated,
    bwChartData,
    availData: availabilityBreakdown({ up: Math.round((100 - downPercent) * 100) / 100, down: downPercent }),
  })
})

export const INTERFACE_REPORT_OPERATIONS = [
  getInterfaceSummary,
  getInterfaceNotes,
  getInterfaceGraphs,
  getIntfAtAGlanceReportDetails,
  getIntfBWOutageReportDetails,
]
