import { opmError } from '../errors'
import type { Params } from '../params'
import { statusName } from '../format'
import { Interfaces, type InterfaceRecord } from '../resources/interfaces'
import type { OpmanagerStore } from '../store'
import { ok, operation } from './operation'
import { compareValues, paging } from './devices'
import { currentSample, INTERFACE_REPORT_OPERATIONS } from './interface-reports'

/** `1 G`, `100 M` (getInterfaces) and `1 Gbps` (listInterfaces). */
function speed(bps: number, unit: '' | 'bps'): string {
  const [value, prefix] = bps >= 1e9 ? [bps / 1e9, 'G'] : bps >= 1e6 ? [bps / 1e6, 'M'] : [bps / 1e3, 'K']
  return `${value} ${prefix}${unit}`
}

/** Inbound and outbound utilisation (%) at the last poll: the same series the interface graphs show. */
function utilisation(store: OpmanagerStore, record: InterfaceRecord, now: number): { rx: number; tx: number } {
  const { rx, tx } = currentSample(store, record, now)
  return { rx, tx }
}

function traffic(bps: number, percent: number): string {
  const value = (bps * percent) / 100
  return `${value >= 1e6 ? `${(value / 1e6).toFixed(3)} M` : `${(value / 1e3).toFixed(3)} K`} (${percent.toFixed(1)}%)`
}

const getInterfaces = operation('getInterfaces', ({ store, clock }, _caller, params) => {
  const device = store.devices.get(params.required('name'))
  const now = clock.now()
  const interfaces = store.interfaces.ofDevice(device.deviceName).map((record) => {
    const status = store.interfaceStatus(record)
    const operUp = record.adminUp && status !== 1
    const use = utilisation(store, record, now)
    const displayName = `${record.ifDescr}-${record.ifName}`
    return {
      name: Interfaces.nameOf(record),
      displayName,
      trimmedDispName: displayName.length > 27 ? `${displayName.slice(0, 24)}...` : displayName,
      moid: String(record.moid),
      ifIndex: String(record.ifIndex),
      ifIndexNum: record.ifIndex,
      ifType: record.ifType,
      type: 'Interface',
      ifAdminStatus: record.adminUp ? '1' : '2',
      ifOperStatus: operUp ? '1' : '2',
      statusStr: statusName(status),
      statusString: statusName(status),
      statusNum: String(status),
      status: String(status),
      inSpeed: speed(record.speedBps, ''),
      outSpeed: speed(record.speedBps, ''),
      inTraffic: traffic(record.speedBps, use.rx),
      outTraffic: traffic(record.speedBps, use.tx),
      errors: '0',
      nfEnabled: 'false',
      isSubInterface: 'false',
      RouterPortType: '',
      bgColor: status === 5 ? '00ff00' : 'ff0000',
      imagePath: '/apiclient/ember/images/intfTypes/ifType6.gif',
    }
  })
  return ok({
    interfaces,
    interfaceCount: String(interfaces.length),
    downCount: String(interfaces.filter((item) => item.ifOperStatus === '2').length),
  })
})

/** listInterfaces' sort columns (the vendor's list), each read from a row. */
const INTERFACE_SORT_COLUMNS = [
  'displayName',
  'interfaceDisplayName',
  'deviceName',
  'ipaddress',
  'inSpeed',
  'outSpeed',
  'statusNum',
  'severity',
] as const
type InterfaceRow = {
  displayName: string
  interfaceDisplayName: string
  deviceName: string
  ipAddress: string
  statusNum: number
  speedBps: number
}
const SORT_KEY: Record<(typeof INTERFACE_SORT_COLUMNS)[number], (row: InterfaceRow) => string | number> = {
  displayName: (row) => row.displayName,
  interfaceDisplayName: (row) => row.interfaceDisplayName,
  deviceName: (row) => row.deviceName,
  ipaddress: (row) => row.ipAddress,
  inSpeed: (row) => row.speedBps,
  outSpeed: (row) => row.speedBps,
  statusNum: (row) => row.statusNum,
  severity: (row) => row.statusNum,
}

const INTERFACE_PROPS = ['ifName', 'moid', 'physAddress'] as const

