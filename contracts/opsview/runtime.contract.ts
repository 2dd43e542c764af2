import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginAs, opsviewApi, rawCall, type OpsviewSession, type OpsviewTarget } from './target'

/**
 * Downtime and acknowledgements change live monitoring state, so on a real server they only run when
 * writes are allowed; the mock runs start from a fresh seed and put it back afterwards.
 */
export function runtimeContract(target: OpsviewTarget): void {
  const mockOnly = target.kind === 'mock'
  let admin: OpsviewSession
  const api = () => opsviewApi(target)
  const post = (path: string, session: OpsviewSession, body: unknown) =>
    rawCall(target, path, {
      method: 'POST',
      headers: { ...session.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })

  describe.runIf(mockOnly)('runtime', () => {
    beforeAll(async () => {
      await target.control!.reset()
      admin = await loginAs(target, target.credentials.admin)
    })
    afterAll(async () => target.control!.reset())

    describe('createDowntime', () => {
      it('puts the selected services in downtime, which status then shows as handled', async () => {
        const before = (await api().GET('/rest/status/service', { params: { query: { hostname: 'db01' } }, headers: admin.headers })).data!
        const result = await post('/rest/downtime?svc.hostname=db%25&svc.servicename=MySQL%25', admin, {
          starttime: 'now',
          endtime: '+2h',
          comment: 'database upgrade',
        })
        expect(result.status).toBe(200)
        expect(result.json.summary).toEqual({ num_hosts: '0', num_services: '6' })
        const after = (await api().GET('/rest/status/service', { params: { query: { hostname: 'db01' } }, headers: admin.headers })).data!
        const mysql = after.list[0]!.services.filter((service) => service.name.startsWith('MySQL'))
        expect(mysql.every((service) => service.downtime === '2' && service.unhandled === '0')).toBe(true)
        expect(Number(after.summary.service.unhandled)).toBeLessThanOrEqual(Number(before.summary.service.unhandled))
        expect(Number(after.summary.service.total)).toBe(Number(before.summary.service.total))
      })

      it('takes the selectors from the query string, as opsview-nodejs sends them', async () => {
        const result = await post('/rest/downtime?svc.hostname=web%25&svc.servicename=HTTP', admin, {
          starttime: '2030/00/01 10:00:00',
          endtime: '2030/00/01 11:00:00',
          comment: 'mock test',
        })
        expect(result.status).toBe(200)
        expect(result.json.summary.num_services).toBe('5')
      })

      it('puts a whole host in downtime with hst.hostname, covering its services', async () => {
        const result = await post('/rest/downtime', admin, {
          'hst.hostname': 'web05',
          starttime: 'now',
          endtime: '+1h',
          comment: 'rebuild',
        })
        expect(result.json.summary.num_hosts).toBe('1')
        const host = (await api().GET('/rest/status/service', { params: { query: { hostname: 'web05' } }, headers: admin.headers })).data!
          .list[0]!
        expect(host.downtime).toBe('2')
        expect(host.unhandled).toBe('0')
        expect(host.services.every((service) => service.downtime === '2')).toBe(true)
      })

      it('returns 400 without a comment and schedules nothing', async () => {
        const before = (await api().GET('/rest/downtime', { headers: admin.headers })).data!.summary.allrows
        const result = await post('/rest/downtime?hst.hostname=db02', admin, { starttime: 'now', endtime: '+1h' })
        expect(result.status).toBe(400)
        expect(result.json.message).toMatch(/comment/)
        expect((await api().GET('/rest/downtime', { headers: admin.headers })).data!.summary.allrows).toBe(before)
      })

      it('returns 400 when nothing is selected', async () => {
        const result = await post('/rest/downtime', admin, { starttime: 'now', endtime: '+1h', comment: 'x' })
        expect(result.status).toBe(400)
      })

      it('returns 400 when the end is before the start', async () => {
        const result = await post('/rest/downtime?hst.hostname=db02', admin, { starttime: '+2h', endtime: '+1h', comment: 'x' })
        expect(result.status).toBe(400)
      })

      it('returns 403 for the viewer, who has no downtime access', async () => {
        const viewer = await loginAs(target, target.credentials.viewer!)
        const result = await post('/rest/downtime?hst.hostname=web01', viewer, { starttime: 'now', endtime: '+1h', comment: 'x' })
        expect(result.status).toBe(403)
      })

      it('lets the operator schedule downtime', async () => {
        const operator = await loginAs(target, target.credentials.operator!)
        const result = await post('/rest/downtime?hst.hostname=app01', operator, { starttime: '+1h', endtime: '+2h', comment: 'later' })
        expect(result.status).toBe(200)
      })
    })

    describe('listDowntimes', () => {
      it('lists downtimes that have not ended, with their objects', async () => {
        const { data, response } = await api().GET('/rest/downtime', { headers: admin.headers })
        expect(response.status).toBe(200)
        expect(data!.list.map((downtime) => downtime.comment)).toContain('database upgrade')
        expect(data!.list.find((downtime) => downtime.comment === 'later')!.started).toBe('0')
      })
    })

    describe('deleteDowntimes', () => {
      it('cancels downtime so status shows the host out of downtime again', async () => {
        const { response } = await api().DELETE('/rest/downtime', {
          params: { query: { 'hst.hostname': 'web05' } },
          headers: admin.headers,
        })
        expect(response.status).toBe(200)
        const host = (await api().GET('/rest/status/host', { params: { query: { host: 'web05' } }, headers: admin.headers })).data!.list[0]!
        expect(host.downtime).toBe('0')
        expect(host.unhandled).toBe('1')
      })
    })

    describe('acknowledge', () => {
      it('acknowledges unhandled problems so they count as handled', async () => {
        const before = (await api().GET('/rest/status/host', { headers: admin.headers })).data!.summary
        const result = await post('/rest/acknowledge?hst.hostname=web05', admin, { comment: 'on it', notify: '1', sticky: '1' })
        expect(result.status).toBe(200)
        expect(result.json.summary.num_hosts).toBe('1')
        const after = (await api().GET('/rest/status/host', { headers: admin.headers })).data!.summary
        expect(Number(after.host.unhandled)).toBe(Number(before.host.unhandled) - 1)
        expect(Number(after.host.handled)).toBe(Number(before.host.handled) + 1)
      })

      it('leaves out objects that are not in a problem state', async () => {
        const result = await post('/rest/acknowledge?svc.hostname=web01&svc.servicename=SSH', admin, { comment: 'nothing to see' })
        expect(result.json.summary).toEqual({ num_hosts: '0', num_services: '0' })
      })

      it('returns 400 without a comment', async () => {
        expect((await post('/rest/acknowledge?hst.hostname=web05', admin, {})).status).toBe(400)
      })

      it('returns 403 for the viewer', async () => {
        const viewer = await loginAs(target, target.credentials.viewer!)
        expect((await post('/rest/acknowledge?hst.hostname=web05', viewer, { comment: 'x' })).status).toBe(403)
      })
    })
  })
}
