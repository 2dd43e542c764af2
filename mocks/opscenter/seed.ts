import { seededRandom } from '../core/random'
import { ADMIN_ROLE, PERMISSION } from './permissions'
import { createLcm } from './resources/lcm-objects'
import { GB, type ClusterRuntime, type KeyspaceRecord, type NodeActivity, type OpscenterStore, emptyBackupState } from './store'
import { tableProperties } from './resources/keyspaces'
import { takeBackup } from './world/backups'
import type { AlertRule, BestPracticeResult, ClusterConfig, DashboardPreset, Node, PermissionMap } from './spec-types'

/**
 * The default OpsCenter world: `Test_Cluster` (6 nodes in DC1 and DC2, 10.0.2.13 down) and `Prod_Cluster`
 * (3 nodes), their keyspaces, alert rules, fired alerts and best-practice results; an `admin` user, a
 * `user` role that can only view Test_Cluster and a user holding it, and a user with two roles. The same
 * seed number gives the same sizes; times are relative to the mock clock.
 */
export interface SeedUser {
  username: string
  password: string
  roles: string[]
}

export const SEEDED_USERS: readonly SeedUser[] = [
  { username: 'admin', password: 'admin', roles: [ADMIN_ROLE] },
  { username: 'testuser', password: 'testuser', roles: ['user'] },
  { username: 'ops', password: 'ops', roles: ['user', 'operator'] },
]

const SEEDED_ROLES: Record<string, PermissionMap> = {
  [ADMIN_ROLE]: {},
  user: { Test_Cluster: { [PERMISSION.viewCluster]: true } },
  operator: {
    Test_Cluster: { [PERMISSION.viewCluster]: true, [PERMISSION.manageAlerts]: true, [PERMISSION.bestPractice]: true },
    Prod_Cluster: { [PERMISSION.viewCluster]: true, [PERMISSION.bestPractice]: true, [PERMISSION.editConnection]: true },
  },
}

interface SeedCluster {
  id: string
  snitch: string
  nodes: Array<[ip: string, dc: string, rack: string]>
  down: string[]
  /** A node whose heap runs hot, so the seeded heap rule fires for it. */
  hotHeap?: string
  keyspaces: Record<
    string,
    [strategy: 'NetworkTopologyStrategy' | 'SimpleStrategy' | 'LocalStrategy', options: Record<string, string>, tables: string[]]
  >
}

const CLUSTERS: SeedCluster[] = [
  {
    id: 'Test_Cluster',
    snitch: 'org.apache.cassandra.locator.GossipingPropertyFileSnitch',
    nodes: [
      ['10.0.1.11', 'DC1', 'RAC1'],
      ['10.0.1.12', 'DC1', 'RAC2'],
      ['10.0.1.13', 'DC1', 'RAC3'],
      ['10.0.2.11', 'DC2', 'RAC1'],
      ['10.0.2.12', 'DC2', 'RAC2'],
      ['10.0.2.13', 'DC2', 'RAC3'],
    ],
    down: ['10.0.2.13'],
    hotHeap: '10.0.1.12',
    keyspaces: {
      shop: ['NetworkTopologyStrategy', { DC1: '3', DC2: '3' }, ['orders', 'customers', 'products']],
      OpsCenter: ['NetworkTopologyStrategy', { DC1: '2', DC2: '2' }, ['events', 'rollups60', 'settings']],
      system_auth: ['SimpleStrategy', { replication_factor: '1' }, ['roles', 'role_permissions']],
      system_traces: ['SimpleStrategy', { replication_factor: '2' }, ['events', 'sessions']],
      system: ['LocalStrategy', {}, ['local', 'peers']],
    },
  },
  {
    id: 'Prod_Cluster',
    snitch: 'org.apache.cassandra.locator.Ec2Snitch',
    nodes: [
      ['10.1.1.11', 'us-east', '1a'],
      ['10.1.1.12', 'us-east', '1b'],
      ['10.1.1.13', 'us-east', '1c'],
    ],
    down: [],
    keyspaces: {
      billing: ['NetworkTopologyStrategy', { 'us-east': '3' }, ['invoices', 'payments']],
      system_auth: ['NetworkTopologyStrategy', { 'us-east': '3' }, ['roles', 'role_permissions']],
      system: ['LocalStrategy', {}, ['local', 'peers']],
    },
  },
]

