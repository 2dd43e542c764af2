import { seededRandom } from '../core/random'
import { ACCESS_IDS, accessRef, type AccessName } from './access'
import type { HostRuntime, OpsviewStore, ServiceRuntime } from './store'
import type { Host, Hostgroup, Hosttemplate, ObjectRef, ServiceState } from './spec-types'

/**
 * The default Opsview world: a host-group tree, ~20 hosts with services from their templates in
 * mixed states, and three users. The same seed number always yields the same objects and states;
 * timestamps are relative to the mock clock.
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

const GROUPS: Array<[id: string, name: string, parent: string | null]> = [
  ['1', 'Opsview', null],
  ['2', 'UK', '1'],
  ['3', 'UK Web Servers', '2'],
  ['4', 'Database Servers', '2'],
  ['5', 'US', '1'],
  ['6', 'Network', '5'],
  ['7', 'Monitoring Servers', '1'],
  ['8', 'Application Servers', '5'],
]

const TEMPLATES: Array<[id: string, name: string, description: string, checks: string[]]> = [
  ['1', 'Base Unix', 'Checks every Linux server gets', ['Unix Load Average', 'Unix Memory', 'Unix Disk: /', 'SSH']],
  ['2', 'Network - Base', 'Switches, routers and firewalls over SNMP', ['Interface Poller', 'SNMP Agent', 'Uptime']],
  ['3', 'Web Server', 'HTTP and TLS checks', ['HTTP', 'HTTPS', 'SSL Certificate']],
  ['4', 'Database - MySQL', 'MySQL health', ['MySQL Connections', 'MySQL Replication']],
  ['5', 'Opsview - Master', 'The monitoring server itself', ['Opsview Daemons', 'Opsview Housekeeping']],
]

// id, name, ip, group id, template ids, alias
const HOSTS: Array<[string, string, string, string, string[], string]> = [
  ['1', 'opsview', '10.10.0.10', '7', ['1', '5'], 'Opsview Master Server'],
  ['2', 'collector01', '10.10.0.11', '7', ['1'], 'Opsview collector'],
  ['3', 'core-sw01', '10.20.0.1', '6', ['2'], 'Core switch A'],
  ['4', 'core-sw02', '10.20.0.2', '6', ['2'], 'Core switch B'],
  ['5', 'edge-fw01', '10.20.0.254', '6', ['2'], 'Edge firewall'],
  ['6', 'lb01', '10.10.1.10', '3', ['1', '3'], 'Load balancer'],
  ['7', 'web01', '10.10.1.11', '3', ['1', '3'], 'Public web server 1'],
  ['8', 'web02', '10.10.1.12', '3', ['1', '3'], 'Public web server 2'],
  ['9', 'web03', '10.10.1.13', '3', ['1', '3'], 'Public web server 3'],
  ['10', 'web04', '10.10.1.14', '3', ['1', '3'], 'Public web server 4'],
  ['11', 'web05', '10.10.1.15', '3', ['1', '3'], 'Public web server 5'],
  ['12', 'db01', '10.10.2.11', '4', ['1', '4'], 'Primary database'],
  ['13', 'db02', '10.10.2.12', '4', ['1', '4'], 'Replica database'],
  ['14', 'db03', '10.10.2.13', '4', ['1', '4'], 'Reporting database'],
  ['15', 'app01', '10.30.1.11', '8', ['1'], 'Order service 1'],
  ['16', 'app02', '10.30.1.12', '8', ['1'], 'Order service 2'],
  ['17', 'app03', '10.30.1.13', '8', ['1'], 'Billing service'],
  ['18', 'mq01', '10.30.2.11', '8', ['1'], 'Message queue'],
  ['19', 'cache01', '10.30.2.21', '8', ['1'], 'Redis cache'],
  ['20', 'backup01', '10.30.3.11', '8', ['1'], 'Backup server'],
]

/** Hosts the quick-start examples and inventory clients touch first are kept healthy. */
const HEALTHY_HOSTS = new Set(['1', '7'])

/** Hosts that are not up in the seed: web05 is down, backup01 unreachable. */
const HOST_PROBLEMS: Record<string, { state: 'down' | 'unreachable'; output: string }> = {
  '11': { state: 'down', output: 'CRITICAL - Host Unreachable (10.10.1.15)' },
  '20': { state: 'unreachable', output: 'CRITICAL - Network Unreachable (10.30.3.11)' },
}

const ALL_ACCESSES = Object.keys(ACCESS_IDS) as AccessName[]
const ROLES: Array<{ id: string; name: string; description: string; accesses: AccessName[]; allGroups: boolean; groups: string[] }> = [
  { id: '10', name: 'Administrator', description: 'Administrator access', accesses: ALL_ACCESSES, allGroups: true, groups: [] },
  {
    id: '11',
    name: 'View some, change none',
    description: 'Read-only access to the UK web servers',
    accesses: ['VIEWSOME', 'DASHBOARD', 'RRDGRAPHS', 'NAVOPTIONS'],
    allGroups: false,
    groups: ['3'],
  },
  {
    id: '12',
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
    ],
    allGroups: true,
    groups: [],
  },
]

