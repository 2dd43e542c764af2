import { seededRandom } from '../core/random'
import { keyFromInput } from './keys'
import type { OpmanagerStore } from './store'
import { NETWORK_CATEGORIES } from './resources/devices'
import type { AlertType, ApiKeyCreate, ModuleAccess, SeverityNumber } from './spec-types'

/**
 * The default OpManager world: three sites (London HQ, Frankfurt DC, Austin Branch), each with its
 * Enterprise probe; 50 devices of a dozen categories (VMware hosts among them) with interfaces and
 * monitors; 60 alarms across severities and alert types raised by events within the last week of the
 * mock clock (a fifth cleared again); business views, logical groups, downtime schedules; three users
 * and their keys. The same seed number always
 * yields the same world.
 */
export interface SeededKey {
  userName: string
  value: string
  description: string
}

/** The captured real clients used this key; seeding it lets them run unmodified against `npm start`. */
export const ADMIN_API_KEY = 'test-api-key-0123456789abcdef'
export const OPERATOR_API_KEY = 'test-operator-key-0123456789abcdef'
export const HELPDESK_API_KEY = 'test-helpdesk-key-0123456789abcdef'

export const SEEDED_KEYS: readonly SeededKey[] = [
  { userName: 'admin', value: ADMIN_API_KEY, description: 'Administrators, All access' },
  { userName: 'operator', value: OPERATOR_API_KEY, description: 'Operators, Module access: Read on Alarms, Events, Inventory, Discovery' },
  {
    userName: 'helpdesk',
    value: HELPDESK_API_KEY,
    description: "Operators, All access, but the user's REST API access is off (a new user)",
  },
]

const OPERATOR_MODULES: ModuleAccess = {
  Alarms: 'Read',
  Events: 'Read',
  Inventory: 'Read',
  Discovery: 'Read',
  UserManagement: 'NoAccess',
}

export interface OpmanagerSeedOptions {
  /** Seed number for the generated alarms; the same number gives the same world. */
  seed?: number
  /** Replaces the admin's full-access key value. */
  adminKey?: string
  /** Extra keys created after the seeded ones (control API `ApiKeyCreate` shape). */
  keys?: readonly ApiKeyCreate[]
}

