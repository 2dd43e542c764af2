import { beforeAll, describe, expect, it } from 'vitest'
import { call, loginAs, NO_PERMISSION, type OpscenterSession, type OpscenterTarget } from './target'

const BEST_PRACTICE_FIELDS = [
  'alert-level',
  'category',
  'description',
  'display-name',
  'enabled_by_default',
  'errors',
  'importance',
  'name',
  'recommendation',
  'run_time',
  'scope',
  'status',
  'suggested_interval',
  'version',
]

const SCHEDULE = {
  first_run_date: '2026-01-01',
  first_run_time: '02:00:00',
  timezone: 'GMT',
  interval: 1,
  interval_unit: 'days',
  job_params: { type: 'backup', keyspaces: ['shop'] },
}

/** Best-practice results, job schedules, dashboard presets and agents. */
export function servicesContract(target: OpscenterTarget): void {
  const mockOnly = target.kind === 'mock'
  let admin: OpscenterSession
  let cluster: string
  const get = (path: string) => call(target, 'GET', path, { session: admin })
  const send = (method: string, path: string, body?: unknown) =>
    call(target, method, path, { session: admin, body: body === undefined ? undefined : JSON.stringify(body) })

  beforeAll(async () => {
    if (mockOnly) await target.control!.reset()
    admin = await loginAs(target, target.credentials.admin)
    cluster = mockOnly ? 'Test_Cluster' : Object.keys((await get('/cluster-configs')).json)[0]!
  })

  describe('best-practice results', () => {
    it('answers results in the documented form: alert-level, errors, name, suggested_interval, version and the rest', async () => {
      const latest = (await get(`/${cluster}/bestpractice/results/latest`)).json
      for (const result of Object.values(latest))
        expect(Object.keys(result as object)).toEqual(expect.arrayContaining(BEST_PRACTICE_FIELDS))
    })

    it.runIf(mockOnly)('keeps every run newest first, and a new run becomes the latest', async () => {
      const before = (await get(`/${cluster}/bestpractice/results`)).json['use-oracle-java']
      expect(before).toHaveLength(2)
      await target.control!.advanceClock(10)
      const run = (await send('POST', `/${cluster}/bestpractice/run/use-oracle-java`)).json
      const after = (await get(`/${cluster}/bestpractice/results`)).json['use-oracle-java']
      expect(after).toEqual([run, ...before])
      expect((await get(`/${cluster}/bestpractice/results/latest`)).json['use-oracle-java']).toEqual(run)
      expect((await get('/No_Such_Cluster/bestpractice/results')).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('job schedules', () => {
    it('creates a daily backup schedule whose next run follows the mock clock, changes it and deletes it', async () => {
      const created = await send('POST', `/${cluster}/job-schedules`, SCHEDULE)
      expect(created.status).toBe(201)
      expect(created.json).toEqual(expect.objectContaining({ ...SCHEDULE, id: expect.any(String), last_run: null }))
      expect(created.json.next_run).toMatch(/^\d{4}-\d{2}-\d{2} 02:00:00$/)
      const id = created.json.id
      await target.control!.advanceClock(86400)
      const later = (await get(`/${cluster}/job-schedules/${id}`)).json
      expect(later.last_run).toMatch(/02:00:00$/)
      expect(Date.parse(`${later.next_run.replace(' ', 'T')}Z`) - Date.parse(`${later.last_run.replace(' ', 'T')}Z`)).toBe(86400_000)
      expect((await get(`/${cluster}/job-schedules`)).json.map((item: any) => item.id)).toContain(id)
      expect((await send('PUT', `/${cluster}/job-schedules/${id}`, { interval: 2 })).json.interval).toBe(2)
      expect((await send('DELETE', `/${cluster}/job-schedules/${id}`)).json).toEqual({})
      expect((await get(`/${cluster}/job-schedules/${id}`)).status).toBe(404)
    })

    it('answers 400 and stores nothing for a schedule without its fields, with a bad date, job or keyspace', async () => {
      for (const body of [
        { interval: 1 },
        { ...SCHEDULE, first_run_date: 'tomorrow' },
        { ...SCHEDULE, interval_unit: 'fortnights' },
        { ...SCHEDULE, job_params: { type: 'defrag' } },
        { ...SCHEDULE, job_params: { type: 'backup', keyspaces: ['nope'] } },
      ])
        expect((await send('POST', `/${cluster}/job-schedules`, body)).status, JSON.stringify(body)).toBe(400)
      expect((await get(`/${cluster}/job-schedules`)).json).toEqual([])
      const id = (await send('POST', `/${cluster}/job-schedules`, SCHEDULE)).json.id
      expect((await send('PUT', `/${cluster}/job-schedules/${id}`, { timezone: 'Mars/Olympus' })).status).toBe(400)
      await send('DELETE', `/${cluster}/job-schedules/${id}`)
    })

    it('answers 404 for a schedule or cluster that does not exist', async () => {
      expect((await send('PUT', `/${cluster}/job-schedules/nope`, { interval: 2 })).status).toBe(404)
      expect((await send('DELETE', `/${cluster}/job-schedules/nope`)).status).toBe(404)
      expect((await get('/No_Such_Cluster/job-schedules')).status).toBe(404)
      expect((await send('POST', '/No_Such_Cluster/job-schedules', SCHEDULE)).status).toBe(404)
    })

    it("needs the permission of the schedule's job", async () => {
      const ops = await loginAs(target, target.credentials.multiRole!)
      const backup = await call(target, 'POST', `/${cluster}/job-schedules`, { session: ops, body: JSON.stringify(SCHEDULE) })
      expect(backup.json).toEqual(NO_PERMISSION)
      const rules = { ...SCHEDULE, job_params: { type: 'best-practice', rules: ['use-oracle-java'] } }
      const allowed = await call(target, 'POST', `/${cluster}/job-schedules`, { session: ops, body: JSON.stringify(rules) })
      expect(allowed.status).toBe(201)
      await send('DELETE', `/${cluster}/job-schedules/${allowed.json.id}`)
    })
  })

  describe.runIf(mockOnly)('dashboard presets', () => {
    const preset = {
      name: 'Latency',
      graphs: [
        { title: 'Reads', metrics: [{ metric: 'read-latency-op', ip: '__all__' }] },
        { title: 'Orders', metrics: [{ metric: 'cf-read-latency-op', ip: '10.0.1.11', colfam: 'shop.orders' }] },
      ],
    }

    it('lists the seeded presets, with one default whose metric keys the cluster reports', async () => {
      const presets = (await get(`/${cluster}/rc/dashboard_presets`)).json
      expect(Object.keys(presets)).toEqual(['overview', 'storage'])
      const fallback = (await get(`/${cluster}/rc/dashboard_presets/default`)).json
      expect(fallback).toEqual(expect.objectContaining({ id: 'overview', default: true }))
      for (const graph of fallback.graphs)
        for (const series of graph.metrics) {
          const ip = series.ip === '__cluster__' || series.ip === '__all__' ? 'all' : series.ip
          const path = series.colfam ? `${series.colfam.replace('.', '/')}/${series.metric}` : series.metric
          expect((await get(`/${cluster}/cluster-metrics/${ip}/${path}?step=120`)).status, path).toBe(200)
        }
    })

    it('creates a preset (201), replaces it (200), makes it the default and deletes it once it is not', async () => {
      expect((await send('PUT', `/${cluster}/rc/dashboard_presets/latency`, preset)).status).toBe(201)
      expect((await send('PUT', `/${cluster}/rc/dashboard_presets/latency`, { ...preset, name: 'Latencies' })).json.name).toBe('Latencies')
      expect((await send('PUT', `/${cluster}/rc/dashboard_presets/default`, { id: 'latency' })).json.default).toBe(true)
      expect((await get(`/${cluster}/rc/dashboard_presets/overview`)).json.default).toBe(false)
      expect((await send('DELETE', `/${cluster}/rc/dashboard_presets/latency`)).status).toBe(409)
      await send('PUT', `/${cluster}/rc/dashboard_presets/default`, { id: 'overview' })
      expect((await send('DELETE', `/${cluster}/rc/dashboard_presets/latency`)).json).toEqual({})
      expect((await get(`/${cluster}/rc/dashboard_presets/latency`)).status).toBe(404)
    })

    it('answers 400 for a series of an unknown metric, node or table, and a default that is not an id', async () => {
      const bad = (series: object) => ({ name: 'Bad', graphs: [{ title: 'x', metrics: [series] }] })
      for (const series of [
        { metric: 'bogus', ip: '__all__' },
        { metric: 'write-ops', ip: '10.9.9.9' },
        { metric: 'cf-write-ops', ip: '__all__', colfam: 'shop.nope' },
      ])
        expect((await send('PUT', `/${cluster}/rc/dashboard_presets/bad`, bad(series))).status, JSON.stringify(series)).toBe(400)
      expect((await send('PUT', `/${cluster}/rc/dashboard_presets/default`, { name: 'overview' })).status).toBe(400)
      expect((await get(`/${cluster}/rc/dashboard_presets/bad`)).status).toBe(404)
    })

    it('answers 404 for presets or clusters that do not exist', async () => {
      expect((await send('PUT', `/${cluster}/rc/dashboard_presets/default`, { id: 'nope' })).status).toBe(404)
      expect((await send('DELETE', `/${cluster}/rc/dashboard_presets/nope`)).status).toBe(404)
      expect((await get('/No_Such_Cluster/rc/dashboard_presets')).status).toBe(404)
      expect((await get('/No_Such_Cluster/rc/dashboard_presets/default')).status).toBe(404)
      expect((await send('PUT', '/No_Such_Cluster/rc/dashboard_presets/x', preset)).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('agents', () => {
    it('answers every node agent, down with its node', async () => {
      const agents = (await get(`/${cluster}/agents`)).json
      expect(agents['10.0.1.11']).toEqual({ node_ip: '10.0.1.11', version: '6.8.35', status: 'up', last_seen: 0, install_request: null })
      expect((await get(`/${cluster}/agents/10.0.2.13`)).json.status).toBe('down')
      expect((await get(`/${cluster}/agents/10.9.9.9`)).status).toBe(404)
      expect((await get('/No_Such_Cluster/agents')).status).toBe(404)
    })

    it('installs agents on the nodes of a new cluster: installing, then up', async () => {
      const id = (await send('POST', '/cluster-configs', { cassandra: { seed_hosts: '10.7.0.1', cluster_name: 'Agentless' } })).json
      expect((await get(`/${id}/agents/10.7.0.1`)).json.status).toBe('not-installed')
      const request = await send('POST', `/${id}/agents/install`, { nodes: ['10.7.0.1'], username: 'ubuntu', password: 'secret' })
      expect(request.status).toBe(200)
      expect((await get(`/${id}/agents/10.7.0.1`)).json).toEqual(
        expect.objectContaining({ status: 'installing', install_request: request.json }),
      )
      await target.control!.advanceClock(31)
      expect((await get(`/${id}/agents/10.7.0.1`)).json).toEqual(expect.objectContaining({ status: 'up', version: '6.8.35' }))
      await send('DELETE', `/cluster-configs/${id}`)
    })

    it('answers 400 for an install without nodes or credentials, 404 for an unknown node, 401 without Install Agents', async () => {
      expect((await send('POST', `/${cluster}/agents/install`, { nodes: ['10.0.1.11'], username: 'ubuntu' })).status).toBe(400)
      expect((await send('POST', `/${cluster}/agents/install`, { nodes: [], username: 'ubuntu', password: 'x' })).status).toBe(400)
      expect((await send('POST', `/${cluster}/agents/install`, { nodes: ['10.9.9.9'], username: 'ubuntu', password: 'x' })).status).toBe(
        404,
      )
      expect((await send('POST', '/No_Such_Cluster/agents/install', { nodes: ['10.0.1.11'], username: 'u', password: 'x' })).status).toBe(
        404,
      )
      const viewer = await loginAs(target, target.credentials.viewer!)
      const result = await call(target, 'POST', `/${cluster}/agents/install`, {
        session: viewer,
        body: '{"nodes":["10.0.1.11"],"username":"u","password":"x"}',
      })
      expect(result.json).toEqual(NO_PERMISSION)
    })
  })
}
