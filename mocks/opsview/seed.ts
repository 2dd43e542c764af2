import { seededRandom } from '../core/random'
import { ACCESS_IDS, type AccessName } from './access'
import { iconFile } from './config/kinds'
import type { HostRecord, HostRuntime, OpsviewStore, ServiceRuntime } from './store'
import type { ConfigTypeName, ServiceState } from './spec-types'

/**
 * The default Opsview world, a believable small estate that uses every configuration type: monitoring
 * clusters and a collector, time periods, host check commands, plugins, variables with values on
 * hosts, ~60 service checks in service groups, host templates, hashtags, a host-group tree with ~20
 * hosts, BSM components and services, notification methods and profiles, roles, a tenancy, contacts
 * and NetFlow. The same seed number always yields the same objects and states; timestamps are
 * relative to the mock clock. Everything goes through the store's normal create path, by name.
 */
export interface SeedUser {
  username: string
  password: string
  role: string
}

export const SEEDED_USERS: readonly SeedUser[] = [
  { username: 'admin', password: 'initial', role: 'Administrator' },
  { username: 'operator', password: 'operator', role: 'Operator' },
  { username: 'viewer', password: 'viewer', role: 'View some, change none' },
]

type Fields = Record<string, unknown>
const named = (names: string[]) => names.map((name) => ({ name }))

const TIMEZONES = ['SYSTEM', 'UTC', 'Europe/London', 'America/New_York']
const CHECKTYPES: Array<[string, string]> = [
  ['Active Plugin', 'Runs a plugin on a schedule'],
  ['Passive', 'Results are submitted by something else'],
  ['SNMP trap', 'Results come from SNMP traps'],
  ['SNMP Polling', 'Polls an OID'],
]
const RANCID_VENDORS = ['Cisco', 'Juniper', 'HP', 'Fortinet']
const ICONS = [
  'SYMBOL - Server',
  'LOGO - Linux Penguin',
  'LOGO - Cisco',
  'LOGO - Opsview',
  'LOGO - MySQL',
  'LOGO - Apache',
  'LOGO - Redis',
  'LOGO - Windows',
  'SYMBOL - Network',
  'SYMBOL - Firewall',
]
const PLUGINS = [
  'check_icmp',
  'check_tcp',
  'check_http',
  'check_ssh',
  'check_nrpe',
  'check_snmp_interfaces',
  'check_snmp_sysinfo',
  'check_snmp_uptime',
  'check_mysql_performance',
  'check_opsview_daemons',
  'check_opsview_housekeeping',
  'check_redis',
  'check_rabbitmq',
  'check_wmi_plus',
  'check_dummy',
]

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
const everyDay = (range: string) => Object.fromEntries(DAYS.map((day) => [day, range]))
const weekdays = (range: string) => Object.fromEntries(DAYS.map((day, index) => [day, index < 5 ? range : '']))
const TIMEPERIODS: Fields[] = [
  { name: '24x7', alias: '24 Hours A Day, 7 Days A Week', ...everyDay('00:00-24:00'), object_locked: '1' },
  { name: 'workhours', alias: 'Normal Working Hours', ...weekdays('09:00-17:00') },
  {
    name: 'nonworkhours',
    alias: 'Outside Working Hours',
    ...weekdays('00:00-09:00,17:00-24:00'),
    saturday: '00:00-24:00',
    sunday: '00:00-24:00',
  },
  { name: 'none', alias: 'No Time Is A Good Time', ...everyDay(''), object_locked: '1' },
]

const HOSTCHECKS: Fields[] = [
  { name: 'ping', plugin: 'check_icmp', args: '-H $HOSTADDRESS$ -t 3 -w 500.0,80% -c 1000.0,100%', priority: '1' },
  { name: 'tcp port 22 (SSH)', plugin: 'check_tcp', args: '-H $HOSTADDRESS$ -p 22 -w 9 -c 9 -t 15', priority: '2' },
  { name: 'tcp port 80 (HTTP)', plugin: 'check_tcp', args: '-H $HOSTADDRESS$ -p 80 -w 9 -c 9 -t 15', priority: '3' },
  { name: 'NRPE (on port 5666)', plugin: 'check_nrpe', args: '-H $HOSTADDRESS$', priority: '4' },
]

