import { opmError } from '../errors'
import { severityName, statusName } from '../format'
import type { OpmanagerStore } from '../store'
import { ok, operation } from './operation'

const DAY = 86_400_000

interface Widget {
  widgetID: string
  id: string
  name: string
  uniqueName: string
  type: 'Grid' | 'Chart'
  forward: string
  headers: string[]
  data(store: OpmanagerStore, now: number): Array<Record<string, unknown>>
}

/** Every widget reads the same derived statuses the lists do, so their counts always agree. */
const WIDGETS: readonly Widget[] = [
  {
    widgetID: '277',
    id: '619',
    name: 'Infrastructure Snapshot',
    uniqueName: 'widget.name.infrasnap',
    type: 'Grid',
    forward: 'inventory',
    headers: ['Category', 'Total', 'Critical', 'Trouble', 'Attention', 'Service Down', 'Clear', 'UnManaged'],
    data: (store) => {
      const rows = new Map<string, Record<string, string | number>>()
      for (const device of store.devices.all()) {
        const row = rows.get(device.category) ?? { category: device.category, total: 0 }
        const status = statusName(store.deviceStatus(device))
        row.total = Number(row.total) + 1
        row[status] = Number(row[status] ?? 0) + 1
        rows.set(device.category, row)
      }
      return [...rows.values()].sort((a, b) => String(a.category).localeCompare(String(b.category)))
    },
  },
  {
    widgetID: '201',
    id: '620',
    name: 'Alarms by Severity',
    uniqueName: 'widget.name.alarmcount',
    type: 'Chart',
    forward: 'alarms',
    headers: ['Severity', 'Count'],
    data: (store) =>
      ([1, 2, 3, 4] as const).map((severity) => ({
        severity: String(severity),
        label: severityName(severity),
        count: store.alarms.all().filter((alarm) => alarm.severity === severity).length,
      })),
  },
  {
    widgetID: '278',
    id: '623',
    name: 'Devices by Availability',
    uniqueName: 'widget.name.topnavail',
    type: 'Grid',
    forward: 'availDetails',
    headers: ['Name', 'IPAddress', 'Up', 'On Hold', 'Maintenance', 'Dependent Unavailable', 'Down', 'Not Monitored', 'Availability(%)'],
    data: (store, now) =>
      store.devices.all().map((device) => {
        // As getAvailabilityGraphData: time before the device was added is Not Monitored, percentages are of the whole day.
        const monitoredFrom = Math.max(now - DAY, device.addedAt)
        const span = store.availability(device, monitoredFrom, now)
        const hours = (ms: number) => `${Math.round(ms / 3_600_000)}h`
        return {
          deviceName: device.deviceName,
          displayName: device.displayName,
          ipAddress: device.ipaddress,
          uptime: hours(span.up),
          down: hours(span.down),
          maintenance: hours(span.maintenance),
          onHold: '0s',
          dependentUnavailable: '0s',
          NOTMONITORED: monitoredFrom > now - DAY ? hours(monitoredFrom - (now - DAY)) : '0s',
          parentKey: 'NULL',
          availability: String(Math.round((span.up / DAY) * 100)),
          downPercent: String(Math.round((span.down / DAY) * 100)),
        }
      }),
  },
]

const DASHBOARD = { name: 'Network Dashboard', id: '31', description: 'Devices, alarms and availability of the whole network' }

const getWidgetsList = operation(
  'getWidgetsList',
  (_context, _caller, params) => {
    const name = params.required('dashboardName')
    if (name !== DASHBOARD.name) throw opmError('NOT_FOUND', 'DASHBOARD_NOT_FOUND', `No dashboard named '${name}'.`)
    return ok({
      dashName: DASHBOARD.name,
      dashboardID: DASHBOARD.id,
      dashDesc: DASHBOARD.description,
      isDefaultDashboard: true,
      isDashPropsAvailable: true,
      configureWidget: true,
      editDashboard: false,
      noOfCols: '2',
      colWidths: [
        { colID: '1', colWidth: '50' },
        { colID: '2', colWidth: '50' },
      ],
      widgetList: WIDGETS.map((widget, index) => ({
        widgetID: widget.widgetID,
        id: widget.id,
        name: widget.name,
        desc: widget.name,
        type: widget.type,
        widgetUniqueName: widget.uniqueName,
        width: '1',
        height: '20',
        x: String(index % 2),
        y: String(Math.floor(index / 2) * 20),
      })),
    })
  },
  { module: 'Dashboard' },
)

const getWidgetData = operation(
  'getWidgetData',
  ({ store, clock }, _caller, params) => {
    const id = params.required('widgetID')
    const widget = WIDGETS.find((item) => item.id === id || item.widgetID === id)
    if (!widget) throw opmError('NOT_FOUND', 'WIDGET_NOT_FOUND', `No widget with the id '${id}'.`)
    return ok({
      [widget.id]: {
        Name: widget.uniqueName,
        WidgetName: widget.name,
        WidgetType: widget.type,
        WidgetForwardPage: widget.forward,
        WidgetHeaders: widget.headers,
        WidgetAdditionalData: {},
        Period: 'twfourhours',
        WidgetData: widget.data(store, clock.now()),
      },
    })
  },
  { module: 'Dashboard' },
)

export const DASHBOARD_OPERATIONS = [getWidgetsList, getWidgetData]
