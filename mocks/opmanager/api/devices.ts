import { opmError } from '../errors'
import { formatOpmTime, prettyTime, statusName } from '../format'
import type { Params } from '../params'
import { HARDWARE_FIELDS, type DeviceHardware, type DeviceRecord } from '../resources/devices'
import type { OpmanagerStore } from '../store'
import type { Device, DeviceStatusNum } from '../spec-types'
import { ok, operation, result } from './operation'

/** A device as listDevices shows it (decisions/033: id string, moid number, statusNum string). */
function wireDevice(store: OpmanagerStore, device: DeviceRecord, now: number): Device {
  const status = store.deviceStatus(device)
  return {
    id: device.id,
    moid: device.moid,
    deviceName: device.deviceName,
    displayName: device.displayName,
    ipaddress: device.ipaddress,
    category: device.category,
    type: device.type,
    vendorName: device.vendorName,
    statusStr: statusName(status),
    statusNum: String(status) as DeviceStatusNum,
    isSNMP: device.isSNMP,
    isNew: device.isNew,
    addedTime: formatOpmTime(device.addedAt),
    prettyTime: prettyTime(device.addedAt, now),
    interfaceCount: store.interfaces.ofDevice(device.deviceName).length,
  }
}

const SORT_COLUMNS = [
  'id',
  'moid',
  'deviceName',
  'displayName',
  'ipaddress',
  'category',
  'type',
  'vendorName',
  'statusStr',
  'statusNum',
  'addedTime',
  'interfaceCount',
] as const satisfies readonly (keyof Device)[]

export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a ?? '').localeCompare(String(b ?? ''), 'en', { numeric: true })
}

/** The devices listDevices (v1 and v2) answers: filtered, sorted, before paging. */
function queryDevices(store: OpmanagerStore, params: Params, now: number): Device[] {
  const category = params.optional('category')
  const type = params.optional('type')
  const vendor = params.optional('vendor')
  const severities = params.integerList('severity', [1, 2, 3, 4, 5, 7] as const)
  const bvName = params.optional('bvName')
  const groupName = params.optional('groupName')
  // The vendor's protocol filter; devices here are polled over SNMP or WMI (as getDeviceAssociatedMonitors' deviceProtocol).
  const virtualTypes = params
    .optional('selectedVTypes', { maxLength: 400 })
    ?.split(/[,|]/)
    .map((item) => item.trim())
    .filter(Boolean)
  const protocol = params.oneOf('protocol', [
    'all',
    'SNMP',
    'WMI',
    'CLI',
    'VIWebService',
    'VIWMI',
    'XenService',
    'PrismAPI',
    'NetAppAPI',
    'SMI',
  ] as const)
  const column = params.oneOf('sortByColumn', SORT_COLUMNS) ?? 'displayName'
  const direction = params.oneOf('sortByType', ['asc', 'desc'] as const) === 'desc' ? -1 : 1
  const members = (list: readonly string[] | undefined) => new Set(list ?? [])
  const inView = bvName === undefined ? undefined : members(store.businessViews.find(bvName)?.members)
  const inGroup = groupName === undefined ? undefined : members(store.groups.find(groupName)?.members)
  return store.devices
    .all()
    .filter(
      (device) =>
        (category === undefined || device.category === category) &&
        (type === undefined || device.type === type) &&
        (vendor === undefined || device.vendorName === vendor) &&
        (protocol === undefined || protocol === 'all' || protocol === (device.isSNMP ? 'SNMP' : 'WMI')) &&
        (virtualTypes === undefined ||
          virtualTypes.some((type) => store.virtual.virtualTypesOf(device.deviceName, device.displayName).has(type))) &&
        (!inView || inView.has(device.deviceName)) &&
        (!inGroup || inGroup.has(device.deviceName)),
    )
    .map((device) => wireDevice(store, device, now))
    .filter((device) => severities === undefined || severities.has(Number(device.statusNum) as 1))
    .sort((a, b) => direction * compareValues(a[column], b[column]) || compareValues(a.id, b.id))
}

/** jqGrid paging: `total` pages, current `page`, `records` matched, this page's `rows`. */
function paged<T>(items: T[], page = 1, rows = 25) {
  return { total: Math.ceil(items.length / rows), page, records: items.length, rows: items.slice((page - 1) * rows, page * rows) }
}

export function paging(params: Params) {
  return { page: params.integer('page', { min: 1 }), rows: params.integer('rows', { min: 1, max: 1000 }) }
}

