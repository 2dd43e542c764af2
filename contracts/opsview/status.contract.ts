import { beforeAll, describe, expect, it } from 'vitest'
import { loginAs, opsviewApi, rawCall, type OpsviewSession, type OpsviewTarget } from './target'

type Counts = Record<string, string | undefined>

/** total = handled + unhandled = the sum of the per-state counts. */
function expectCountsAddUp(counts: Counts, states: string[]): void {
  const total = Number(counts.total)
  expect(Number(counts.handled) + Number(counts.unhandled)).toBe(total)
  expect(states.reduce((sum, state) => sum + Number(counts[state] ?? 0), 0)).toBe(total)
}

const HOST_STATES = ['up', 'down', 'unreachable']
const SERVICE_STATES = ['ok', 'warning', 'critical', 'unknown']

export function statusContract(target: OpsviewTarget): void {
  const mockOnly = target.kind === 'mock'
  let admin: OpsviewSession
  const api = () => opsviewApi(target)

  describe('status', () => {
    beforeAll(async () => {
      admin = await loginAs(target, target.credentials.admin)
    })

    describe('listHostStatus', () => {
      it('returns hosts with a summary whose counts add up', async () => {
        const { data, response } = await api().GET('/rest/status/host', { headers: admin.headers })
        expect(response.status).toBe(200)
        const { summary, list } = data!
        expectCountsAddUp(summary.host, HOST_STATES)
        expectCountsAddUp(summary.service, SERVICE_STATES)
        expect(Number(summary.host.total)).toBe(list.length)
        expect(Number(summary.total)).toBe(Number(summary.host.total) + Number(summary.service.total))
        expect(Number(summary.service.total)).toBe(list.reduce((sum, host) => sum + Number(host.summary.total), 0))
      })

      it('filters by host state', async () => {
        const { data } = await api().GET('/rest/status/host', { params: { query: { state: '0' } }, headers: admin.headers })
        expect(data!.list.every((host) => host.state === 'up')).toBe(true)
      })

      it('returns only unhandled hosts for filter=unhandled', async () => {
        const { data } = await api().GET('/rest/status/host', { params: { query: { filter: 'unhandled' } }, headers: admin.headers })
        expect(data!.list.every((host) => host.unhandled === '1')).toBe(true)
      })

      it('returns 400 for an invalid filter', async () => {
        const result = await rawCall(target, '/rest/status/host?filter=sometimes', { headers: admin.headers })
        expect(result.status).toBe(400)
      })

      it('returns 401 without a token', async () => {
        expect((await api().GET('/rest/status/host', {})).response.status).toBe(401)
      })

      it.runIf(mockOnly)('shows the seeded mix of states', async () => {
        const { data } = await api().GET('/rest/status/host', { headers: admin.headers })
        expect(data!.summary.host).toMatchObject({ up: '18', down: '1', unreachable: '1', total: '20' })
        expect(Number(data!.summary.service.critical)).toBeGreaterThan(0)
        expect(Number(data!.summary.service.unhandled)).toBeGreaterThan(0)
      })

      it.runIf(mockOnly)('limits the viewer to its VIEWSOME host groups', async () => {
        const viewer = await loginAs(target, target.credentials.viewer!)
        const { data } = await api().GET('/rest/status/host', { headers: viewer.headers })
        expect(data!.list.length).toBe(6)
        expect(new Set(data!.list.map((host) => host.hostgroup))).toEqual(new Set(['UK Web Servers']))
      })
    })

    describe('listServiceStatus', () => {
      it('answers the trailing-slash form real clients use, filtered by service and host', async () => {
        const hosts = (await api().GET('/rest/status/host', { headers: admin.headers })).data!.list
        const host = hosts[0]!
        const result = await rawCall(target, `/rest/status/service/?hostname=${encodeURIComponent(host.name)}`, { headers: admin.headers })
        expect(result.status).toBe(200)
        expect(result.json.list.map((item: { name: string }) => item.name)).toEqual([host.name])
        expect(result.json.list[0].services.length).toBe(Number(host.num_services))
      })

      it('returns only the services in the requested state, with counts that add up', async () => {
        const { data } = await api().GET('/rest/status/service', { params: { query: { state: '2' } }, headers: admin.headers })
        const services = data!.list.flatMap((host) => host.services)
        expect(services.every((service) => service.state === 'critical')).toBe(true)
        expect(data!.summary.service.total).toBe(String(services.length))
        expectCountsAddUp(data!.summary.service, SERVICE_STATES)
      })

      it('returns 400 for a state outside 0-3', async () => {
        expect((await rawCall(target, '/rest/status/service?state=9', { headers: admin.headers })).status).toBe(400)
      })

      it.runIf(mockOnly)('finds SSH on web01, as inventory clients ask for it', async () => {
        const result = await rawCall(target, '/rest/status/service/?servicename=SSH&hostname=web01', { headers: admin.headers })
        expect(result.json.list[0].services).toEqual([expect.objectContaining({ name: 'SSH', state: 'ok' })])
      })
    })

    describe('listHostgroupStatus', () => {
      it('returns host groups whose host and service counts add up', async () => {
        const { data, response } = await api().GET('/rest/status/hostgroup', { headers: admin.headers })
        expect(response.status).toBe(200)
        for (const group of data!.list) {
          const stateSum = (counts: Record<string, unknown>, states: string[]) =>
            states.reduce(
              (sum, state) =>
                sum +
                Number((counts[state] as Counts | undefined)?.handled ?? 0) +
                Number((counts[state] as Counts | undefined)?.unhandled ?? 0),
              0,
            )
          expect(stateSum(group.hosts, HOST_STATES)).toBe(Number(group.hosts.total))
          expect(stateSum(group.services, SERVICE_STATES)).toBe(Number(group.services.total))
        }
      })

      it.runIf(mockOnly)('counts every host below the top-level group', async () => {
        const { data } = await api().GET('/rest/status/hostgroup', { params: { query: { hostgroupid: '1' } }, headers: admin.headers })
        expect(data!.list).toHaveLength(1)
        expect(data!.list[0]!.hosts.total).toBe('20')
        expect(data!.summary.host.total).toBe('20')
      })

      it.runIf(mockOnly)('lists the children of a group with parentid', async () => {
        const { data } = await api().GET('/rest/status/hostgroup', { params: { query: { parentid: '2' } }, headers: admin.headers })
        expect(data!.list.map((group) => group.name).sort()).toEqual(['Database Servers', 'UK Web Servers'])
      })

      it('returns 400 for a non-numeric hostgroupid', async () => {
        expect((await rawCall(target, '/rest/status/hostgroup?hostgroupid=abc', { headers: admin.headers })).status).toBe(400)
      })

      it('returns 401 without a token', async () => {
        expect((await api().GET('/rest/status/hostgroup', {})).response.status).toBe(401)
      })
    })
  })
}
