import { beforeAll, describe, expect, it } from 'vitest'
import { call, loginAs, NO_PERMISSION, type OpscenterSession, type OpscenterTarget } from './target'

const RULE = { type: 'rolling-avg', metric: 'write-ops', comparator: '>', threshold: 0, duration: 2, notify_interval: 60 }

/** The event log, alert rules, fired alerts and the notifications switch. */
export function alertsContract(target: OpscenterTarget): void {
  const mockOnly = target.kind === 'mock'
  let admin: OpscenterSession
  let cluster: string
  const get = (path: string) => call(target, 'GET', path, { session: admin })
  const send = (method: string, path: string, body: unknown) => call(target, method, path, { session: admin, body: JSON.stringify(body) })

  beforeAll(async () => {
    if (mockOnly) await target.control!.reset()
    admin = await loginAs(target, target.credentials.admin)
    cluster = mockOnly ? 'Test_Cluster' : Object.keys((await get('/cluster-configs')).json)[0]!
  })

  describe('listEvents', () => {
    it('answers at most count events, newest first, with microsecond times', async () => {
      const result = await get(`/${cluster}/events?count=2`)
      expect(result.status).toBe(200)
      expect(result.json.length).toBeLessThanOrEqual(2)
      if (result.json.length === 2) expect(result.json[0].time).toBeGreaterThan(result.json[1].time)
      for (const event of result.json) expect(event.time).toBeGreaterThan(1e15)
    })

    it.runIf(mockOnly)('pages forward from a timestamp with reverse=0, oldest first', async () => {
      const all = (await get(`/${cluster}/events?count=100`)).json
      const oldest = all.at(-1)
      const forward = (await get(`/${cluster}/events?reverse=0&timestamp=${oldest.time}&count=2`)).json
      expect(forward[0]).toEqual(oldest)
      expect(forward[1].time).toBeGreaterThan(oldest.time)
    })

    it.runIf(mockOnly)('answers 400 for a count that is not a positive number and 404 for an unknown cluster', async () => {
      expect((await get(`/${cluster}/events?count=lots`)).status).toBe(400)
      expect((await get('/No_Such_Cluster/events')).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('getNotificationsEnabled and setNotificationsEnabled', () => {
    it('switches notifications off and on', async () => {
      expect((await get(`/${cluster}/events/notifications-enabled`)).json).toEqual({ enabled: true })
      expect((await send('PUT', `/${cluster}/events/notifications-enabled`, { enabled: false })).json).toEqual({})
      expect((await get(`/${cluster}/events/notifications-enabled`)).json).toEqual({ enabled: false })
      expect((await send('PUT', `/${cluster}/events/notifications-enabled`, true)).status).toBe(200)
      expect((await get(`/${cluster}/events/notifications-enabled`)).json).toEqual({ enabled: true })
    })

    it('answers 400 for a body that is not a boolean switch, and 404 for an unknown cluster', async () => {
      expect((await send('PUT', `/${cluster}/events/notifications-enabled`, { enabled: 'yes' })).status).toBe(400)
      expect((await get('/No_Such_Cluster/events/notifications-enabled')).status).toBe(404)
      expect((await send('PUT', '/No_Such_Cluster/events/notifications-enabled', { enabled: true })).status).toBe(404)
    })

    it('needs Manage Alerts to switch', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      const result = await call(target, 'PUT', `/${cluster}/events/notifications-enabled`, { session: viewer, body: '{"enabled":false}' })
      expect(result.json).toEqual(NO_PERMISSION)
    })
  })

  describe.runIf(mockOnly)('alert rules', () => {
    it('creates a rule that fires for every reporting node, changes it so it clears, and deletes it', async () => {
      const created = await send('POST', `/${cluster}/alert-rules`, RULE)
      expect(created.status).toBe(201)
      expect(created.json).toEqual({ ...RULE, id: expect.any(String), enabled: true })
      const id = created.json.id
      expect((await get(`/${cluster}/alert-rules/${id}`)).json).toEqual(created.json)
      expect((await get(`/${cluster}/alert-rules`)).json.map((rule: any) => rule.id)).toContain(id)
      const firing = (await get(`/${cluster}/alerts/fired`)).json.filter((alert: any) => alert.alert_rule_id === id)
      expect(firing.map((alert: any) => alert.node).sort()).toEqual(['10.0.1.11', '10.0.1.12', '10.0.1.13', '10.0.2.11', '10.0.2.12'])
      const changed = await send('PUT', `/${cluster}/alert-rules/${id}`, { threshold: 1e12 })
      expect(changed.json.threshold).toBe(1e12)
      expect((await get(`/${cluster}/alerts/fired`)).json.filter((alert: any) => alert.alert_rule_id === id)).toEqual([])
      expect((await call(target, 'DELETE', `/${cluster}/alert-rules/${id}`, { session: admin })).json).toEqual({})
      expect((await get(`/${cluster}/alert-rules/${id}`)).status).toBe(404)
    })

    it('fires the seeded heap rule for the node whose heap runs hot, from the heap-used series', async () => {
      const heap = (await get(`/${cluster}/alerts/fired`)).json.find((alert: any) => alert.alert_rule_id === 'heap-high')
      expect(heap.node).toBe('10.0.1.12')
      const points = (await get(`/${cluster}/metrics/10.0.1.12/heap-used?step=1`)).json['10.0.1.12'].AVERAGE
      expect(points.at(-1)[1]).toBeGreaterThan((await get(`/${cluster}/alert-rules/heap-high`)).json.threshold)
    })

    it('answers 400 and stores nothing for a rule without its required fields or with an unknown metric', async () => {
      const before = (await get(`/${cluster}/alert-rules`)).json
      expect((await send('POST', `/${cluster}/alert-rules`, { metric: 'write-ops' })).status).toBe(400)
      expect((await send('POST', `/${cluster}/alert-rules`, { ...RULE, metric: 'bogus' })).status).toBe(400)
      expect((await send('PUT', `/${cluster}/alert-rules/heap-high`, { comparator: '>=' })).status).toBe(400)
      expect((await get(`/${cluster}/alert-rules`)).json).toEqual(before)
    })

    it('answers 404 for a rule or cluster that does not exist', async () => {
      expect((await send('POST', '/No_Such_Cluster/alert-rules', RULE)).status).toBe(404)
      expect((await send('PUT', `/${cluster}/alert-rules/no-such-rule`, { threshold: 1 })).status).toBe(404)
      expect((await call(target, 'DELETE', `/${cluster}/alert-rules/no-such-rule`, { session: admin })).status).toBe(404)
    })

    it('needs Manage Alerts to create, change or delete a rule', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect((await call(target, 'POST', `/${cluster}/alert-rules`, { session: viewer, body: JSON.stringify(RULE) })).json).toEqual(
        NO_PERMISSION,
      )
      expect((await call(target, 'DELETE', `/${cluster}/alert-rules/heap-high`, { session: viewer })).status).toBe(401)
      expect((await call(target, 'GET', `/${cluster}/alert-rules/heap-high`, { session: viewer })).status).toBe(200)
    })
  })
}