// displayName, ip, category, type, vendor, location; the site comes from the address (SITES)
const DEVICES: Array<[string, string, string, string, string, string]> = [
  ['core-rtr-01', '10.10.0.1', 'Router', 'Cisco 2900 IS Series', 'Cisco', 'LON Rack 1'],
  ['core-rtr-02', '10.10.0.2', 'Router', 'Cisco 2900 IS Series', 'Cisco', 'LON Rack 1'],
  ['wan-rtr-01', '10.10.0.3', 'Router', 'Juniper MX204', 'Juniper', 'LON Rack 2'],
  ['core-sw-01', '10.10.1.1', 'Switch', 'Cisco Catalyst 9300', 'Cisco', 'LON Rack 3'],
  ['core-sw-02', '10.10.1.2', 'Switch', 'Cisco Catalyst 9300', 'Cisco', 'LON Rack 3'],
  ['access-sw-01', '10.10.1.11', 'Switch', 'HP ProCurve 2920', 'HP', 'LON Floor 1'],
  ['access-sw-02', '10.10.1.12', 'Switch', 'HP ProCurve 2920', 'HP', 'LON Floor 2'],
  ['access-sw-03', '10.10.1.13', 'Switch', 'Juniper EX2300', 'Juniper', 'LON Floor 3'],
  ['edge-fw-01', '10.10.2.1', 'Firewall', 'Fortinet FortiGate 100F', 'Fortinet', 'LON Rack 2'],
  ['edge-fw-02', '10.20.2.2', 'Firewall', 'Palo Alto PA-3220', 'Palo Alto Networks', 'FRA Rack 1'],
  ['wlc-01', '10.10.3.1', 'Wireless', 'Cisco 5520 Wireless Controller', 'Cisco', 'LON Rack 4'],
  ['ap-floor1', '10.10.3.21', 'Wireless', 'Aruba AP-515', 'Aruba', 'LON Floor 1'],
  ['lb-01', '10.20.4.1', 'Load Balancer', 'F5 BIG-IP i4800', 'F5', 'FRA Rack 4'],
  ['web-01', '10.20.0.11', 'Server', 'Linux', 'Dell', 'FRA Rack 5'],
  ['web-02', '10.20.0.12', 'Server', 'Linux', 'Dell', 'FRA Rack 5'],
  ['app-01', '10.20.0.21', 'Server', 'Linux', 'HPE', 'FRA Rack 6'],
  ['app-02', '10.20.0.22', 'Server', 'Linux', 'HPE', 'FRA Rack 6'],
  ['db-01', '10.20.0.31', 'Server', 'Linux', 'Dell', 'FRA Rack 7'],
  ['db-02', '10.20.0.32', 'Server', 'Linux', 'Dell', 'FRA Rack 7'],
  ['dc-01', '10.10.5.10', 'Server', 'Windows 2019', 'Microsoft', 'LON Rack 8'],
  ['exch-01', '10.10.5.20', 'Server', 'Windows 2019', 'Microsoft', 'LON Rack 8'],
  ['file-01', '10.20.1.30', 'Server', 'Windows 2022', 'Microsoft', 'FRA Rack 2'],
  ['esx-01', '10.30.0.11', 'Virtual Device', 'VMware ESXi 8.0', 'VMware', 'FRA Rack 9'],
  ['esx-02', '10.30.0.12', 'Virtual Device', 'VMware ESXi 8.0', 'VMware', 'FRA Rack 9'],
  ['hyperv-01', '10.30.0.21', 'Virtual Device', 'Hyper-V Server 2019', 'Microsoft', 'FRA Rack 3'],
  ['san-01', '10.40.0.10', 'Storage', 'NetApp FAS2750', 'NetApp', 'FRA Rack 10'],
  ['ups-01', '10.10.6.10', 'UPS', 'APC Smart-UPS SRT', 'APC', 'LON Rack 1'],
  ['printer-hq', '10.10.7.40', 'Printer', 'HP LaserJet M507', 'HP', 'LON Floor 2'],
  ['desk-fin-01', '10.10.8.101', 'Desktop', 'Windows 11', 'Lenovo', 'LON Floor 2'],
  ['desk-eng-01', '10.10.8.102', 'Desktop', 'Windows 11', 'Dell', 'LON Floor 3'],
  ['esx-03', '10.30.0.13', 'Virtual Device', 'VMware ESXi 8.0', 'VMware', 'FRA Rack 9'],
  ['vcenter-01', '10.30.0.5', 'Server', 'Linux', 'VMware', 'FRA Rack 9'],
  ['dist-sw-fra-01', '10.20.1.1', 'Switch', 'Arista 7050X', 'Arista', 'FRA Rack 3'],
  ['dist-sw-fra-02', '10.20.1.2', 'Switch', 'Arista 7050X', 'Arista', 'FRA Rack 3'],
  ['fra-rtr-01', '10.20.0.1', 'Router', 'Cisco ASR 1001-X', 'Cisco', 'FRA Rack 1'],
  ['mon-01', '10.20.0.41', 'Server', 'Linux', 'Dell', 'FRA Rack 7'],
  ['ntnx-01', '10.30.0.31', 'Virtual Device', 'Nutanix AHV', 'Nutanix', 'FRA Rack 11'],
  ['pdu-fra-01', '10.20.6.11', 'PDU', 'APC AP8853', 'APC', 'FRA Rack 5'],
  ['ups-fra-01', '10.20.6.10', 'UPS', 'APC Smart-UPS SRT', 'APC', 'FRA Rack 1'],
  ['aus-rtr-01', '10.70.0.1', 'Router', 'Cisco ISR 4331', 'Cisco', 'AUS Comms Room'],
  ['aus-fw-01', '10.70.0.2', 'Firewall', 'Fortinet FortiGate 60F', 'Fortinet', 'AUS Comms Room'],
  ['aus-sw-01', '10.70.1.1', 'Switch', 'Cisco Catalyst 9200', 'Cisco', 'AUS Comms Room'],
  ['aus-ap-01', '10.70.3.21', 'Wireless', 'Aruba AP-515', 'Aruba', 'AUS Open Plan'],
  ['aus-file-01', '10.70.5.30', 'Server', 'Windows 2022', 'Microsoft', 'AUS Comms Room'],
  ['aus-printer-01', '10.70.7.40', 'Printer', 'Brother HL-L6400DW', 'Brother', 'AUS Open Plan'],
  ['desk-aus-01', '10.70.8.101', 'Desktop', 'Windows 11', 'HP', 'AUS Open Plan'],
  ['desk-aus-02', '10.70.8.102', 'Desktop', 'Windows 11', 'HP', 'AUS Open Plan'],
  ['desk-ops-01', '10.10.8.103', 'Desktop', 'Windows 11', 'Lenovo', 'LON Floor 1'],
  ['ups-aus-01', '10.70.6.10', 'UPS', 'APC Back-UPS Pro', 'APC', 'AUS Comms Room'],
  ['lb-02', '10.20.4.2', 'Load Balancer', 'F5 BIG-IP i4800', 'F5', 'FRA Rack 4'],
]