const ATTRIBUTES: Fields[] = [
  { name: 'DISK', value: '/', label1: 'Warning', label2: 'Critical', arg1: '20%', arg2: '10%' },
  { name: 'INTERFACE', value: 'eth0', label1: 'Warning', label2: 'Critical', arg1: '', arg2: '' },
  { name: 'MYSQL_CREDENTIALS', value: 'monitor', label1: 'Username', label2: 'Password', arg1: 'nagios', secured2: '1' },
  { name: 'NRPE_PORT', value: '5666' },
  { name: 'SNMP_COMMUNITY', value: 'public', secured1: '1' },
  { name: 'HTTP_URL', value: '/', label1: 'Expected text', arg1: '' },
]

const MONITORING_CLUSTERS: Fields[] = [
  { name: 'Master Monitoring Server', activated: '1' },
  { name: 'collectors-us', activated: '1', network_topology_enabled: '1' },
]

// service group → checks: [name, plugin, args, extra fields]
const SERVICE_GROUPS: Array<[group: string, checks: Array<[string, string, string, Fields?]>]> = [
  [
    'OS - Unix Base',
    [
      ['Unix Load Average', 'check_nrpe', '-H $HOSTADDRESS$ -c check_load -a "-w 5,5,5 -c 9,9,9"'],
      ['Unix Memory', 'check_nrpe', '-H $HOSTADDRESS$ -c check_memory -a "-w 90 -c 98"'],
      ['Unix Disk: /', 'check_nrpe', '-H $HOSTADDRESS$ -c check_disk -a "-w %DISK:1% -c %DISK:2% -p %DISK%"', { attribute: 'DISK' }],
      ['SSH', 'check_ssh', '-H $HOSTADDRESS$ -t 10'],
      ['Unix Swap', 'check_nrpe', '-H $HOSTADDRESS$ -c check_swap -a "-w 20% -c 10%"'],
      ['Unix Processes', 'check_nrpe', '-H $HOSTADDRESS$ -c check_procs -a "-w 400 -c 600"'],
      ['Unix Zombie Processes', 'check_nrpe', '-H $HOSTADDRESS$ -c check_procs -a "-s Z -w 5 -c 10"'],
      ['Unix Uptime', 'check_nrpe', '-H $HOSTADDRESS$ -c check_uptime'],
      ['NTP Offset', 'check_nrpe', '-H $HOSTADDRESS$ -c check_ntp'],
      ['Unix Users', 'check_nrpe', '-H $HOSTADDRESS$ -c check_users -a "-w 5 -c 10"'],
    ],
  ],
  [
    'Network - Base',
    [
      ['Interface Poller', 'check_snmp_interfaces', '-H $HOSTADDRESS$ -C %SNMP_COMMUNITY% -I %INTERFACE%', { attribute: 'INTERFACE' }],
      ['SNMP Agent', 'check_snmp_sysinfo', '-H $HOSTADDRESS$ -C %SNMP_COMMUNITY%'],
      ['Uptime', 'check_snmp_uptime', '-H $HOSTADDRESS$ -C %SNMP_COMMUNITY%'],
      ['Interface Errors', 'check_snmp_interfaces', '-H $HOSTADDRESS$ -C %SNMP_COMMUNITY% --errors'],
      ['Interface Discards', 'check_snmp_interfaces', '-H $HOSTADDRESS$ -C %SNMP_COMMUNITY% --discards'],
      ['Link Status Traps', '', '', { checktype: 'SNMP trap' }],
      ['Fan Status', 'check_snmp_sysinfo', '-H $HOSTADDRESS$ -C %SNMP_COMMUNITY% -m fans'],
      ['Temperature', 'check_snmp_sysinfo', '-H $HOSTADDRESS$ -C %SNMP_COMMUNITY% -m temperature'],
    ],
  ],
  [
    'Application - Web',
    [
      ['HTTP', 'check_http', '-H $HOSTADDRESS$ -u %HTTP_URL% -w 5 -c 10', { attribute: 'HTTP_URL' }],
      ['HTTPS', 'check_http', '-H $HOSTADDRESS$ -S -w 5 -c 10'],
      ['SSL Certificate', 'check_http', '-H $HOSTADDRESS$ -S -C 30,14'],
      ['HTTP Response Time', 'check_http', '-H $HOSTADDRESS$ -w 1 -c 3'],
      ['Apache Workers', 'check_nrpe', '-H $HOSTADDRESS$ -c check_apache_workers'],
      ['Apache Requests', 'check_nrpe', '-H $HOSTADDRESS$ -c check_apache_requests'],
    ],
  ],
  [
    'Database - MySQL',
    [
      ['MySQL Connections', 'check_mysql_performance', '-H $HOSTADDRESS$ -u %MYSQL_CREDENTIALS:1% -p %MYSQL_CREDENTIALS:2% -m connections'],
      ['MySQL Replication', 'check_mysql_performance', '-H $HOSTADDRESS$ -u %MYSQL_CREDENTIALS:1% -p %MYSQL_CREDENTIALS:2% -m replication'],
      ['MySQL Slow Queries', 'check_mysql_performance', '-H $HOSTADDRESS$ -m slow_queries'],
      ['MySQL Threads', 'check_mysql_performance', '-H $HOSTADDRESS$ -m threads'],
      ['MySQL Uptime', 'check_mysql_performance', '-H $HOSTADDRESS$ -m uptime'],
      ['MySQL Buffer Pool', 'check_mysql_performance', '-H $HOSTADDRESS$ -m innodb_buffer_pool'],
      ['MySQL Table Locks', 'check_mysql_performance', '-H $HOSTADDRESS$ -m table_locks'],
    ],
  ],
  [
    'Opsview - Components',
    [
      ['Opsview Daemons', 'check_opsview_daemons', ''],
      ['Opsview Housekeeping', 'check_opsview_housekeeping', ''],
      ['Opsview Scheduler', 'check_opsview_daemons', '-d opsview-scheduler'],
      ['Opsview Executor', 'check_opsview_daemons', '-d opsview-executor'],
      ['Opsview Results Dispatcher', 'check_opsview_daemons', '-d opsview-results-dispatcher'],
      ['Opsview Orchestrator', 'check_opsview_daemons', '-d opsview-orchestrator'],
      ['Opsview Datastore', 'check_opsview_daemons', '-d opsview-datastore'],
      ['Opsview MessageQueue', 'check_rabbitmq', '-H $HOSTADDRESS$'],
    ],
  ],
  [
    'Application - Redis',
    [
      ['Redis Memory', 'check_redis', '-H $HOSTADDRESS$ -m memory'],
      ['Redis Connected Clients', 'check_redis', '-H $HOSTADDRESS$ -m clients'],
      ['Redis Keyspace Hits', 'check_redis', '-H $HOSTADDRESS$ -m hitrate'],
      ['Redis Replication', 'check_redis', '-H $HOSTADDRESS$ -m replication'],
    ],
  ],
  [
    'Application - RabbitMQ',
    [
      ['RabbitMQ Queues', 'check_rabbitmq', '-H $HOSTADDRESS$ -m queues'],
      ['RabbitMQ Connections', 'check_rabbitmq', '-H $HOSTADDRESS$ -m connections'],
      ['RabbitMQ Node Health', 'check_rabbitmq', '-H $HOSTADDRESS$ -m aliveness'],
    ],
  ],
  [
    'OS - Windows Base',
    [
      ['Windows CPU', 'check_wmi_plus', '-H $HOSTADDRESS$ -m checkcpu'],
      ['Windows Memory', 'check_wmi_plus', '-H $HOSTADDRESS$ -m checkmem'],
      ['Windows Drive C:', 'check_wmi_plus', '-H $HOSTADDRESS$ -m checkdrivesize -a C:'],
      ['Windows Services', 'check_wmi_plus', '-H $HOSTADDRESS$ -m checkservice -a auto'],
      ['Windows Event Log', 'check_wmi_plus', '-H $HOSTADDRESS$ -m checkeventlog'],
      ['Windows Uptime', 'check_wmi_plus', '-H $HOSTADDRESS$ -m checkuptime'],
    ],
  ],
  [
    'Application - Backup',
    [
      ['Backup Age', 'check_nrpe', '-H $HOSTADDRESS$ -c check_backup_age -a "-w 26 -c 50"'],
      ['Backup Disk', 'check_nrpe', '-H $HOSTADDRESS$ -c check_disk -a "-p /backup -w 15% -c 5%"'],
      ['Backup Job Result', '', '', { checktype: 'Passive' }],
    ],
  ],
]

