import { seededRandom } from '../core/random'
import { formatOpmTime } from './format'
import { keyFromInput } from './keys'
import type { OpmanagerStore } from './store'
import type { AlertType, ApiKeyCreate, ModuleAccess, Monitor, SeverityNumber } from './spec-types'

/**
 * The default OpManager world: 30 devices of mixed categories and vendors with their interfaces and
 * monitors, ~50 alarms across severities and alert types (timestamps within the last week of the mock
 * clock), the events that raised them, three users and their keys. The same seed number always
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

export const OPERATOR_MODULES: ModuleAccess = {
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

// displayName, ip, category, type, vendor, location
const DEVICES: Array<[string, string, string, string, string, string]> = [
  ['core-rtr-01', '10.10.0.1', 'Router', 'Cisco 2900 IS Series', 'Cisco', 'DC1 Rack 1'],
  ['core-rtr-02', '10.10.0.2', 'Router', 'Cisco 2900 IS Series', 'Cisco', 'DC1 Rack 1'],
  ['wan-rtr-01', '10.10.0.3', 'Router', 'Juniper MX204', 'Juniper', 'DC1 Rack 2'],
  ['core-sw-01', '10.10.1.1', 'Switch', 'Cisco Catalyst 9300', 'Cisco', 'DC1 Rack 3'],
  ['core-sw-02', '10.10.1.2', 'Switch', 'Cisco Catalyst 9300', 'Cisco', 'DC1 Rack 3'],
  ['access-sw-01', '10.10.1.11', 'Switch', 'HP ProCurve 2920', 'HP', 'Floor 1'],
  ['access-sw-02', '10.10.1.12', 'Switch', 'HP ProCurve 2920', 'HP', 'Floor 2'],
  ['access-sw-03', '10.10.1.13', 'Switch', 'Juniper EX2300', 'Juniper', 'Floor 3'],
  ['edge-fw-01', '10.10.2.1', 'Firewall', 'Fortinet FortiGate 100F', 'Fortinet', 'DC1 Rack 2'],
  ['edge-fw-02', '10.10.2.2', 'Firewall', 'Palo Alto PA-3220', 'Palo Alto Networks', 'DC2 Rack 1'],
  ['wlc-01', '10.10.3.1', 'Wireless', 'Cisco 5520 Wireless Controller', 'Cisco', 'DC1 Rack 4'],
  ['ap-floor1', '10.10.3.21', 'Wireless', 'Aruba AP-515', 'Aruba', 'Floor 1'],
  ['lb-01', '10.10.4.1', 'Load Balancer', 'F5 BIG-IP i4800', 'F5', 'DC1 Rack 4'],
  ['web-01', '10.20.0.11', 'Server', 'Linux', 'Dell', 'DC1 Rack 5'],
  ['web-02', '10.20.0.12', 'Server', 'Linux', 'Dell', 'DC1 Rack 5'],
  ['app-01', '10.20.0.21', 'Server', 'Linux', 'HPE', 'DC1 Rack 6'],
  ['app-02', '10.20.0.22', 'Server', 'Linux', 'HPE', 'DC1 Rack 6'],
  ['db-01', '10.20.0.31', 'Server', 'Linux', 'Dell', 'DC1 Rack 7'],
  ['db-02', '10.20.0.32', 'Server', 'Linux', 'Dell', 'DC1 Rack 7'],
  ['dc-01', '10.20.1.10', 'Server', 'Windows 2019', 'Microsoft', 'DC1 Rack 8'],
  ['exch-01', '10.20.1.20', 'Server', 'Windows 2019', 'Microsoft', 'DC1 Rack 8'],
  ['file-01', '10.20.1.30', 'Server', 'Windows 2022', 'Microsoft', 'DC2 Rack 2'],
  ['esx-01', '10.30.0.11', 'Virtual Device', 'VMware ESXi 8.0', 'VMware', 'DC1 Rack 9'],
  ['esx-02', '10.30.0.12', 'Virtual Device', 'VMware ESXi 8.0', 'VMware', 'DC1 Rack 9'],
  ['hyperv-01', '10.30.0.21', 'Virtual Device', 'Hyper-V Server 2019', 'Microsoft', 'DC2 Rack 3'],
  ['san-01', '10.40.0.10', 'Storage', 'NetApp FAS2750', 'NetApp', 'DC1 Rack 10'],
  ['ups-01', '10.50.0.10', 'UPS', 'APC Smart-UPS SRT', 'APC', 'DC1 Rack 1'],
  ['printer-hq', '10.60.0.40', 'Printer', 'HP LaserJet M507', 'HP', 'Floor 2'],
  ['desk-fin-01', '10.70.0.101', 'Desktop', 'Windows 11', 'Lenovo', 'Floor 2'],
  ['desk-eng-01', '10.70.0.102', 'Desktop', 'Windows 11', 'Dell', 'Floor 3'],
]

const NETWORK = new Set(['Router', 'Switch', 'Firewall', 'Wireless', 'Load Balancer'])
const WINDOWS = /Windows/

type MonitorTemplate = Pick<Monitor, 'name' | 'displayName' | 'protocol' | 'unit'> & { max: number }
const CPU: MonitorTemplate = { name: 'CPUUSAGE', displayName: 'CPU Utilization', protocol: 'SNMP', unit: '%', max: 95 }
const MEM: MonitorTemplate = { name: 'MEMUSAGE', displayName: 'Memory Utilization', protocol: 'SNMP', unit: '%', max: 90 }
const DISK: MonitorTemplate = { name: 'DISKUSAGE', displayName: 'Disk Utilization', protocol: 'SNMP', unit: '%', max: 95 }
const RESPONSE: MonitorTemplate = { name: 'RESPONSETIME', displayName: 'Response Time', protocol: 'ICMP', unit: 'ms', max: 40 }

// alarmcode, alertType, severity, message template ({name} = device display name), which devices qualify
const ALARM_KINDS: Array<{
  code: string
  alertType: AlertType
  severity: SeverityNumber
  message: string
  fits: (category: string, type: string) => boolean
}> = [
  {
    code: 'CPUUSAGE',
    alertType: 'Server',
    severity: 3,
    message: 'CPU Utilization is {value}%, threshold value for this monitor is 80%',
    fits: (c) => !NETWORK.has(c),
  },
  {
    code: 'MEMUSAGE',
    alertType: 'Server',
    severity: 2,
    message: 'Memory Utilization is {value}%, threshold value for this monitor is 85%',
    fits: (c) => !NETWORK.has(c),
  },
  {
    code: 'DISKUSAGE',
    alertType: 'StorageAlarms',
    severity: 2,
    message: 'Disk Utilization of C: is {value}%, threshold value for this monitor is 90%',
    fits: (c) => c === 'Server' || c === 'Storage',
  },
  {
    code: 'DEVICE-DOWN',
    alertType: 'Network',
    severity: 1,
    message: 'Device {name} is down: no response to ping',
    fits: (c) => ['Desktop', 'Printer', 'Wireless', 'UPS', 'Switch'].includes(c),
  },
  {
    code: 'TRAP-LINKDOWN',
    alertType: 'TrapAlarms',
    severity: 2,
    message: 'SNMP trap linkDown received from {name}',
    fits: (c) => NETWORK.has(c),
  },
  {
    code: 'EVENTLOG-4625',
    alertType: 'EventLogAlarms',
    severity: 3,
    message: 'An account failed to log on (event 4625) on {name}',
    fits: (_c, t) => WINDOWS.test(t),
  },
  {
    code: 'SYSLOG-AUTH',
    alertType: 'SyslogAlarms',
    severity: 3,
    message: 'sshd: authentication failure on {name}',
    fits: (_c, t) => t === 'Linux',
  },
  {
    code: 'NCM-CONFIGCHANGE',
    alertType: 'NCMAlarms',
    severity: 3,
    message: 'Running configuration of {name} changed',
    fits: (c) => NETWORK.has(c),
  },
  {
    code: 'NFA-BANDWIDTH',
    alertType: 'NFAAlarms',
    severity: 2,
    message: 'Inbound traffic on {name} exceeds 90% of the link speed',
    fits: (c) => c === 'Router' || c === 'Firewall',
  },
  {
    code: 'URL-DOWN',
    alertType: 'WebAlarms',
    severity: 4,
    message: 'URL monitor https://{name}.example.com/health is down',
    fits: (c, t) => c === 'Server' && t === 'Linux',
  },
  {
    code: 'FWA-POLICY',
    alertType: 'FWAAlarms',
    severity: 3,
    message: 'Firewall policy deny count spiked on {name}',
    fits: (c) => c === 'Firewall',
  },
  {
    code: 'VM-CPUREADY',
    alertType: 'Virtualization',
    severity: 2,
    message: 'CPU ready time on {name} is {value}%',
    fits: (c) => c === 'Virtual Device',
  },
  {
    code: 'APM-RESPONSE',
    alertType: 'APMAlarms',
    severity: 4,
    message: 'Application response time on {name} is {value}00 ms',
    fits: (c, t) => c === 'Server' && WINDOWS.test(t),
  },
  { code: 'UPS-ONBATTERY', alertType: 'Server', severity: 1, message: '{name} is running on battery', fits: (c) => c === 'UPS' },
]

const HOUR = 3_600_000

export async function seedOpmanager(store: OpmanagerStore, options: OpmanagerSeedOptions = {}): Promise<void> {
  const random = seededRandom(options.seed ?? 8060)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const now = store.clock.now()

  for (const [index, [displayName, ip, category, type, vendorName, location]] of DEVICES.entries()) {
    const moid = 1001 + index
    const addedAt = now - (30 + Math.floor(random() * 600)) * 24 * HOUR
    const ports = NETWORK.has(category) ? 2 + Math.floor(random() * 3) : 0
    const device = await store.insertDevice(
      {
        moid,
        deviceName: ip,
        displayName,
        ipaddress: ip,
        category,
        type,
        vendorName,
        isSNMP: !WINDOWS.test(type),
        isNew: false,
        addedTime: formatOpmTime(addedAt),
        prettyTime: '',
        interfaceCount: ports,
      },
      {
        dnsName: `${displayName}.example.net`,
        sysDescr: `${vendorName} ${type}`,
        location,
        contact: 'noc@example.com',
        addedAt,
        availabilityUp: Math.round((97 + random() * 3) * 100) / 100,
      },
    )
    for (let port = 1; port <= ports; port++) {
      await store.insertInterface({
        moid: 5000 + store.tables.interfaces.size + 1,
        displayName: category === 'Firewall' ? `port${port}` : `GigabitEthernet0/${port}`,
        deviceName: device.deviceName,
        ifIndex: port,
        statusStr: 'Up',
        statusNum: '5',
        ipAddress: port === 1 ? ip : '',
        ifSpeed: port === 1 ? '10 Gbps' : '1 Gbps',
        inTraffic: `${(random() * 400).toFixed(1)} Mbps`,
        outTraffic: `${(random() * 400).toFixed(1)} Mbps`,
      })
    }
    const templates = NETWORK.has(category) ? [CPU, MEM, RESPONSE] : category === 'Server' ? [CPU, MEM, DISK, RESPONSE] : [CPU, RESPONSE]
    for (const template of templates) {
      const { max, ...fields } = template
      await store.insertMonitor({
        ...fields,
        protocol: WINDOWS.test(type) && template.protocol === 'SNMP' ? 'WMI' : template.protocol,
        deviceName: device.deviceName,
        interval: template === RESPONSE ? 5 : 15,
        status: 'Up',
        value: Math.round(random() * max),
      })
    }
  }

  await seedAlarms(store, random, pick, now)
  await store.refreshAllDeviceStatuses()
  await seedUsersAndKeys(store, options)
}

async function seedAlarms(store: OpmanagerStore, random: () => number, pick: <T>(items: readonly T[]) => T, now: number): Promise<void> {
  const devices = store.tables.devices.all()
  const raise = async (
    deviceIndex: number,
    entity: string,
    code: string,
    alertType: AlertType,
    severity: SeverityNumber,
    message: string,
    ageHours: number,
    who?: string,
  ) => {
    const device = devices[deviceIndex]!
    const at = now - Math.round(ageHours * HOUR)
    await store.raiseAlarm({ device, entity, alarmcode: code, alertType, severity, message, at, who })
    await store.recordEvent(device, { source: device.deviceName, severity, message, alarmCode: code, entity, eventType: code }, at)
  }

  // Interface alarms first: the captured client acknowledges entity IF-1, core-rtr-01's first port.
  await raise(0, 'IF-1', 'IF-DOWN', 'Network', 1, 'Interface GigabitEthernet0/1 is down', 0.5)
  await store.tables.interfaces.update('1', (draft) => {
    draft.statusStr = 'Down'
    draft.statusNum = '1'
    draft.inTraffic = '0 bps'
    draft.outTraffic = '0 bps'
  })
  await raise(
    3,
    `IF-${interfaceIdOf(store, devices[3]!.deviceName, 2)}`,
    'IF-UTIL',
    'Network',
    3,
    'Interface GigabitEthernet0/2 utilization is 87%',
    5,
  )

  const used = new Set<string>()
  while (store.tables.alarms.size < 50) {
    const deviceIndex = Math.floor(random() * devices.length)
    const device = devices[deviceIndex]!
    const kinds = ALARM_KINDS.filter((kind) => kind.fits(device.category, device.type))
    const kind = pick(kinds)
    const entity = `${device.moid}_${kind.code}`
    if (used.has(entity)) continue
    used.add(entity)
    const roll = random()
    // About a fifth are already cleared and a fifth acknowledged, as on a real console.
    const severity: SeverityNumber = roll < 0.2 ? 5 : kind.severity
    const who = roll > 0.8 ? 'admin' : undefined
    const message = kind.message.replace('{name}', device.displayName).replace('{value}', String(80 + Math.floor(random() * 20)))
    await raise(deviceIndex, entity, kind.code, kind.alertType, severity, message, random() * 7 * 24, who)
  }
}

function interfaceIdOf(store: OpmanagerStore, deviceName: string, ifIndex: number): string {
  return store.tables.interfaces.find((item) => item.deviceName === deviceName && item.ifIndex === ifIndex)!.id
}

async function seedUsersAndKeys(store: OpmanagerStore, options: OpmanagerSeedOptions): Promise<void> {
  await store.addUser({
    userName: 'admin',
    password: 'admin',
    privilege: 'Administrators',
    emailId: 'admin@example.com',
    restApiAccess: true,
  })
  await store.addUser({
    userName: 'operator',
    password: 'operator',
    privilege: 'Operators',
    emailId: 'operator@example.com',
    restApiAccess: true,
  })
  await store.addUser({ userName: 'helpdesk', password: 'helpdesk', privilege: 'Operators', emailId: 'helpdesk@example.com' })
  const base = { type: 'Custom' as const, status: 'enabled' as const, apis: [], expiresAt: null, modules: {} }
  await store.insertKey({
    ...base,
    name: 'Admin full access',
    description: 'Seeded full-access key of the admin user',
    userName: 'admin',
    createdBy: 'admin',
    accessType: 'All',
    value: options.adminKey ?? ADMIN_API_KEY,
  })
  await store.insertKey({
    ...base,
    name: 'Operator read-only',
    description: 'Seeded read-only Module key of the operator user',
    userName: 'operator',
    createdBy: 'admin',
    accessType: 'Module',
    modules: OPERATOR_MODULES,
    value: OPERATOR_API_KEY,
  })
  await store.insertKey({
    ...base,
    name: 'Helpdesk',
    description: 'Key of a user whose REST API access is still off',
    userName: 'helpdesk',
    createdBy: 'admin',
    accessType: 'All',
    value: HELPDESK_API_KEY,
  })
  for (const key of options.keys ?? []) await store.insertKey(keyFromInput(store, key, 'admin'))
}
