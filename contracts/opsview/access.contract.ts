import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import spec from '../../mocks/generated/opsview.openapi.json'
import { uniqueName } from '../support/target'
import { loginAs, opsviewApi, rawCall, type OpsviewSession, type OpsviewTarget, createdObject } from './target'

/**
 * What each access in a role allows, from the seeded operator and viewer and from a role created
 * here with no accesses at all (whose contact logs in with the password it was created with).
 */
export function accessContract(target: OpsviewTarget): void {
  const api = () => opsviewApi(target)
  let admin: OpsviewSession
  let operator: OpsviewSession
  let viewer: OpsviewSession
  let nobody: OpsviewSession
  const cleanup: string[] = []

  describe.runIf(target.kind === 'mock')('access control', () => {
    beforeAll(async () => {
      admin = await loginAs(target, target.credentials.admin)
      operator = await loginAs(target, target.credentials.operator!)
      viewer = await loginAs(target, target.credentials.viewer!)
      const role = await api().POST('/rest/config/{objecttype}', {
        params: { path: { objecttype: 'role' } },
        headers: admin.headers,
        body: { name: uniqueName('opsmocks-role'), accesses: [], all_hostgroups: '0' },
      })
      const username = uniqueName('nobody')
      const contact = await api().POST('/rest/config/{objecttype}', {
        params: { path: { objecttype: 'contact' } },
        headers: admin.headers,
        body: { name: username, fullname: 'No Access', role: { id: createdObject(role.data).id }, password: 'secret' },
      })
      cleanup.push(`/rest/config/contact/${createdObject(contact.data).id}`, `/rest/config/role/${createdObject(role.data).id}`)
      nobody = await loginAs(target, { username, password: 'secret' })
    })
    afterAll(async () => {
      for (const path of cleanup) await rawCall(target, path, { method: 'DELETE', headers: admin.headers })
    })

    /** Logs in a contact of a new role with `accesses` and the access-list fields in `fields`. */
    async function restrictedSession(accesses: string[], fields: Record<string, unknown>): Promise<OpsviewSession> {
      const role = await rawCall(target, '/rest/config/role', {
        method: 'POST',
        headers: { ...admin.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: uniqueName('opsmocks-role'), accesses, all_hostgroups: '0', ...fields }),
      })
      const username = uniqueName('restricted')
      const contact = await rawCall(target, '/rest/config/contact', {
        method: 'POST',
        headers: { ...admin.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: username, fullname: 'Restricted', role: { id: role.json.object.id }, password: 'secret' }),
      })
      cleanup.unshift(`/rest/config/contact/${contact.json.object.id}`, `/rest/config/role/${role.json.object.id}`)
      return loginAs(target, { username, password: 'secret' })
    }

    it('lets a contact created over the API log in with its password, and reports its role', async () => {
      const { data } = await api().GET('/rest/user', { headers: nobody.headers })
      expect(data!.access_list).toEqual({})
      expect(data!.role).toMatch(/^opsmocks-role-/)
    })

    it('returns 403 for every status view when the role has neither VIEWALL nor VIEWSOME', async () => {
      for (const path of ['/rest/status/host', '/rest/status/service', '/rest/status/hostgroup'] as const) {
        const { response, error } = await api().GET(path, { headers: nobody.headers })
        expect(response.status).toBe(403)
        expect(error!.message).toMatch(/VIEWALL/)
      }
    })

    it('returns 403 for every monitoring view when the role has neither VIEWALL nor VIEWSOME', async () => {
      for (const path of [
        '/rest/event',
        '/rest/detail?hostname=web01',
        '/rest/graph?hsm=web01::HTTP::time',
        '/rest/status/viewport',
        '/rest/status/performancemetric',
        '/rest/runtime/service',
        '/rest/runtime/hosttemplate',
        '/rest/runtime/performancemetric',
        '/rest/runtime/monitoringcluster',
        '/rest/runtime/network',
      ]) {
        const result = await rawCall(target, path, { headers: nobody.headers })
        expect(result.status, path).toBe(403)
      }
    })

    it('never names a host outside the viewer host groups in any monitoring view', async () => {
      const hidden = ['opsview', 'collector01', 'core-sw01', 'core-sw02', 'edge-fw01', 'db01', 'db02', 'db03', 'app01', 'mq01', 'backup01']
      for (const path of [
        '/rest/status/host',
        '/rest/status/service?includeperfdata=1',
        '/rest/status/hostgroup',
        '/rest/status/viewport',
        '/rest/status/performancemetric?rows=all',
        '/rest/event?rows=all',
        '/rest/graph?hostname=%25&duration=1h',
        '/rest/runtime/service?rows=all',
        '/rest/runtime/performancemetric',
        '/rest/runtime/network',
        '/rest/downtime',
      ]) {
        const result = await rawCall(target, path, { headers: viewer.headers })
        expect(result.status, path).toBeLessThan(500)
        if (result.status !== 200) continue
        const names = JSON.stringify(result.json).match(/"[^"]*"/g) ?? []
        for (const host of hidden)
          expect(
            names.some((text) => text === `"${host}"` || text.startsWith(`"${host}::`)),
            `${path} names ${host}`,
          ).toBe(false)
      }
    })

    it('returns 403 for business service status to a role without BSM', async () => {
      for (const path of ['/rest/status/bsmservice', '/rest/status/bsmcomponent']) {
        expect((await rawCall(target, path, { headers: nobody.headers })).status, path).toBe(403)
      }
    })

    it('returns 403 for plugin and Opspack uploads without ADMINACCESS', async () => {
      for (const path of ['/rest/config/plugin/upload', '/rest/config/hosttemplate/upload', '/rest/config/plugin/import']) {
        const result = await rawCall(target, path, {
          method: 'POST',
          headers: { ...operator.headers, 'Content-Type': 'multipart/form-data; boundary=x' },
          body: '--x\r\nContent-Disposition: form-data; name="file"; filename="check_x"\r\n\r\n#!/bin/sh\r\n--x--\r\n',
        })
        expect(result.status, path).toBe(403)
      }
    })

    it('returns 403 when the viewer reads contacts, one by one or by exists', async () => {
      expect(
        (
          await api().GET('/rest/config/{objecttype}/{id}', {
            params: { path: { objecttype: 'contact', id: '1' } },
            headers: viewer.headers,
          })
        ).response.status,
      ).toBe(403)
      const exists = await api().GET('/rest/config/{objecttype}/exists', {
        params: { path: { objecttype: 'contact' }, query: { name: 'admin' } },
        headers: viewer.headers,
      })
      expect(exists.response.status).toBe(403)
    })

    it('returns 404 for exists, create and clone on an unknown type or id', async () => {
      expect((await rawCall(target, '/rest/config/notatype/exists?name=x', { headers: admin.headers })).status).toBe(404)
      expect(
        (
          await rawCall(target, '/rest/config/notatype', {
            method: 'POST',
            headers: { ...admin.headers, 'Content-Type': 'application/json' },
            body: '{}',
          })
        ).status,
      ).toBe(404)
      const clone = await api().POST('/rest/config/{objecttype}/{id}', {
        params: { path: { objecttype: 'host', id: '999999' } },
        headers: admin.headers,
        body: { name: 'x' },
      })
      expect(clone.response.status).toBe(404)
    })

    it('returns 403 and changes nothing when the operator updates, clones or deletes a host', async () => {
      const before = (
        await api().GET('/rest/config/{objecttype}/{id}', { params: { path: { objecttype: 'host', id: '7' } }, headers: admin.headers })
      ).data!.object
      const path = { objecttype: 'host' as const, id: '7' }
      expect(
        (await api().PUT('/rest/config/{objecttype}/{id}', { params: { path }, headers: operator.headers, body: { ip: '192.0.2.1' } }))
          .response.status,
      ).toBe(403)
      expect(
        (await api().POST('/rest/config/{objecttype}/{id}', { params: { path }, headers: operator.headers, body: { name: 'copy' } }))
          .response.status,
      ).toBe(403)
      expect((await api().DELETE('/rest/config/{objecttype}/{id}', { params: { path }, headers: operator.headers })).response.status).toBe(
        403,
      )
      const after = (await api().GET('/rest/config/{objecttype}/{id}', { params: { path }, headers: admin.headers })).data!.object
      expect(after).toEqual(before)
    })

    it('returns 403 for reload status when the role has no reload or configuration access', async () => {
      expect((await api().GET('/rest/reload', { headers: viewer.headers })).response.status).toBe(403)
    })

    it('returns 403 for listing and cancelling downtime without downtime access', async () => {
      expect((await api().GET('/rest/downtime', { headers: viewer.headers })).response.status).toBe(403)
      expect(
        (await api().DELETE('/rest/downtime', { params: { query: { 'hst.hostname': 'web01' } }, headers: viewer.headers })).response.status,
      ).toBe(403)
    })

    it('returns 400 for downtime paging and cancelling without a selection', async () => {
      expect((await rawCall(target, '/rest/downtime?rows=many', { headers: operator.headers })).status).toBe(400)
      expect((await api().DELETE('/rest/downtime', { headers: operator.headers })).response.status).toBe(400)
    })

    it('ends the sessions of a deleted contact', async () => {
      const username = uniqueName('shortlived')
      const contact = await api().POST('/rest/config/{objecttype}', {
        params: { path: { objecttype: 'contact' } },
        headers: admin.headers,
        body: { name: username, role: { name: 'Operator' }, password: 'pw' },
      })
      const session = await loginAs(target, { username, password: 'pw' })
      await api().DELETE('/rest/config/{objecttype}/{id}', {
        params: { path: { objecttype: 'contact', id: createdObject(contact.data).id } },
        headers: admin.headers,
      })
      expect((await api().GET('/rest/user', { headers: session.headers })).response.status).toBe(401)
    })

    describe('access lists scope every configuration type', () => {
      const UK_WEB = ['lb01', 'web01', 'web02', 'web03', 'web04', 'web05']
      const HIDDEN = ['opsview', 'collector01', 'core-sw01', 'edge-fw01', 'db01', 'app01', 'mq01', 'cache01', 'backup01']
      const objectTypes = () =>
        (spec as unknown as { components: { parameters: { ObjectType: { schema: { enum: string[] } } } } }).components.parameters.ObjectType
          .schema.enum

      it("never names a host outside the viewer's host groups, in any object of any type it may read", async () => {
        const leaks: string[] = []
        for (const type of objectTypes()) {
          const result = await rawCall(target, `/rest/config/${type}?rows=all`, { headers: viewer.headers })
          if (result.status === 403) continue
          expect(result.status, type).toBe(200)
          const text = JSON.stringify(result.json)
          for (const host of HIDDEN) if (text.includes(`"name":"${host}"`)) leaks.push(`${type} names ${host}`)
        }
        expect(leaks).toEqual([])
      })

      it("lists only the hashtags, service groups and host groups of the viewer's role", async () => {
        const names = async (type: string) =>
          ((await rawCall(target, `/rest/config/${type}?rows=all`, { headers: viewer.headers })).json.list as Array<{ name: string }>).map(
            (item) => item.name,
          )
        expect(await names('keyword')).toEqual(['web'])
        expect((await names('servicegroup')).sort()).toEqual(['Application - Web', 'OS - Unix Base'])
        expect(await names('hostgroup')).toEqual(['UK Web Servers'])
        expect((await names('host')).sort()).toEqual(UK_WEB)
        const template = (await rawCall(target, '/rest/config/hosttemplate/1', { headers: viewer.headers })).json.object
        expect((template.hosts as Array<{ name: string }>).map((host) => host.name).sort()).toEqual(UK_WEB)
      })

      it('returns 403 for types the role has no access to, and 200 once it has', async () => {
        for (const type of ['servicecheck', 'timeperiod', 'plugin', 'bsmservice', 'notificationmethod', 'tenancy', 'netflow_collector']) {
          expect((await rawCall(target, `/rest/config/${type}`, { headers: viewer.headers })).status, type).toBe(403)
          expect((await rawCall(target, `/rest/config/${type}`, { headers: nobody.headers })).status, type).toBe(403)
        }
        for (const type of ['servicecheck', 'bsmservice', 'bsmcomponent', 'monitoringcluster']) {
          expect((await rawCall(target, `/rest/config/${type}`, { headers: operator.headers })).status, type).toBe(200)
        }
      })

      it('keeps the hosts a hashtag editor cannot see when it writes back the hashtag it read', async () => {
        const editor = await restrictedSession(['VIEWSOME', 'CONFIGUREKEYWORDS'], {
          all_keywords: '1',
          access_hostgroups: [{ name: 'UK Web Servers' }],
        })
        const hostNames = (object: Record<string, unknown>) => (object.hosts as Array<{ name: string }>).map((host) => host.name).sort()
        const production = (await rawCall(target, '/rest/config/keyword?s.name=production', { headers: admin.headers })).json.list[0]
        const before = hostNames(production)
        const seen = (await rawCall(target, `/rest/config/keyword/${production.id}`, { headers: editor.headers })).json.object
        expect(hostNames(seen)).toEqual(['lb01', 'web01', 'web02', 'web03'])
        const json = { ...editor.headers, 'Content-Type': 'application/json' }
        const put = await rawCall(target, `/rest/config/keyword/${production.id}`, {
          method: 'PUT',
          headers: json,
          body: JSON.stringify(seen),
        })
        expect(put.status).toBe(200)
        expect(hostNames((await rawCall(target, `/rest/config/keyword/${production.id}`, { headers: admin.headers })).json.object)).toEqual(
          before,
        )

        const dropped = { ...seen, hosts: [{ name: 'lb01' }] }
        expect(
          (await rawCall(target, `/rest/config/keyword/${production.id}`, { method: 'PUT', headers: json, body: JSON.stringify(dropped) }))
            .status,
        ).toBe(200)
        const after = hostNames((await rawCall(target, `/rest/config/keyword/${production.id}`, { headers: admin.headers })).json.object)
        expect(after).toEqual(before.filter((name) => !['web01', 'web02', 'web03'].includes(name)))

        const hidden = { ...seen, hosts: [...seen.hosts, { name: 'cache01' }] }
        const refused = await rawCall(target, `/rest/config/keyword/${production.id}`, {
          method: 'PUT',
          headers: json,
          body: JSON.stringify(hidden),
        })
        expect(refused.status).toBe(400)
        expect(hostNames((await rawCall(target, `/rest/config/keyword/${production.id}`, { headers: admin.headers })).json.object)).toEqual(
          after,
        )
        await rawCall(target, `/rest/config/keyword/${production.id}`, {
          method: 'PUT',
          headers: { ...admin.headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ hosts: before.map((name) => ({ name })) }),
        })
      })

      it('returns 403 when the operator changes objects of any writable type, one by one or in bulk', async () => {
        for (const type of ['servicecheck', 'keyword', 'bsmservice', 'timeperiod', 'tenancy']) {
          const create = await rawCall(target, `/rest/config/${type}`, {
            method: 'POST',
            headers: { ...operator.headers, 'Content-Type': 'application/json' },
            body: JSON.stringify({ name: uniqueName('opsmocks') }),
          })
          expect(create.status, type).toBe(403)
          expect((await rawCall(target, `/rest/config/${type}?id=1`, { method: 'DELETE', headers: operator.headers })).status, type).toBe(
            403,
          )
        }
      })
    })
  })
}