const CONTACTS: Array<[id: string, user: SeedUser, fullname: string]> = [
  ['1', SEEDED_USERS[0]!, 'Admin user'],
  ['2', SEEDED_USERS[1]!, 'Olivia Operator'],
  ['3', SEEDED_USERS[2]!, 'Victor Viewer'],
]

const SERVICE_OUTPUT: Record<ServiceState, string> = {
  ok: 'OK - all checks passed',
  warning: 'WARNING - threshold exceeded',
  critical: 'CRITICAL - check failed',
  unknown: 'UNKNOWN - no data from agent',
}

const ref = (type: string, id: string, name: string): ObjectRef => ({ name, ref: `/rest/config/${type}/${id}` })

export async function seedOpsview(store: OpsviewStore, seed = 1): Promise<void> {
  const random = seededRandom(seed)
  // The reset time (not a fresh clock read), so the seed and the check engine share one time base.
  const now = store.lastReload
  const groupName = (id: string) => GROUPS.find(([groupId]) => groupId === id)![1]
  const templateName = (id: string) => TEMPLATES.find(([templateId]) => templateId === id)![1]

  for (const [id, name, parent] of GROUPS) {
    await store.tables.hostgroup.insert({
      id,
      ref: `/rest/config/hostgroup/${id}`,
      name,
      parent: parent ? ref('hostgroup', parent, groupName(parent)) : null,
      children: [],
      hosts: [],
      is_leaf: '1',
      matpath: '',
      uncommitted: '0',
    } satisfies Hostgroup)
  }
  for (const [id, name, description, checks] of TEMPLATES) {
    await store.tables.hosttemplate.insert({
      id,
      ref: `/rest/config/hosttemplate/${id}`,
      name,
      description,
      hosts: [],
      servicechecks: checks.map((check) => ({ name: check })),
      uncommitted: '0',
    } satisfies Hosttemplate)
  }
  for (const role of ROLES) {
    await store.tables.role.insert({
      id: role.id,
      ref: `/rest/config/role/${role.id}`,
      name: role.name,
      description: role.description,
      priority: '1000',
      accesses: role.accesses.map(accessRef).sort((a, b) => a.name.localeCompare(b.name)),
      all_hostgroups: role.allGroups ? '1' : '0',
      access_hostgroups: role.groups.map((id) => ref('hostgroup', id, groupName(id))),
      contacts: [],
      uncommitted: '0',
    })
  }
  for (const [id, user, fullname] of CONTACTS) {
    const role = ROLES.find((item) => item.name === user.role)!
    await store.tables.contact.insert({
      id,
      ref: `/rest/config/contact/${id}`,
      name: user.username,
      fullname,
      description: '',
      realm: 'local',
      language: '',
      role: ref('role', role.id, role.name),
      uncommitted: '0',
    })
    store.passwords.set(id, user.password)
  }
  for (const [id, name, ip, group, templates, alias] of HOSTS) {
    const host: Host = {
      id,
      ref: `/rest/config/host/${id}`,
      name,
      ip,
      alias,
      hostgroup: ref('hostgroup', group, groupName(group)),
      hosttemplates: templates.map((templateId) => ref('hosttemplate', templateId, templateName(templateId))),
      monitored_by: { name: 'Master Monitoring Server', ref: '/rest/config/monitoringcluster/1' },
      icon: templates.includes('2')
        ? { name: 'LOGO - Cisco', path: '/static/images/logos/cisco_small.png' }
        : { name: 'LOGO - Linux Penguin', path: '/static/images/logos/penguin_small.png' },
      check_attempts: '2',
      check_interval: '300',
      retry_check_interval: '60',
      notification_interval: '60',
      enable_snmp: templates.includes('2') ? '1' : '0',
      other_addresses: '',
      uncommitted: '0',
    }
    await store.tables.host.insert(host)
    store.runtime.set(id, seedRuntime(store, host, random, now))
  }
  await store.refreshDerived()
  store.changesSinceReload = 0
}

function seedRuntime(store: OpsviewStore, host: Host, random: () => number, now: number): HostRuntime {
  const problem = HOST_PROBLEMS[host.id]
  const lastCheck = now - Math.floor(random() * 300)
  const services: ServiceRuntime[] = store.servicesFor(host).map((service) => {
    const roll = random()
    const state: ServiceState = problem
      ? 'unknown'
      : HEALTHY_HOSTS.has(host.id) || roll < 0.8
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