const ALERT_RULES: AlertRule[] = [
  {
    id: 'node-down',
    type: 'node-down',
    metric: 'node-down',
    comparator: '>',
    threshold: 0,
    duration: 1,
    enabled: true,
    notify_interval: 60,
  },
  {
    id: 'heap-high',
    type: 'rolling-avg',
    metric: 'heap-used',
    comparator: '>',
    // 85% of the 8 GiB heap every seeded node runs with, in bytes as heap-used reports.
    threshold: Math.round(0.85 * 8 * GB),
    duration: 5,
    enabled: true,
    notify_interval: 60,
  },
]

/** The seeded rules: what each checks and, for a failing one, why it fails. */
const BEST_PRACTICE: ReadonlyArray<
  Pick<BestPracticeResult, 'name' | 'status' | 'display-name' | 'description' | 'recommendation' | 'category' | 'importance' | 'scope'> & {
    failure?: string
  }
> = [
  {
    name: 'use-oracle-java',
    status: 'Passed',
    'display-name': 'Oracle Java recommended',
    description: 'Checks that every node runs a supported Java',
    recommendation: 'Use the latest supported Java',
    category: 'OS',
    importance: 'Medium',
    scope: 'node',
  },
  {
    name: 'repair-run-frequency',
    status: 'Failed',
    'display-name': 'Repair frequency',
    description: 'Checks that every node is repaired within gc_grace_seconds',
    recommendation: 'Run repair on every node at least once per gc_grace_seconds',
    category: 'Operations',
    importance: 'High',
    scope: 'cluster',
    failure: 'Not every token range was repaired within gc_grace_seconds',
  },
  {
    name: 'seed-node-config',
    status: 'Passed',
    'display-name': 'Seed node configuration',
    description: 'Checks that every node of a datacenter has the same seed list',
    recommendation: 'Use the same seed list on every node of a datacenter',
    category: 'Config',
    importance: 'High',
    scope: 'cluster',
  },
]

/** Two daily runs of a rule, in DataStax's documented result shape. */
function bestPracticeRuns(rule: (typeof BEST_PRACTICE)[number], now: number): BestPracticeResult[] {
  const { failure, ...fields } = rule
  const result: BestPracticeResult = {
    ...fields,
    'alert-level': rule.importance === 'High' ? 'ALERT' : 'WARN',
    enabled_by_default: true,
    errors: { 'cluster-error': failure ?? null, 'node-errors': null, 'request-errors': null },
    run_time: now - 2 * 86400,
    suggested_interval: '1 day',
    version: '1.0',
  }
  return [result, { ...result, run_time: now - 86400 }]
}

/** The dashboard presets every seeded cluster starts with; they plot metric keys of the catalogue. */
function seedPresets(cluster: SeedCluster): DashboardPreset[] {
  const [keyspace, [, , tables]] = Object.entries(cluster.keyspaces)[0]!
  return [
    {
      id: 'overview',
      name: 'Overview',
      graphs: [
        {
          title: 'Cluster reads and writes',
          metrics: [
            { metric: 'read-ops', ip: '__cluster__' },
            { metric: 'write-ops', ip: '__cluster__' },
          ],
        },
        { title: 'Heap used', metrics: [{ metric: 'heap-used', ip: '__all__' }] },
        {
          title: `${keyspace}.${tables[0]} writes`,
          metrics: [{ metric: 'cf-write-ops', ip: '__all__', colfam: `${keyspace}.${tables[0]}` }],
        },
      ],
    },
    {
      id: 'storage',
      name: 'Storage',
      graphs: [
        { title: 'Data load', metrics: [{ metric: 'data-load', ip: '__cluster__' }] },
        { title: 'Disk usage', metrics: [{ metric: 'os-disk-usage', ip: '__all__', device: 'sda' }] },
      ],
    },
  ]
}