/** Sites by address prefix, each watched by its own Enterprise probe. */
const SITES: ReadonlyArray<{ prefix: string; site: string; probe: string; ip: string; lastContactMinutes: number }> = [
  { prefix: '10.10.', site: 'London HQ', probe: 'London-Probe', ip: '10.10.9.5', lastContactMinutes: 1 },
  { prefix: '10.70.', site: 'Austin Branch', probe: 'Austin-Probe', ip: '10.70.9.5', lastContactMinutes: 3 },
  { prefix: '10.', site: 'Frankfurt DC', probe: 'Frankfurt-Probe', ip: '10.20.9.5', lastContactMinutes: 2 },
]

const WINDOWS = /Windows/

/** The monitors a device of a category and type gets. */
function policiesFor(category: string, type: string): string[] {
  if (WINDOWS.test(type)) {
    return category === 'Server'
      ? ['WMI-CPUUtilization', 'WMI-MemoryUtilization', 'WMI-PartitionDetails', 'ResponseTime', 'PacketLoss']
      : ['WMI-CPUUtilization', 'WMI-MemoryUtilization', 'ResponseTime']
  }
  if (NETWORK_CATEGORIES.has(category)) return ['SNMP-CPUUtilization', 'SNMP-MemoryUtilization', 'ResponseTime', 'PacketLoss']
  if (category === 'Server' || category === 'Virtual Device' || category === 'Storage')
    return ['SNMP-CPUUtilization', 'SNMP-MemoryUtilization', 'SNMP-DiskUtilization', 'ResponseTime']
  return ['ResponseTime']
}

// alarmcode, alertType, eventType, severity, message template ({name} = device display name), which devices qualify
const ALARM_KINDS: Array<{
  code: string
  alertType: AlertType
  eventType: string
  severity: SeverityNumber
  message: string
  fits: (category: string, type: string) => boolean
}> = [
  {
    code: 'CPUUSAGE',
    alertType: 'Server',
    eventType: 'Threshold Down',
    severity: 3,
    message: 'CPU Utilization is {value}%, threshold value for this monitor is 80%',
    fits: (c) => !NETWORK_CATEGORIES.has(c),
  },
  {
    code: 'MEMUSAGE',
    alertType: 'Server',
    eventType: 'Threshold Down',
    severity: 2,
    message: 'Memory Utilization is {value}%, threshold value for this monitor is 85%',
    fits: (c) => !NETWORK_CATEGORIES.has(c),
  },
  {
    code: 'DISKUSAGE',
    alertType: 'StorageAlarms',
    eventType: 'Threshold Down',
    severity: 2,
    message: 'Disk Utilization of C: is {value}%, threshold value for this monitor is 90%',
    fits: (c) => c === 'Server' || c === 'Storage',
  },
  {
    code: 'DEVICE-DOWN',
    alertType: 'Network',
    eventType: 'Device Down',
    severity: 1,
    message: 'Device {name} is down: no response to ping',
    fits: (c) => ['Desktop', 'Printer', 'Wireless', 'UPS', 'Switch'].includes(c),
  },
  {
    code: 'TRAP-LINKDOWN',
    alertType: 'TrapAlarms',
    eventType: 'SNMP Trap',
    severity: 2,
    message: 'SNMP trap linkDown received from {name}',
    fits: (c) => NETWORK_CATEGORIES.has(c),
  },
  {
    code: 'EVENTLOG-4625',
    alertType: 'EventLogAlarms',
    eventType: 'Event Log',
    severity: 3,
    message: 'An account failed to log on (event 4625) on {name}',
    fits: (_c, t) => WINDOWS.test(t),
  },
  {
    code: 'SYSLOG-AUTH',
    alertType: 'SyslogAlarms',
    eventType: 'Syslog',
    severity: 3,
    message: 'sshd: authentication failure on {name}',
    fits: (_c, t) => t === 'Linux',
  },
  {
    code: 'NCM-CONFIGCHANGE',
    alertType: 'NCMAlarms',
    eventType: 'Config Change',
    severity: 3,
    message: 'Running configuration of {name} changed',
    fits: (c) => NETWORK_CATEGORIES.has(c),
  },
  {
    code: 'NFA-BANDWIDTH',
    alertType: 'NFAAlarms',
    eventType: 'Flow Threshold',
    severity: 2,
    message: 'Inbound traffic on {name} exceeds 90% of the link speed',
    fits: (c) => c === 'Router' || c === 'Firewall',
  },
  {
    code: 'URL-DOWN',
    alertType: 'WebAlarms',
    eventType: 'URL Down',
    severity: 4,
    message: 'URL monitor https://{name}.example.com/health is down',
    fits: (c, t) => c === 'Server' && t === 'Linux',
  },
  {
    code: 'FWA-POLICY',
    alertType: 'FWAAlarms',
    eventType: 'Firewall Policy',
    severity: 3,
    message: 'Firewall policy deny count spiked on {name}',
    fits: (c) => c === 'Firewall',
  },
  {
    code: 'VM-CPUREADY',
    alertType: 'Virtualization',
    eventType: 'Threshold Down',
    severity: 2,
    message: 'CPU ready time on {name} is {value}%',
    fits: (c) => c === 'Virtual Device',
  },
  {
    code: 'APM-RESPONSE',
    alertType: 'APMAlarms',
    eventType: 'Application Down',
    severity: 4,
    message: 'Application response time on {name} is {value}00 ms',
    fits: (c, t) => c === 'Server' && WINDOWS.test(t),
  },
  {
    code: 'UPS-ONBATTERY',
    alertType: 'Server',
    eventType: 'UPS',
    severity: 1,
    message: '{name} is running on battery',
    fits: (c) => c === 'UPS',
  },
]

