import { beforeAll, describe, expect, it } from 'vitest'
import { call, loginAs, NO_PERMISSION, type OpscenterSession, type OpscenterTarget } from './target'

/**
 * Node and cluster operations in mock time (mock only: they really stop and remove nodes). Each request
 * runs 30 s per node; the clock control moves past it and the cluster shows the result.
 */
export function operationsContract(target: OpscenterTarget): void {
  let admin: OpscenterSession
  const C = '/Test_Cluster'
  const get = (path: string) => call(target, 'GET', path, { session: admin })
  const post = (path: string, body?: unknown) =>
    call(target, 'POST', path, { session: admin, body: body === undefined ? undefined : JSON.stringify(body) })
  const node = async (ip: string) => (await get(`${C}/nodes`)).json.find((item: any) => item.node_ip === ip)
  const status = async (id: string) => (await get(`/request/${id}/status`)).json

  beforeAll(async () => {
    await target.control!.reset()
    admin = await loginAs(target, target.credentials.admin)
  })

  describe('stopNode and startNode', () => {
    it('stops a node: down in /nodes, its metrics stop, its node-down alert fires and the events say so', async () => {
      const stopped = await post(`${C}/ops/stop/10.0.1.13`)
      expect(stopped.status).toBe(200)
      expect(await status(stopped.json)).toEqual(
        expect.objectContaining({ state: 'running', action: 'stop', nodes: ['10.0.1.13'], finished: null }),
      )
      await target.control!.advanceClock(31)
      expect((await status(stopped.json)).state).toBe('success')
      expect((await node('10.0.1.13')).mode).toBe('unknown')
      const fired = (await get(`${C}/alerts/fired`)).json
      expect(fired).toContainEqual(expect.objectContaining({ alert_rule_id: 'node-down', node: '10.0.1.13' }))
      await target.control!.advanceClock(60)
      expect((await get(`${C}/metrics/10.0.1.13/write-ops`)).json['10.0.1.13'].AVERAGE.at(-1)[1]).toBeNull()
      expect((await get(`${C}/events?count=1`)).json[0].message).toMatch(/Stop on node 10.0.1.13 finished/)
      expect((await get(`${C}/storage-capacity`)).json.reporting_nodes).toBe(4)
    })

    it('starts it again: up, reporting, the alert clears', async () => {
      const started = await post(`${C}/ops/start/10.0.1.13`)
      await target.control!.advanceClock(31)
      expect((await status(started.json)).state).toBe('success')
      expect((await node('10.0.1.13')).mode).toBe('normal')
      expect((await get(`${C}/alerts/fired`)).json.map((alert: any) => alert.node)).not.toContain('10.0.1.13')
    })

    it('answers 400 for starting a running node or stopping a down one, and 404 for an unknown node', async () => {
      expect((await post(`${C}/ops/start/10.0.1.11`)).status).toBe(400)
      expect((await post(`${C}/ops/stop/10.0.2.13`)).status).toBe(400)
      expect((await post(`${C}/ops/restart/10.0.2.13`)).status).toBe(400)
      for (const action of ['start', 'stop', 'restart', 'decommission'])
        expect((await post(`${C}/ops/${action}/10.9.9.9`)).status, action).toBe(404)
    })
  })

  describe('restartNode, drainNode and moveNode', () => {
    it('restarts: down while the request runs, up after it', async () => {
      const id = (await post(`${C}/ops/restart/10.0.1.11`)).json
      expect((await node('10.0.1.11')).mode).toBe('unknown')
      await target.control!.advanceClock(31)
      expect((await status(id)).state).toBe('success')
      expect((await node('10.0.1.11')).mode).toBe('normal')
    })

    it('moves a node to a new token (moving while it runs)', async () => {
      const move = await call(target, 'PUT', `${C}/ops/move/10.0.1.12`, { session: admin, body: '{"new_token":"-3074457345618258603"}' })
      expect((await node('10.0.1.12')).mode).toBe('moving')
      await target.control!.advanceClock(31)
      expect((await status(move.json)).state).toBe('success')
      expect((await node('10.0.1.12')).mode).toBe('normal')
    })

    it('drains a node: drained in /nodes, no reads or writes, only a stop or restart until it restarts', async () => {
      const writes = async () => (await get(`${C}/metrics/10.0.1.13/write-ops?step=1`)).json['10.0.1.13'].AVERAGE.at(-1)[1]
      expect(await writes()).toBeGreaterThan(0)
      const id = (await get(`${C}/ops/drain/10.0.1.13`)).json
      expect((await status(id)).action).toBe('drain')
      await target.control!.advanceClock(91)
      expect((await node('10.0.1.13')).mode).toBe('drained')
      expect(await writes()).toBe(0)
      expect((await get(`${C}/cluster-metrics/all/read-ops?step=1`)).json.Total.AVERAGE.at(-1)[1]).toBeGreaterThan(0)
      expect((await post(`${C}/ops/compact/10.0.1.13/shop`)).status).toBe(400)
      expect((await post(`${C}/ops/start/10.0.1.13`)).status).toBe(400)
      await post(`${C}/ops/restart/10.0.1.13`)
      await target.control!.advanceClock(91)
      expect((await node('10.0.1.13')).mode).toBe('normal')
      expect(await writes()).toBeGreaterThan(0)
    })

    it('answers 400 for a bad token or draining a down node, 404 for an unknown node', async () => {
      expect((await call(target, 'PUT', `${C}/ops/move/10.0.1.12`, { session: admin, body: '{"new_token":"abc"}' })).status).toBe(400)
      expect((await call(target, 'PUT', `${C}/ops/move/10.9.9.9`, { session: admin, body: '{"new_token":"1"}' })).status).toBe(404)
      expect((await get(`${C}/ops/drain/10.0.2.13`)).status).toBe(400)
      expect((await get(`${C}/ops/drain/10.9.9.9`)).status).toBe(404)
    })
  })

  describe('keyspace operations', () => {
    it('compacts: the node shows pending compactions and compacted bytes', async () => {
      const before = (await get(`${C}/metrics/10.0.2.11/pending-compaction-tasks`)).json['10.0.2.11'].AVERAGE.at(-1)[1]
      const id = (await post(`${C}/ops/compact/10.0.2.11/shop`, ['orders'])).json
      await target.control!.advanceClock(60)
      expect((await status(id)).details).toMatch(/keyspace shop \(orders\)/)
      const after = (await get(`${C}/metrics/10.0.2.11/pending-compaction-tasks`)).json['10.0.2.11'].AVERAGE.at(-1)[1]
      expect(after).toBeGreaterThan(before + 10)
    })

    it.each(['cleanup', 'flush', 'repair', 'compact'])(
      '%s answers a request id, 400 for a body that is not table names, 404 for unknown names',
      async (action) => {
        expect((await status((await post(`${C}/ops/${action}/10.0.1.11/shop`)).json)).action).toBe(action)
        expect((await post(`${C}/ops/${action}/10.0.1.11/shop`, { tables: 'orders' })).status).toBe(400)
        expect((await post(`${C}/ops/${action}/10.0.1.11/no_keyspace`)).status).toBe(404)
        expect((await post(`${C}/ops/${action}/10.0.1.11/shop`, ['no_table'])).status).toBe(404)
      },
    )
  })

  describe('runBulkOperation, runGarbageCollection and rollingRestart', () => {
    it('runs one action on several nodes, one after the other when rolling', async () => {
      const id = (await post(`${C}/ops`, { ips: ['10.0.1.11', '10.0.1.12'], action: 'flush', is_rolling: true, sleep: 10, args: ['shop'] }))
        .json
      await target.control!.advanceClock(31)
      expect((await status(id)).state).toBe('running')
      await target.control!.advanceClock(40)
      expect(await status(id)).toEqual(expect.objectContaining({ state: 'success', nodes: ['10.0.1.11', '10.0.1.12'] }))
    })

    it('answers 400 for an unknown action, 404 for an unknown node', async () => {
      expect((await post(`${C}/ops`, { ips: ['10.0.1.11'], action: 'explode' })).status).toBe(400)
      expect((await post(`${C}/ops`, { ips: ['10.9.9.9'], action: 'flush' })).status).toBe(404)
    })

    it('garbage-collects a node, answering null; its heap drops', async () => {
      const heap = async () => (await get(`${C}/metrics/10.0.1.11/heap-used?step=1`)).json['10.0.1.11'].AVERAGE.at(-1)[1]
      const before = await heap()
      const result = await get(`${C}/ops/gc/10.0.1.11`)
      expect(result.status).toBe(200)
      expect(result.json).toBeNull()
      await target.control!.advanceClock(60)
      expect(await heap()).toBeLessThan(before * 0.8)
      expect((await get(`${C}/ops/gc/10.0.2.13`)).status).toBe(400)
      expect((await get(`${C}/ops/gc/10.9.9.9`)).status).toBe(404)
    })

    it('flushes and repairs: pending flushes, then repair tasks and streams show in the node', async () => {
      const last = async (key: string) => (await get(`${C}/metrics/10.0.2.12/${key}?step=1`)).json['10.0.2.12'].AVERAGE.at(-1)[1]
      await post(`${C}/ops/flush/10.0.2.12/shop`)
      await post(`${C}/ops/repair/10.0.2.12/shop`)
      await target.control!.advanceClock(60)
      expect(await last('pending-flushes')).toBeGreaterThanOrEqual(2)
      expect(await last('pending-repair-tasks')).toBeGreaterThanOrEqual(8)
      expect(await last('pending-streams')).toBeGreaterThan(0)
    })

    it('restarts the up nodes in turn, and a cancel stops the nodes it has not reached', async () => {
      const id = (await post(`${C}/ops/restart`, { sleep: 30 })).json
      const cancelled = await post(`/request/${id}/cancel`)
      expect(cancelled.json).toEqual(expect.objectContaining({ state: 'cancelled', nodes: ['10.0.1.11'] }))
      await target.control!.advanceClock(300)
      expect((await get(`${C}/nodes`)).json.filter((item: any) => item.mode === 'normal')).toHaveLength(5)
      expect((await post(`/request/${id}/cancel`)).status).toBe(409)
      expect((await post(`${C}/ops/restart`, { sleep: -1 })).status).toBe(400)
      expect((await post(`${C}/ops/restart`, { ips: ['10.9.9.9'] })).status).toBe(404)
    })
  })

  describe('rebalance, requests and decommission', () => {
    it('lists no moves on a balanced ring and runs an empty rebalance', async () => {
      expect((await get(`${C}/ops/rebalance`)).json).toEqual([])
      expect((await status((await post(`${C}/ops/rebalance`)).json)).state).toBe('success')
      expect((await get('/No_Such_Cluster/ops/rebalance')).status).toBe(404)
      expect((await post('/No_Such_Cluster/ops/rebalance')).status).toBe(404)
    })

    it('lists the requests of a cluster newest first; unknown requests are 404', async () => {
      const requests = (await get(`${C}/requests`)).json
      expect(requests[0].action).toBe('rebalance')
      expect((await get('/No_Such_Cluster/requests')).status).toBe(404)
      expect((await get('/request/no-such-request/status')).status).toBe(404)
      expect((await post('/request/no-such-request/cancel')).status).toBe(404)
    })

    it('decommissions a node: leaving while it runs, then gone from /nodes', async () => {
      const id = (await post(`${C}/ops/decommission/10.0.2.12`)).json
      expect((await node('10.0.2.12')).mode).toBe('leaving')
      await target.control!.advanceClock(31)
      expect((await status(id)).state).toBe('success')
      expect(await node('10.0.2.12')).toBeUndefined()
      expect((await get(`${C}/cluster`)).json.node_count).toBe(5)
      expect((await post(`${C}/ops/decommission/10.0.2.13`)).status).toBe(400)
    })

    it('answers the same request ids for the same calls after a reset (ids come from the seed)', async () => {
      const run = async () => {
        await target.control!.reset()
        admin = await loginAs(target, target.credentials.admin)
        return [(await post(`${C}/ops/flush/10.0.1.11/shop`)).json, (await get(`${C}/ops/drain/10.0.1.12`)).json]
      }
      const first = await run()
      expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(await run()).toEqual(first)
      await target.control!.reset()
      admin = await loginAs(target, target.credentials.admin)
    })

    it('needs the permission the action names', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      for (const path of [
        `${C}/ops/stop/10.0.1.11`,
        `${C}/ops/decommission/10.0.1.11`,
        `${C}/ops/compact/10.0.1.11/shop`,
        `${C}/ops/rebalance`,
      ])
        expect((await call(target, 'POST', path, { session: viewer })).json, path).toEqual(NO_PERMISSION)
      expect((await call(target, 'POST', `${C}/ops`, { session: viewer, body: '{"ips":["10.0.1.11"],"action":"stop"}' })).status).toBe(401)
      expect((await call(target, 'GET', `${C}/requests`, { session: viewer })).status).toBe(200)
    })
  })
}
