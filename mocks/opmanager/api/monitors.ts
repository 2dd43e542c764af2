import { opmError } from '../errors'
import { formatOpmTime } from '../format'
import { Monitors, type MonitorRecord, type MonitorTemplate } from '../resources/monitors'
import type { OpmanagerStore } from '../store'
import type { SuccessBody } from '../spec-types'
import { ok, operation, result } from './operation'
import { periodParam } from './periods'

function thresholdStatus(template: MonitorTemplate, values: readonly number[]) {
  if (!template.thresholds) return { status: 'Not Enabled', image: 'images/thresholdNonConfigured.gif' }
  const violated = values.some((value) => Monitors.severityOf(template, value) !== 5)
  return violated
    ? { status: 'Threshold Violated', image: 'images/thresholdConViolated.gif' }
    : { status: 'Normal', image: 'images/thresholdConOK.gif' }
}

/** One monitor as getDeviceAssociatedMonitors lists it, with the vendor's keys. */
function associatedMonitor(store: OpmanagerStore, record: MonitorRecord, now: number) {
  const template = store.monitors.templateOf(record)
  const last = store.monitors.last(record, now)
  const threshold = thresholdStatus(
    template,
    last.values.map((item) => item.value),
  )
  const multiple = template.instances.length > 1
  return {
    name: template.policyName,
    DISPLAYNAME: template.displayName,
    policyName: template.policyName,
    pollId: String(record.pollId),
    GRAPHID: String(template.graphId),
    Protocol: template.protocol,
    interval: String(template.interval),
    YAXISTEXT: template.unit,
    graphType: multiple ? 'multiplenode' : 'multiple',
    type: multiple ? 'node' : 'multiple',
    isMultiple: String(!multiple),
    checkNumeric: 'true',
    numericType: '1',
    sSave: 'true',
    Instance: '',
    DisplayColumn: '',
    THRESHOLDENABLED: String(template.thresholds !== undefined),
    thresholdStatus: threshold.status,
    thresholdImg: threshold.image,
    lastCollectedTime: formatOpmTime(last.at),
    data: last.values.map(({ instance, value }) => ({ instance, value })),
  }
}

const getDeviceAssociatedMonitors = operation('getDeviceAssociatedMonitors', ({ store, clock }, _caller, params) => {
  const device = store.devices.get(params.required('name'))
  const now = clock.now()
  const monitors = store.monitors.ofDevice(device.deviceName).map((record) => associatedMonitor(store, record, now))
  const down = monitors.filter((monitor) => monitor.thresholdStatus === 'Threshold Violated').length
  return ok({
    deviceProtocol: device.isSNMP ? 'SNMP' : 'WMI',
    performanceMonitors: {
      total: monitors.length,
      down,
      statusIcon: `images/servicestatus${down ? 1 : 5}.gif`,
      monitors,
    },
  })
})

const getPerformanceMonitors = operation('getPerformanceMonitors', ({ store }, _caller, params) => {
  const device = store.devices.get(params.required('deviceName'))
  const associated = new Set(store.monitors.ofDevice(device.deviceName).map((record) => record.policyName))
  const out: SuccessBody<'getPerformanceMonitors'> = {}
  for (const template of store.monitors.templates()) {
    if (template.protocol === 'WMI' && device.isSNMP) continue
    if (template.protocol === 'SNMP' && !device.isSNMP) continue
    ;(out[template.group] ??= []).push({
      name: template.policyName,
      DISPLAYNAME: template.displayName,
      Description: template.description,
      GRAPHID: template.graphId,
      interval: String(template.interval * 60),
      Protocol: template.protocol,
      thresholdEnabled: String(template.thresholds !== undefined),
      isSelected: String(associated.has(template.policyName)),
      STANDARDNAME: template.group,
    })
  }
  return ok(out)
})

