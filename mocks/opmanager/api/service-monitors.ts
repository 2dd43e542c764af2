import type { DeviceRecord } from '../resources/devices'
import { PROCESS_TEMPLATES, ServiceMonitors, TCP_SERVICES, type ServiceMonitorRecord } from '../resources/service-monitors'
import { lastSlot, seriesValue } from '../resources/series'
import type { OpmanagerStore } from '../store'
import { ok, operation, result } from './operation'

/** A service, process or URL monitor is down while its device is (an uncleared DEVICE-DOWN alarm). */
function monitorStatus(store: OpmanagerStore, record: ServiceMonitorRecord): 1 | 5 {
  const device = record.deviceName ? store.devices.find(record.deviceName) : undefined
  return device && store.isDown(device) ? 1 : 5
}

const statusWord = (status: 1 | 5) => (status === 1 ? 'Critical' : 'Clear')

const getAssociatedServiceMonitors = operation('getAssociatedServiceMonitors', ({ store }, _caller, params) => {
  const device = store.devices.get(params.required('name'))
  const selected = store.serviceMonitors.of('service', device.deviceName).map((record) => record.name)
  return ok({ selectedServices: selected, remainingServices: TCP_SERVICES.filter((service) => !selected.includes(service)) })
})

const associateServiceMonitor = operation(
  'associateServiceMonitor',
  async ({ store }, _caller, params) => {
    const device = store.devices.get(params.required('deviceName'))
    const services = params
      .required('serviceName', { maxLength: 1000 })
      .split(',')
      .map((name) => ServiceMonitors.service(name.trim()))
    for (const service of services)
      await store.serviceMonitors.associate({
        kind: 'service',
        deviceName: device.deviceName,
        name: service,
        displayName: service,
        detail: service.replace(/\D/g, ''),
      })
    return result('Service Monitor associated successfully')
  },
  { module: 'Inventory' },
)

const getDeviceAssociatedWindowsServiceMonitors = operation('getDeviceAssociatedWindowsServiceMonitors', ({ store }, _caller, params) => {
  const device = store.devices.get(params.required('name'))
  return ok(
    store.serviceMonitors.of('windowsService', device.deviceName).map((record) => ({
      serviceID: record.id,
      serviceName: record.name,
      displayName: record.displayName,
      status: statusWord(monitorStatus(store, record)),
    })),
  )
})

/** The processes every host of a kind runs, besides the monitored ones: `[name, path, arguments]`. */
const BASE_PROCESSES: Record<'WMI' | 'CLI', ReadonlyArray<readonly [string, string, string]>> = {
  WMI: [
    ['csrss.exe', '-', ''],
    ['winlogon.exe', 'C:\\Windows\\system32\\winlogon.exe', 'winlogon.exe'],
    ['services.exe', 'C:\\Windows\\system32\\services.exe', ''],
    ['svchost.exe', 'C:\\Windows\\system32\\svchost.exe', '-k netsvcs'],
    ['msdtc.exe', 'C:\\Windows\\System32\\msdtc.exe', ''],
  ],
  CLI: [
    ['systemd', '/usr/lib/systemd/systemd', '--system --deserialize 31'],
    ['sshd', '/usr/sbin/sshd', '-D'],
    ['crond', '/usr/sbin/crond', '-n'],
    ['rsyslogd', '/usr/sbin/rsyslogd', '-n'],
  ],
}