const TEMPLATES: Array<[name: string, description: string, checks: string[]]> = [
  ['Base Unix', 'Checks every Linux server gets', ['Unix Load Average', 'Unix Memory', 'Unix Disk: /', 'SSH']],
  ['Network - Base', 'Switches, routers and firewalls over SNMP', ['Interface Poller', 'SNMP Agent', 'Uptime']],
  ['Web Server', 'HTTP and TLS checks', ['HTTP', 'HTTPS', 'SSL Certificate']],
  ['Database - MySQL', 'MySQL health', ['MySQL Connections', 'MySQL Replication']],
  ['Opsview - Master', 'The monitoring server itself', ['Opsview Daemons', 'Opsview Housekeeping']],
  ['Application - Redis', 'Redis servers', ['Redis Memory', 'Redis Connected Clients', 'Redis Keyspace Hits']],
  ['Application - RabbitMQ', 'RabbitMQ brokers', ['RabbitMQ Queues', 'RabbitMQ Connections', 'RabbitMQ Node Health']],
  ['OS - Windows Base', 'Windows servers over WMI', ['Windows CPU', 'Windows Memory', 'Windows Drive C:', 'Windows Services']],
]

const KEYWORDS: Array<[name: string, description: string, style: string | null]> = [
  ['production', 'Everything customers depend on', 'group_by_host'],
  ['web', 'The public web tier', 'errors_and_host_cells'],
  ['database', 'Databases and their replicas', 'group_by_service'],
  ['network', 'Core network devices', 'host_summary'],
  ['opsview', 'The monitoring system itself', null],
  ['backup', 'Backup jobs and storage', 'list_summary'],
]

