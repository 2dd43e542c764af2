import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createdObject, loginAs, opsviewApi, rawCall, type OpsviewSession, type OpsviewTarget } from './target'

/**
 * The monitored estate in mock time: check results, events, rechecks, detail, graphs, the runtime
 * listings and the hashtag and BSM views. Runs against mocks only: it moves the clock and resets.
 */
export function monitoringContract(target: OpsviewTarget): void {
  const api = () => opsviewApi(target)
  let admin: OpsviewSession
  let viewer: OpsviewSession
  let nobody: OpsviewSession
  const get = (path: string, session: OpsviewSession) => rawCall(target, path, { headers: session.headers })
  const post = (path: string, session: OpsviewSession, body: unknown = {}) =>
    rawCall(target, path, {
      method: 'POST',
      headers: { ...session.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })

  /** Moves mock time in steps shorter than a session, keeping every session of this suite alive. */
  async function advance(seconds: number): Promise<void> {
    for (let left = seconds; left > 0; left -= 1800) {
      await target.control!.advanceClock(Math.min(1800, left))
      for (const session of [admin, viewer, nobody]) expect((await get('/rest/user', session)).status).toBe(200)
    }
  }

  /** The mock's clock, in epoch seconds. */
  async function mockNow(): Promise<number> {
    const result = await rawCall(target, '/__opsmocks/clock?advanceSeconds=0', { method: 'POST' })
    return Math.floor(Date.parse(result.json.now) / 1000)
  }

  async function freshSessions(): Promise<void> {
    await target.control!.reset()
    admin = await loginAs(target, target.credentials.admin)
    viewer = await loginAs(target, target.credentials.viewer!)
    const role = await api().POST('/rest/config/{objecttype}', {
      params: { path: { objecttype: 'role' } },
      headers: admin.headers,
      body: { name: 'opsmocks-monitoring-none', accesses: [], all_hostgroups: '0' },
    })
    await api().POST('/rest/config/{objecttype}', {
      params: { path: { objecttype: 'contact' } },
      headers: admin.headers,
      body: { name: 'monitoring-nobody', fullname: 'No Access', role: { id: createdObject(role.data).id }, password: 'secret' },
    })
    nobody = await loginAs(target, { username: 'monitoring-nobody', password: 'secret' })
  }

  describe.runIf(target.kind === 'mock')('monitored estate in mock time', () => {
    beforeAll(freshSessions)
    afterAll(() => target.control!.reset())

    describe('listEvents', () => {
      const eventShape = (json: { list: Array<Record<string, string>> }) =>
        json.list.map((event) => [event.eventtype, event.hostname, event.servicename, event.state].join('|'))

      it('lists the state changes of checks run as mock time moves, the same for the same seed and clock moves', async () => {
        await freshSessions()
        expect((await get('/rest/event', admin)).json.summary.total_entries).toBe('0')
        await advance(4 * 3600)
        const first = await get('/rest/event?rows=all', admin)
        expect(first.status).toBe(200)
        expect(first.json.list.length).toBeGreaterThan(3)
        expect(first.json.list.every((event: { eventtype: string }) => event.eventtype === '0')).toBe(true)
        await freshSessions()
        await advance(4 * 3600)
        const second = await get('/rest/event?rows=all', admin)
        expect(eventShape(second.json)).toEqual(eventShape(first.json))
      })

      it('shows the latest state change of a service in status', async () => {
        const events = (await get('/rest/event?rows=all&serviceonly=1&eventtype=0', admin)).json.list as Array<Record<string, string>>
        const latest = events[0]!
        const status = await get(`/rest/status/service?hostname=${latest.hostname}`, admin)
        const service = status.json.list[0].services.find((item: { name: string }) => item.name === latest.servicename)
        expect(service.state).toBe(latest.state)
        expect(service.output).toBe(latest.output)
      })

      it('pages newest first and filters by type, host and state', async () => {
        const page = await get('/rest/event?rows=2&page=1', admin)
        expect(page.json.list).toHaveLength(2)
        expect(Number(page.json.list[0].eventid)).toBeGreaterThan(Number(page.json.list[1].eventid))
        expect(page.json.summary).toMatchObject({ entries: '2', page: '1' })
        expect(Number(page.json.summary.pages)).toBe(Math.ceil(Number(page.json.summary.total_entries) / 2))
        const critical = await get('/rest/event?rows=all&service_state=critical', admin)
        expect(critical.json.list.every((event: { state: string }) => event.state === 'critical')).toBe(true)
        const saved = await get(`/rest/event?saved_maxeventid=${page.json.summary.maxeventid}`, admin)
        expect(saved.json.summary.filtered_new_event_count).toBe('0')
      })

      it('records acknowledgements and downtime starts and ends as they happen', async () => {
        const problem = (await get('/rest/acknowledge', admin)).json.list.find((host: { services: unknown[] }) => host.services.length)
        const service = problem.services[0]
        const ack = await post(
          `/rest/acknowledge?svc.hostname=${problem.name}&svc.servicename=${encodeURIComponent(service.name)}`,
          admin,
          {
            comment: 'looking into it',
          },
        )
        expect(ack.status).toBe(200)
        const acks = (await get('/rest/event?eventtype=1', admin)).json.list
        expect(acks[0]).toMatchObject({
          hostname: problem.name,
          servicename: service.name,
          ack_author: 'admin',
          ack_comment: 'looking into it',
        })
        const detailed = await get(`/rest/status/service?hostname=${problem.name}&includehandleddetails=1`, admin)
        expect(detailed.json.list[0].services.find((item: { name: string }) => item.name === service.name)).toMatchObject({
          acknowledged: '1',
          acknowledged_author: 'admin',
        })
        expect(
          (await post('/rest/downtime?hst.hostname=web02', admin, { starttime: 'now', endtime: '+1h', comment: 'patching' })).status,
        ).toBe(200)
        const started = (await get('/rest/event?eventtype=2', admin)).json.list
        expect(started[0]).toMatchObject({ hostname: 'web02', downtime_author: 'admin', downtime_comment: 'patching' })
        await rawCall(target, '/rest/downtime?hst.hostname=web02', { method: 'DELETE', headers: admin.headers })
        expect((await get('/rest/event?eventtype=3', admin)).json.list[0]).toMatchObject({
          hostname: 'web02',
          downtime_comment: 'patching',
        })
      })

      it('returns 400 for an unknown event type and 403 without VIEWALL or VIEWSOME', async () => {
        expect((await get('/rest/event?eventtype=9', admin)).status).toBe(400)
        expect((await get('/rest/event', nobody)).status).toBe(403)
      })

      type EventRow = { eventid: string; hostname: string; servicename?: string; host_group: string }
      const eventIds = (list: EventRow[]) => list.map((event) => event.eventid)
      const eventsFor = async (query: string, session = admin) =>
        (await get(`/rest/event?rows=all${query}`, session)).json.list as EventRow[]
      const configList = async (type: string, query = '') =>
        (await get(`/rest/config/${type}?rows=all${query}`, admin)).json.list as Array<Record<string, unknown>>
      const names = (refs: unknown) => new Set((refs as Array<{ name: string }>).map((ref) => ref.name))

      it('narrows events to the hosts of a host template (htid)', async () => {
        const all = await eventsFor('')
        const template = (await configList('hosttemplate', '&s.name=Database%20-%20MySQL'))[0]!
        const hosts = await configList('host', '&cols=name,hosttemplates')
        const using = new Set(hosts.filter((host) => names(host.hosttemplates).has('Database - MySQL')).map((host) => String(host.name)))
        const expected = all.filter((event) => using.has(event.hostname))
        expect(expected.length).toBeGreaterThan(0)
        expect(expected.length).toBeLessThan(all.length)
        expect(eventIds(await eventsFor(`&htid=${template.id}`))).toEqual(eventIds(expected))
      })

      it("narrows events to a BSM component's hosts and template checks (bcid), and a service's components (bsid)", async () => {
        const all = await eventsFor('')
        const component = (await configList('bsmcomponent', '&s.name=MySQL%20Cluster'))[0]!
        const template = (await configList('hosttemplate', '&s.name=Database%20-%20MySQL'))[0]!
        const hosts = names(component.hosts)
        const checks = names(template.servicechecks)
        const expected = all.filter(
          (event) => hosts.has(event.hostname) && (event.servicename === undefined || checks.has(event.servicename)),
        )
        expect(expected.length).toBeGreaterThan(0)
        expect(all.some((event) => hosts.has(event.hostname) && !expected.includes(event))).toBe(true)
        expect(eventIds(await eventsFor(`&bcid=${component.id}`))).toEqual(eventIds(expected))
        const reporting = (await configList('bsmservice', '&s.name=Reporting'))[0]!
        expect(eventIds(await eventsFor(`&bsid=${reporting.id}`))).toEqual(eventIds(expected))
        const shop = (await configList('bsmservice', '&s.name=Online%20Shop'))[0]!
        const shopEvents = await eventsFor(`&bsid=${shop.id}`)
        expect(shopEvents.length).toBeGreaterThan(expected.length)
        expect(eventIds(await eventsFor(`&bsid=${shop.id}&bcid=${component.id}`))).toEqual(eventIds(expected))
      })

      it("narrows events and graphs to a hashtag's hosts and tagged checks (keyword), within the caller's access", async () => {
        const all = await eventsFor('')
        const sample = all.find((event) => event.hostname === 'web02' && event.servicename !== undefined)!
        expect(sample).toBeDefined()
        const created = await post('/rest/config/keyword', admin, {
          name: 'event-filter-tag',
          hosts: [{ name: 'web02' }, { name: 'db02' }],
          servicechecks: [{ name: sample.servicename }],
        })
        expect(created.status).toBe(200)
        const expected = all.filter(
          (event) =>
            ['web02', 'db02'].includes(event.hostname) && (event.servicename === undefined || event.servicename === sample.servicename),
        )
        expect(eventIds(await eventsFor('&keyword=event-filter-tag'))).toEqual(eventIds(expected))
        const seen = await eventsFor('&keyword=event-filter-tag', viewer)
        expect(seen.length).toBeGreaterThan(0)
        expect(seen.every((event) => event.hostname === 'web02')).toBe(true)
        const graph = (await get('/rest/graph?keyword=event-filter-tag', admin)).json.list as Array<{ label: string }>
        const labels = graph.map((series) => series.label.split('::').slice(0, 2).join('::'))
        const allowed = [`web02::${sample.servicename}`, `db02::${sample.servicename}`]
        expect(labels.every((pair) => allowed.includes(pair))).toBe(true)
        expect(labels).toContain(`web02::${sample.servicename}`)
        const unfiltered = (await get(`/rest/graph?hostname=web02`, admin)).json.list as Array<{ label: string }>
        expect(unfiltered.length).toBeGreaterThan(graph.filter((series) => series.label.startsWith('web02::')).length)
      })

      it('answers an empty list for an unknown hashtag or id and 400 for an id that is not a number', async () => {
        for (const query of ['keyword=no-such-tag', 'htid=99999', 'bcid=99999', 'bsid=99999']) {
          const result = await get(`/rest/event?rows=all&${query}`, admin)
          expect(result.status).toBe(200)
          expect(result.json.summary.total_entries).toBe('0')
        }
        expect((await get('/rest/graph?keyword=no-such-tag', admin)).json.list).toEqual([])
        for (const query of ['htid=x', 'bcid=1a', 'bsid=-1']) expect((await get(`/rest/event?${query}`, admin)).status).toBe(400)
      })

      it('answers only the columns asked for in cols, with +col and -col as the config lists take them', async () => {
        const only = (await get('/rest/event?rows=3&cols=hostname,state', admin)).json.list as Array<Record<string, string>>
        expect(only.length).toBeGreaterThan(0)
        for (const event of only) expect(Object.keys(event).sort()).toEqual(['eventid', 'hostname', 'state'])
        const added = (await get('/rest/event?rows=1&cols=hostname,%2Boutput', admin)).json.list[0]
        expect(Object.keys(added).sort()).toEqual(['eventid', 'hostname', 'output'])
        const without = (await get('/rest/event?rows=1&cols=-output,-markdown,-eventid', admin)).json.list[0]
        expect(without).toHaveProperty('eventid')
        expect(without).toHaveProperty('hostname')
        expect(without).not.toHaveProperty('output')
        expect(without).not.toHaveProperty('markdown')
        const bad = await get('/rest/event?cols=colour', admin)
        expect(bad.status).toBe(400)
        expect(bad.json.message).toBe("Invalid cols: unknown column 'colour'")
      })

      it('never shows the viewer events of hosts outside its host groups', async () => {
        const events = (await get('/rest/event?rows=all', viewer)).json.list as Array<{ host_group: string }>
        expect(events.every((event) => event.host_group === 'UK Web Servers')).toBe(true)
      })
    })

    describe('recheck', () => {
      it('runs the check now: last_check is now, the next check one interval on, and the result is an event', async () => {
        const before = (await get('/rest/detail?hostname=web01&servicename=HTTP', admin)).json.object
        await advance(120)
        const result = await post('/rest/recheck?svc.hostname=web01&svc.servicename=HTTP', admin)
        expect(result.status).toBe(200)
        expect(result.json.summary).toEqual({ num_hosts: '0', num_services: '1' })
        const after = (await get('/rest/detail?hostname=web01&servicename=HTTP', admin)).json.object
        expect(Number(after.last_check)).toBeGreaterThan(Number(before.last_check))
        expect(Number(after.next_check_expected) - Number(after.last_check)).toBe(300)
        const latest = (await get('/rest/event?rows=1', admin)).json.list[0]
        expect(latest).toMatchObject({ eventtype: '0', hostname: 'web01', servicename: 'HTTP', time: after.last_check })
      })

      it('returns 400 when nothing is selected or nothing matches', async () => {
        expect((await post('/rest/recheck', admin)).status).toBe(400)
        const none = await post('/rest/recheck?hst.hostname=no-such-host', admin)
        expect(none.status).toBe(400)
        expect(none.json.message).toBe('No objects chosen for recheck')
      })

      it('returns 403 to users without ACTIONALL or ACTIONSOME', async () => {
        expect((await post('/rest/recheck?hst.hostname=web01', viewer)).status).toBe(403)
      })
    })

    describe('listRecheckable', () => {
      it('lists what the user may recheck in the status shape', async () => {
        const result = await get('/rest/recheck?hostname=web01', admin)
        expect(result.status).toBe(200)
        expect(result.json.list[0].name).toBe('web01')
      })
      it('returns 400 for a bad state and 403 without ACTIONALL or ACTIONSOME', async () => {
        expect((await get('/rest/recheck?state=7', admin)).status).toBe(400)
        expect((await get('/rest/recheck', viewer)).status).toBe(403)
      })
    })

    describe('listAcknowledgeable', () => {
      it('lists only unhandled problems', async () => {
        const result = await get('/rest/acknowledge', admin)
        expect(result.status).toBe(200)
        const services = result.json.list.flatMap((host: { services: Array<{ unhandled: string }> }) => host.services)
        expect(services.length).toBeGreaterThan(0)
        expect(services.every((service: { unhandled: string }) => service.unhandled === '1')).toBe(true)
      })
      it('returns 400 for a bad state and 403 without ACTIONALL or ACTIONSOME', async () => {
        expect((await get('/rest/acknowledge?state=x', admin)).status).toBe(400)
        expect((await get('/rest/acknowledge', viewer)).status).toBe(403)
      })
    })

    describe('getDetail', () => {
      it('returns a host and a service with check timing and perfdata', async () => {
        const host = await get('/rest/detail?hostname=web01', admin)
        expect(host.status).toBe(200)
        expect(host.json.object).toMatchObject({ hostname: 'web01', state: 'UP', active_checks_services_enabled: expect.any(String) })
        expect(host.json.object.servicename).toBeUndefined()
        const service = await get('/rest/detail?hostname=web01&servicename=Unix%20Load%20Average', admin)
        expect(service.json.object.perfdata).toMatch(/^load1=[0-9.]+;5;8 /)
      })
      it('returns 400 without a hostname, 404 for unknown or hidden objects and 403 without view access', async () => {
        expect((await get('/rest/detail', admin)).status).toBe(400)
        expect((await get('/rest/detail?hostname=web01&servicename=Nope', admin)).status).toBe(404)
        expect((await get('/rest/detail?hostname=db01', viewer)).status).toBe(404)
        expect((await get('/rest/detail?hostname=web01', nobody)).status).toBe(403)
      })
    })

    describe('getGraph', () => {
      it('returns a series for each metric asked for, with values in the past and gaps in the future', async () => {
        const now = await mockNow()
        const result = await get(`/rest/graph?hsm=web01::HTTP::time&hsm=web01::HTTP::nope&start=${now - 3600}&end=${now + 1800}`, admin)
        expect(result.status).toBe(200)
        expect(result.json.list).toHaveLength(1)
        const series = result.json.list[0]
        expect(series).toMatchObject({ label: 'web01::HTTP::time', uom: 's' })
        expect(series.data.some(([, value]: [number, number | null]) => typeof value === 'number')).toBe(true)
        expect(series.data.at(-1)[1]).toBeNull()
        const again = await get(`/rest/graph?hsm=web01::HTTP::time&start=${now - 3600}&end=${now - 600}`, admin)
        expect(again.json.list[0].data).toEqual(series.data.filter(([time]: [number]) => time <= now - 600))
      })
      it('returns 400 for a bad duration and 403 without view access', async () => {
        expect((await get('/rest/graph?hsm=web01::HTTP::time&duration=soon', admin)).status).toBe(400)
        expect((await get('/rest/graph?hsm=web01::HTTP::time', nobody)).status).toBe(403)
      })
    })

    describe('listMetricStatus', () => {
      it('returns the latest value of each metric, filtered and paged', async () => {
        const result = await get('/rest/status/performancemetric?host=web0%25&metric=load1', admin)
        expect(result.status).toBe(200)
        expect(result.json.list.length).toBe(5)
        expect(result.json.list.every((item: { metricname: string }) => item.metricname === 'load1')).toBe(true)
      })
      it('returns 400 for a bad template id and 403 without view access', async () => {
        expect((await get('/rest/status/performancemetric?htid=x', admin)).status).toBe(400)
        expect((await get('/rest/status/performancemetric', nobody)).status).toBe(403)
      })
    })

    describe('listViewportStatus and getViewportStatus', () => {
      it('summarises each hashtag and one hashtag by name', async () => {
        const all = await get('/rest/status/viewport', admin)
        expect(all.status).toBe(200)
        expect(all.json.list.map((item: { name: string }) => item.name)).toEqual(expect.arrayContaining(['web', 'database', 'network']))
        const web = await get('/rest/status/viewport/web', admin)
        expect(web.status).toBe(200)
        expect(web.json.list).toHaveLength(1)
        expect(web.json.list[0].hosts.total).toBe('6')
        const tag = web.json.list[0]
        expect(tag.computed_state).toBe(tag.hosts.down || tag.hosts.unreachable ? 'critical' : tag.services.computed_state)
      })
      it('keeps hashtags outside the viewer host groups out of its view', async () => {
        const names = (await get('/rest/status/viewport', viewer)).json.list.map((item: { name: string }) => item.name)
        expect(names).toEqual(['web'])
        expect((await get('/rest/status/viewport/database', viewer)).status).toBe(404)
      })
      it('returns 400 for a bad filter, 404 for an unknown hashtag and 403 without view access', async () => {
        expect((await get('/rest/status/viewport?host_filter=maybe', admin)).status).toBe(400)
        expect((await get('/rest/status/viewport/web?state=9', admin)).status).toBe(400)
        expect((await get('/rest/status/viewport/nope', admin)).status).toBe(404)
        expect((await get('/rest/status/viewport', nobody)).status).toBe(403)
        expect((await get('/rest/status/viewport/web', nobody)).status).toBe(403)
      })
    })

    describe('listBsmServiceStatus and listBsmComponentStatus', () => {
      it('derives component and service status from the hosts and their template checks', async () => {
        const components = await get('/rest/status/bsmcomponent?host_detail=1', admin)
        expect(components.status).toBe(200)
        const web = components.json.list.find((item: { name: string }) => item.name === 'Web Farm')
        expect(web.hosts_total).toBe(5)
        expect(web.hosts_failed).toBe(web.hosts.filter((host: { failed: boolean }) => host.failed).length)
        const services = await get('/rest/status/bsmservice?component_detail=1', admin)
        expect(services.status).toBe(200)
        const shop = services.json.list.find((item: { name: string }) => item.name === 'Online Shop')
        expect(shop.components.list.map((item: { name: string }) => item.name)).toEqual(['Web Farm', 'MySQL Cluster', 'Core Network'])
        expect(shop.status).toBe(shop.components_failed ? 'OFFLINE' : 'OPERATIONAL')
        for (const component of components.json.list as Array<{ availability: number; status: string }>) {
          expect(component.availability).toBeGreaterThanOrEqual(0)
          expect(component.availability).toBeLessThanOrEqual(100)
          if (component.status === 'FAILED') expect(component.availability).toBeLessThan(100)
        }
        const lowest = Math.min(...shop.components.list.map((component: { availability: number }) => component.availability))
        expect(shop.availability).toBeLessThanOrEqual(lowest)
      })
      it('returns 400 for bad filters and 403 without BSM access', async () => {
        expect((await get('/rest/status/bsmservice?bs_status=sideways', admin)).status).toBe(400)
        expect((await get('/rest/status/bsmcomponent?cid=x', admin)).status).toBe(400)
        expect((await get('/rest/status/bsmservice', viewer)).status).toBe(403)
        expect((await get('/rest/status/bsmcomponent', viewer)).status).toBe(403)
      })
    })

    describe('runtime listings', () => {
      it('listRuntimeServices groups by host or service, or lists distinct names', async () => {
        const byHost = await get('/rest/runtime/service?hostname=web01', admin)
        expect(byHost.status).toBe(200)
        expect(byHost.json.list[0]).toMatchObject({ name: 'web01', list: expect.arrayContaining(['HTTP', 'SSH']) })
        const byService = await get('/rest/runtime/service?group_by=service&distinct=1&rows=all', admin)
        expect(byService.json.list.some((item: { name: string }) => item.name === 'HTTP')).toBe(true)
        expect((await get('/rest/runtime/service?group_by=colour', admin)).status).toBe(400)
        expect((await get('/rest/runtime/service', nobody)).status).toBe(403)
      })
      it('listRuntimeHosttemplates lists the templates of visible hosts', async () => {
        const result = await get('/rest/runtime/hosttemplate', viewer)
        expect(result.status).toBe(200)
        expect(result.json.list.map((item: { name: string }) => item.name)).toEqual(['Base Unix', 'Web Server'])
        expect((await get('/rest/runtime/hosttemplate?hostgroupid=x', admin)).status).toBe(400)
        expect((await get('/rest/runtime/hosttemplate', nobody)).status).toBe(403)
      })
      it('listRuntimeMetrics lists metric names or distinct hosts', async () => {
        const names = await get('/rest/runtime/performancemetric?host=web01&service=HTTP', admin)
        expect(names.status).toBe(200)
        expect(names.json.list).toEqual(['web01::HTTP::size', 'web01::HTTP::time'])
        const hosts = await get('/rest/runtime/performancemetric?type=host', viewer)
        expect(hosts.json.list).toEqual(['lb01', 'web01', 'web02', 'web03', 'web04', 'web05'])
        expect((await get('/rest/runtime/performancemetric?type=colour', admin)).status).toBe(400)
        expect((await get('/rest/runtime/performancemetric', nobody)).status).toBe(403)
      })
      it('listRuntimeMonitoringClusters lists the clusters of visible hosts', async () => {
        const result = await get('/rest/runtime/monitoringcluster', admin)
        expect(result.status).toBe(200)
        expect(result.json.list).toContainEqual({ id: 1, name: 'Master Monitoring Server', activated: '1', passive: '0' })
        expect((await get('/rest/runtime/monitoringcluster', nobody)).status).toBe(403)
      })
      it('getRuntimeNetwork lists visible hosts with their parents and children', async () => {
        const result = await get('/rest/runtime/network?hostgroupid=3', admin)
        expect(result.status).toBe(200)
        expect(result.json.list.map((item: { name: string }) => item.name)).toContain('web01')
        expect((await get('/rest/runtime/network?monitoredby=x', admin)).status).toBe(400)
        expect((await get('/rest/runtime/network', nobody)).status).toBe(403)
      })
    })

    describe('access lists', () => {
      it('shows a role that may see only the database hashtag its tagged hosts, in status, events and hashtags', async () => {
        const role = await post('/rest/config/role', admin, {
          name: 'opsmocks-database-watchers',
          accesses: ['VIEWSOME'],
          all_hostgroups: '0',
          all_keywords: '0',
          access_keywords: [{ name: 'database' }],
        })
        expect(role.status).toBe(200)
        await post('/rest/config/contact', admin, { name: 'db-watcher', role: { name: 'opsmocks-database-watchers' }, password: 'secret' })
        const watcher = await loginAs(target, { username: 'db-watcher', password: 'secret' })
        const hosts = (await get('/rest/status/host', watcher)).json.list.map((host: { name: string }) => host.name)
        expect(hosts).toEqual(['db01', 'db02', 'db03'])
        const tags = (await get('/rest/status/viewport', watcher)).json.list.map((tag: { name: string }) => tag.name)
        expect(tags).toEqual(['database'])
        const events = (await get('/rest/event?rows=all', watcher)).json.list as Array<{ hostname: string }>
        expect(events.every((event) => hosts.includes(event.hostname))).toBe(true)
        expect((await get('/rest/detail?hostname=web01', watcher)).status).toBe(404)
      })
    })

    describe('status include switches and downtime times', () => {
      it('adds the monitoring cluster only with include_monitored_by=1, and the reload time with include_reload_time=1', async () => {
        const plain = (await get('/rest/status/host?host=web01', admin)).json
        expect(plain.list[0].monitored_by).toBeUndefined()
        const shown = (await get('/rest/status/host?host=web01&include_monitored_by=1&include_reload_time=1', admin)).json
        expect(shown.list[0]).toMatchObject({ monitored_by: '1', monitored_by_name: 'Master Monitoring Server' })
        expect(shown.summary.last_reload_time).toMatch(/^[0-9]+$/)
      })
      it('adds cstatus with include_cluster_health=1 only where a cluster or collector is unhealthy', async () => {
        const healthy = (await get('/rest/status/host?include_cluster_health=1', admin)).json.list
        expect(healthy.every((host: { cstatus?: string }) => host.cstatus === undefined)).toBe(true)
        const collectors = (await get('/rest/config/collector?s.name=collector01', admin)).json.list
        const stopped = await rawCall(target, `/rest/config/collector/${collectors[0].id}`, {
          method: 'PUT',
          headers: { ...admin.headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ active: '0' }),
        })
        expect(stopped.status).toBe(200)
        const hosts = (await get('/rest/status/host?include_cluster_health=1&include_monitored_by=1', admin)).json.list as Array<{
          name: string
          cstatus?: string
          monitored_by_name: string
        }>
        expect(hosts.find((host) => host.name === 'collector01')!.cstatus).toBe('4')
        for (const host of hosts.filter((item) => item.name !== 'collector01'))
          expect(host.cstatus).toBe(host.monitored_by_name === 'collectors-us' ? '2' : undefined)
        expect((await get('/rest/status/host?host=collector01', admin)).json.list[0].cstatus).toBeUndefined()
        await rawCall(target, `/rest/config/collector/${collectors[0].id}`, {
          method: 'PUT',
          headers: { ...admin.headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ active: '1' }),
        })
      })

      it('adds metrics with includeperfdata=1', async () => {
        const result = (await get('/rest/status/service?hostname=web01&includeperfdata=1', admin)).json
        const load = result.list[0].services.find((service: { name: string }) => service.name === 'Unix Load Average')
        expect(load.metrics.map((metric: { name: string }) => metric.name)).toEqual(['load1', 'load5', 'load15'])
      })
      it('lists downtimes with epoch times and scheduled_end_time, or formatted with format_datetime=1', async () => {
        await post('/rest/downtime?hst.hostname=web03', admin, { starttime: 'now', endtime: '+2h', comment: 'epoch check' })
        const epoch = (await get('/rest/downtime', admin)).json.list[0]
        expect(epoch.start_time).toMatch(/^[0-9]+$/)
        expect(Number(epoch.scheduled_end_time) - Number(epoch.start_time)).toBe(7200)
        const formatted = (await get('/rest/downtime?format_datetime=1', admin)).json.list[0]
        expect(formatted.scheduled_end_time).toMatch(/^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}$/)
      })
    })
  })
}