const getLastCollectedValues = operation('getLastCollectedValues', ({ store, clock }, _caller, params) => {
  const list = params
    .required('deviceMOIDList', { maxLength: 4000 })
    .split(',')
    .map((item) => item.trim())
  if (list.some((item) => !/^[0-9]+$/.test(item)))
    throw opmError('BAD_REQUEST', 'DATATYPE_NOT_MATCHED', "The parameter 'deviceMOIDList' must be a comma-separated list of device MOIDs.")
  const now = clock.now()
  const out = new Map<string, SuccessBody<'getLastCollectedValues'>[string]>()
  for (const moid of list) {
    const device = store.devices.byMoid(Number(moid))
    if (!device) continue
    out.set(
      moid,
      store.monitors.ofDevice(device.deviceName).map((record) => {
        const template = store.monitors.templateOf(record)
        const last = store.monitors.last(record, now)
        const previous = store.monitors.last(record, last.at - 1)
        return {
          Agent: device.dnsName,
          ProtocolName: template.protocol,
          Description: template.description,
          GraphName: template.policyName,
          PolicyName: template.policyName,
          GraphTypeName: template.instances.length > 1 ? 'multiplenode' : 'multiple',
          GraphId: template.graphId,
          PollId: record.pollId,
          OID: template.oid,
          YAxisText: template.unit,
          NumericType: 1,
          DataType: '1',
          data: last.values,
          lastCollectedTime: formatOpmTime(last.at),
          previousSeverity: Math.max(...previous.values.map((item) => Monitors.severityOf(template, item.value))),
          failureThreshold: 1,
          failureCount: 0,
          lastPolledCounterValue: 0,
        }
      }),
    )
  }
  return ok(Object.fromEntries(out))
})

const getPerformanceMonitorDetails = operation('getPerformanceMonitorDetails', ({ store, clock }, _caller, params) => {
  const device = store.devices.get(params.required('name'))
  const record = store.monitors.get(device.deviceName, params.optional('policyName') ?? params.required('graphName'))
  const template = store.monitors.templateOf(record)
  const now = clock.now()
  const { from, to } = periodParam(params, now)
  const statsList = store.monitors.samples(record, from, to).map(({ instance, points }) => {
    const values = points.map(([, value]) => value)
    const sorted = [...values].sort((a, b) => a - b)
    const average = values.length ? Math.round(values.reduce((sum, value) => sum + value, 0) / values.length) : 0
    return {
      instance: instance === '-1' ? template.displayName : instance,
      minimumValue: String(sorted[0] ?? 0),
      maximumValue: String(sorted[sorted.length - 1] ?? 0),
      averageValue: String(average),
      percentile: String(sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0),
      lastPolledValue: String(values[values.length - 1] ?? 0),
    }
  })
  // The severity of the poll before the last, as the vendor's PREVIOUSSEVERITY (the worst instance).
  const previous = store.monitors.last(record, store.monitors.last(record, now).at - 1)
  const previousSeverity = Math.max(...previous.values.map((item) => Monitors.severityOf(template, item.value)))
  const multiple = template.instances.length > 1
  const clrMessage = '$MONITOR is now back to normal, current value is $CURRENTVALUE $UNITS'
  const level = (severity: string, name: 'warning' | 'trouble' | 'critical', value: number) => ({
    severity,
    [`${name}ThresholdType`]: 'max',
    [`${name}ThresholdValue`]: String(value),
    [`${name}ThresholdName`]: `${record.pollId}${severity}`,
    [`${name}Message`]: '$MONITOR is $CURRENTVALUE $UNITS, threshold value for this monitor is $THRESHOLDVALUE $UNITS',
    clrMessage,
    oidType: '',
    rearmValue: '0',
  })
  return ok({
    statsList,
    monitors: {
      id: String(record.pollId),
      Id: String(record.pollId),
      name: template.policyName,
      policyName: template.policyName,
      DISPLAYNAME: template.displayName,
      Description: template.description,
      GRAPHID: String(template.graphId),
      Protocol: template.protocol,
      oid: template.oid,
      interval: String(template.interval),
      YAXISTEXT: template.unit,
      THRESHOLDENABLED: String(template.thresholds !== undefined),
      PREVIOUSSEVERITY: String(previousSeverity),
      FAILURETHRESHOLD: '1',
      checkNumeric: 'true',
      numericType: '1',
      Instance: '',
      DisplayColumn: '',
      type: multiple ? 'multiplenode' : 'multiple',
      graphType: multiple ? 'multiplenode' : 'multiple',
      isMultiple: String(multiple),
      sSave: 'true',
      isAtEnabled: false,
      defaultMessage: '$MONITOR is $CURRENTVALUE $UNITS, threshold value for this monitor is $THRESHOLDVALUE $UNITS',
      defaultMessage_AT:
        '$MONITOR is $CURRENTVALUE $UNITS,Expected value for this monitor is $EXPECTEDVALUE $UNITS, current adaptive threshold is $THRESHOLDVALUE $UNITS',
      defaultClrMessage: clrMessage,
      agentName: device.dnsName,
      thresholdSet: template.thresholds
        ? [
            level('3', 'warning', template.thresholds.warning),
            level('2', 'trouble', template.thresholds.trouble),
            level('1', 'critical', template.thresholds.critical),
          ]
        : [],
    },
  })
})

