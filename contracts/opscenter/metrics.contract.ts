import { beforeAll, describe, expect, it } from 'vitest'
import { call, loginAs, type OpscenterSession, type OpscenterTarget } from './target'

/** Metric series: the documented envelope, deterministic points, and agreement with the rest of the cluster. */
export function metricsContract(target: OpscenterTarget): void {
  const mockOnly = target.kind === 'mock'
  let admin: OpscenterSession
  let cluster: string
  const get = (path: string) => call(target, 'GET', path, { session: admin })

  beforeAll(async () => {
    if (mockOnly) await target.control!.reset()
    admin = await loginAs(target, target.credentials.admin)
    cluster = mockOnly ? 'Test_Cluster' : Object.keys((await get('/cluster-configs')).json)[0]!
  })

  describe('getClusterMetric', () => {
    it('answers {"Total": {"AVERAGE": [[ts, value], ...]}} one point per step', async () => {
      const result = await get(`/${cluster}/cluster-metrics/all/write-ops?step=5`)
      expect(result.status).toBe(200)
      const points = result.json.Total.AVERAGE as Array<[number, number | null]>
      expect(points.length).toBeGreaterThan(200)
      for (const [ts] of points) expect(ts % 300).toBe(0)
    })

    it.runIf(mockOnly)('answers the same points for the same window (deterministic series)', async () => {
      const path = `/${cluster}/cluster-metrics/DC1/read-ops?start=1699999980&end=1700003580&step=1`
      expect((await get(path)).json).toEqual((await get(path)).json)
      expect((await get(path)).json.Total.AVERAGE).toHaveLength(61)
    })

    it.runIf(mockOnly)('answers MAX at least the AVERAGE of the same step', async () => {
      const window = 'start=1700000000&end=1700086400&step=120'
      const average = (await get(`/${cluster}/cluster-metrics/all/write-ops?${window}`)).json.Total.AVERAGE
      const max = (await get(`/${cluster}/cluster-metrics/all/write-ops?${window}&function=max`)).json.Total.MAX
      max.forEach(([, value]: [number, number], index: number) => expect(value).toBeGreaterThanOrEqual(average[index][1]))
    })

    it.runIf(mockOnly)('agrees with storage-capacity: data-load summed over reporting nodes is used_gb', async () => {
      const points = (await get(`/${cluster}/cluster-metrics/all/data-load?step=1`)).json.Total.AVERAGE
      const used = (await get(`/${cluster}/storage-capacity`)).json.used_gb
      expect(points.at(-1)[1] / 1024 ** 3).toBeCloseTo(used, 1)
    })

    it.runIf(mockOnly)('answers 400 for a step that is not 1, 5, 120 or 1440 and for an end in the future', async () => {
      expect((await get(`/${cluster}/cluster-metrics/all/write-ops?step=7`)).status).toBe(400)
      expect((await get(`/${cluster}/cluster-metrics/all/write-ops?end=99999999999`)).status).toBe(400)
    })

    it.runIf(mockOnly)('answers 404 for an unknown metric key or datacenter', async () => {
      expect((await get(`/${cluster}/cluster-metrics/all/no-such-metric`)).status).toBe(404)
      expect((await get(`/${cluster}/cluster-metrics/NoDC/write-ops`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('getClusterDeviceMetric', () => {
    it('answers a disk device series', async () => {
      const result = await get(`/${cluster}/cluster-metrics/all/os-disk-used/sda?step=120`)
      expect(result.json.Total.AVERAGE.at(-1)[1]).toBeGreaterThan(0)
    })

    it('answers 400 for a node metric asked with a device and 404 for an unknown device', async () => {
      expect((await get(`/${cluster}/cluster-metrics/all/write-ops/sda`)).status).toBe(400)
      expect((await get(`/${cluster}/cluster-metrics/all/os-disk-used/nvme9`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('getClusterTableMetric', () => {
    it('answers a table series', async () => {
      expect((await get(`/${cluster}/cluster-metrics/all/shop/orders/cf-write-ops?step=120`)).json.Total.AVERAGE.length).toBeGreaterThan(0)
    })

    it('answers 400 for a node metric asked for a table and 404 for an unknown table', async () => {
      expect((await get(`/${cluster}/cluster-metrics/all/shop/orders/write-ops`)).status).toBe(400)
      expect((await get(`/${cluster}/cluster-metrics/all/shop/nope/cf-write-ops`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('getNodeMetric', () => {
    it('answers the series under the node ip', async () => {
      const result = await get(`/${cluster}/metrics/10.0.1.11/heap-used?step=5`)
      expect(Object.keys(result.json)).toEqual(['10.0.1.11'])
      expect(result.json['10.0.1.11'].AVERAGE.at(-1)[1]).toBeGreaterThan(0)
    })

    it('answers null points while a node is down', async () => {
      const points = (await get(`/${cluster}/metrics/10.0.2.13/write-ops?step=1`)).json['10.0.2.13'].AVERAGE
      expect(points.at(-1)[1]).toBeNull()
      expect(points[0][1]).not.toBeNull()
    })

    it('answers 400 for an unknown function and 404 for an unknown node', async () => {
      expect((await get(`/${cluster}/metrics/10.0.1.11/heap-used?function=median`)).status).toBe(400)
      expect((await get(`/${cluster}/metrics/10.9.9.9/heap-used`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('getNodeDeviceMetric', () => {
    it('answers a network device series', async () => {
      expect((await get(`/${cluster}/metrics/10.0.1.11/os-net-received/eth0?step=120`)).json['10.0.1.11'].AVERAGE.length).toBeGreaterThan(0)
    })

    it('answers 400 for a table metric with a device and 404 for an unknown node', async () => {
      expect((await get(`/${cluster}/metrics/10.0.1.11/cf-write-ops/eth0`)).status).toBe(400)
      expect((await get(`/${cluster}/metrics/10.9.9.9/os-net-received/eth0`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('getNodeTableMetric', () => {
    it('answers a table series of one node', async () => {
      expect(
        (await get(`/${cluster}/metrics/10.0.1.11/shop/orders/cf-live-disk-used?step=120`)).json['10.0.1.11'].AVERAGE.at(-1)[1],
      ).toBeGreaterThan(0)
    })

    it('answers 400 for a device metric asked for a table and 404 for an unknown keyspace', async () => {
      expect((await get(`/${cluster}/metrics/10.0.1.11/shop/orders/os-disk-used`)).status).toBe(400)
      expect((await get(`/${cluster}/metrics/10.0.1.11/nope/orders/cf-live-disk-used`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('getNewMetrics', () => {
    it('answers several metrics at once, aggregated under Total by default', async () => {
      const result = await get(`/${cluster}/new-metrics?metrics=write-ops,read-ops&step=120`)
      expect(Object.keys(result.json)).toEqual(['write-ops', 'read-ops'])
      expect(Object.keys(result.json['write-ops'])).toEqual(['Total'])
    })

    it('answers one series per node of a datacenter without node aggregation, and devices and tables by name', async () => {
      const result = await get(`/${cluster}/new-metrics?metrics=heap-used,os-disk-used&node_group=DC1&node_aggregation=0&step=120`)
      expect(Object.keys(result.json['heap-used']).sort()).toEqual(['10.0.1.11', '10.0.1.12', '10.0.1.13'])
      expect(Object.keys(result.json['os-disk-used'])).toContain('10.0.1.11/sda')
      const table = await get(`/${cluster}/new-metrics?metrics=cf-read-ops&keyspace=shop&table=orders&step=120`)
      expect(Object.keys(table.json['cf-read-ops'])).toEqual(['Total/shop.orders'])
    })

    it('answers future points only with forecast=1', async () => {
      const now = Math.floor(Date.now() / 1000)
      const path = `/${cluster}/new-metrics?metrics=write-ops&start=${now}&end=${now + 3600}&step=5`
      expect((await get(path)).status).toBe(400)
      expect((await get(`${path}&forecast=1`)).json['write-ops'].Total.AVERAGE.length).toBeGreaterThan(10)
    })

    it('answers 400 without metrics and 404 for an unknown metric key', async () => {
      expect((await get(`/${cluster}/new-metrics`)).status).toBe(400)
      expect((await get(`/${cluster}/new-metrics?metrics=write-ops,bogus`)).status).toBe(404)
    })
  })
}