/** LCM objects the DataStax scripts list before creating their own; fixed ids keep examples stable. */
const LCM_SEED = {
  repository: {
    id: '3c1e8d0e-2b7a-4c51-9a8e-5a0c9d1f2e3b',
    name: 'datastax-public',
    comment: 'Seeded repository',
    'use-proxy': false,
    'repo-url': null,
    'repo-key-url': null,
  },
  credential: {
    id: '9b2f4d6a-1c3e-4f5a-8b7c-0d1e2f3a4b5c',
    name: 'ubuntu-sudo',
    'login-user': 'ubuntu',
    'become-user': 'root',
    'become-mode': 'sudo',
    'use-ssh-keys': false,
  },
  cluster: { id: '5d4c3b2a-6e7f-4a8b-9c0d-1e2f3a4b5c6d', name: 'Test_Cluster', comment: null },
  profile: { id: '0b6e1f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b', name: 'dse68-default', 'datastax-version': '6.8.35', comment: null, json: {} },
  datacenter: { id: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'DC1' },
  nodes: [
    { id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', name: 'cass-dc1-1', 'ssh-management-address': '10.0.1.11', rack: 'RAC1' },
    { id: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a', name: 'cass-dc1-2', 'ssh-management-address': '10.0.1.12', rack: 'RAC2' },
  ],
}

export async function seedOpscenter(store: OpscenterStore, seed = 1): Promise<void> {
  store.seed = seed
  const random = seededRandom(seed)
  const now = store.clock.nowSeconds()
  for (const cluster of CLUSTERS) {
    const config: ClusterConfig = {
      cassandra: {
        seed_hosts: cluster.nodes
          .filter((_, index) => index % 3 === 0)
          .map(([ip]) => ip)
          .join(', '),
        api_port: '9160',
      },
      jmx: { port: '7199' },
      agents: { use_ssl: 'false' },
    }
    await store.clusters.insert({ id: cluster.id, config })
    store.runtime.set(cluster.id, seedRuntime(cluster, random, now))
    seedEvents(store, cluster, now)
    const [firstKeyspace] = Object.keys(cluster.keyspaces)
    takeBackup(store, cluster.id, {
      source: 'adhoc',
      time: now - 86400,
      keyspaces: [firstKeyspace!],
      destinations: ['OPSC_ON_SERVER'],
      requestId: null,
    })
  }
  for (const [role, permissions] of Object.entries(SEEDED_ROLES))
    await store.roles.insert({ id: role, permissions: structuredClone(permissions) })
  for (const user of SEEDED_USERS) {
    await store.users.insert({ id: user.username, username: user.username, roles: [...user.roles] })
    store.passwords.set(user.username, user.password)
  }
  const { id: repositoryId, ...repository } = LCM_SEED.repository
  const { id: credentialId, ...credential } = LCM_SEED.credential
  const { id: clusterId, ...cluster } = LCM_SEED.cluster
  await createLcm(store, 'repositories', repository, repositoryId)
  await createLcm(store, 'machine_credentials', credential, credentialId)
  const { id: profileId, ...profile } = LCM_SEED.profile
  await createLcm(store, 'config_profiles', profile, profileId)
  await createLcm(
    store,
    'clusters',
    { ...cluster, 'machine-credential-id': credentialId, 'repository-id': repositoryId, 'config-profile-id': profileId },
    clusterId,
  )
  const { id: datacenterId, ...datacenter } = LCM_SEED.datacenter
  await createLcm(store, 'datacenters', { ...datacenter, 'cluster-id': clusterId }, datacenterId)
  for (const { id, ...node } of LCM_SEED.nodes) await createLcm(store, 'nodes', { ...node, 'datacenter-id': datacenterId }, id)
}

function seedRuntime(cluster: SeedCluster, random: () => number, now: number): ClusterRuntime {
  const nodes: Node[] = cluster.nodes.map(([ip, dc, rack], index) => {
    const down = cluster.down.includes(ip)
    return {
      node_ip: ip,
      node_name: `cass-${dc.toLowerCase()}-${(index % 3) + 1}.example.com`,
      dc,
      rack,
      last_seen: down ? now - 3600 : 0,
      mode: down ? 'unknown' : 'normal',
      version: '6.8.35',
      load: Math.round((15 + random() * 10) * GB),
      num_procs: 8,
    }
  })
  const keyspaces = new Map<string, KeyspaceRecord>()
  for (const [name, [strategy, options, tables]] of Object.entries(cluster.keyspaces)) {
    const bytes = Math.round(random() * 50_000_000) + 1_000_000
    keyspaces.set(name, {
      replica_placement_strategy: `org.apache.cassandra.locator.${strategy}`,
      strategy_options: options,
      durable_writes: true,
      tables: new Map(
        tables.map((table, index) => [
          table,
          {
            properties: tableProperties(name),
            bytes: Math.round((bytes * (tables.length - index)) / ((tables.length * (tables.length + 1)) / 2)),
          },
        ]),
      ),
    })
  }
  const activity = new Map<string, NodeActivity>(
    nodes.map((node) => [
      node.node_ip,
      {
        downtime: node.mode === 'unknown' ? [{ from: node.last_seen }] : [],
        compactions: [],
        heapRatio: cluster.hotHeap === node.node_ip ? 0.9 : undefined,
        agent: true,
      },
    ]),
  )
  return {
    info: {
      name: cluster.id,
      partitioner: 'org.apache.cassandra.dht.Murmur3Partitioner',
      snitch: cluster.snitch,
      node_count: nodes.length,
      datacenters: [...new Set(nodes.map((node) => node.dc))],
    },
    nodes,
    diskBytes: new Map(nodes.map((node) => [node.node_ip, 300 * GB])),
    keyspaces,
    alertRules: new Map(ALERT_RULES.map((rule) => [rule.id, { ...rule }])),
    bestPractice: new Map(BEST_PRACTICE.map((rule) => [rule.name, bestPracticeRuns(rule, now)])),
    schedules: new Map(),
    presets: new Map(seedPresets(cluster).map((preset) => [preset.id, preset])),
    defaultPreset: 'overview',
    activity,
    events: [],
    notificationsEnabled: true,
    logLevel: 'info',
    ...emptyBackupState(),
  }
}

/** A day of history: the down node going down, a repair and a compaction the day before. */
function seedEvents(store: OpscenterStore, cluster: SeedCluster, now: number): void {
  const info = (message: string, action: number, node: string | null, at: number) =>
    store.logEvent(
      cluster.id,
      {
        action,
        level: 1,
        level_str: 'INFO',
        message,
        source_node: null,
        target_node: node,
        api_source_ip: null,
        user: null,
        success: true,
      },
      at,
    )
  const [first] = cluster.nodes
  info(`OpsCenter started monitoring cluster ${cluster.id}`, 1, null, now - 86400)
  if (first) info(`Repair of keyspace ${Object.keys(cluster.keyspaces)[0]} on node ${first[0]} finished`, 27, first[0], now - 43200)
  for (const ip of cluster.down)
    store.logEvent(
      cluster.id,
      {
        action: 2,
        level: 3,
        level_str: 'ERROR',
        message: `Node ${ip} is down`,
        source_node: null,
        target_node: ip,
        api_source_ip: null,
        user: null,
        success: null,
      },
      now - 3600,
    )
}
