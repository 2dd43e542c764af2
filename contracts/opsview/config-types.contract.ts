import { beforeAll, describe, expect, it } from 'vitest'
import spec from '../../mocks/generated/opsview.openapi.json'
import { uniqueName } from '../support/target'
import { configFixture } from './config-fixture'
import { rawCall, type OpsviewTarget, identified } from './target'

/** Every `objecttype` the spec documents, read from the spec itself so a new type is covered here at once. */
const OBJECT_TYPES = (spec as unknown as { components: { parameters: { ObjectType: { schema: { enum: string[] } } } } }).components
  .parameters.ObjectType.schema.enum

/** Types written through the generic operations (plugins are uploaded; the reference types are read-only). */
const READ_ONLY = ['access', 'checktype', 'rancidvendor', 'timezone', 'hosticons']

type Listed = { list: Array<Record<string, unknown>>; summary: { allrows: string } }

/** Every configuration type: served with Opsview's fields, real references, delete rules and bulk delete. */
export function configTypesContract(target: OpsviewTarget): void {
  const mockOnly = target.kind === 'mock'
  const writes = target.allowWrites

  describe('configuration: every object type', () => {
    const { admin: session, api, json, createHostgroup, create } = configFixture(target)
    let admin: ReturnType<typeof session>
    beforeAll(() => {
      admin = session()
    })
    const list = async (path: string) => {
      const result = await rawCall(target, path, { headers: admin.headers })
      expect(result.status, `${path}: ${JSON.stringify(result.json)}`).toBe(200)
      return result.json as Listed
    }

    describe('listConfigObjects', () => {
      it.each(OBJECT_TYPES)('lists %s objects in the documented shape', async (type) => {
        const data = await list(`/rest/config/${type}?rows=5`)
        if (mockOnly) expect(data.list.length, `${type} is seeded`).toBeGreaterThan(0)
      })

      it('answers the legacy monitoringserver type with the monitoring clusters', async () => {
        const legacy = await list('/rest/config/monitoringserver?rows=all')
        const current = await list('/rest/config/monitoringcluster?rows=all')
        expect(legacy).toEqual(current)
      })

      it('returns columns answered only on request when asked for with an encoded +', async () => {
        const plain = await list('/rest/config/host?rows=1')
        expect(plain.list[0]).not.toHaveProperty('snmpinterfaces')
        const asked = await list('/rest/config/host?rows=1&cols=%2Bsnmpinterfaces')
        expect(asked.list[0]).toHaveProperty('snmpinterfaces')
        expect(asked.list[0]).toHaveProperty('check_command')
      })

      it.runIf(mockOnly)('sends every reference to an object the mock serves', async () => {
        const missing: string[] = []
        const seen = new Map<string, boolean>()
        const visit = async (value: unknown, where: string): Promise<void> => {
          if (Array.isArray(value)) for (const [index, item] of value.entries()) await visit(item, `${where}/${index}`)
          else if (value && typeof value === 'object') {
            for (const [field, inner] of Object.entries(value)) {
              if (field === 'ref' && typeof inner === 'string') {
                if (!seen.has(inner)) seen.set(inner, (await rawCall(target, inner, { headers: admin.headers })).status === 200)
                if (!seen.get(inner)) missing.push(`${where} → ${inner}`)
              } else await visit(inner, `${where}/${field}`)
            }
          }
        }
        for (const type of OBJECT_TYPES) {
          const data = await list(`/rest/config/${type}?rows=all`)
          await visit(data.list, type)
        }
        expect(missing).toEqual([])
      })
    })

    describe('getConfigObject', () => {
      it('reads a plugin and a host icon by name', async () => {
        const plugins = await list('/rest/config/plugin?rows=1')
        const name = String(plugins.list[0]!.name)
        const plugin = await rawCall(target, `/rest/config/plugin/${encodeURIComponent(name)}`, { headers: admin.headers })
        expect(plugin.status).toBe(200)
        expect(plugin.json.object.name).toBe(name)
        const icons = await list('/rest/config/hosticons?rows=1')
        const icon = await rawCall(target, String(icons.list[0]!.ref), { headers: admin.headers })
        expect(icon.json.object.name).toBe(icons.list[0]!.name)
      })
    })

    describe('configObjectExists', () => {
      it('finds a plugin by name', async () => {
        const plugins = await list('/rest/config/plugin?rows=1')
        const { data } = await api().GET('/rest/config/{objecttype}/exists', {
          params: { path: { objecttype: 'plugin' }, query: { name: String(plugins.list[0]!.name) } },
          headers: admin.headers,
        })
        expect(data).toEqual({ exists: 1 })
      })
    })

    describe.runIf(mockOnly)('createConfigObject (mock rules)', () => {
      it.each(READ_ONLY)('refuses to create a %s: the type is read-only', async (type) => {
        const result = await rawCall(target, `/rest/config/${type}`, json({ name: uniqueName('opsmocks') }))
        expect(result.status).toBe(400)
        expect(result.json.message).toMatch(/read-only/)
      })

      it('refuses to create a plugin: plugins are uploaded', async () => {
        const result = await rawCall(target, '/rest/config/plugin', json({ name: 'check_opsmocks' }))
        expect(result.status).toBe(400)
        expect(result.json.message).toMatch(/upload/)
      })
    })

    describe.runIf(writes)('relationships', () => {
      it('attaches a service check to a host with an exception, and the check lists the host', async () => {
        const group = await createHostgroup()
        const servicegroupId = (await create('servicegroup', { name: uniqueName('opsmocks-sg') })).id
        const check = await create('servicecheck', {
          name: uniqueName('opsmocks-check'),
          servicegroup: { id: servicegroupId },
          args: '-w 1 -c 2',
        })
        const host = await create('host', {
          name: uniqueName('opsmocks-host'),
          ip: '192.0.2.10',
          hostgroup: { id: group.id },
          servicechecks: [{ name: check.name, exception: '-w 5 -c 9' }],
        })
        expect(host.servicechecks).toEqual([
          {
            name: check.name,
            ref: `/rest/config/servicecheck/${check.id}`,
            exception: '-w 5 -c 9',
            timed_exception: null,
            event_handler: null,
          },
        ])
        const read = await rawCall(target, `/rest/config/servicecheck/${check.id}`, { headers: admin.headers })
        expect(read.json.object.hosts).toEqual([{ name: host.name, ref: `/rest/config/host/${host.id}` }])
        const groupRead = await rawCall(target, `/rest/config/servicegroup/${servicegroupId}`, { headers: admin.headers })
        expect(groupRead.json.object.servicechecks).toEqual([{ name: check.name, ref: `/rest/config/servicecheck/${check.id}` }])
      })

      it.runIf(mockOnly)('makes attached checks the host services in status after a reload', async () => {
        const group = await createHostgroup()
        const name = uniqueName('opsmocks-host')
        await create('host', {
          name,
          ip: '192.0.2.11',
          hostgroup: { id: group.id },
          hosttemplates: [{ name: 'Web Server' }],
          servicechecks: [{ name: 'SSH' }],
        })
        await api().POST('/rest/reload', { headers: admin.headers })
        const status = await rawCall(target, `/rest/status/service?hostname=${name}`, { headers: admin.headers })
        const services = (status.json.list[0].services as Array<{ name: string }>).map((service) => service.name)
        expect(services.sort()).toEqual(['HTTP', 'HTTPS', 'SSH', 'SSL Certificate'])
      })

      it('tags a host with a hashtag and the hashtag lists the host', async () => {
        const group = await createHostgroup()
        const keyword = await create('keyword', { name: uniqueName('opsmocks-tag') })
        const host = await create('host', {
          name: uniqueName('opsmocks-host'),
          ip: '192.0.2.12',
          hostgroup: { id: group.id },
          keywords: [{ id: keyword.id }],
        })
        const read = await rawCall(target, `/rest/config/keyword/${keyword.id}`, { headers: admin.headers })
        expect(read.json.object.hosts).toEqual([{ name: host.name, ref: `/rest/config/host/${host.id}` }])
      })
    })

    describe.runIf(writes)('updateConfigObject', () => {
      it("writes a hashtag's hosts, and the hosts carry the hashtag", async () => {
        const group = await createHostgroup()
        const host = await create('host', { name: uniqueName('opsmocks-host'), ip: '192.0.2.14', hostgroup: { id: group.id } })
        const keyword = await create('keyword', { name: uniqueName('opsmocks-tag'), hosts: [{ id: host.id }] })
        const tagged = await rawCall(target, `/rest/config/host/${host.id}`, { headers: admin.headers })
        expect(tagged.json.object.keywords).toEqual([{ name: keyword.name, ref: `/rest/config/keyword/${keyword.id}` }])
        const cleared = await rawCall(target, `/rest/config/keyword/${keyword.id}`, json({ hosts: [] }, 'PUT'))
        expect(cleared.json.object.hosts).toEqual([])
        expect((await rawCall(target, `/rest/config/host/${host.id}`, { headers: admin.headers })).json.object.keywords).toEqual([])
      })

      it("moves the service checks a service group's list names into that group", async () => {
        const from = await create('servicegroup', { name: uniqueName('opsmocks-sg') })
        const to = await create('servicegroup', { name: uniqueName('opsmocks-sg') })
        const check = await create('servicecheck', { name: uniqueName('opsmocks-check'), servicegroup: { id: from.id } })
        const moved = await rawCall(target, `/rest/config/servicegroup/${to.id}`, json({ servicechecks: [{ id: check.id }] }, 'PUT'))
        expect(moved.status, JSON.stringify(moved.json)).toBe(200)
        const checkRef = { name: check.name, ref: `/rest/config/servicecheck/${check.id}` }
        expect(moved.json.object.servicechecks).toEqual([checkRef])
        const read = await rawCall(target, `/rest/config/servicecheck/${check.id}`, { headers: admin.headers })
        expect(read.json.object.servicegroup).toEqual({ name: to.name, ref: `/rest/config/servicegroup/${to.id}` })
        expect(
          (await rawCall(target, `/rest/config/servicegroup/${from.id}`, { headers: admin.headers })).json.object.servicechecks,
        ).toEqual([])
        if (mockOnly) {
          // A check belongs to exactly one group, so a list that drops one without moving it is refused, changing nothing.
          const refused = await rawCall(target, `/rest/config/servicegroup/${to.id}`, json({ servicechecks: [] }, 'PUT'))
          expect(refused.status).toBe(400)
          expect(
            (await rawCall(target, `/rest/config/servicegroup/${to.id}`, { headers: admin.headers })).json.object.servicechecks,
          ).toEqual([checkRef])
        }
      })
    })

    describe.runIf(writes)('deleteConfigObject', () => {
      it('refuses to delete a service group its checks still belong to, and deletes it once empty', async () => {
        const servicegroup = await create('servicegroup', { name: uniqueName('opsmocks-sg') })
        const check = await create('servicecheck', { name: uniqueName('opsmocks-check'), servicegroup: { id: servicegroup.id } })
        const refused = await rawCall(target, `/rest/config/servicegroup/${servicegroup.id}`, { method: 'DELETE', headers: admin.headers })
        expect(refused.status).toBe(400)
        await rawCall(target, `/rest/config/servicecheck/${check.id}`, { method: 'DELETE', headers: admin.headers })
        const deleted = await rawCall(target, `/rest/config/servicegroup/${servicegroup.id}`, { method: 'DELETE', headers: admin.headers })
        expect(deleted.json).toEqual({ success: 1 })
      })

      it.runIf(mockOnly)('refuses to delete a time period or host check command hosts still use', async () => {
        for (const path of ['/rest/config/timeperiod/1', '/rest/config/hostcheckcommand/1']) {
          const result = await rawCall(target, path, { method: 'DELETE', headers: admin.headers })
          expect(result.status, path).toBe(400)
          expect(result.json.message).toMatch(/^Cannot delete .*: it (is used by|is locked)/)
        }
      })

      it.runIf(mockOnly)('deletes a plugin by name once nothing uses it, and refuses while a check does', async () => {
        const inUse = await rawCall(target, '/rest/config/plugin/check_http', { method: 'DELETE', headers: admin.headers })
        expect(inUse.status).toBe(400)
        const unused = await rawCall(target, '/rest/config/plugin/check_dummy', { method: 'DELETE', headers: admin.headers })
        expect(unused.json).toEqual({ success: 1 })
        const exists = await api().GET('/rest/config/{objecttype}/exists', {
          params: { path: { objecttype: 'plugin' }, query: { name: 'check_dummy' } },
          headers: admin.headers,
        })
        expect(exists.data).toEqual({ exists: 0 })
      })
    })

    describe('deleteConfigObjects', () => {
      const bulk = (type: string, ids: string[], headers = admin.headers) =>
        rawCall(target, `/rest/config/${type}?${ids.map((id) => `id=${encodeURIComponent(id)}`).join('&')}`, { method: 'DELETE', headers })

      it.runIf(writes)('deletes every object named by an id parameter and answers how many', async () => {
        const groups = [await createHostgroup(), await createHostgroup()]
        const result = await bulk(
          'hostgroup',
          groups.map((group) => group.id),
        )
        expect(result.status).toBe(200)
        expect(result.json).toEqual({ objects_deleted: 2 })
        for (const group of groups) {
          const read = await rawCall(target, `/rest/config/hostgroup/${group.id}`, { headers: admin.headers })
          expect(read.status).toBe(404)
        }
      })

      it.runIf(writes)('deletes nothing when one of the objects is missing (404) or still in use (400)', async () => {
        const group = await createHostgroup()
        const missing = await bulk('hostgroup', [group.id, '999999'])
        expect(missing.status).toBe(404)
        await create('host', { name: uniqueName('opsmocks-host'), ip: '192.0.2.13', hostgroup: { id: group.id } })
        const other = await createHostgroup()
        const inUse = await bulk('hostgroup', [other.id, group.id])
        expect(inUse.status).toBe(400)
        expect(inUse.json.message).toMatch(/still contains hosts/)
        expect((await rawCall(target, `/rest/config/hostgroup/${other.id}`, { headers: admin.headers })).status).toBe(200)
      })

      it('answers 400 without any id parameter', async () => {
        const result = await rawCall(target, '/rest/config/hostgroup', { method: 'DELETE', headers: admin.headers })
        expect(result.status).toBe(400)
      })

      it.runIf(mockOnly)('answers 403 to a user who may not change the type', async () => {
        const viewer = await rawCall(target, '/rest/login', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(target.credentials.viewer),
        })
        const headers = { 'X-Opsview-Username': target.credentials.viewer!.username, 'X-Opsview-Token': viewer.json.token }
        const result = await bulk('host', ['7'], headers)
        expect(result.status).toBe(403)
        expect(identified((await list('/rest/config/host?s.name=web01')).list)).toHaveLength(1)
      })
    })
  })
}
