import { opmError } from '../errors'
import { deviceDetailsHead } from './device-rows'
import { ok, operation } from './operation'

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/
const HOST = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/

export function matching(name: string, value: string | undefined, pattern: RegExp, what: string): void {
  if (value !== undefined && !pattern.test(value))
    throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `The parameter '${name}' must be ${what}.`)
}

const addDevice = operation(
  'addDevice',
  async ({ store, clock }, _caller, params) => {
    const deviceName = params.required('deviceName', { maxLength: 250 })
    if (!IPV4.test(deviceName) && !HOST.test(deviceName))
      throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', "The parameter 'deviceName' must be an IPv4 address or a host name.")
    const credentialName = params.required('credentialName', { maxLength: 100 })
    matching('netmask', params.optional('netmask'), IPV4, 'a dotted network mask such as 255.255.255.0')
    store.settings.credential(credentialName)
    const ip = IPV4.test(deviceName) ? deviceName : ''
    const device = await store.devices.insert({
      moid: store.devices.nextMoid(),
      deviceName,
      displayName: deviceName,
      ipaddress: ip,
      dnsName: deviceName,
      category: 'Unknown',
      type: 'Unknown',
      vendorName: 'Unknown',
      isSNMP: false,
      isNew: true,
      addedAt: clock.now(),
      site: store.probes.all()[0]?.site ?? '',
      probe: store.probes.all()[0]?.name ?? '',
      managed: true,
      sysDescr: '',
      location: '',
      contact: '',
      pollInterval: 10,
      hardware: {
        OperatingSystem: '',
        MACAddress: '',
        SoftwareVersion: '',
        SerialNumber: '',
        ServiceTag: '',
        Model: '',
        Manufacturer: '',
        HDD: '',
        RAM: '',
      },
      notes: {},
    })
    await store.monitors.associate(device.deviceName, 'ResponseTime')
    return ok({
      device: { deviceName: device.deviceName, deviceIp: ip || deviceName, moid: device.moid, message: 'Device added successfully.' },
    })
  },
  { adminOnly: true },
)

/** Managed devices with an uncleared DEVICE-DOWN alarm, in the vendor's `{"DownDevices":{"Details":[…]}}`. */
const getDownDevices = operation('getDownDevices', ({ store }) =>
  ok({
    DownDevices: {
      Details: store.devices
        .all()
        .filter(
          (device) =>
            device.managed &&
            store.alarms.ofDevice(device.deviceName).some((alarm) => alarm.alarmcode === 'DEVICE-DOWN' && alarm.severity !== 5),
        )
        .map((device) => ({ name: device.deviceName, displayName: device.displayName, type: device.type, category: device.category })),
    },
  }),
)

const getInfrastructureDetailsView = operation('getInfrastructureDetailsView', ({ store, clock }, _caller, params) => {
  const category = params.required('categoryName')
  const now = clock.now()
  const rows = store.devices
    .all()
    .filter((device) => device.category === category)
    .map((device) => {
      const lastOf = (suffix: string) => store.monitors.lastValueOf(device.deviceName, suffix, now)
      return {
        ...deviceDetailsHead(store, device),
        intfCount: String(store.interfaces.ofDevice(device.deviceName).length),
        monitors: {
          CPUUtilization: lastOf('CPUUtilization'),
          MemoryUtilization: lastOf('MemoryUtilization'),
          DiskUtilization: lastOf('DiskUtilization'),
        },
      }
    })
  return ok({ InfrastructureDetailsView: { Details: rows, TotalRecords: String(rows.length) } })
})

export const DISCOVERY_OPERATIONS = [addDevice, getDownDevices, getInfrastructureDetailsView]