const HOUR = 3_600_000
const DAY = 24 * HOUR

export async function seedOpmanager(store: OpmanagerStore, options: OpmanagerSeedOptions = {}): Promise<void> {
  const random = seededRandom(options.seed ?? 8060)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const now = store.clock.now()
  store.monitors.seed = options.seed ?? 8060

  for (const site of SITES)
    await store.probes.insert({
      name: site.probe,
      site: site.site,
      ipAddress: site.ip,
      natName: `${site.probe.toLowerCase()}.example.net`,
      natPort: 8443,
      contactPerson: `${site.site} NOC`,
      contactEmail: `noc-${site.site.split(' ')[0]!.toLowerCase()}@example.com`,
      lastContactMinutes: site.lastContactMinutes,
      connected: true,
    })

  for (const [index, [displayName, ip, category, type, vendorName, location]] of DEVICES.entries()) {
    const site = SITES.find((item) => ip.startsWith(item.prefix))!
    const addedAt = now - (30 + Math.floor(random() * 600)) * DAY
    const serial = Math.floor(random() * 36 ** 8)
      .toString(36)
      .toUpperCase()
      .padStart(8, '0')
    const device = await store.devices.insert({
      moid: 1001 + index,
      deviceName: ip,
      displayName,
      ipaddress: ip,
      dnsName: `${displayName}.example.net`,
      category,
      type,
      vendorName,
      isSNMP: !WINDOWS.test(type),
      isNew: false,
      addedAt,
      site: site.site,
      probe: site.probe,
      managed: true,
      sysDescr: `${vendorName} ${type}`,
      location,
      contact: 'noc@example.com',
      pollInterval: NETWORK_CATEGORIES.has(category) ? 5 : 10,
      hardware: {
        OperatingSystem: WINDOWS.test(type) ? 'Windows' : NETWORK_CATEGORIES.has(category) ? `${vendorName} OS` : type,
        MACAddress: `00:50:56:${[index >> 8, index & 255, 1 + (index % 200)].map((byte) => byte.toString(16).padStart(2, '0')).join(':')}`,
        SoftwareVersion: `${1 + Math.floor(random() * 17)}.${Math.floor(random() * 10)}.${Math.floor(random() * 10)}`,
        SerialNumber: serial,
        ServiceTag: serial.slice(0, 7),
        Model: type,
        Manufacturer: vendorName,
        HDD: NETWORK_CATEGORIES.has(category) ? '0' : String(256 * 2 ** Math.floor(random() * 4)),
        RAM: String(4096 * 2 ** Math.floor(random() * 4)),
      },
      notes: { UDF1: serial, UDF2: site.site, UDF3: location, UDF6: `${site.site} NOC` },
    })
    const ports = NETWORK_CATEGORIES.has(category) ? 2 + Math.floor(random() * 3) : 0
    for (let port = 1; port <= ports; port++) {
      const firewall = category === 'Firewall'
      await store.interfaces.insert({
        deviceName: device.deviceName,
        ifIndex: port,
        ifDescr: firewall ? `port${port}` : `GigabitEthernet0/${port}`,
        ifName: firewall ? `port${port}` : `Gi0/${port}`,
        ifAlias: port === 1 ? 'Uplink' : `Access ${port}`,
        ifType: 'Ethernet',
        speedBps: port === 1 ? 10e9 : 1e9,
        ipAddress: port === 1 ? ip : '',
        adminUp: true,
        circuitId: port === 1 ? `CKT-${device.moid}` : '',
        notes: {},
      })
    }
    for (const policy of policiesFor(category, type)) await store.monitors.associate(device.deviceName, policy)
  }

  await seedAlarms(store, random, pick, now)
  await seedViewsGroupsAndSchedules(store, now)
  await seedVirtualInventory(store, random)
  await seedSettingsAndMonitors(store)
  await seedUsersAndKeys(store, options)
}

