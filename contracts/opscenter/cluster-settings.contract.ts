import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { NO_PERMISSION, type OpscenterTarget, adminFixture, call, loginAs } from './target'

/** One cluster or node property, partial configuration changes and the log level. */
export function clusterSettingsContract(target: OpscenterTarget): void {
  const mockOnly = target.kind === 'mock'
  const fx = adminFixture(target)
  const { get } = fx
  const put = (path: string, body?: unknown) => fx.send('PUT', path, body)

  describe('getClusterProperty and getNodeProperty', () => {
    it('answers one property of the cluster as bare JSON', async () => {
      const info = (await get(`/${fx.cluster}/cluster`)).json
      expect((await get(`/${fx.cluster}/cluster/partitioner`)).json).toBe(info.partitioner)
    })

    it('answers one property of one node as bare JSON', async () => {
      const [node] = (await get(`/${fx.cluster}/nodes`)).json
      expect((await get(`/${fx.cluster}/nodes/${node.node_ip}/dc`)).json).toBe(node.dc)
    })

    it.runIf(mockOnly)('answers 404 for unknown properties, inherited names and unknown nodes', async () => {
      expect((await get(`/${fx.cluster}/cluster/no_such_property`)).status).toBe(404)
      expect((await get(`/${fx.cluster}/cluster/constructor`)).status).toBe(404)
      expect((await get(`/${fx.cluster}/nodes/10.0.1.11/no_such_property`)).status).toBe(404)
      expect((await get(`/${fx.cluster}/nodes/10.9.9.9/dc`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('updateClusterConfigPartial', () => {
    it('merges the sections sent into the configuration', async () => {
      const before = (await get(`/cluster-configs/${fx.cluster}`)).json
      expect(
        (await put(`/cluster-configs/${fx.cluster}/partial`, { jmx: { port: '7299' }, cassandra_metrics: { ignored_keyspaces: 'system' } }))
          .json,
      ).toEqual({})
      expect((await get(`/cluster-configs/${fx.cluster}`)).json).toEqual({
        ...before,
        jmx: { ...before.jmx, port: '7299' },
        cassandra_metrics: { ignored_keyspaces: 'system' },
      })
    })

    it('answers 400 and changes nothing when the result is invalid, 404 for an unknown cluster', async () => {
      const before = (await get(`/cluster-configs/${fx.cluster}`)).json
      expect((await put(`/cluster-configs/${fx.cluster}/partial`, { cassandra: { seed_hosts: '' } })).status).toBe(400)
      expect((await put(`/cluster-configs/${fx.cluster}/partial`, { jmx: 7199 })).status).toBe(400)
      expect((await get(`/cluster-configs/${fx.cluster}`)).json).toEqual(before)
      expect((await put('/cluster-configs/No_Such_Cluster/partial', { jmx: { port: '1' } })).status).toBe(404)
    })

    it('needs Edit Connection Settings', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      const result = await call(target, 'PUT', `/cluster-configs/${fx.cluster}/partial`, { session: viewer, body: '{"jmx":{"port":"1"}}' })
      expect(result.json).toEqual(NO_PERMISSION)
    })
  })

  describe('getDiagnosticsTarball', () => {
    const download = async (path: string) => {
      const response = await target.fetch(`${target.baseUrl}${path}`, { headers: fx.admin.headers })
      return { status: response.status, type: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) }
    }

    it('answers a gzip stream', async () => {
      const result = await download(`/${fx.cluster}/diagnostics.tar.gz`)
      expect(result.status).toBe(200)
      expect([result.bytes[0], result.bytes[1]]).toEqual([0x1f, 0x8b])
    })

    it.runIf(mockOnly)("holds a tar of OpsCenter's view and every node's files, agreeing with the API", async () => {
      const tar = new Uint8Array(gunzipSync((await download(`/${fx.cluster}/diagnostics.tar.gz`)).bytes))
      const files = new Map<string, string>()
      const decoder = new TextDecoder()
      const field = (from: number, length: number) => decoder.decode(tar.subarray(from, from + length)).replace(/\0.*$/s, '')
      for (let offset = 0; offset < tar.length && tar[offset] !== 0;) {
        const size = parseInt(field(offset + 124, 12), 8)
        expect(field(offset + 257, 6)).toBe('ustar')
        const prefix = field(offset + 345, 155)
        files.set(
          prefix ? `${prefix}/${field(offset, 100)}` : field(offset, 100),
          decoder.decode(tar.subarray(offset + 512, offset + 512 + size)),
        )
        offset += 512 + Math.ceil(size / 512) * 512
      }
      const nodes = (await get(`/${fx.cluster}/nodes`)).json
      for (const node of nodes)
        expect(files.has(`${fx.cluster}-diagnostics/nodes/${node.node_ip}/nodetool/status`), node.node_ip).toBe(true)
      expect(JSON.parse(files.get(`${fx.cluster}-diagnostics/opscenterd/cluster_config.json`)!)).toEqual(
        (await get(`/cluster-configs/${fx.cluster}`)).json,
      )
      expect(files.get(`${fx.cluster}-diagnostics/nodes/10.0.1.11/nodetool/status`)).toMatch(/DN\s+10\.0\.2\.13/)
      expect(files.get(`${fx.cluster}-diagnostics/nodes/10.0.2.13/logs/cassandra/system.log`)).toContain('Node 10.0.2.13 is down')
    })

    it.runIf(mockOnly)('answers 404 for a cluster that does not exist', async () => {
      expect((await download('/No_Such_Cluster/diagnostics.tar.gz')).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('setLogLevel', () => {
    it('sets the level and logs it', async () => {
      expect((await put(`/${fx.cluster}/log/level/DEBUG`)).json).toEqual({})
      expect((await get(`/${fx.cluster}/events?count=1`)).json[0].message).toBe('Log level set to debug')
    })

    it('answers 400 for an unknown level and 404 for an unknown cluster', async () => {
      expect((await put(`/${fx.cluster}/log/level/loud`)).status).toBe(400)
      expect((await put('/No_Such_Cluster/log/level/info')).status).toBe(404)
    })
  })
}
