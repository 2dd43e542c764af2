import { opmError } from '../errors'
import { formatOpmTime, severityName } from '../format'
import type { Params } from '../params'
import { BusinessRules, WEEK_DAYS, type BusinessRuleRecord, type TimeSettings } from '../resources/business-rules'
import type { DeviceRecord } from '../resources/devices'
import type { OpmanagerStore } from '../store'
import type { SeverityNumber, SuccessBody } from '../spec-types'
import { ok, operation, result } from './operation'
import { hourWindow, periodParam } from './periods'

interface ReportRow {
  device: DeviceRecord
  message: string
  severity: SeverityNumber
  at: number
}

/** The reports the mock generates, under the vendor's ids, each from the same events and alarms the lists show. */
const REPORTS: ReadonlyArray<{ id: number; name: string; desc: string; forward: string; rows: (store: OpmanagerStore) => ReportRow[] }> = [
  {
    id: 1,
    name: 'All Events',
    desc: 'Get report for all events',
    forward: 'eventList',
    rows: (store) => store.events.all().flatMap((event) => rowOf(store, event.deviceName, event.message, event.severity, event.at)),
  },
  {
    id: 2,
    name: 'All Down Events',
    desc: 'Get report for all down events',
    forward: 'eventList',
    rows: (store) =>
      store.events
        .all()
        .filter((event) => event.alarmCode === 'DEVICE-DOWN' && event.severity !== 5)
        .flatMap((event) => rowOf(store, event.deviceName, event.message, event.severity, event.at)),
  },
  {
    id: 84,
    name: 'All Alerts',
    desc: 'Get report for all alerts',
    forward: 'alarmList',
    rows: (store) => store.alarms.all().flatMap((alarm) => rowOf(store, alarm.deviceName, alarm.message, alarm.severity, alarm.modifiedAt)),
  },
  {
    id: 85,
    name: 'All Down Alerts',
    desc: 'Get report for all down alerts',
    forward: 'alarmList',
    rows: (store) =>
      store.alarms
        .all()
        .filter((alarm) => alarm.alarmcode === 'DEVICE-DOWN')
        .flatMap((alarm) => rowOf(store, alarm.deviceName, alarm.message, alarm.severity, alarm.modifiedAt)),
  },
]

function rowOf(store: OpmanagerStore, deviceName: string, message: string, severity: SeverityNumber, at: number): ReportRow[] {
  const device = store.devices.find(deviceName)
  return device ? [{ device, message, severity, at }] : []
}

const getReportsList = operation('getReportsList', () =>
  ok([
    {
      Name: 'System',
      displayName: 'System',
      list: [
        {
          title: '',
          list: REPORTS.map((report) => ({
            id: report.id,
            Name: report.name,
            displayName: report.name,
            desc: report.desc,
            url: `/reports/GenerateReports.do?firstTime=true&reportID=${report.id}`,
            isCustom: 'false',
            customStatus: 'False',
          })),
        },
      ],
    },
  ]),
)

/** Devices a report is limited to by `category`, `bview` or `logicalGroup`; undefined = all. */
function scope(store: OpmanagerStore, params: Params): Set<string> | undefined {
  const category = params.optional('category')
  const view = params.optional('bview')
  const group = params.optional('logicalGroup')
  let names: string[] | undefined
  const narrow = (list: readonly string[]) => (names = names ? names.filter((name) => list.includes(name)) : [...list])
  if (category !== undefined)
    narrow(
      store.devices
        .all()
        .filter((device) => device.category === category)
        .map((device) => device.deviceName),
    )
  if (view !== undefined) narrow(store.businessViews.get(view).members)
  if (group !== undefined) narrow(store.groups.get(group).members)
  // The probe (Enterprise): `customerId` is its probeID, `customerName` its name.
  const probeId = params.optional('customerId')
  const probeName = params.optional('customerName')
  if (probeId !== undefined || probeName !== undefined) {
    const probe = store.probes.all().find((item) => item.probeID === probeId || item.name === probeName)
    if (!probe)
      throw opmError('NOT_FOUND', 'PROBE_NOT_FOUND', `No probe with the id or name '${probeId ?? probeName}'; listProbes shows the probes.`)
    narrow(
      store.devices
        .all()
        .filter((device) => device.probe === probe.name)
        .map((device) => device.deviceName),
    )
  }
  return names ? new Set(names) : undefined
}