async function seedAlarms(store: OpmanagerStore, random: () => number, pick: <T>(items: readonly T[]) => T, now: number): Promise<void> {
  const devices = store.devices.all()
  const raise = async (
    deviceIndex: number,
    entity: string,
    kind: (typeof ALARM_KINDS)[number] | undefined,
    fields: {
      code: string
      alertType: AlertType
      eventType: string
      severity: SeverityNumber
      message: string
    },
    ageHours: number,
    cleared: boolean,
    who?: string,
  ) => {
    void kind
    const device = devices[deviceIndex]!
    const at = now - Math.round(ageHours * HOUR)
    const event = { source: device.deviceName, alarmCode: fields.code, entity, eventType: fields.eventType, message: fields.message }
    await store.addEvent({ ...event, severity: fields.severity }, at, { alertType: fields.alertType, who })
    if (cleared) {
      const clearedAt = at + Math.round(random() * Math.min(ageHours * HOUR, 4 * HOUR))
      await store.addEvent({ ...event, severity: 5, message: `${fields.message.split(':')[0]} is back to normal` }, clearedAt)
    }
  }

  // Interface alarms first: the captured client acknowledges entity IF-1, core-rtr-01's first port.
  const ifDown = { code: 'IF-DOWN', alertType: 'Network' as const, eventType: 'Interface Down', severity: 1 as const }
  await raise(0, 'IF-1', undefined, { ...ifDown, message: 'Interface GigabitEthernet0/1 is down' }, 0.5, false)
  const coreSwitchPort = store.interfaces.ofDevice(devices[3]!.deviceName).find((item) => item.ifIndex === 2)!
  await raise(
    3,
    `IF-${coreSwitchPort.id}`,
    undefined,
    {
      code: 'IF-UTIL',
      alertType: 'Network',
      eventType: 'Threshold Down',
      severity: 3,
      message: 'Interface GigabitEthernet0/2 utilization is 87%',
    },
    5,
    false,
  )

  const used = new Set<string>()
  while (store.alarms.table.size < 60) {
    const deviceIndex = Math.floor(random() * devices.length)
    const device = devices[deviceIndex]!
    const kind = pick(ALARM_KINDS.filter((item) => item.fits(device.category, device.type)))
    const entity = `${device.moid}_${kind.code}`
    if (used.has(entity)) continue
    used.add(entity)
    const roll = random()
    // About a fifth are already cleared and a fifth acknowledged, as on a real console.
    const message = kind.message.replace('{name}', device.displayName).replace('{value}', String(80 + Math.floor(random() * 20)))
    await raise(deviceIndex, entity, kind, { ...kind, message }, random() * 7 * 24, roll < 0.2, roll > 0.8 ? 'admin' : undefined)
  }
}