const GROUPS: Array<[name: string, parent: string | null]> = [
  ['Opsview', null],
  ['UK', 'Opsview'],
  ['UK Web Servers', 'UK'],
  ['Database Servers', 'UK'],
  ['US', 'Opsview'],
  ['Network', 'US'],
  ['Monitoring Servers', 'Opsview'],
  ['Application Servers', 'US'],
]

// name, ip, group, templates, alias, keywords, cluster
const HOSTS: Array<[string, string, string, string[], string, string[]]> = [
  ['opsview', '10.10.0.10', 'Monitoring Servers', ['Base Unix', 'Opsview - Master'], 'Opsview Master Server', ['opsview']],
  ['collector01', '10.10.0.11', 'Monitoring Servers', ['Base Unix'], 'Opsview collector', ['opsview']],
  ['core-sw01', '10.20.0.1', 'Network', ['Network - Base'], 'Core switch A', ['network', 'production']],
  ['core-sw02', '10.20.0.2', 'Network', ['Network - Base'], 'Core switch B', ['network', 'production']],
  ['edge-fw01', '10.20.0.254', 'Network', ['Network - Base'], 'Edge firewall', ['network', 'production']],
  ['lb01', '10.10.1.10', 'UK Web Servers', ['Base Unix', 'Web Server'], 'Load balancer', ['web', 'production']],
  ['web01', '10.10.1.11', 'UK Web Servers', ['Base Unix', 'Web Server'], 'Public web server 1', ['web', 'production']],
  ['web02', '10.10.1.12', 'UK Web Servers', ['Base Unix', 'Web Server'], 'Public web server 2', ['web', 'production']],
  ['web03', '10.10.1.13', 'UK Web Servers', ['Base Unix', 'Web Server'], 'Public web server 3', ['web', 'production']],
  ['web04', '10.10.1.14', 'UK Web Servers', ['Base Unix', 'Web Server'], 'Public web server 4', ['web']],
  ['web05', '10.10.1.15', 'UK Web Servers', ['Base Unix', 'Web Server'], 'Public web server 5', ['web']],
  ['db01', '10.10.2.11', 'Database Servers', ['Base Unix', 'Database - MySQL'], 'Primary database', ['database', 'production']],
  ['db02', '10.10.2.12', 'Database Servers', ['Base Unix', 'Database - MySQL'], 'Replica database', ['database', 'production']],
  ['db03', '10.10.2.13', 'Database Servers', ['Base Unix', 'Database - MySQL'], 'Reporting database', ['database']],
  ['app01', '10.30.1.11', 'Application Servers', ['Base Unix'], 'Order service 1', ['production']],
  ['app02', '10.30.1.12', 'Application Servers', ['Base Unix'], 'Order service 2', ['production']],
  ['app03', '10.30.1.13', 'Application Servers', ['Base Unix'], 'Billing service', ['production']],
  ['mq01', '10.30.2.11', 'Application Servers', ['Base Unix'], 'Message queue', ['production']],
  ['cache01', '10.30.2.21', 'Application Servers', ['Base Unix'], 'Redis cache', []],
  ['backup01', '10.30.3.11', 'Application Servers', ['Base Unix'], 'Backup server', ['backup']],
]

