import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { callService } from '../core/service-client'
import { parseWorldText, WorldError } from '../core/world'
import { createOpscenterService, type OpscenterService } from './service'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2030, 0, 1, 12) })
})
afterEach(() => {
  vi.useRealTimers()
})

async function session(mock: OpscenterService, username = 'admin', password = 'admin'): Promise<Record<string, string>> {
  const login = await callService(mock.service, 'POST', '/login', { body: { username, password } })
  expect(login.status, `login as ${username}`).toBe(200)
  return { 'opscenter-session': login.json.sessionid }
}

/** What a client sees: users and roles, every cluster's nodes, schema, alerts, metrics and events, and LCM. */
async function answers(mock: OpscenterService): Promise<unknown[]> {
  const headers = await session(mock)
  const now = Math.floor(Date.now() / 1000)
  const paths = [
    '/users',
    '/permissions/roles',
    '/permissions/roles/operator',
    '/cluster-configs',
    ...['Test_Cluster', 'Prod_Cluster'].flatMap((cluster) => [
      `/${cluster}/nodes`,
      `/${cluster}/cluster`,
      `/${cluster}/keyspaces`,
      `/${cluster}/alert-rules`,
      `/${cluster}/alerts/fired`,
      `/${cluster}/bestpractice/results`,
      `/${cluster}/rc/dashboard_presets`,
      `/${cluster}/events?count=100`,
      `/${cluster}/storage-capacity`,
      `/${cluster}/datasize/keyspaces`,
      `/${cluster}/cluster-metrics/all/heap-used?start=${now - 7200}&end=${now}&step=300`,
    ]),
    `/Test_Cluster/metrics/10.0.1.12/heap-used?start=${now - 3600}&end=${now}&step=60`,
    `/Test_Cluster/metrics/10.0.2.13/read-ops?start=${now - 7200}&end=${now}&step=300`,
    ...['repositories', 'machine_credentials', 'config_profiles', 'clusters', 'datacenters', 'nodes'].map((kind) => `/api/v2/lcm/${kind}`),
  ]
  return Promise.all(
    paths.map(async (path) => {
      const answer = await callService(mock.service, 'GET', path, { headers })
      return { path, status: answer.status, body: answer.json }
    }),
  )
}