const trim = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}...` : text)

/**
 * The process table the vendor reads from the host (keyed by PID): the base processes of its kind and the
 * monitored ones; nothing while the device is down (it cannot be read). PIDs are stable per device.
 */
function activeProcesses(store: OpmanagerStore, device: DeviceRecord, protocol: 'WMI' | 'CLI') {
  if (store.isDown(device)) return {}
  const monitored = store.serviceMonitors
    .of('process', device.deviceName)
    .map((record) => ServiceMonitors.processTemplate(record.detail))
    .map((template) => [template.templateName, template.path, ''] as const)
  return Object.fromEntries(
    [...BASE_PROCESSES[protocol], ...monitored].map(([name, path, args], index) => [
      String(400 + ((device.moid * 37 + index * 1013) % 9000) * 4),
      { name, trimName: trim(name), path, trimPath: trim(path), cmdLineArgs: args, trimArgs: trim(args) },
    ]),
  )
}

const getAssociatedProcessMonitors = operation('getAssociatedProcessMonitors', ({ store }, _caller, params) => {
  const device = store.devices.get(params.required('deviceName'))
  const protocol = device.isSNMP ? 'CLI' : 'WMI'
  return ok({
    deviceName: device.deviceName,
    protocol,
    ActiveProcesses: activeProcesses(store, device, protocol),
    Templates: PROCESS_TEMPLATES.filter((template) => template.protocol === protocol || !device.isSNMP).map((template) => ({
      templateId: template.templateId,
      templateName: template.templateName,
      displayName: template.displayName,
      description: template.description,
      protocol: template.protocol,
      associatedDeviceCount: String(store.serviceMonitors.of('process').filter((record) => record.name === template.templateName).length),
    })),
    AssignedMonitors: store.serviceMonitors.of('process', device.deviceName).map((record) => {
      const status = monitorStatus(store, record)
      const template = ServiceMonitors.processTemplate(record.detail)
      return {
        id: record.id,
        name: record.displayName,
        trimName: trim(record.displayName),
        proName: record.name,
        path: template.path,
        cmdLineArgs: '',
        state: status === 5 ? '1' : '0',
        status: String(status),
        statusNum: String(status),
        statusStr: statusWord(status),
        statusIcon: `/webclient/devices/images/servicestatus${status}.gif`,
      }
    }),
  })
})

const associateProcessMonitor = operation('associateProcessMonitor', async ({ store }, _caller, params) => {
  const device = store.devices.get(params.required('deviceName'))
  const templates = params
    .required('processId', { maxLength: 1000 })
    .split(',')
    .map((id) => ServiceMonitors.processTemplate(id.trim()))
  for (const template of templates)
    await store.serviceMonitors.associate({
      kind: 'process',
      deviceName: device.deviceName,
      name: template.templateName,
      displayName: template.displayName,
      detail: template.templateId,
    })
  return result('Process monitor(s) associated successfully.')
})

const RESPONSE = { base: 180, swing: 60, noise: 40, min: 20, max: 5000 }

const listURLMonitors = operation(
  'listURLMonitors',
  ({ store, clock }) => {
    const rows = store.serviceMonitors.of('url').map((record) => {
      const status = monitorStatus(store, record)
      const responseTime =
        status === 1
          ? 'No Response'
          : `${seriesValue(RESPONSE, store.monitors.seed, 300_000 + Number(record.id), 0, lastSlot(clock.now(), 5))} ms`
      return {
        moID: Number(record.id),
        name: `${record.name}_URL`,
        urlName: record.name,
        url: record.detail,
        statusNum: status === 1 ? 4 : 5,
        statusStr: status === 1 ? 'Service Down' : 'Clear',
        RESPONSETIME: responseTime,
        availPercentage: status === 1 ? 0 : 100,
      }
    })
    const buckets = new Map<string, number>()
    const byStatus = new Map<number, { title: string; value: number; status: number }>()
    for (const row of rows) {
      const bucket = row.availPercentage === 100 ? '90-100%' : '00-10%'
      buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1)
      const dial = byStatus.get(row.statusNum) ?? { title: row.statusStr, value: 0, status: row.statusNum }
      byStatus.set(row.statusNum, { ...dial, value: dial.value + 1 })
    }
    return ok({
      // The dial of the URL monitors page: how many URLs are in each status (the same rows as List).
      DialCounter: [...byStatus.values()].sort((a, b) => a.status - b.status),
      List: rows,
      Details: Object.fromEntries(
        [...buckets].map(([bucket, count]) => [
          bucket,
          [{ Status: bucket === '90-100%' ? 5 : 4, Label: bucket === '90-100%' ? 'Clear' : 'Service Down', Count: count }],
        ]),
      ),
    })
  },
  { module: 'Inventory' },
)

const listAllDevicesSpecificURLs = operation(
  'listAllDevicesSpecificURLs',
  ({ store }) =>
    ok({
      List: store.serviceMonitors
        .of('url')
        .filter((record) => record.deviceName !== '')
        .map((record) => {
          const device = store.devices.get(record.deviceName)
          const status = monitorStatus(store, record)
          return {
            name: `${record.name}_URL`,
            urlName: record.name,
            url: record.detail,
            parentName: device.deviceName,
            parentDispName: device.displayName,
            status: String(status),
            statusNum: String(status),
            stringstatus: statusWord(status),
          }
        }),
    }),
  { module: 'Inventory' },
)

/** The script monitor templates (OpManager ships a handful; these are the mock's). */
const SCRIPTS = [
  {
    scriptID: '101',
    graphID: '1206',
    graphName: 'Instance Count',
    executeFrom: '0',
    graphDesc: 'VBScript counting the running instances of a process',
  },
  {
    scriptID: '102',
    graphID: '1207',
    graphName: 'Cache Memory',
    executeFrom: '1',
    graphDesc: 'Shell script reading the page cache of a Linux system',
  },
  { scriptID: '103', graphID: '1208', graphName: 'Open Files', executeFrom: '1', graphDesc: 'Shell script counting open file handles' },
]

const listScriptMonitors = operation('listScriptMonitors', () => ok(SCRIPTS.map((script) => ({ ...script }))), { module: 'Inventory' })

export const SERVICE_MONITOR_OPERATIONS = [
  getAssociatedServiceMonitors,
  associateServiceMonitor,
  getDeviceAssociatedWindowsServiceMonitors,
  getAssociatedProcessMonitors,
  associateProcessMonitor,
  listURLMonitors,
  listAllDevicesSpecificURLs,
  listScriptMonitors,
]