/** Hosts checked by the US collector cluster; the rest by the master. */
const US_CLUSTER_HOSTS = new Set(['core-sw01', 'core-sw02', 'edge-fw01', 'app01', 'app02', 'app03', 'mq01', 'cache01', 'backup01'])
/** Hosts the quick-start examples and inventory clients touch first are kept healthy. */
const HEALTHY_HOSTS = new Set(['opsview', 'web01'])
/** Hosts that are not up in the seed: web05 is down, backup01 unreachable. */
const HOST_PROBLEMS = new Map<string, { state: 'down' | 'unreachable'; output: string }>([
  ['web05', { state: 'down', output: 'CRITICAL - Host Unreachable (10.10.1.15)' }],
  ['backup01', { state: 'unreachable', output: 'CRITICAL - Network Unreachable (10.30.3.11)' }],
])

const ALL_ACCESSES = Object.keys(ACCESS_IDS) as AccessName[]
const ROLES: Array<{ id: string; fields: Fields }> = [
  {
    id: '10',
    fields: {
      name: 'Administrator',
      description: 'Administrator access',
      accesses: ALL_ACCESSES,
      ...allFlags('1'),
      hostgroups: named(['Opsview']),
    },
  },
  {
    id: '11',
    fields: {
      name: 'View some, change none',
      description: 'Read-only access to the UK web servers',
      accesses: ['VIEWSOME', 'DASHBOARD', 'RRDGRAPHS', 'NAVOPTIONS'],
      ...allFlags('0'),
      access_hostgroups: named(['UK Web Servers']),
      access_servicegroups: named(['OS - Unix Base', 'Application - Web']),
      access_keywords: named(['web']),
    },
  },
  {
    id: '12',
    fields: {
      name: 'Operator',
      description: 'Sees everything, acknowledges and schedules downtime; cannot change configuration',
      accesses: [
        'VIEWALL',
        'ACTIONALL',
        'DOWNTIMEALL',
        'CONFIGUREVIEW',
        'RELOADVIEW',
        'TESTALL',
        'RRDGRAPHS',
        'DASHBOARD',
        'NAVOPTIONS',
        'PASSWORDSAVE',
        'BSM',
      ],
      ...allFlags('1'),
      all_bsm_edit: '0',
    },
  },
]

function allFlags(value: '0' | '1'): Fields {
  return Object.fromEntries(
    [
      'all_hostgroups',
      'all_servicegroups',
      'all_keywords',
      'all_bsm_view',
      'all_bsm_edit',
      'all_bsm_components',
      'all_monitoringservers',
      'all_remotely_managed_clusters',
    ].map((field) => [field, value]),
  )
}

const CONTACT_DETAILS: Record<string, Fields> = {
  admin: {
    fullname: 'Admin user',
    description: 'System Administrator',
    sharednotificationprofiles: named(['Receive all alerts during work hours']),
  },
  operator: {
    fullname: 'Olivia Operator',
    description: 'Night shift',
    sharednotificationprofiles: named(['Production problems, any time']),
  },
  viewer: { fullname: 'Victor Viewer', description: '' },
}

const SERVICE_OUTPUT: Record<ServiceState, string> = {
  ok: 'OK - all checks passed',
  warning: 'WARNING - threshold exceeded',
  critical: 'CRITICAL - check failed',
  unknown: 'UNKNOWN - no data from agent',
}