describe('OpsCenter world', () => {
  it('exports the seed as a world that loads back to the same answers', async () => {
    const seeded = await createOpscenterService()
    const loaded = await createOpscenterService({ world: seeded.world.export() })
    const expected = await answers(seeded)
    expect(expected.every((answer: any) => answer.status === 200)).toBe(true)
    expect(await answers(loaded)).toEqual(expected)
  })

  it('round-trips changes made through the API and the world actions', async () => {
    const mock = await createOpscenterService()
    const headers = await session(mock)
    const created = await callService(mock.service, 'POST', '/users/ana', { headers, body: { password: 'secret', roles: ['user'] } })
    expect(created.status).toBe(200)
    const repository = await callService(mock.service, 'POST', '/api/v2/lcm/repositories/', { headers, body: { name: 'mirror' } })
    expect(repository.status).toBe(201)
    const gc = await callService(mock.service, 'GET', '/Test_Cluster/ops/gc/10.0.1.11', { headers })
    expect(gc.status).toBe(200)
    await mock.world.setNodeState({ cluster: 'Test_Cluster', node: '10.0.1.13', state: 'down' })
    mock.service.clock.advance(600_000)
    await mock.world.setNodeState({ cluster: 'Test_Cluster', node: '10.0.2.13', state: 'up' })
    mock.world.setHeapBaseline({ cluster: 'Prod_Cluster', node: '10.1.1.11', heapRatio: 0.95 })
    const copy = await createOpscenterService({ world: mock.world.export() })
    copy.service.clock.advance(600_000)
    expect(await answers(copy)).toEqual(await answers(mock))
    await session(copy, 'ana', 'secret')
    // The next create gets a fresh id in both: the load moved the id counter past the pinned ones.
    const next = async (target: OpscenterService) =>
      callService(target.service, 'POST', '/api/v2/lcm/repositories/', { headers: await session(target), body: { name: 'second' } })
    const [original, copied] = [await next(mock), await next(copy)]
    expect(copied.status).toBe(201)
    expect(copied.json.id).toBe(original.json.id)
    expect(copied.json.id).not.toBe(repository.json.id)
  })

  it('builds a compact world: references by name, omitted fields take what a new cluster gets', async () => {
    const mock = await createOpscenterService({
      world: parseWorldText(
        [
          'vendor: opscenter',
          'roles:',
          '  - name: viewer',
          '    permissions: { Shop: { "View Cluster": true } }',
          'users:',
          '  - { username: admin, password: pw, roles: [admin] }',
          '  - { username: ana, password: secret, roles: [viewer] }',
          'clusters:',
          '  - name: Shop',
          '    nodes:',
          '      - { ip: 10.9.0.1 }',
          '      - { ip: 10.9.0.2, state: down, secondsDown: 300 }',
          '      - { ip: 10.9.0.3, heapRatio: 0.93 }',
          '    keyspaces:',
          '      orders: { strategy_options: { replication_factor: "3" }, tables: [items, totals] }',
          '    alertRules:',
          '      - { id: down, type: node-down, metric: node-down, comparator: ">", threshold: 0, duration: 1, enabled: true, notify_interval: 60 }',
          '      - { id: heap, type: rolling-avg, metric: heap-used, comparator: ">", threshold: 7000000000, duration: 5, enabled: true, notify_interval: 60 }',
          'lcm:',
          '  repositories: [{ name: public }]',
          '  machine_credentials: [{ name: ssh, login-user: ubuntu }]',
          '  config_profiles: [{ name: dse68, datastax-version: 6.8.35 }]',
          '  clusters: [{ name: Shop, repository: public, machine-credential: ssh, config-profile: dse68 }]',
          '  datacenters: [{ name: DC1, cluster: Shop }]',
          '  nodes: [{ name: shop-1, datacenter: DC1, ssh-management-address: 10.9.0.1 }]',
        ].join('\n'),
        'shop.yaml',
      ),
    })
    const headers = await session(mock, 'ana', 'secret')
    const nodes = await callService(mock.service, 'GET', '/Shop/nodes', { headers })
    expect(nodes.json.map((node: any) => [node.node_ip, node.dc, node.rack, node.mode])).toEqual([
      ['10.9.0.1', 'DC1', 'RAC1', 'normal'],
      ['10.9.0.2', 'DC1', 'RAC1', 'unknown'],
      ['10.9.0.3', 'DC1', 'RAC1', 'normal'],
    ])
    const fired = await callService(mock.service, 'GET', '/Shop/alerts/fired', { headers })
    expect(fired.json.map((alert: any) => [alert.alert_rule_id, alert.node])).toEqual([
      ['down', '10.9.0.2'],
      ['heap', '10.9.0.3'],
    ])
    const keyspace = await callService(mock.service, 'GET', '/Shop/keyspaces/orders', { headers })
    expect(keyspace.json).toMatchObject({
      replica_placement_strategy: 'org.apache.cassandra.locator.SimpleStrategy',
      column_families: { items: { gc_grace_seconds: 864000 }, totals: {} },
    })
    const admin = await session(mock, 'admin', 'pw')
    const lcmNodes = await callService(mock.service, 'GET', '/api/v2/lcm/nodes', { headers: admin })
    const datacenters = await callService(mock.service, 'GET', '/api/v2/lcm/datacenters', { headers: admin })
    expect(lcmNodes.json.results[0]['datacenter-id']).toBe(datacenters.json.results[0].id)
    expect(mock.world.export()).toMatchObject({ lcm: { nodes: [{ name: 'shop-1', datacenter: 'DC1' }] } })
  })

  it('refuses a bad world listing every problem by path and line, and changes nothing', async () => {
    const text = [
      'vendor: opscenter',
      'users:',
      '  - { username: ana, password: x, roles: [nobody] }',
      'clusters:',
      '  - name: Shop',
      '    nodes: [{ ip: 10.0.0.1, colour: red }]',
      '    defaultPreset: missing',
      'lcm:',
      '  datacenters: [{ name: DC1, cluster: Nowhere }]',
      '  config_profiles: [{ name: dse }]',
    ].join('\n')
    let error: unknown
    await createOpscenterService({ world: parseWorldText(text, 'shop.yaml') }).catch((caught) => (error = caught))
    expect(error).toBeInstanceOf(WorldError)
    const problems = (error as WorldError).problems.map((problem) => `${problem.file}:${problem.line} ${problem.path} ${problem.message}`)
    expect(problems).toEqual(
      expect.arrayContaining([
        "shop.yaml:6 /clusters/0/nodes/0/colour unknown field 'colour'",
        "shop.yaml:3 /users/0/roles/0 no role named 'nobody'",
        "shop.yaml:7 /clusters/0/defaultPreset no preset with id 'missing' in this cluster",
        "shop.yaml:9 /lcm/datacenters/0/cluster no cluster named 'Nowhere' in lcm.clusters",
        "shop.yaml:10 /lcm/config_profiles/0 missing required field 'datastax-version'",
      ]),
    )
    const mock = await createOpscenterService()
    const before = mock.world.export()
    const answer = await callService(mock.service, 'PUT', '/__opsmocks/state', {
      body: text,
      headers: { 'content-type': 'application/yaml' },
    })
    expect(answer.status).toBe(400)
    expect(answer.json.problems).toHaveLength(problems.length)
    expect(mock.world.export()).toEqual(before)
  })

  it('fires and clears alerts through the control API, and snapshots and restores by name', async () => {
    const mock = await createOpscenterService()
    const before = await answers(mock)
    const snapshot = await callService(mock.service, 'POST', '/__opsmocks/snapshots', { body: { name: 'clean' } })
    expect(snapshot.status).toBe(201)
    const headers = await session(mock)
    const fire = await callService(mock.service, 'POST', '/__opsmocks/world/fireAlert', {
      body: { cluster: 'Prod_Cluster', rule: 'heap-high', node: '10.1.1.12' },
    })
    expect(fire.json).toMatchObject({ alert_rule_id: 'heap-high', node: '10.1.1.12' })
    await callService(mock.service, 'POST', '/__opsmocks/world/fireAlert', {
      body: { cluster: 'Prod_Cluster', rule: 'node-down', node: '10.1.1.13' },
    })
    const fired = await callService(mock.service, 'GET', '/Prod_Cluster/alerts/fired', { headers })
    expect(fired.json.map((alert: any) => alert.id)).toEqual(['node-down:10.1.1.13', 'heap-high:10.1.1.12'])
    const node = await callService(mock.service, 'GET', '/Prod_Cluster/nodes/10.1.1.13', { headers })
    expect(node.json.mode).toBe('unknown')
    await callService(mock.service, 'POST', '/__opsmocks/world/clearAlert', {
      body: { cluster: 'Prod_Cluster', rule: 'node-down', node: '10.1.1.13' },
    })
    const unknownRule = await callService(mock.service, 'POST', '/__opsmocks/world/clearAlert', {
      body: { cluster: 'Prod_Cluster', rule: 'nope', node: '10.1.1.13' },
    })
    expect(unknownRule.status).toBe(404)
    expect((await callService(mock.service, 'GET', '/Prod_Cluster/alerts/fired', { headers })).json).toHaveLength(1)
    await callService(mock.service, 'POST', '/__opsmocks/snapshots/clean/restore')
    expect(await answers(mock)).toEqual(before)
  })
})
