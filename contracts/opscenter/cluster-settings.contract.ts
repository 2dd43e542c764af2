import { beforeAll, describe, expect, it } from 'vitest'
import { call, loginAs, NO_PERMISSION, type OpscenterSession, type OpscenterTarget } from './target'

/** One cluster or node property, partial configuration changes and the log level. */
export function clusterSettingsContract(target: OpscenterTarget): void {
  const mockOnly = target.kind === 'mock'
  let admin: OpscenterSession
  let cluster: string
  const get = (path: string) => call(target, 'GET', path, { session: admin })
  const put = (path: string, body?: unknown) =>
    call(target, 'PUT', path, { session: admin, body: body === undefined ? undefined : JSON.stringify(body) })

  beforeAll(async () => {
    if (mockOnly) await target.control!.reset()
    admin = await loginAs(target, target.credentials.admin)
    cluster = mockOnly ? 'Test_Cluster' : Object.keys((await get('/cluster-configs')).json)[0]!
  })

  describe('getClusterProperty and getNodeProperty', () => {
    it('answers one property of the cluster as bare JSON', async () => {
      const info = (await get(`/${cluster}/cluster`)).json
      expect((await get(`/${cluster}/cluster/partitioner`)).json).toBe(info.partitioner)
    })

    it('answers one property of one node as bare JSON', async () => {
      const [node] = (await get(`/${cluster}/nodes`)).json
      expect((await get(`/${cluster}/nodes/${node.node_ip}/dc`)).json).toBe(node.dc)
    })

    it.runIf(mockOnly)('answers 404 for unknown properties, inherited names and unknown nodes', async () => {
      expect((await get(`/${cluster}/cluster/no_such_property`)).status).toBe(404)
      expect((await get(`/${cluster}/cluster/constructor`)).status).toBe(404)
      expect((await get(`/${cluster}/nodes/10.0.1.11/no_such_property`)).status).toBe(404)
      expect((await get(`/${cluster}/nodes/10.9.9.9/dc`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('updateClusterConfigPartial', () => {
    it('merges the sections sent into the configuration', async () => {
      const before = (await get(`/cluster-configs/${cluster}`)).json
      expect(
        (await put(`/cluster-configs/${cluster}/partial`, { jmx: { port: '7299' }, cassandra_metrics: { ignored_keyspaces: 'system' } }))
          .json,
      ).toEqual({})
      expect((await get(`/cluster-configs/${cluster}`)).json).toEqual({
        ...before,
        jmx: { ...before.jmx, port: '7299' },
        cassandra_metrics: { ignored_keyspaces: 'system' },
      })
    })

    it('answers 400 and changes nothing when the result is invalid, 404 for an unknown cluster', async () => {
      const before = (await get(`/cluster-configs/${cluster}`)).json
      expect((await put(`/cluster-configs/${cluster}/partial`, { cassandra: { seed_hosts: '' } })).status).toBe(400)
      expect((await put(`/cluster-configs/${cluster}/partial`, { jmx: 7199 })).status).toBe(400)
      expect((await get(`/cluster-configs/${cluster}`)).json).toEqual(before)
      expect((await put('/cluster-configs/No_Such_Cluster/partial', { jmx: { port: '1' } })).status).toBe(404)
    })

    it('needs Edit Connection Settings', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      const result = await call(target, 'PUT', `/cluster-configs/${cluster}/partial`, { session: viewer, body: '{"jmx":{"port":"1"}}' })
      expect(result.json).toEqual(NO_PERMISSION)
    })
  })

  describe.runIf(mockOnly)('setLogLevel', () => {
    it('sets the level and logs it', async () => {
      expect((await put(`/${cluster}/log/level/DEBUG`)).json).toEqual({})
      expect((await get(`/${cluster}/events?count=1`)).json[0].message).toBe('Log level set to debug')
    })

    it('answers 400 for an unknown level and 404 for an unknown cluster', async () => {
      expect((await put(`/${cluster}/log/level/loud`)).status).toBe(400)
      expect((await put('/No_Such_Cluster/log/level/info')).status).toBe(404)
    })
  })
}