const addPerformanceMonitors = operation('addPerformanceMonitors', async ({ store }, _caller, params) => {
  const device = store.devices.get(params.required('name'))
  const names = params
    .required('selectedMonitors', { maxLength: 4000 })
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
  for (const name of names)
    if (!store.monitors.template(name)) throw opmError('NOT_FOUND', 'MONITOR_NOT_FOUND', `No performance monitor template named '${name}'.`)
  for (const name of names) await store.monitors.associate(device.deviceName, name)
  return result('Monitor added successfully')
})

const deletePerformanceMonitors = operation('deletePerformanceMonitors', ({ store }, _caller, params) => {
  const device = store.devices.get(params.required('name'))
  const ids = params
    .required('pollId', { maxLength: 4000 })
    .split(',')
    .map((item) => item.trim())
  const records = ids.map((id) => {
    const record = /^[0-9]+$/.test(id) ? store.monitors.byPollId(Number(id)) : undefined
    if (!record || record.deviceName !== device.deviceName)
      throw opmError('NOT_FOUND', 'MONITOR_NOT_FOUND', `The device '${device.deviceName}' has no monitor with pollId '${id}'.`)
    return record
  })
  for (const record of records) store.monitors.remove(record)
  return result('The monitor(s) will be deleted. Please check after sometime.')
})

const TestMonitor = operation('TestMonitor', ({ store, clock }, _caller, params) => {
  const device = store.devices.get(params.required('name'))
  const policyName = params.optional('policyName') ?? params.required('graphName')
  const template = store.monitors.template(policyName)
  if (!template) throw opmError('NOT_FOUND', 'MONITOR_NOT_FOUND', `No performance monitor template named '${policyName}'.`)
  const record = store.monitors.ofDevice(device.deviceName).find((item) => item.policyName === policyName)
  // An associated monitor answers its own series; a template not yet associated reads the series it would get.
  const probe = record ?? { id: '0', pollId: 90_000 + device.moid, deviceName: device.deviceName, policyName }
  return ok({
    deviceName: device.deviceName,
    monitorname: template.policyName,
    displayName: template.displayName,
    protocol: template.protocol,
    oid: template.oid,
    units: template.unit,
    checkNumeric: 'true',
    isMultiple: String(template.instances.length > 1),
    reasons: [],
    data: store.monitors.last(probe, clock.now()).values.map((item) => item.value),
  })
})

export const MONITOR_OPERATIONS = [
  getDeviceAssociatedMonitors,
  getPerformanceMonitors,
  getLastCollectedValues,
  getPerformanceMonitorDetails,
  addPerformanceMonitors,
  deletePerformanceMonitors,
  TestMonitor,
]