export async function seedOpsview(store: OpsviewStore, seed = 1): Promise<void> {
  const random = seededRandom(seed)
  // The reset time (not a fresh clock read), so the seed and the check engine share one time base.
  const now = store.lastReload
  const add = (type: ConfigTypeName, fields: Fields, id?: string) => store.config.create(type, fields, id === undefined ? {} : { id })

  for (const [name, id] of Object.entries(ACCESS_IDS)) await add('access', { name }, String(id))
  for (const name of TIMEZONES) await add('timezone', { name })
  for (const [name, description] of CHECKTYPES) await add('checktype', { name, description })
  for (const name of RANCID_VENDORS) await add('rancidvendor', { name })
  for (const name of ICONS) await add('hosticons', { name, img_prefix: `/static/images/logos/${iconFile(name)}` })
  for (const name of PLUGINS) await add('plugin', { name })
  for (const period of TIMEPERIODS) await add('timeperiod', period)
  for (const command of HOSTCHECKS) await add('hostcheckcommand', command)
  for (const attribute of ATTRIBUTES) await add('attribute', attribute)
  for (const cluster of MONITORING_CLUSTERS) await add('monitoringcluster', cluster)
  for (const [name, description, style] of KEYWORDS)
    await add('keyword', { name, description, style, public: name === 'production' ? '1' : '0' })
  for (const [group, checks] of SERVICE_GROUPS) {
    await add('servicegroup', { name: group })
    for (const [name, plugin, args, extra = {}] of checks) {
      await add('servicecheck', {
        name,
        servicegroup: { name: group },
        description: `${name} on ${group.replace(/^\w+ - /, '')}`,
        ...(plugin ? { plugin: { name: plugin }, args } : {}),
        ...(extra.checktype ? { checktype: { name: extra.checktype } } : {}),
        ...(extra.attribute ? { attribute: { name: extra.attribute } } : {}),
        keywords: group === 'Opsview - Components' ? named(['opsview']) : group === 'Application - Backup' ? named(['backup']) : [],
      })
    }
  }
  await add('snmptraprule', {
    name: 'Link down',
    servicecheck: { name: 'Link Status Traps' },
    code: '"${TRAPNAME}" eq "IF-MIB::linkDown"',
    alertlevel: '2',
    message: 'Link $2 went down',
  })
  await add('snmptraprule', {
    name: 'Link up',
    servicecheck: { name: 'Link Status Traps' },
    code: '"${TRAPNAME}" eq "IF-MIB::linkUp"',
    alertlevel: '0',
    message: 'Link $2 is up',
  })
  for (const [name, description, checks] of TEMPLATES) await add('hosttemplate', { name, description, servicechecks: named(checks) })
  for (const [name, parent] of GROUPS) await add('hostgroup', { name, parent: parent === null ? null : { name: parent } })
  for (const role of ROLES) await add('role', role.fields, role.id)
  await add('tenancy', { name: 'Acme Retail', description: 'The retail customer', primary_role: { name: 'View some, change none' } })
  await add('notificationmethod', {
    name: 'Email',
    command: 'notify_by_email',
    namespace: 'com.opsview.notificationmethods.email',
    contact_variables: 'EMAIL',
  })
  await add('notificationmethod', {
    name: 'SMS Notification Module',
    command: 'submit_sms_script',
    namespace: 'com.opsview.notificationmethods.smsgateway',
    contact_variables: 'PAGER',
    active: '0',
  })
  await add('notificationmethod', {
    name: 'Slack',
    command: 'notify_by_slack',
    namespace: 'com.opsview.notificationmethods.slack',
    variables: [{ name: 'SLACK_WEBHOOK_URL', value: 'https://hooks.slack.example/T000' }],
  })
  await add('sharednotificationprofile', {
    name: 'Receive all alerts during work hours',
    role: { name: 'Administrator' },
    notification_period: { name: 'workhours' },
    notificationmethods: named(['Email']),
  })
  await add('sharednotificationprofile', {
    name: 'Production problems, any time',
    role: { name: 'Operator' },
    notificationmethods: named(['Email', 'Slack']),
    all_keywords: '0',
    keywords: named(['production']),
    all_hostgroups: '0',
    hostgroups: named(['UK Web Servers', 'Database Servers']),
  })
  for (const [index, user] of SEEDED_USERS.entries()) {
    await add(
      'contact',
      {
        name: user.username,
        password: user.password,
        role: { name: user.role },
        variables: [
          { name: 'EMAIL', value: `${user.username}@example.com` },
          { name: 'PAGER', value: '' },
        ],
        ...CONTACT_DETAILS[user.username],
      },
      String(index + 1),
    )
  }
  await add('notificationprofile', {
    name: 'My database alerts',
    contact: { name: 'admin' },
    notificationmethods: named(['Email']),
    all_keywords: '0',
    keywords: named(['database']),
  })
  for (const [index, [name, ip, group, templates, alias, keywords]] of HOSTS.entries()) {
    const network = templates.includes('Network - Base')
    const host = (await add(
      'host',
      {
        name,
        ip,
        alias,
        hostgroup: { name: group },
        hosttemplates: named(templates),
        keywords: named(keywords),
        monitored_by: { name: US_CLUSTER_HOSTS.has(name) ? 'collectors-us' : 'Master Monitoring Server' },
        icon: network ? 'LOGO - Cisco' : name === 'opsview' ? 'LOGO - Opsview' : 'LOGO - Linux Penguin',
        enable_snmp: network ? '1' : '0',
        parents: index > 4 ? [{ name: US_CLUSTER_HOSTS.has(name) ? 'core-sw01' : 'edge-fw01' }] : [],
        hostattributes: templates.includes('Base Unix')
          ? [{ name: 'DISK', value: '/' }, ...(name.startsWith('db') ? [{ name: 'DISK', value: '/var/lib/mysql' }] : [])]
          : [{ name: 'INTERFACE', value: 'GigabitEthernet0/1' }],
        ...(network
          ? {
              use_rancid: '1',
              rancid_vendor: { name: 'Cisco' },
              rancid_username: 'rancid',
              snmpinterfaces: snmpInterfaces(['GigabitEthernet0/1', 'GigabitEthernet0/2']),
            }
          : {}),
      },
      String(index + 1),
    )) as HostRecord
    store.runtime.set(host.id, seedRuntime(store, host, random, now))
  }
  await add('collector', {
    name: 'collector01',
    hostname: 'collector01.example.com',
    ip: '10.10.0.11',
    monitoringcluster: { name: 'collectors-us' },
    host: { name: 'collector01' },
    last_heartbeat: String(now),
  })
  await add('bsmcomponent', {
    name: 'Web Farm',
    host_template: { name: 'Web Server' },
    hosts: named(['web01', 'web02', 'web03', 'web04', 'web05']),
    quorum_pct: '60',
  })
  await add('bsmcomponent', {
    name: 'MySQL Cluster',
    host_template: { name: 'Database - MySQL' },
    hosts: named(['db01', 'db02']),
    quorum_pct: '50',
  })
  await add('bsmcomponent', {
    name: 'Core Network',
    host_template: { name: 'Network - Base' },
    hosts: named(['core-sw01', 'core-sw02']),
    quorum_pct: '50',
  })
  await add('bsmservice', { name: 'Online Shop', components: named(['Web Farm', 'MySQL Cluster', 'Core Network']) })
  await add('bsmservice', { name: 'Reporting', components: named(['MySQL Cluster']) })
  await add('netflow_collector', { name: 'Master NetFlow Collector', monitoring_server: { name: 'Master Monitoring Server' } })
  await add('netflow_source', {
    name: 'core-sw01 flows',
    ip: '10.20.0.1',
    collector: { name: 'Master NetFlow Collector' },
    host: { name: 'core-sw01' },
  })
  store.config.commit()
}

