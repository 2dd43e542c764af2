import { opmError } from '../errors'
import { severityName } from '../format'
import type { SeverityNumber } from '../spec-types'
import type { DeviceRecord } from '../resources/devices'
import { subnetContains } from '../resources/settings'
import type { OpmanagerStore } from '../store'
import { ok, operation, result } from './operation'

/** The listSubnets key of a discovered device's /24, like the vendor's `<network>.<probe id>`. */
export function discoveredSubnetKey(store: OpmanagerStore, device: DeviceRecord): string | undefined {
  if (!device.ipaddress) return undefined
  return `${device.ipaddress.replace(/\.\d+$/, '.0')}.${store.probes.find(device.probe)?.probeID ?? '0'}`
}

const statusData = (counts: Map<number, number>) =>
  [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([status, count]) => ({
      Status: String(status),
      Label: status === 7 ? 'UnManaged' : severityName(status as SeverityNumber),
      Count: String(count),
    }))

/** The /24 of every discovered device, then the subnets added to IPAM with the devices inside them. */
const listSubnets = operation('listSubnets', ({ store }) => {
  const subnets = new Map<string, { displayName: string; site: string; counts: Map<number, number> }>()
  const probeIdOf = (device: DeviceRecord) => store.probes.find(device.probe)?.probeID ?? '0'
  for (const device of store.devices.all()) {
    const key = discoveredSubnetKey(store, device)
    if (key === undefined) continue
    const entry = subnets.get(key) ?? {
      displayName: device.ipaddress.replace(/\.\d+$/, '.0'),
      site: device.site,
      counts: new Map<number, number>(),
    }
    const status = store.deviceStatus(device)
    entry.counts.set(status, (entry.counts.get(status) ?? 0) + 1)
    subnets.set(key, entry)
  }
  for (const subnet of store.settings.subnets.all()) {
    const counts = new Map<number, number>()
    for (const device of store.devices.all())
      if (probeIdOf(device) === subnet.probeId && subnetContains(subnet, device.ipaddress)) {
        const status = store.deviceStatus(device)
        counts.set(status, (counts.get(status) ?? 0) + 1)
      }
    subnets.set(`${subnet.network}.${subnet.probeId}`, {
      displayName: subnet.network,
      site: subnet.description || `${subnet.network}/${subnet.prefix}`,
      counts,
    })
  }
  return ok(
    Object.fromEntries(
      [...subnets].map(([key, entry]) => [
        key,
        { displayName: entry.displayName, subnetDisplayName: entry.site, data: statusData(entry.counts) },
      ]),
    ),
  )
})

const listCredentials = operation(
  'listCredentials',
  ({ store }) =>
    ok(
      store.settings.credentials.all().map((credential) => ({
        credentialName: credential.name,
        credentialType: credential.type,
        description: credential.description,
        credentialID: credential.id,
      })),
    ),
  { adminOnly: true },
)

const addDomain = operation(
  'addDomain',
  async ({ store }, _caller, params) => {
    const name = params.required('domainName', { maxLength: 250 })
    if (!/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(name))
      throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', "The parameter 'domainName' must be a DNS domain such as corp.example.net.")
    await store.settings.addDomain({ name, domainController: params.required('domainController', { maxLength: 250 }) })
    return result('Domain has been successfully added.')
  },
  { adminOnly: true },
)

const deleteDomain = operation(
  'deleteDomain',
  ({ store }, _caller, params) => {
    store.settings.domains.delete(store.settings.domain(params.required('domainName')).id)
    return result('Domain has been successfully deleted.')
  },
  { adminOnly: true },
)

/**
 * The SNMP trap processors OpManager ships for the standard traps (RFC 3418 / RFC 2863 OIDs), which the seeded
 * routers and switches send. Keys follow the product's form; the vendor publishes no sample (decisions/087).
 */
const TRAP_PROCESSORS = (
  [
    {
      trapName: 'Cold Start',
      trapOID: '.1.3.6.1.6.3.1.1.5.1',
      genericType: '0',
      severity: 'Attention',
      message: 'Device $sysName restarted (cold start)',
      description: 'The agent is reinitialising and its configuration may have changed',
    },
    {
      trapName: 'Warm Start',
      trapOID: '.1.3.6.1.6.3.1.1.5.2',
      genericType: '1',
      severity: 'Attention',
      message: 'Device $sysName restarted (warm start)',
      description: 'The agent is reinitialising and its configuration is unchanged',
    },
    {
      trapName: 'Link Down',
      trapOID: '.1.3.6.1.6.3.1.1.5.3',
      genericType: '2',
      severity: 'Critical',
      message: 'Interface $ifDescr is down',
      description: 'A communication link has failed',
    },
    {
      trapName: 'Link Up',
      trapOID: '.1.3.6.1.6.3.1.1.5.4',
      genericType: '3',
      severity: 'Clear',
      message: 'Interface $ifDescr is up',
      description: 'A communication link has come up',
    },
    {
      trapName: 'Authentication Failure',
      trapOID: '.1.3.6.1.6.3.1.1.5.5',
      genericType: '4',
      severity: 'Trouble',
      message: 'SNMP authentication failure on $sysName',
      description: 'A request carried a wrong community or credentials',
    },
  ] as const
).map((processor) => ({ ...processor, snmpVersion: 'v2c', specificType: '0', status: 'Enabled' }) as const)

const listTrapProcessors = operation('listTrapProcessors', () => ok(TRAP_PROCESSORS.map((processor) => ({ ...processor }))), {
  module: 'Alarms',
})

/** Device templates: the category, vendor and type of every kind of device the network has. */
const listDeviceTemplates = operation(
  'listDeviceTemplates',
  ({ store }) => {
    const templates = new Map<string, { category: string; vendor: string; count: number }>()
    for (const device of store.devices.all()) {
      const entry = templates.get(device.type) ?? { category: device.category, vendor: device.vendorName, count: 0 }
      entry.count++
      templates.set(device.type, entry)
    }
    return ok(
      [...templates]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([type, entry], index) => ({
          templateId: String(index + 1),
          deviceType: type,
          category: entry.category,
          vendor: entry.vendor,
          deviceCount: String(entry.count),
        })),
    )
  },
  { adminOnly: true },
)

export const SETTINGS_OPERATIONS = [listSubnets, listCredentials, addDomain, deleteDomain, listDeviceTemplates, listTrapProcessors]