/** Business views by service, logical groups by role, and the downtime schedules of the seed. */
async function seedViewsGroupsAndSchedules(store: OpmanagerStore, now: number): Promise<void> {
  const byName = (...names: string[]) => names.map((name) => store.devices.get(name).deviceName)
  await store.businessViews.insert(
    'Core Network',
    byName('core-rtr-01', 'core-rtr-02', 'wan-rtr-01', 'core-sw-01', 'core-sw-02', 'edge-fw-01', 'edge-fw-02', 'fra-rtr-01'),
  )
  await store.businessViews.insert('Web Shop', byName('lb-01', 'lb-02', 'web-01', 'web-02', 'app-01', 'app-02', 'db-01', 'db-02'))
  await store.businessViews.insert(
    'Austin Branch',
    byName(
      'aus-rtr-01',
      'aus-fw-01',
      'aus-sw-01',
      'aus-ap-01',
      'aus-file-01',
      'aus-printer-01',
      'desk-aus-01',
      'desk-aus-02',
      'ups-aus-01',
    ),
  )
  await store.businessViews.insert('Virtualisation', byName('esx-01', 'esx-02', 'esx-03', 'vcenter-01', 'hyperv-01', 'san-01'))

  const linux = store.devices
    .all()
    .filter((device) => device.type === 'Linux')
    .map((device) => device.deviceName)
  await store.groups.insert({ displayName: 'Linux Servers', description: 'Every Linux server', groupType: 'Device', members: linux })
  await store.groups.insert({
    displayName: 'Power',
    description: 'UPS and PDUs of all sites',
    groupType: 'Device',
    members: store.devices
      .all()
      .filter((device) => device.category === 'UPS' || device.category === 'PDU')
      .map((device) => device.deviceName),
  })
  const uplinks = store.interfaces
    .all()
    .filter((record) => record.ifIndex === 1 && store.devices.find(record.deviceName)?.category === 'Router')
  await store.groups.insert({
    displayName: 'WAN Uplinks',
    description: 'First port of every router',
    groupType: 'Interface',
    members: uplinks.map((record) => `IF-${record.id}`),
  })

  const day = Math.floor(now / DAY) * DAY
  await store.downtimes.insert({
    name: 'Nightly database backup',
    description: 'db-01 and db-02 are quiesced for the backup',
    enabled: true,
    recurrence: 'Daily',
    daily: { fromMinute: 60, toMinute: 120, effectFrom: day - 30 * DAY },
    selectMethod: 'Device',
    selected: byName('db-01', 'db-02'),
  })
  await store.downtimes.insert({
    name: 'Austin printer service',
    description: 'Vendor visit',
    enabled: true,
    recurrence: 'OnceOnly',
    once: { start: day + 2 * DAY + 9 * HOUR, end: day + 2 * DAY + 12 * HOUR },
    selectMethod: 'Device',
    selected: byName('aus-printer-01'),
  })
  await store.downtimes.insert({
    name: 'Weekend UPS self-test',
    description: 'UPS battery self-test',
    enabled: false,
    recurrence: 'Weekly',
    daily: { fromMinute: 22 * 60, toMinute: 23 * 60, effectFrom: day - 90 * DAY },
    weekly: { startDay: 'Saturday', endDay: 'Saturday' },
    selectMethod: 'Category',
    selected: ['UPS'],
  })
}