const listDevices = operation('listDevices', ({ store, clock }, _caller, params) => {
  const devices = queryDevices(store, params, clock.now())
  const { page, rows } = paging(params)
  // v1 stays a bare array (what real clients receive; decisions/080); page and rows only slice it.
  return ok(rows === undefined ? devices : paged(devices, page, rows).rows)
})

const listDevicesV2 = operation('listDevicesV2', ({ store, clock }, _caller, params) => {
  const devices = queryDevices(store, params, clock.now())
  const { page, rows } = paging(params)
  return ok(paged(devices, page, rows))
})

const getDeviceInfo = operation('getDeviceInfo', ({ store }, _caller, params) => {
  const device = store.devices.get(deviceNameParam(params))
  return ok({ ...device.hardware })
})

/** The vendor names the parameter `deviceName/ipAddress/dnsName`; clients send `name` or `deviceName`. */
export function deviceNameParam(params: Params): string {
  return params.optional('name') ?? params.optional('deviceName') ?? params.optional('ipAddress') ?? params.required('dnsName')
}

const setDeviceInfo = operation(
  'setDeviceInfo',
  async ({ store }, _caller, params) => {
    const device = store.devices.get(deviceNameParam(params))
    const values = hardwareValues(params.required('values', { maxLength: 4000 }))
    await store.devices.setHardware(device, values)
    return result('Hardware details updated successfully.')
  },
  { adminOnly: true },
)

/** `values` is a JSON object of inventory fields (`{"SerialNumber":"…"}`); only known fields, all strings. */
function hardwareValues(text: string): Partial<DeviceHardware> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw opmError('BAD_REQUEST', 'UNABLE_TO_PARSE_DATA_TYPE', "The parameter 'values' must be a JSON object of inventory fields.")
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw opmError('BAD_REQUEST', 'UNABLE_TO_PARSE_DATA_TYPE', "The parameter 'values' must be a JSON object of inventory fields.")
  const out: Partial<DeviceHardware> = {}
  for (const [field, value] of Object.entries(parsed)) {
    const known = HARDWARE_FIELDS.find((name) => name === field)
    if (!known)
      throw opmError(
        'BAD_REQUEST',
        'PATTERN_NOT_MATCHED',
        `'${field}' is not an inventory field; use one of ${HARDWARE_FIELDS.join(', ')}.`,
      )
    if (typeof value !== 'string' || value.length > 250)
      throw opmError('BAD_REQUEST', 'DATATYPE_NOT_MATCHED', `The inventory field '${field}' must be a string of at most 250 characters.`)
    out[known] = value
  }
  if (!Object.keys(out).length) throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', "The parameter 'values' names no field.")
  return out
}

/** The device custom fields (UDF1 …) the vendor's getDeviceNotes lists. */
const DEVICE_FIELDS = [
  { alias: 'UDF1', name: 'SerialNumber', description: 'Serial Number of the device', length: 100 },
  { alias: 'UDF2', name: 'Building', description: 'Building where the device is present', length: 100 },
  { alias: 'UDF3', name: 'Floor', description: 'Floor where the device is located', length: 100 },
  { alias: 'UDF4', name: 'Cabinet', description: 'Cabinet where the device is located', length: 100 },
  { alias: 'UDF5', name: 'Department', description: 'Department for which the device services', length: 100 },
  { alias: 'UDF6', name: 'Contact Name', description: 'Contact person for the device', length: 100 },
  { alias: 'UDF7', name: 'Telephone Number', description: 'Contact number for this device', length: 100 },
  { alias: 'UDF8', name: 'Comments', description: 'Comments about the device', length: 800 },
] as const

const getDeviceNotes = operation('getDeviceNotes', ({ store }, _caller, params) => {
  const device = store.devices.get(params.required('name'))
  return ok(
    DEVICE_FIELDS.map((field) => ({
      FIELDNAME: field.name,
      ALIASNAME: field.alias,
      DESCRIPTION: field.description,
      DATATYPE: 'Text',
      FIELDLENGTH: field.length,
      ISEDITABLE: true,
      FIELDVALUE: Object.hasOwn(device.notes, field.alias) ? device.notes[field.alias]! : '',
    })),
  )
})