function snmpInterfaces(names: string[]): Fields[] {
  return names.map((interfacename, index) => ({
    interfacename,
    indexid: String(index + 1),
    active: '1',
    duplicatename: null,
    throughput_warning: '70%',
    throughput_critical: '90%',
    errors_warning: '10',
    errors_critical: '100',
    discards_warning: '',
    discards_critical: '',
  }))
}

function seedRuntime(store: OpsviewStore, host: HostRecord, random: () => number, now: number): HostRuntime {
  const problem = HOST_PROBLEMS.get(host.name)
  const lastCheck = now - Math.floor(random() * 300)
  const services: ServiceRuntime[] = store.servicesFor(host).map((service) => {
    const roll = random()
    const state: ServiceState = problem
      ? 'unknown'
      : HEALTHY_HOSTS.has(host.name) || roll < 0.8
        ? 'ok'
        : roll < 0.88
          ? 'warning'
          : roll < 0.96
            ? 'critical'
            : 'unknown'
    return {
      ...service,
      state,
      output: problem ? 'UNKNOWN - host is not reachable' : `${SERVICE_OUTPUT[state]} (${service.name})`,
      lastCheck: now - Math.floor(random() * 300),
      stateSince: now - 3600 - Math.floor(random() * 86400 * 7),
      // One critical service per few is already acknowledged, so handled/unhandled both occur.
      acknowledged: state === 'critical' && random() < 0.4,
    }
  })
  return {
    hostId: host.id,
    state: problem?.state ?? 'up',
    output: problem?.output ?? `PING OK - Packet loss = 0%, RTA = ${(0.2 + random()).toFixed(2)} ms`,
    lastCheck,
    stateSince: now - 3600 - Math.floor(random() * 86400 * 3),
    acknowledged: false,
    services,
  }
}