/** `isExcludeDays=true` with `excludedDays` (weekday names, comma separated): rows on those UTC weekdays are left out. */
function excludedWeekdays(params: Params): Set<number> {
  if (params.oneOf('isExcludeDays', ['true', 'false'] as const) !== 'true') return new Set()
  return new Set(
    params
      .required('excludedDays', { maxLength: 200 })
      .split(',')
      .map((text) => text.trim())
      .filter(Boolean)
      .map((text) => {
        const index = WEEK_DAYS.findIndex(
          (day) => day.toLowerCase() === text.toLowerCase() || day.slice(0, 3).toLowerCase() === text.toLowerCase(),
        )
        if (index < 0)
          throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `The parameter 'excludedDays' holds '${text}', which is not a weekday.`)
        return (index + 1) % 7
      }),
  )
}

const getReportsData = operation('getReportsData', ({ store, clock }, _caller, params) => {
  const id = params.integer('reportID', { min: 1 }) ?? 84
  const report = REPORTS.find((item) => item.id === id)
  if (!report) throw opmError('NOT_FOUND', 'REPORT_NOT_FOUND', `No report with the id ${id}; getReportsList shows the reports.`)
  const now = clock.now()
  const period = periodParam(params, now, 'Last_7_Days', { period: 'time', start: 'startTime', end: 'endTime' })
  const inHours = hourWindow(params)
  const devices = scope(store, params)
  const businessHours = params.oneOf('isBusinessHour', ['true', 'false'] as const) === 'true'
  const rule = businessHours ? store.businessRules.get(params.required('businessRuleID')) : undefined
  const top = params.integer('top', { min: 0, max: 1000 }) ?? 0
  // showType 0 (top, the default) keeps the first `top` rows, 1 (bottom) the last ones.
  const showType = { top: 0, bottom: 1, '0': 0, '1': 1 }[params.oneOf('showType', ['top', 'bottom', '0', '1'] as const) ?? 'top']
  const excluded = excludedWeekdays(params)
  let rows = report
    .rows(store)
    .filter((row) => row.at >= period.from && row.at <= period.to && inHours(row.at) && !excluded.has(new Date(row.at).getUTCDay()))
    .filter((row) => !devices || devices.has(row.device.deviceName))
    .filter((row) => !rule || BusinessRules.covers(rule, row.at))
    .sort((a, b) => b.at - a.at)
  if (top > 0) rows = showType === 0 ? rows.slice(0, top) : rows.slice(-top)
  const skip = [1, 6]
  return ok([
    {
      ReportGraphName: report.name,
      graphDispName: report.name,
      forward: report.forward,
      graphHeaders: ['Device Name', 'Message', 'Severity', 'Category', 'Alert Time', ''],
      graphDetails: rows.map((row) => [
        row.device.displayName,
        row.device.deviceName,
        row.message,
        severityName(row.severity),
        row.device.category,
        formatOpmTime(row.at),
        row.at,
      ]),
      additionalRespData: { RECORDS: String(rows.length), SKIPCOLUMNS: skip },
      vmClientParams: { RECORDS: rows.length, SKIPCOLUMNS: skip },
      clientParams: {
        time: period.key,
        top,
        showType,
        isFavourite: id === 1 || id === 84,
        genAt: formatOpmTime(now),
        genAtMilliseconds: now,
      },
    },
  ])
})

const HOUR = 3_600_000

/** Hourly averages of device monitors over a period, keyed `<monitor> - <unit>` like the vendor's report graphs. */
const getReportData = operation('getReportData', ({ store, clock }, _caller, params) => {
  const split = (name: string) =>
    params
      .required(name, { maxLength: 4000 })
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
  const devices = split('deviceList').map((name) => store.devices.get(name))
  const wanted = split('monitorList')
  const { from, to } = periodParam(params, clock.now(), 'Today', { period: 'timePeriod', start: 'startDate', end: 'endDate' })
  const inHours = hourWindow(params)
  const out = new Map<string, SuccessBody<'getReportData'>[string]>()
  for (const name of wanted) {
    const template = store.monitors.templates().find((item) => item.policyName === name || item.displayName === name)
    if (!template) throw opmError('NOT_FOUND', 'MONITOR_NOT_FOUND', `No performance monitor named '${name}'.`)
    const key = `${template.displayName} - ${template.unit}`
    for (const device of devices) {
      const record = store.monitors.ofDevice(device.deviceName).find((item) => item.policyName === template.policyName)
      if (!record) continue
      const [first] = store.monitors.samples(record, from, to)
      const hours = new Map<number, number[]>()
      for (const [at, value] of (first?.points ?? []).filter(([at]) => inHours(at))) {
        const hour = Math.floor(at / HOUR) * HOUR
        hours.set(hour, [...(hours.get(hour) ?? []), value])
      }
      if (!out.has(key)) out.set(key, [])
      out.get(key)!.push({
        seriesname: device.displayName,
        id: String(record.pollId),
        yaxiscolumnorder: [0],
        data: [...hours].map(([hour, values]) => [
          hour,
          Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100,
          template.policyName,
        ]),
      })
    }
  }
  const body: SuccessBody<'getReportData'> = Object.fromEntries(out)
  return ok(body)
})

