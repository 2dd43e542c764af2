import { describe, expect, it } from 'vitest'
import { adminFixture, type OpscenterTarget } from './target'

/** Metric series: the documented envelope, deterministic points, and agreement with the rest of the cluster. */
export function metricsContract(target: OpscenterTarget): void {
  const mockOnly = target.kind === 'mock'
  const fx = adminFixture(target)
  const { get } = fx
  const entries = (json: any, subject: string) =>
    json.data[subject] as Array<{ metric: string; columnfamily?: string; device?: string; 'data-points': Array<[number | null, number]> }>

  describe('getClusterMetric', () => {
    it('answers {"Total": {"AVERAGE": [[ts, value], ...]}} one point per step', async () => {
      const result = await get(`/${fx.cluster}/cluster-metrics/all/write-ops?step=5`)
      expect(result.status).toBe(200)
      const points = result.json.Total.AVERAGE as Array<[number, number | null]>
      expect(points.length).toBeGreaterThan(200)
      for (const [ts] of points) expect(ts % 300).toBe(0)
    })

    it.runIf(mockOnly)('answers the same points for the same window (deterministic series)', async () => {
      const path = `/${fx.cluster}/cluster-metrics/DC1/read-ops?start=1699999980&end=1700003580&step=1`
      expect((await get(path)).json).toEqual((await get(path)).json)
      expect((await get(path)).json.Total.AVERAGE).toHaveLength(61)
    })

    it.runIf(mockOnly)('answers MAX at least the AVERAGE of the same step', async () => {
      const window = 'start=1700000000&end=1700086400&step=120'
      const average = (await get(`/${fx.cluster}/cluster-metrics/all/write-ops?${window}`)).json.Total.AVERAGE
      const max = (await get(`/${fx.cluster}/cluster-metrics/all/write-ops?${window}&function=max`)).json.Total.MAX
      max.forEach(([, value]: [number, number], index: number) => expect(value).toBeGreaterThanOrEqual(average[index][1]))
    })

    it.runIf(mockOnly)('agrees with storage-capacity: data-load summed over reporting nodes is used_gb', async () => {
      const points = (await get(`/${fx.cluster}/cluster-metrics/all/data-load?step=1`)).json.Total.AVERAGE
      const used = (await get(`/${fx.cluster}/storage-capacity`)).json.used_gb
      expect(points.at(-1)[1] / 1024 ** 3).toBeCloseTo(used, 1)
    })

    it.runIf(mockOnly)('answers 400 for a step that is not 1, 5, 120 or 1440 and for an end in the future', async () => {
      expect((await get(`/${fx.cluster}/cluster-metrics/all/write-ops?step=7`)).status).toBe(400)
      expect((await get(`/${fx.cluster}/cluster-metrics/all/write-ops?end=99999999999`)).status).toBe(400)
    })

    it.runIf(mockOnly)('answers 404 for an unknown metric key or datacenter', async () => {
      expect((await get(`/${fx.cluster}/cluster-metrics/all/no-such-metric`)).status).toBe(404)
      expect((await get(`/${fx.cluster}/cluster-metrics/NoDC/write-ops`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('getClusterDeviceMetric', () => {
    it('answers a disk device series', async () => {
      const result = await get(`/${fx.cluster}/cluster-metrics/all/os-disk-used/sda?step=120`)
      expect(result.json.Total.AVERAGE.at(-1)[1]).toBeGreaterThan(0)
    })

    it('answers 400 for a node metric asked with a device and 404 for an unknown device', async () => {
      expect((await get(`/${fx.cluster}/cluster-metrics/all/write-ops/sda`)).status).toBe(400)
      expect((await get(`/${fx.cluster}/cluster-metrics/all/os-disk-used/nvme9`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('getClusterTableMetric', () => {
    it('answers a table series', async () => {
      expect((await get(`/${fx.cluster}/cluster-metrics/all/shop/orders/cf-write-ops?step=120`)).json.Total.AVERAGE.length).toBeGreaterThan(
        0,
      )
    })

    it('answers 400 for a node metric asked for a table and 404 for an unknown table', async () => {
      expect((await get(`/${fx.cluster}/cluster-metrics/all/shop/orders/write-ops`)).status).toBe(400)
      expect((await get(`/${fx.cluster}/cluster-metrics/all/shop/nope/cf-write-ops`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('getNodeMetric', () => {
    it('answers the series under the node ip', async () => {
      const result = await get(`/${fx.cluster}/metrics/10.0.1.11/heap-used?step=5`)
      expect(Object.keys(result.json)).toEqual(['10.0.1.11'])
      expect(result.json['10.0.1.11'].AVERAGE.at(-1)[1]).toBeGreaterThan(0)
    })

    it('answers null points while a node is down', async () => {
      const points = (await get(`/${fx.cluster}/metrics/10.0.2.13/write-ops?step=1`)).json['10.0.2.13'].AVERAGE
      expect(points.at(-1)[1]).toBeNull()
      expect(points[0][1]).not.toBeNull()
    })

    it('answers 400 for an unknown function and 404 for an unknown node', async () => {
      expect((await get(`/${fx.cluster}/metrics/10.0.1.11/heap-used?function=median`)).status).toBe(400)
      expect((await get(`/${fx.cluster}/metrics/10.9.9.9/heap-used`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('getNodeDeviceMetric', () => {
    it('answers a network device series', async () => {
      expect(
        (await get(`/${fx.cluster}/metrics/10.0.1.11/os-net-received/eth0?step=120`)).json['10.0.1.11'].AVERAGE.length,
      ).toBeGreaterThan(0)
    })

    it('answers 400 for a table metric with a device and 404 for an unknown node', async () => {
      expect((await get(`/${fx.cluster}/metrics/10.0.1.11/cf-write-ops/eth0`)).status).toBe(400)
      expect((await get(`/${fx.cluster}/metrics/10.9.9.9/os-net-received/eth0`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('getNodeTableMetric', () => {
    it('answers a table series of one node', async () => {
      expect(
        (await get(`/${fx.cluster}/metrics/10.0.1.11/shop/orders/cf-live-disk-used?step=120`)).json['10.0.1.11'].AVERAGE.at(-1)[1],
      ).toBeGreaterThan(0)
    })

    it('answers 400 for a device metric asked for a table and 404 for an unknown keyspace', async () => {
      expect((await get(`/${fx.cluster}/metrics/10.0.1.11/shop/orders/os-disk-used`)).status).toBe(400)
      expect((await get(`/${fx.cluster}/metrics/10.0.1.11/nope/orders/cf-live-disk-used`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('getNewMetrics', () => {
    it('answers {"data": {group: [{metric, data-points: [[value, ts], ...]}]}} aggregated under the node group by default', async () => {
      const result = await get(`/${fx.cluster}/new-metrics?metrics=write-ops,read-ops&step=7200`)
      expect(Object.keys(result.json.data)).toEqual(['*'])
      const [writes, reads] = entries(result.json, '*')
      expect([writes!.metric, reads!.metric]).toEqual(['write-ops', 'read-ops'])
      const [value, ts] = writes!['data-points'].at(-1)!
      expect(ts % 7200).toBe(0)
      expect(value).toBeGreaterThan(0)
    })

    it('agrees with cluster-metrics: the same combined points, value first', async () => {
      const window = 'start=1700000000&end=1700003600'
      const cluster = (await get(`/${fx.cluster}/cluster-metrics/all/write-ops?${window}&step=1`)).json.Total.AVERAGE
      const fresh = (await get(`/${fx.cluster}/new-metrics?metrics=write-ops&${window}&step=60&node_group=all`)).json
      expect(entries(fresh, 'all')[0]!['data-points']).toEqual(cluster.map(([ts, value]: [number, number]) => [value, ts]))
    })

    it('answers one entry per node without node aggregation, per device and per columnfamily', async () => {
      const result = await get(`/${fx.cluster}/new-metrics?metrics=heap-used,os-disk-used&node_group=DC1&node_aggregation=0&step=7200`)
      expect(Object.keys(result.json.data).sort()).toEqual(['10.0.1.11', '10.0.1.12', '10.0.1.13'])
      expect(entries(result.json, '10.0.1.11').map((entry) => [entry.metric, entry.device])).toEqual([
        ['heap-used', undefined],
        ['os-disk-used', 'sda'],
      ])
      const nodes = await get(
        `/${fx.cluster}/new-metrics?metrics=cf-read-ops&nodes=10.0.1.11,10.0.1.12&columnfamilies=shop.orders,shop.customers&step=7200`,
      )
      expect(entries(nodes.json, '10.0.1.11,10.0.1.12').map((entry) => entry.columnfamily)).toEqual(['shop.orders', 'shop.customers'])
    })

    it('answers future points only with forecast=1', async () => {
      const now = Math.floor(Date.now() / 1000)
      const path = `/${fx.cluster}/new-metrics?metrics=write-ops&start=${now}&end=${now + 3600}&step=300`
      expect((await get(path)).status).toBe(400)
      expect(entries((await get(`${path}&forecast=1`)).json, '*')[0]!['data-points'].length).toBeGreaterThan(10)
    })

    it('answers 400 without metrics, for a table metric without columnfamilies or a malformed name, and 404 for unknown keys and tables', async () => {
      expect((await get(`/${fx.cluster}/new-metrics`)).status).toBe(400)
      expect((await get(`/${fx.cluster}/new-metrics?metrics=cf-read-ops`)).status).toBe(400)
      expect((await get(`/${fx.cluster}/new-metrics?metrics=cf-read-ops&columnfamilies=orders`)).status).toBe(400)
      expect((await get(`/${fx.cluster}/new-metrics?metrics=write-ops,bogus`)).status).toBe(404)
      expect((await get(`/${fx.cluster}/new-metrics?metrics=cf-read-ops&columnfamilies=shop.nope`)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('the metric catalogue', () => {
    it('answers every documented family of keys: JVM, caches, thread pools, compaction, OS, disk and network devices, tables', async () => {
      const keys = [
        'cms-collection-time',
        'par-new-collection-count',
        'nonheap-committed',
        'key-cache-hit-rate',
        'row-cache-hits',
        'pending-read-stage',
        'pending-mutation-stage',
        'pending-hinted-handoff',
        'total-compactions-completed',
        'os-cpu-iowait',
        'os-memory-cached',
      ]
      const result = await get(`/${fx.cluster}/new-metrics?metrics=${keys.join(',')}&step=7200`)
      expect(entries(result.json, '*').map((entry) => entry.metric)).toEqual(keys)
      for (const entry of entries(result.json, '*')) expect(entry['data-points'].at(-1)![0]).toEqual(expect.any(Number))
      expect((await get(`/${fx.cluster}/cluster-metrics/all/os-disk-busy/sda?step=120`)).status).toBe(200)
      expect((await get(`/${fx.cluster}/metrics/10.0.1.11/os-net-packets-sent/eth0?step=120`)).status).toBe(200)
      expect((await get(`/${fx.cluster}/metrics/10.0.1.11/shop/orders/cf-bf-false-ratio?step=120`)).status).toBe(200)
    })

    it('answers averaged metrics under Average and summed ones under Total', async () => {
      expect(Object.keys((await get(`/${fx.cluster}/cluster-metrics/all/heap-used?step=120`)).json)).toEqual(['Average'])
      expect(Object.keys((await get(`/${fx.cluster}/cluster-metrics/all/key-cache-hit-rate?step=120`)).json)).toEqual(['Average'])
      expect(Object.keys((await get(`/${fx.cluster}/cluster-metrics/all/key-cache-hits?step=120`)).json)).toEqual(['Total'])
    })

    it('keeps related keys consistent: hits are requests times the hit rate, CPU shares add to 100, disk use agrees with the data', async () => {
      const at = (key: string) => get(`/${fx.cluster}/metrics/10.0.1.11/${key}?start=1700000040&end=1700000040&step=1`)
      const last = async (key: string) => (await at(key)).json['10.0.1.11'].AVERAGE[0][1] as number
      expect(await last('key-cache-hits')).toBeCloseTo(((await last('key-cache-requests')) * (await last('key-cache-hit-rate'))) / 100, 1)
      const cpu = ['os-cpu-user', 'os-cpu-system', 'os-cpu-iowait', 'os-cpu-steal', 'os-cpu-idle', 'os-cpu-nice']
      const shares = await Promise.all(cpu.map(last))
      expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(100, 0)
      const disk = async (key: string) =>
        (await get(`/${fx.cluster}/metrics/10.0.1.11/${key}/sda?start=1700000040&end=1700000040&step=1`)).json['10.0.1.11'].AVERAGE[0][1]
      const [used, free, usage] = [await disk('os-disk-used'), await disk('os-disk-free'), await disk('os-disk-usage')]
      expect((used / (used + free)) * 100).toBeCloseTo(usage, 1)
      expect(used).toBeGreaterThan(await last('data-load'))
    })

    it('answers null for every key while a node is down', async () => {
      const result = await get(
        `/${fx.cluster}/new-metrics?metrics=key-cache-hits,os-cpu-idle,pending-read-stage&nodes=10.0.2.13&node_aggregation=0&step=60`,
      )
      for (const entry of entries(result.json, '10.0.2.13')) expect(entry['data-points'].at(-1)![0]).toBeNull()
    })
  })
}