/** The vCenter-managed ESXi cluster, the Hyper-V host and the Nutanix node, with their VMs and datastores. */
async function seedVirtualInventory(store: OpmanagerStore, random: () => number): Promise<void> {
  const name = (displayName: string) => store.devices.get(displayName).deviceName
  const esx = ['esx-01', 'esx-02', 'esx-03'].map(name)
  await store.virtual.addCluster({
    name: 'FRA-Compute',
    datacenter: 'Frankfurt',
    manager: name('vcenter-01'),
    hypervisor: 'VMware',
    hosts: esx,
    drs: true,
    ha: true,
  })
  await store.virtual.addCluster({
    name: 'FRA-Nutanix',
    datacenter: 'Frankfurt',
    manager: name('ntnx-01'),
    hypervisor: 'Nutanix',
    hosts: [name('ntnx-01')],
    drs: false,
    ha: true,
  })
  const uuid = () =>
    [8, 4, 4, 4, 12].map((length) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('')).join('-')
  const datastores: Array<[name: string, fileSystem: 'VMFS' | 'vsan' | 'NFS', capacityMB: number, freeMB: number, hosts: string[]]> = [
    ['fra-vsan', 'vsan', 7_630_000, 3_120_000, esx],
    ['fra-nfs-01', 'NFS', 4_190_000, 1_870_000, esx],
    ['esx-01-local', 'VMFS', 460_000, 410_000, [esx[0]!]],
    ['ntnx-container-01', 'NFS', 2_048_000, 1_320_000, [name('ntnx-01')]],
  ]
  for (const [datastore, fileSystem, capacityMB, freeMB, hosts] of datastores)
    await store.virtual.addDatastore({ name: datastore, fileSystem, capacityMB, freeMB, hosts, uuid: uuid() })
  // Servers that are VMs keep their device name and address; the rest are VMs OpManager sees only through the host.
  const vms: Array<
    [vm: string, host: string, os: string, vcpus: number, memoryGB: number, diskGB: number, powerOn: boolean, datastore: string]
  > = [
    ['web-01', 'esx-01', 'Ubuntu Linux (64-bit)', 4, 8, 80, true, 'fra-vsan'],
    ['app-01', 'esx-01', 'Red Hat Enterprise Linux 9 (64-bit)', 8, 16, 120, true, 'fra-vsan'],
    ['build-01', 'esx-01', 'Ubuntu Linux (64-bit)', 16, 32, 500, false, 'esx-01-local'],
    ['web-02', 'esx-02', 'Ubuntu Linux (64-bit)', 4, 8, 80, true, 'fra-vsan'],
    ['app-02', 'esx-02', 'Red Hat Enterprise Linux 9 (64-bit)', 8, 16, 120, true, 'fra-vsan'],
    ['jump-01', 'esx-02', 'Microsoft Windows Server 2022 (64-bit)', 2, 8, 60, true, 'fra-nfs-01'],
    ['mon-01', 'esx-03', 'Ubuntu Linux (64-bit)', 4, 16, 200, true, 'fra-nfs-01'],
    ['vcenter-01', 'esx-03', 'VMware Photon OS (64-bit)', 4, 19, 400, true, 'fra-vsan'],
    ['hv-test-01', 'hyperv-01', 'Microsoft Windows Server 2019 (64-bit)', 2, 4, 60, true, ''],
    ['hv-test-02', 'hyperv-01', 'Microsoft Windows 10 (64-bit)', 2, 4, 60, false, ''],
    ['ntnx-vm-01', 'ntnx-01', 'CentOS 8 (64-bit)', 2, 6, 150, true, 'ntnx-container-01'],
    ['ntnx-vm-02', 'ntnx-01', 'CentOS 8 (64-bit)', 2, 6, 150, true, 'ntnx-container-01'],
  ]
  for (const [vm, host, os, vcpus, memoryGB, diskGB, powerOn, datastore] of vms) {
    const device = store.devices.find(vm)
    const hostDevice = store.devices.get(host)
    await store.virtual.addVm({
      name: vm,
      hypervisor: hostDevice.type.startsWith('VMware') ? 'VMware' : hostDevice.type.startsWith('Nutanix') ? 'Nutanix' : 'HyperV',
      host: hostDevice.deviceName,
      os,
      vcpus,
      memoryMB: memoryGB * 1024,
      diskGB,
      powerOn,
      ipAddress: device?.ipaddress ?? (powerOn ? `10.31.0.${10 + store.virtual.vms.size}` : ''),
      datastore,
      uuid: uuid(),
    })
  }
}