/** listInterfaces' `intfProps`: the extra properties a client asks for, comma separated. */
function interfaceProps(params: Params): Set<(typeof INTERFACE_PROPS)[number]> {
  const asked = (params.optional('intfProps', { maxLength: 200 }) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
  const unknown = asked.find((item) => !(INTERFACE_PROPS as readonly string[]).includes(item))
  if (unknown !== undefined)
    throw opmError(
      'BAD_REQUEST',
      'PATTERN_NOT_MATCHED',
      `The parameter 'intfProps' holds '${unknown}'; it can name ${INTERFACE_PROPS.join(', ')}.`,
    )
  return new Set(asked as Array<(typeof INTERFACE_PROPS)[number]>)
}

/** An interface's MAC: its device's, with the last byte set from the ifIndex (stable, distinct per port). */
function physAddressOf(store: OpmanagerStore, record: InterfaceRecord): string {
  const mac = store.devices.find(record.deviceName)?.hardware.MACAddress || '00:00:00:00:00:00'
  return `${mac.slice(0, 15)}${(record.ifIndex % 256).toString(16).padStart(2, '0')}`
}

const listInterfaces = operation('listInterfaces', ({ store }, _caller, params) => {
  const deviceName = params.optional('deviceName')
  const status = params.oneOf('status', ['Up', 'Down'] as const)
  const severities = params.integerList('severity', [1, 2, 3, 4, 5, 7] as const)
  const type = params.optional('type')
  const { page = 1, rows = 25 } = paging(params)
  const column = params.oneOf('sortByColumn', INTERFACE_SORT_COLUMNS)
  const extra = interfaceProps(params)
  const direction = params.oneOf('sortByType', ['asc', 'desc'] as const) === 'desc' ? -1 : 1
  const device = deviceName === undefined ? undefined : store.devices.find(deviceName)
  const matched =
    deviceName !== undefined && !device
      ? []
      : store.interfaces
          .all()
          .filter((record) => (!device || record.deviceName === device.deviceName) && (type === undefined || record.ifType === type))
          .map((record) => {
            const severity = store.interfaceStatus(record)
            const operUp = record.adminUp && severity !== 1
            return {
              id: record.id,
              interfaceName: Interfaces.nameOf(record),
              interfaceDisplayName: `${record.ifDescr}-${record.ifName}`,
              deviceName: record.deviceName,
              displayName: store.devices.find(record.deviceName)?.displayName ?? record.deviceName,
              ipAddress: record.ipAddress,
              type: record.ifType,
              inSpeed: speed(record.speedBps, 'bps'),
              outSpeed: speed(record.speedBps, 'bps'),
              statusStr: statusName(severity),
              statusNum: severity,
              interfaceStatus: severity,
              adminStatus: record.adminUp ? 'Up' : 'Down',
              operStatus: operUp ? 'Up' : 'Down',
              ...(extra.has('ifName') && { ifName: record.ifName }),
              ...(extra.has('moid') && { moid: String(record.moid) }),
              ...(extra.has('physAddress') && { physAddress: physAddressOf(store, record) }),
            }
          })
          .filter(
            (row) => (status === undefined || row.operStatus === status) && (severities === undefined || severities.has(row.statusNum)),
          )
  // Without sortByColumn the vendor's order (as discovered) stays; ties keep it too.
  if (column) {
    const key = SORT_KEY[column]
    const speedOf = new Map(store.interfaces.all().map((record) => [record.id, record.speedBps]))
    const keyOf = (row: (typeof matched)[number]) => key({ ...row, speedBps: speedOf.get(row.id) ?? 0 })
    matched.sort((a, b) => direction * compareValues(keyOf(a), keyOf(b)) || compareValues(Number(a.id), Number(b.id)))
  }
  // The vendor sends listInterfaces' paging counts as strings (decisions/081).
  return ok({
    total: String(Math.ceil(matched.length / rows)),
    page: String(page),
    records: String(matched.length),
    rows: matched.slice((page - 1) * rows, page * rows),
  })
})

export const INTERFACE_OPERATIONS = [getInterfaces, listInterfaces, ...INTERFACE_REPORT_OPERATIONS]
