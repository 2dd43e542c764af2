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
  return { 'opscenter-session': login.json.sessionid }
}

/** What a client sees: users, roles, cluster configs, and every per-cluster view, and LCM. */
async function answers(mock: OpscenterService): Promise<unknown[]> {
  const headers = await session(mock)
  const get = async (path: string) => ({ path, ...(await callService(mock.service, 'GET', path, { headers })).json })
  const clusters = Object.keys((await callService(mock.service, 'GET', '/cluster-configs', { headers })).json)
  const perCluster = clusters.flatMap((id) =>
    [
      'nodes',
      'cluster',
      'keyspaces',
      'storage-capacity',
      'datasize/keyspaces',
      'alerts/fired',
      'alert-rules',
      'bestpractice/results/latest',
    ].map((view) => `/${id}/${view}`),
  )
  const lcm = ['repositories', 'machine_credentials', 'clusters'].map((kind) => `/api/v2/lcm/${kind}/`)
  return Promise.all(['/users', '/permissions/roles', '/cluster-configs', ...perCluster, ...lcm].map(get))
}

describe('OpsCenter world', () => {
  it('exports the seed as a world that loads back to the same answers', async () => {
    const seeded = await createOpscenterService()
    const loaded = await createOpscenterService({ world: seeded.world.export() })
    expect(await answers(loaded)).toEqual(await answers(seeded))
  })

  it('round-trips changes made through the API and the world actions', async () => {
    const mock = await createOpscenterService()
    const headers = await session(mock)
    expect(
      (await callService(mock.service, 'POST', '/users/dana', { headers, body: { password: 'Passw0rd!', role: 'user' } })).status,
    ).toBe(200)
    mock.world.setNodeState({ cluster: 'Prod_Cluster', node: '10.1.1.12', state: 'down' })
    mock.world.fireAlert({ cluster: 'Test_Cluster', rule: 'heap-high', node: '10.0.1.11', value: 97, message: 'Heap at 97%' })
    const copy = await createOpscenterService({ world: mock.world.export() })
    expect(await answers(copy)).toEqual(await answers(mock))
  })

  it('builds a compact world: nodes with defaults, a node down, the users and roles named', async () => {
    const mock = await createOpscenterService({
      world: parseWorldText(
        [
          'vendor: opscenter',
          'roles:',
          '  - name: viewer',
          '    permissions: { Shop: { "View Cluster": true } }',
          'users:',
          '  - { username: admin, password: admin, roles: [admin] }',
          '  - { username: vic, password: vic, roles: [viewer] }',
          'clusters:',
          '  - name: Shop',
          '    nodes:',
          '      - ip: 10.5.0.1',
          '      - { ip: 10.5.0.2, state: down }',
          '    keyspaces:',
          '      orders: { replica_placement_strategy: SimpleStrategy, strategy_options: { replication_factor: "2" }, column_families: [items] }',
        ].join('\n'),
        'shop.yaml',
      ),
    })
    const headers = await session(mock, 'vic', 'vic')
    const nodes = await callService(mock.service, 'GET', '/Shop/nodes', { headers })
    expect(nodes.json.map((node: { node_ip: string; mode: string }) => [node.node_ip, node.mode])).toEqual([
      ['10.5.0.1', 'normal'],
      ['10.5.0.2', 'unknown'],
    ])
    const keyspace = await callService(mock.service, 'GET', '/Shop/keyspaces/orders', { headers })
    expect(keyspace.json.replica_placement_strategy).toBe('org.apache.cassandra.locator.SimpleStrategy')
    expect(
      (await callService(mock.service, 'GET', '/cluster-configs', { headers: await session(mock) })).json.Shop.cassandra.seed_hosts,
    ).toBe('10.5.0.1')
  })

  it('refuses unknown roles, alerts on unknown nodes and rules, with their lines', async () => {
    const text = [
      'vendor: opscenter',
      'users:',
      '  - { username: a, password: a, roles: [nobody] }',
      'clusters:',
      '  - name: C',
      '    nodes: [{ ip: 10.0.0.1 }]',
      '    firedAlerts:',
      '      - { alert_rule_id: nope, node: 10.9.9.9 }',
    ].join('\n')
    const error = await createOpscenterService({ world: parseWorldText(text, 'c.yaml') }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(WorldError)
    expect((error as WorldError).problems.map((problem) => `${problem.line} ${problem.path}`)).toEqual([
      '3 /users/0/roles/0',
      '8 /clusters/0/firedAlerts/0/node',
      '8 /clusters/0/firedAlerts/0/alert_rule_id',
    ])
  })

  it('takes a node down and back up, firing and clearing its node-down alert', async () => {
    const mock = await createOpscenterService()
    const headers = await session(mock)
    mock.world.setNodeState({ cluster: 'Prod_Cluster', node: '10.1.1.11', state: 'down' })
    const fired = await callService(mock.service, 'GET', '/Prod_Cluster/alerts/fired', { headers })
    expect(fired.json).toEqual([expect.objectContaining({ alert_rule_id: 'node-down', node: '10.1.1.11' })])
    mock.world.setNodeState({ cluster: 'Prod_Cluster', node: '10.1.1.11', state: 'up' })
    expect((await callService(mock.service, 'GET', '/Prod_Cluster/alerts/fired', { headers })).json).toEqual([])
    expect(() => mock.world.setNodeState({ cluster: 'Nope', node: 'x', state: 'up' })).toThrow(/No cluster named "Nope"/)
  })
})