// ---- business rules ----------------------------------------------------------------------------------------

const HOURS = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/

/** `timeSettings` is a JSON object of weekday → `hh:mm-hh:mm` (`{"Monday":"09:00-18:00"}`). */
function timeSettings(text: string): TimeSettings {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw opmError(
      'BAD_REQUEST',
      'UNABLE_TO_PARSE_DATA_TYPE',
      'The parameter \'timeSettings\' must be a JSON object such as {"Monday":"09:00-18:00"}.',
    )
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw opmError(
      'BAD_REQUEST',
      'UNABLE_TO_PARSE_DATA_TYPE',
      'The parameter \'timeSettings\' must be a JSON object such as {"Monday":"09:00-18:00"}.',
    )
  const out: TimeSettings = {}
  for (const [day, hours] of Object.entries(parsed)) {
    const weekday = WEEK_DAYS.find((name) => name === day)
    const match = typeof hours === 'string' ? HOURS.exec(hours) : null
    if (!weekday || !match)
      throw opmError(
        'BAD_REQUEST',
        'PATTERN_NOT_MATCHED',
        `timeSettings needs weekdays (Monday … Sunday) mapped to hh:mm-hh:mm, not ${day}: ${JSON.stringify(hours)}.`,
      )
    const fromMinute = Number(match[1]) * 60 + Number(match[2])
    const toMinute = Number(match[3]) * 60 + Number(match[4])
    if (toMinute <= fromMinute || toMinute > 1440)
      throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `The business hours of ${day} must end after they start.`)
    out[weekday] = { fromMinute, toMinute }
  }
  return out
}

const clockText = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`

function wireRule(rule: BusinessRuleRecord) {
  return {
    businessRuleId: rule.id,
    businessRuleName: rule.name,
    description: rule.description,
    timeSettings: Object.fromEntries(
      WEEK_DAYS.flatMap((day) => {
        const hours = rule.timeSettings[day]
        return hours ? [[day, `${clockText(hours.fromMinute)}-${clockText(hours.toMinute)}`]] : []
      }),
    ),
  }
}

const listBusinessRules = operation(
  'listBusinessRules',
  ({ store }) =>
    ok(store.businessRules.all().map((rule) => ({ businessRuleId: rule.id, businessRuleName: rule.name, description: rule.description }))),
  { module: 'Reports' },
)

const viewBusinessRules = operation(
  'viewBusinessRules',
  ({ store }, _caller, params) => ok(wireRule(store.businessRules.get(params.required('businessRuleId')))),
  { module: 'Reports' },
)

const addBusinessRules = operation(
  'addBusinessRules',
  async ({ store }, _caller, params) => {
    await store.businessRules.insert({
      name: params.required('businessRuleName', { maxLength: 100 }),
      description: params.optional('description', { maxLength: 1000 }) ?? '',
      timeSettings: timeSettings(params.required('timeSettings', { maxLength: 2000 })),
    })
    return result('Business rule has been successfully added.')
  },
  { module: 'Reports', adminOnly: true },
)

const updateBusinessRules = operation(
  'updateBusinessRules',
  async ({ store }, _caller, params) => {
    const rule = store.businessRules.get(params.required('businessRuleId'))
    const name = params.optional('businessRuleName', { maxLength: 100 })
    const description = params.optional('description', { maxLength: 1000 })
    const settings = params.optional('timeSettings', { maxLength: 2000 })
    await store.businessRules.update(rule, {
      ...(name === undefined ? {} : { name }),
      ...(description === undefined ? {} : { description }),
      ...(settings === undefined ? {} : { timeSettings: timeSettings(settings) }),
    })
    return result('Business rule has been successfully updated.')
  },
  { module: 'Reports', adminOnly: true },
)

const deleteBusinessRules = operation(
  'deleteBusinessRules',
  ({ store }, _caller, params) => {
    store.businessRules.remove(store.businessRules.get(params.required('businessRuleId')))
    return result('Business rule has been successfully deleted.')
  },
  { module: 'Reports', adminOnly: true },
)

export const REPORT_OPERATIONS = [
  getReportsList,
  getReportsData,
  getReportData,
  listBusinessRules,
  viewBusinessRules,
  addBusinessRules,
  updateBusinessRules,
  deleteBusinessRules,
]
