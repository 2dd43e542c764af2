import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, dropCookieSession, loginAs, type OpscenterSession, type OpscenterTarget } from './target'

export function clustersContract(target: OpscenterTarget): void {
  const mockOnly = target.kind === 'mock'
  let admin: OpscenterSession
  /** The first cluster the server lists; on the mock, the seeded Test_Cluster. */
  let cluster: string
  const added: string[] = []
  const get = (path: string) => call(target, 'GET', path, { session: admin })

  beforeAll(async () => {
    admin = await loginAs(target, target.credentials.admin)
    cluster = mockOnly ? 'Test_Cluster' : Object.keys((await get('/cluster-configs')).json)[0]!
  })
  afterAll(async () => {
    for (const id of added) await call(target, 'DELETE', `/cluster-configs/${id}`, { session: admin })
  })

  describe('listClusterConfigs', () => {
    it('answers configurations keyed by cluster id, each with cassandra.seed_hosts', async () => {
      const result = await get('/cluster-configs')
      expect(result.status).toBe(200)
      for (const config of Object.values(result.json)) expect((config as any).cassandra.seed_hosts).toEqual(expect.any(String))
      if (mockOnly) expect(Object.keys(result.json)).toEqual(['Test_Cluster', 'Prod_Cluster'])
    })
  })

  describe('getClusterConfig', () => {
    it('answers one configuration', async () => {
      expect((await get(`/cluster-configs/${cluster}`)).json.cassandra.seed_hosts).toEqual(expect.any(String))
    })

    it('answers 404 for a cluster that does not exist', async () => {
      const result = await get('/cluster-configs/No_Such_Cluster')
      expect(result.status).toBe(404)
      expect(result.json.type).toBe('NotFound')
    })
  })

  describe.runIf(mockOnly)('createClusterConfig', () => {
    it('answers the new cluster id as a JSON string, and each seed host becomes a node', async () => {
      const result = await call(target, 'POST', '/cluster-configs', {
        session: admin,
        body: '{"cassandra":{"seed_hosts":"host1, host2"},"cassandra_metrics":{},"jmx":{"port":"7199"}}',
      })
      expect(result.status).toBe(201)
      expect(result.json).toEqual(expect.any(String))
      added.push(result.json)
      expect((await get(`/${result.json}/nodes`)).json.map((node: any) => node.node_ip)).toEqual(['host1', 'host2'])
    })

    it('names the cluster from cassandra.cluster_name and answers 409 when it exists', async () => {
      const body = '{"cassandra":{"seed_hosts":"10.9.0.1","cluster_name":"Named_Cluster"}}'
      expect((await call(target, 'POST', '/cluster-configs', { session: admin, body })).json).toBe('Named_Cluster')
      added.push('Named_Cluster')
      expect((await call(target, 'POST', '/cluster-configs', { session: admin, body })).status).toBe(409)
    })

    it('gives no role but admin any permission on a new cluster', async () => {
      const id = (await call(target, 'POST', '/cluster-configs', { session: admin, body: '{"cassandra":{"seed_hosts":"h"}}' })).json
      added.push(id)
      const ops = await loginAs(target, target.credentials.multiRole!)
      expect(Object.keys((await call(target, 'GET', '/cluster-configs', { session: ops })).json)).not.toContain(id)
    })

    it.each([
      ['no cassandra section', '{"jmx":{"port":"7199"}}'],
      ['an empty seed_hosts', '{"cassandra":{"seed_hosts":""}}'],
      ['a section that is not an object', '{"cassandra":{"seed_hosts":"h"},"jmx":7199}'],
      ['malformed JSON', '{"cassandra":'],
    ])('answers 400 and adds nothing for %s', async (_case, body) => {
      const before = Object.keys((await get('/cluster-configs')).json)
      expect((await call(target, 'POST', '/cluster-configs', { session: admin, body })).status).toBe(400)
      expect(Object.keys((await get('/cluster-configs')).json)).toEqual(before)
    })

    it('answers 401 to a non-admin', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect((await call(target, 'POST', '/cluster-configs', { session: viewer, body: '{"cassandra":{"seed_hosts":"h"}}' })).status).toBe(
        401,
      )
    })
  })

  describe.runIf(mockOnly)('updateClusterConfig', () => {
    it('replaces the configuration', async () => {
      const body = { cassandra: { seed_hosts: '10.1.1.11, 10.1.1.12' }, jmx: { port: '7299' } }
      expect((await call(target, 'PUT', '/cluster-configs/Prod_Cluster', { session: admin, body: JSON.stringify(body) })).json).toEqual({})
      expect((await get('/cluster-configs/Prod_Cluster')).json).toEqual(body)
    })

    it('answers 400 and keeps the configuration for a body without seed_hosts', async () => {
      const before = (await get('/cluster-configs/Test_Cluster')).json
      expect((await call(target, 'PUT', '/cluster-configs/Test_Cluster', { session: admin, body: '{"cassandra":{}}' })).status).toBe(400)
      expect((await get('/cluster-configs/Test_Cluster')).json).toEqual(before)
    })

    it('answers 404 for a cluster that does not exist', async () => {
      expect(
        (await call(target, 'PUT', '/cluster-configs/No_Such_Cluster', { session: admin, body: '{"cassandra":{"seed_hosts":"h"}}' }))
          .status,
      ).toBe(404)
    })
  })

  describe.runIf(mockOnly)('deleteClusterConfig', () => {
    it("removes the cluster and every role's permissions on it", async () => {
      const id = (
        await call(target, 'POST', '/cluster-configs', { session: admin, body: '{"cassandra":{"seed_hosts":"h","cluster_name":"Doomed"}}' })
      ).json
      await call(target, 'PUT', '/permissions/roles/operator', {
        session: admin,
        body: JSON.stringify({ ...(await get('/permissions/roles/operator')).json, Doomed: { 'View Cluster': true } }),
      })
      expect((await call(target, 'DELETE', `/cluster-configs/${id}`, { session: admin })).json).toEqual({})
      expect((await get(`/${id}/nodes`)).status).toBe(404)
      expect((await get('/permissions/roles/operator')).json).not.toHaveProperty('Doomed')
    })

    it('answers 404 for a cluster that does not exist', async () => {
      expect((await call(target, 'DELETE', '/cluster-configs/No_Such_Cluster', { session: admin })).status).toBe(404)
    })
  })

  describe('cluster reads', () => {
    it('listNodes answers the fields monitoring plugins read', async () => {
      const result = await get(`/${cluster}/nodes`)
      expect(result.status).toBe(200)
      for (const node of result.json)
        expect(node).toEqual(expect.objectContaining({ node_ip: expect.any(String), last_seen: expect.any(Number) }))
    })

    it.runIf(mockOnly)('listNodes shows 6 nodes in 2 datacenters with one down', async () => {
      const nodes = (await get('/Test_Cluster/nodes')).json
      expect(nodes).toHaveLength(6)
      expect(new Set(nodes.map((node: any) => node.dc))).toEqual(new Set(['DC1', 'DC2']))
      expect(nodes.filter((node: any) => node.last_seen > 0).map((node: any) => node.node_ip)).toEqual(['10.0.2.13'])
    })

    it('getNode answers one node and 404 for an unknown ip', async () => {
      const ip = (await get(`/${cluster}/nodes`)).json[0].node_ip
      expect((await get(`/${cluster}/nodes/${ip}`)).json.node_ip).toBe(ip)
      expect((await get(`/${cluster}/nodes/192.0.2.254`)).status).toBe(404)
    })

    it('getNodesProperty maps every node ip to the property', async () => {
      const nodes = (await get(`/${cluster}/nodes`)).json
      const result = await get(`/${cluster}/nodes/all/last_seen`)
      expect(Object.keys(result.json).sort()).toEqual(nodes.map((node: any) => node.node_ip).sort())
    })

    it.runIf(mockOnly)('getNodesProperty answers 404 for an unknown property', async () => {
      expect((await get('/Test_Cluster/nodes/all/favourite_colour')).status).toBe(404)
    })

    it('getClusterInfo answers name, partitioner and snitch', async () => {
      expect((await get(`/${cluster}/cluster`)).json).toEqual(
        expect.objectContaining({ partitioner: expect.any(String), snitch: expect.any(String) }),
      )
    })

    it('listKeyspaces and getKeyspace answer replication settings', async () => {
      const keyspaces = (await get(`/${cluster}/keyspaces`)).json
      const [name] = Object.keys(keyspaces)
      expect((await get(`/${cluster}/keyspaces/${name}`)).json).toEqual(keyspaces[name!])
      expect((await get(`/${cluster}/keyspaces/no_such_keyspace`)).status).toBe(404)
    })

    it.runIf(mockOnly)('getKeyspace answers the per-datacenter replication of shop', async () => {
      expect((await get('/Test_Cluster/keyspaces/shop')).json.strategy_options).toEqual({ DC1: '3', DC2: '3' })
    })

    it('getStorageCapacity answers free and used GB', async () => {
      const result = await get(`/${cluster}/storage-capacity`)
      expect(result.json).toEqual({ free_gb: expect.any(Number), used_gb: expect.any(Number), reporting_nodes: expect.any(Number) })
      if (mockOnly) expect(result.json.reporting_nodes).toBe(5)
    })

    it('getKeyspacesDataSize answers a bare number', async () => {
      expect(typeof (await get(`/${cluster}/datasize/keyspaces`)).json).toBe('number')
    })

    it('listFiredAlerts answers a list', async () => {
      const result = await get(`/${cluster}/alerts/fired`)
      expect(Array.isArray(result.json)).toBe(true)
      if (mockOnly) expect(result.json.map((alert: any) => alert.node)).toContain('10.0.2.13')
    })

    it('listAlertRules answers a list', async () => {
      expect(Array.isArray((await get(`/${cluster}/alert-rules`)).json)).toBe(true)
    })

    it('getBestPracticeResults answers results keyed by rule with a status', async () => {
      const result = await get(`/${cluster}/bestpractice/results/latest`)
      for (const rule of Object.values(result.json)) expect((rule as any).status).toEqual(expect.any(String))
    })

    it('answers 404 on every read of a cluster that does not exist', async () => {
      for (const path of [
        'nodes',
        'cluster',
        'keyspaces',
        'storage-capacity',
        'datasize/keyspaces',
        'alerts/fired',
        'alert-rules',
        'bestpractice/results/latest',
      ]) {
        expect((await get(`/No_Such_Cluster/${path}`)).status, path).toBe(404)
      }
    })

    it('answers 401 without a session', async () => {
      await dropCookieSession(target)
      expect((await call(target, 'GET', `/${cluster}/nodes`)).status).toBe(401)
    })
  })

  describe.runIf(mockOnly)('runBestPracticeRule', () => {
    it("answers the rule's result with a new run time, which becomes the latest", async () => {
      const before = (await get('/Test_Cluster/bestpractice/results/latest')).json['use-oracle-java']
      await target.control!.advanceClock(60)
      const result = await call(target, 'POST', '/Test_Cluster/bestpractice/run/use-oracle-java', { session: admin })
      expect(result.status).toBe(200)
      expect(result.json).toEqual({ ...before, run_time: expect.any(Number) })
      expect(result.json.run_time).toBeGreaterThan(before.run_time)
      expect((await get('/Test_Cluster/bestpractice/results/latest')).json['use-oracle-java']).toEqual(result.json)
    })

    it('answers 404 for an unknown rule', async () => {
      expect((await call(target, 'POST', '/Test_Cluster/bestpractice/run/no-such-rule', { session: admin })).status).toBe(404)
    })

    it('lets a role with Best Practice Service run rules', async () => {
      const ops = await loginAs(target, target.credentials.multiRole!)
      expect((await call(target, 'POST', '/Test_Cluster/bestpractice/run/repair-run-frequency', { session: ops })).json.status).toBe(
        'Failed',
      )
    })
  })
}