const setManaged = operation(
  'setManaged',
  async ({ store }, _caller, params) => {
    // `type=INTERFACE` (with `isInterface=true`, the vendor's belt and braces) manages an interface; URL monitors are not modelled.
    const type = params.oneOf('type', ['DEVICE', 'INTERFACE'] as const) ?? 'DEVICE'
    const isInterface = params.oneOf('isInterface', ['true', 'false'] as const)
    const name = params.required('name')
    const manage = params.oneOf('manage', ['true', 'false'] as const)
    if (manage === undefined)
      throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', "The parameter 'manage' is mandatory and was not sent.")
    if (type === 'INTERFACE' && isInterface !== 'false') {
      await store.interfaces.setManaged(store.interfaces.get(name), manage === 'true')
      return result(manage === 'true' ? 'Interface is being managed.' : 'Interface is being unmanaged.')
    }
    await store.devices.setManaged(store.devices.get(name), manage === 'true')
    return result(manage === 'true' ? 'Device is being managed.' : 'Device is being unmanaged.')
  },
  { adminOnly: true },
)

const deleteDevice = operation(
  'deleteDevice',
  async ({ store }, _caller, params) => {
    await store.deleteDevice(store.devices.get(params.required('name')))
    return result('Device deleted successfully.')
  },
  { adminOnly: true },
)

/** The category names OpManager knows (key → display name), from the vendor's sample. */
const CATEGORIES: ReadonlyArray<[string, string]> = [
  ['Router', 'Router'],
  ['Switch', 'Switch'],
  ['Firewall', 'Firewall'],
  ['Server', 'Server'],
  ['Desktop', 'Desktop'],
  ['Printer', 'Printer'],
  ['UPS', 'UPS'],
  ['Storage', 'Storage'],
  ['Wireless', 'Wireless'],
  ['WirelessAccessPoint', 'Wireless Access Point'],
  ['WirelessLANController', 'Wireless LAN Controller'],
  ['LoadBalancer', 'Load Balancer'],
  ['DomainController', 'DomainController'],
  ['Virtual Device', 'Virtual Device'],
  ['PDU', 'PDU'],
  ['IoT', 'IoT'],
  ['RAID', 'RAID'],
  ['TapeLibrary', 'TapeLibrary'],
  ['FCSwitch', 'FCSwitch'],
  ['UCS', 'UCS'],
  ['IPMI', 'IPMI'],
  ['SDN', 'SDN'],
  ['WANAccelerator', 'WAN Accelerator'],
  ['MerakiController', 'Meraki Controller'],
  ['MerakiSwitch', 'Meraki Switch'],
  ['MerakiRadio', 'Meraki Radio'],
  ['MerakiSecurity', 'Meraki Security'],
  ['MerakiVision', 'Meraki Vision'],
  ['MerakiCellularGateway', 'Meraki Cellular Gateway'],
  ['Unknown', 'Unknown'],
]

const getCategoryList = operation('getCategoryList', () => ok(Object.fromEntries(CATEGORIES)))

const getDeviceSummary = operation('getDeviceSummary', ({ store, clock }, _caller, params) => {
  const device = store.devices.get(params.required('name'))
  const now = clock.now()
  const status = store.deviceStatus(device)
  const monitors = store.monitors.ofDevice(device.deviceName)
  const day = store.availability(device, now - 86_400_000, now)
  const percent = (ms: number) => (day.total ? Math.round((ms / day.total) * 10_000) / 100 : 0)
  return ok({
    deviceName: device.deviceName,
    displayName: device.displayName,
    ipaddress: device.ipaddress,
    category: device.category,
    statusStr: statusName(status),
    statusNum: String(status) as DeviceStatusNum,
    dials: monitors
      .map((monitor) => ({ monitor, template: store.monitors.templateOf(monitor) }))
      .filter(({ template }) => template.unit === 'Percentage' && template.instances.length === 1)
      .map(({ monitor, template }) => ({
        name: template.policyName,
        displayName: template.displayName,
        value: store.monitors.last(monitor, now).values[0]!.value,
        unit: '%',
      })),
    availability: { Up: percent(day.up), Down: percent(day.down) },
    activeAlarms: store.activeAlarmsOf([device.deviceName]).length,
    interfaceCount: store.interfaces.ofDevice(device.deviceName).length,
    monitorCount: monitors.length,
  })
})

export const DEVICE_OPERATIONS = [
  listDevices,
  listDevicesV2,
  getDeviceSummary,
  getDeviceInfo,
  setDeviceInfo,
  getDeviceNotes,
  setManaged,
  deleteDevice,
  getCategoryList,
]