/** Credentials, the Windows domain, notification profiles, business hours, wireless access points and service monitors. */
async function seedSettingsAndMonitors(store: OpmanagerStore): Promise<void> {
  for (const [name, type, description] of [
    ['public-v2c', 'SNMP v2', 'Read-only community of the network gear'],
    ['snmpv3-noc', 'SNMP v3', 'authPriv user of the NOC'],
    ['wmi-domain', 'WMI', 'Domain account for Windows servers and desktops'],
    ['ssh-linux', 'SSH', 'Key-based account for Linux servers'],
    ['vcenter-ro', 'VMware', 'Read-only vCenter account'],
  ])
    await store.settings.addCredential({ name: name!, type: type!, description: description! })
  await store.settings.addDomain({ name: 'corp.example.net', domainController: 'dc-01.example.net' })

  const byName = (...names: string[]) => names.map((name) => store.devices.get(name).deviceName)
  await store.notificationProfiles.insert({ name: 'Email the NOC', type: 'Send Email', enabled: true, global: true, devices: [] })
  await store.notificationProfiles.insert({
    name: 'Page the on-call engineer',
    type: 'Send SMS',
    enabled: true,
    global: false,
    devices: byName('core-rtr-01', 'core-rtr-02', 'edge-fw-01', 'edge-fw-02'),
  })
  await store.notificationProfiles.insert({
    name: 'Open a ticket',
    type: 'Run Program',
    enabled: false,
    global: false,
    devices: byName('db-01', 'db-02'),
  })

  await store.businessRules.insert({
    name: 'Office hours',
    description: 'Monday to Friday, 09:00 to 18:00 UTC',
    timeSettings: Object.fromEntries(
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((day) => [day, { fromMinute: 540, toMinute: 1080 }]),
    ),
  })

  const wlc = store.devices.get('wlc-01')
  for (let index = 1; index <= 6; index++) {
    const floor = Math.ceil(index / 2)
    await store.wireless.insert({
      name: `ap-${wlc.ipaddress}-0.26.30.${floor}.${index}.1`,
      displayName: `LON-F${floor}-AP0${index}`,
      controller: wlc.deviceName,
      macAddress: `00:1a:1e:0${floor}:0${index}:01`,
      ipAddress: `10.10.3.${100 + index}`,
      channels: index % 2 ? '36,40' : '1,6',
      monitored: index !== 6,
      ssids: index % 3 === 0 ? ['Corp', 'Guest', 'IoT'] : ['Corp', 'Guest'],
    })
  }

  for (const [device, service] of [
    ['web-01', 'Web(80)'],
    ['web-01', 'HTTPS(443)'],
    ['web-02', 'Web(80)'],
    ['web-02', 'HTTPS(443)'],
    ['db-01', 'MySQL(3306)'],
    ['db-02', 'MySQL(3306)'],
    ['dc-01', 'DNS(53)'],
    ['dc-01', 'LDAP(389)'],
    ['exch-01', 'SMTP(25)'],
  ] as const)
    await store.serviceMonitors.associate({
      kind: 'service',
      deviceName: byName(device)[0]!,
      name: service,
      displayName: service,
      detail: service.replace(/\D/g, ''),
    })
  for (const device of ['dc-01', 'exch-01', 'file-01'])
    for (const [service, displayName] of [
      ['Spooler', 'Print Spooler'],
      ['W32Time', 'Windows Time'],
      ['WinRM', 'Windows Remote Management'],
    ])
      await store.serviceMonitors.associate({
        kind: 'windowsService',
        deviceName: byName(device)[0]!,
        name: service!,
        displayName: displayName!,
        detail: service!,
      })
  await store.serviceMonitors.associate({
    kind: 'process',
    deviceName: byName('exch-01')[0]!,
    name: 'sqlservr.exe',
    displayName: 'MSSQL',
    detail: '1',
  })
  await store.serviceMonitors.associate({
    kind: 'process',
    deviceName: byName('app-01')[0]!,
    name: 'java',
    displayName: 'Java',
    detail: '4',
  })
  for (const [name, url, device] of [
    ['Web Shop', 'https://shop.example.com/', 'lb-01'],
    ['Shop health', 'https://shop.example.com/health', 'web-01'],
    ['Intranet', 'https://intranet.example.net/', ''],
  ] as const)
    await store.serviceMonitors.associate({
      kind: 'url',
      deviceName: device ? byName(device)[0]! : '',
      name,
      displayName: name,
      detail: url,
    })
}

async function seedUsersAndKeys(store: OpmanagerStore, options: OpmanagerSeedOptions): Promise<void> {
  const now = store.clock.now()
  await store.users.insert({
    userName: 'admin',
    password: 'admin',
    privilege: 'Administrators',
    emailId: 'admin@example.com',
    restApiAccess: true,
  })
  await store.users.insert({
    userName: 'operator',
    password: 'operator',
    privilege: 'Operators',
    emailId: 'operator@example.com',
    restApiAccess: true,
  })
  await store.users.insert({ userName: 'helpdesk', password: 'helpdesk', privilege: 'Operators', emailId: 'helpdesk@example.com' })
  const base = { type: 'Custom' as const, status: 'enabled' as const, apis: [], expiresAt: null, modules: {} }
  await store.keys.insert(
    {
      ...base,
      name: 'Admin full access',
      description: 'Seeded full-access key of the admin user',
      userName: 'admin',
      createdBy: 'admin',
      accessType: 'All',
      value: options.adminKey ?? ADMIN_API_KEY,
    },
    now,
  )
  await store.keys.insert(
    {
      ...base,
      name: 'Operator read-only',
      description: 'Seeded read-only Module key of the operator user',
      userName: 'operator',
      createdBy: 'admin',
      accessType: 'Module',
      modules: OPERATOR_MODULES,
      value: OPERATOR_API_KEY,
    },
    now,
  )
  await store.keys.insert(
    {
      ...base,
      name: 'Helpdesk',
      description: 'Key of a user whose REST API access is still off',
      userName: 'helpdesk',
      createdBy: 'admin',
      accessType: 'All',
      value: HELPDESK_API_KEY,
    },
    now,
  )
  for (const key of options.keys ?? []) await store.keys.insert(keyFromInput(store, key, 'admin'), now)
}
