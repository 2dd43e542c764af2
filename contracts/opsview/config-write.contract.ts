import { beforeAll, describe, expect, it } from 'vitest'
import { uniqueName } from '../support/target'
import { configFixture } from './config-fixture'
import { loginAs, rawCall, type OpsviewTarget, createdObject, identified, type Identified } from './target'

/** Creating, changing, cloning and deleting configuration objects, one at a time or as lists. */
export function configWriteContract(target: OpsviewTarget): void {
  const mockOnly = target.kind === 'mock'
  const writes = target.allowWrites

  describe('configuration: writing', () => {
    const { admin: session, api, json, count, created, createHostgroup } = configFixture(target)
    let admin: ReturnType<typeof session>
    beforeAll(() => {
      admin = session()
    })

    describe.runIf(writes)('createConfigObject', () => {
      it('creates a host that later reads return, marked uncommitted', async () => {
        const group = await createHostgroup()
        const name = uniqueName('opsmocks-host')
        const { data, response } = await api().POST('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' } },
          headers: admin.headers,
          body: { name, ip: '192.0.2.10', hostgroup: { name: group.name } },
        })
        expect(response.status).toBe(200)
        const host = createdObject<{ id: string; name: string; uncommitted: string }>(data)
        created.push({ type: 'host', id: host.id })
        expect(host).toMatchObject({ name, uncommitted: '1' })
        const listed = await api().GET('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' }, query: { 's.name': name } },
          headers: admin.headers,
        })
        expect(identified(listed.data!.list).map((item) => item.id)).toEqual([host.id])
        if (mockOnly) {
          const reload = await api().GET('/rest/reload', { headers: admin.headers })
          expect(reload.data!.configuration_status).toBe('pending')
        }
      })

      it('accepts numeric ids in references and stores them as strings', async () => {
        const group = await createHostgroup()
        const { data } = await api().POST('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' } },
          headers: admin.headers,
          body: { name: uniqueName('opsmocks-host'), ip: '192.0.2.11', hostgroup: { id: Number(group.id) } },
        })
        const host = createdObject<{ id: string; hostgroup: { name: string } }>(data)
        created.push({ type: 'host', id: host.id })
        expect(host.hostgroup.name).toBe(group.name)
      })

      it('returns 400 and creates nothing when a required field is missing', async () => {
        const before = await count('host')
        const { response, error } = await api().POST('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' } },
          headers: admin.headers,
          body: { name: uniqueName('opsmocks-host') },
        })
        expect(response.status).toBe(400)
        expect(error).toEqual({ message: expect.stringMatching(/ip|hostgroup/) })
        expect(await count('host')).toBe(before)
      })

      it('returns 400 and creates nothing for a field of the wrong type', async () => {
        const group = await createHostgroup()
        const before = await count('host')
        const { response } = await api().POST('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' } },
          headers: admin.headers,
          body: { name: uniqueName('opsmocks-host'), ip: { not: 'a string' }, hostgroup: { name: group.name } },
        })
        expect(response.status).toBe(400)
        expect(await count('host')).toBe(before)
      })

      it('returns 400 for a reference to a host group that does not exist', async () => {
        const { response } = await api().POST('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' } },
          headers: admin.headers,
          body: { name: uniqueName('opsmocks-host'), ip: '192.0.2.12', hostgroup: { name: uniqueName('no-such-group') } },
        })
        expect(response.status).toBe(400)
      })

      it('returns 400 and creates nothing for malformed JSON', async () => {
        const before = await count('host')
        const result = await rawCall(target, '/rest/config/host', { ...json({}), body: '{"name": "x", "ip": ' })
        expect(result.status).toBe(400)
        expect(await count('host')).toBe(before)
      })

      it.runIf(mockOnly)('returns 400 for a name that is already taken', async () => {
        const { response, error } = await api().POST('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' } },
          headers: admin.headers,
          body: { name: 'web01', ip: '192.0.2.13', hostgroup: { name: 'UK Web Servers' } },
        })
        expect(response.status).toBe(400)
        expect(error!.message).toMatch(/already exists/)
      })

      it.runIf(mockOnly)('returns 400 when a host is put in a host group that has children', async () => {
        const { response, error } = await api().POST('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' } },
          headers: admin.headers,
          body: { name: uniqueName('opsmocks-host'), ip: '192.0.2.14', hostgroup: { name: 'UK' } },
        })
        expect(response.status).toBe(400)
        expect(error!.message).toMatch(/not a leaf/)
      })

      it.runIf(mockOnly)('returns 403 and creates nothing when the operator, without CONFIGUREHOSTS, creates a host', async () => {
        const operator = await loginAs(target, target.credentials.operator!)
        const before = await count('host')
        const { response, error } = await api().POST('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' } },
          headers: operator.headers,
          body: { name: uniqueName('opsmocks-host'), ip: '192.0.2.15', hostgroup: { name: 'UK Web Servers' } },
        })
        expect(response.status).toBe(403)
        expect(error!.message).toMatch(/CONFIGUREHOSTS/)
        expect(await count('host')).toBe(before)
      })

      it.runIf(mockOnly)('returns 415 for an XML body', async () => {
        const result = await rawCall(target, '/rest/config/host', {
          method: 'POST',
          headers: { ...admin.headers, 'Content-Type': 'text/xml' },
          body: '<host/>',
        })
        expect(result.status).toBe(415)
      })

      it.runIf(mockOnly)('returns 413 for a body over 1 MiB and creates nothing', async () => {
        const before = await count('host')
        const result = await rawCall(target, '/rest/config/host', json({ name: 'x'.repeat(1024 * 1024 + 1) }))
        expect(result.status).toBe(413)
        expect(await count('host')).toBe(before)
      })
    })

    describe.runIf(writes)('updateConfigObject', () => {
      it('changes only the fields sent', async () => {
        const group = await createHostgroup()
        const { data } = await api().POST('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' } },
          headers: admin.headers,
          body: { name: uniqueName('opsmocks-host'), ip: '192.0.2.20', hostgroup: { name: group.name } },
        })
        const host = createdObject<{ id: string; name: string }>(data)
        created.push({ type: 'host', id: host.id })
        const updated = await api().PUT('/rest/config/{objecttype}/{id}', {
          params: { path: { objecttype: 'host', id: host.id } },
          headers: admin.headers,
          body: { ip: '192.0.2.21' },
        })
        expect(updated.response.status).toBe(200)
        expect(updated.data!.object).toMatchObject({ name: host.name, ip: '192.0.2.21' })
        const read = await api().GET('/rest/config/{objecttype}/{id}', {
          params: { path: { objecttype: 'host', id: host.id } },
          headers: admin.headers,
        })
        expect(read.data!.object).toMatchObject({ ip: '192.0.2.21' })
      })

      it('returns 400 and leaves the object as it was for an unknown field', async () => {
        const group = await createHostgroup()
        const before = (
          await api().GET('/rest/config/{objecttype}/{id}', {
            params: { path: { objecttype: 'hostgroup', id: group.id } },
            headers: admin.headers,
          })
        ).data!.object
        const { response } = await api().PUT('/rest/config/{objecttype}/{id}', {
          params: { path: { objecttype: 'hostgroup', id: group.id } },
          headers: admin.headers,
          body: { name: 'renamed', no_such_field: '1' },
        })
        expect(response.status).toBe(400)
        const after = (
          await api().GET('/rest/config/{objecttype}/{id}', {
            params: { path: { objecttype: 'hostgroup', id: group.id } },
            headers: admin.headers,
          })
        ).data!.object
        expect(after).toEqual(before)
      })

      it('returns 404 for an unknown id', async () => {
        const { response } = await api().PUT('/rest/config/{objecttype}/{id}', {
          params: { path: { objecttype: 'host', id: '999999' } },
          headers: admin.headers,
          body: { ip: '192.0.2.99' },
        })
        expect(response.status).toBe(404)
      })
    })

    describe.runIf(writes)('cloneConfigObject', () => {
      it('copies an object under a new name', async () => {
        const group = await createHostgroup()
        const { data } = await api().POST('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' } },
          headers: admin.headers,
          body: { name: uniqueName('opsmocks-host'), ip: '192.0.2.30', hostgroup: { name: group.name } },
        })
        const source = createdObject<{ id: string }>(data)
        created.push({ type: 'host', id: source.id })
        const name = uniqueName('opsmocks-clone')
        const clone = await api().POST('/rest/config/{objecttype}/{id}', {
          params: { path: { objecttype: 'host', id: source.id } },
          headers: admin.headers,
          body: { name },
        })
        expect(clone.response.status).toBe(200)
        const copy = clone.data!.object as { id: string; name: string; ip: string }
        created.push({ type: 'host', id: copy.id })
        expect(copy).toMatchObject({ name, ip: '192.0.2.30' })
        expect(copy.id).not.toBe(source.id)
      })

      it('returns 400 without a new name', async () => {
        const group = await createHostgroup()
        const { response } = await api().POST('/rest/config/{objecttype}/{id}', {
          params: { path: { objecttype: 'hostgroup', id: group.id } },
          headers: admin.headers,
          body: {},
        })
        expect(response.status).toBe(400)
      })
    })

    describe.runIf(writes)('updateConfigObjects', () => {
      const listGroups = async (names: string[]) =>
        (
          await api().GET('/rest/config/{objecttype}', {
            params: { path: { objecttype: 'hostgroup' }, query: { json_filter: JSON.stringify({ name: { '-in': names } }), rows: 'all' } },
            headers: admin.headers,
          })
        ).data!.list as Identified[]
      const forget = (groups: Array<{ id: string }>) => groups.forEach((group) => created.push({ type: 'hostgroup', id: group.id }))

      it('creates a list of objects with POST and answers how many', async () => {
        const parent = await createHostgroup()
        const names = [uniqueName('opsmocks-bulk'), uniqueName('opsmocks-bulk')]
        const result = await rawCall(
          target,
          '/rest/config/hostgroup',
          json({ list: names.map((name) => ({ name, parent: { name: parent.name } })) }),
        )
        expect(result.status).toBe(200)
        expect(result.json).toEqual({ objects_updated: 2 })
        const groups = await listGroups(names)
        forget(groups)
        expect(groups.map((group) => group.name).sort()).toEqual([...names].sort())
      })

      it('changes existing objects by id or name and creates the rest with PUT', async () => {
        const parent = await createHostgroup()
        const existing = await createHostgroup()
        const renamed = uniqueName('opsmocks-renamed')
        const fresh = uniqueName('opsmocks-fresh')
        const { data, response } = await api().PUT('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'hostgroup' } },
          headers: admin.headers,
          body: {
            list: [
              { id: existing.id, name: renamed },
              { name: fresh, parent: { name: parent.name } },
            ],
          },
        })
        expect(response.status).toBe(200)
        expect(data).toEqual({ objects_updated: 2 })
        const groups = await listGroups([renamed, fresh])
        forget(groups.filter((group) => group.name === fresh))
        expect(groups.find((group) => group.name === renamed)?.id).toBe(existing.id)
      })

      it('rolls every change back when one item fails, naming the item', async () => {
        const parent = await createHostgroup()
        const names = [uniqueName('opsmocks-bulk'), uniqueName('opsmocks-bulk')]
        const before = await count('hostgroup')
        const reload = (await api().GET('/rest/reload', { headers: admin.headers })).data!
        const { error, response } = await api().PUT('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'hostgroup' } },
          headers: admin.headers,
          body: {
            list: [
              { name: names[0], parent: { name: parent.name } },
              { name: names[1], parent: { name: uniqueName('no-such-parent') } },
            ],
          },
        })
        expect(response.status).toBe(400)
        expect(error!.message).toBe('Rollback. Error trying to synchronise object: 2')
        if (mockOnly) expect(error!.info).toMatch(/parent/)
        expect(await count('hostgroup')).toBe(before)
        expect(await listGroups(names)).toEqual([])
        if (mockOnly)
          expect((await api().GET('/rest/reload', { headers: admin.headers })).data!.auditlog_entries).toBe(reload.auditlog_entries)
      })

      it('returns 404 for a list write to an unknown object type', async () => {
        expect((await rawCall(target, '/rest/config/notatype', { ...json({ list: [] }), method: 'PUT' })).status).toBe(404)
      })

      it('returns 400 for a list write that is not {"list": [...]}', async () => {
        const result = await rawCall(target, '/rest/config/hostgroup', { ...json({ list: 'x' }), method: 'PUT' })
        expect(result.status).toBe(400)
      })

      it.runIf(mockOnly)('returns 403 when the operator writes a list of hosts', async () => {
        const operator = await loginAs(target, target.credentials.operator!)
        const { response } = await api().PUT('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' } },
          headers: operator.headers,
          body: { list: [] },
        })
        expect(response.status).toBe(403)
      })
    })

    describe.runIf(writes)('deleteConfigObject', () => {
      it('deletes an object so that reads return 404', async () => {
        const group = await createHostgroup()
        const { data, response } = await api().DELETE('/rest/config/{objecttype}/{id}', {
          params: { path: { objecttype: 'hostgroup', id: group.id } },
          headers: admin.headers,
        })
        expect(response.status).toBe(200)
        expect(data).toEqual({ success: 1 })
        expect(
          (
            await api().GET('/rest/config/{objecttype}/{id}', {
              params: { path: { objecttype: 'hostgroup', id: group.id } },
              headers: admin.headers,
            })
          ).response.status,
        ).toBe(404)
      })

      it.runIf(mockOnly)('returns 400 and keeps a host group that still has hosts', async () => {
        const { response } = await api().DELETE('/rest/config/{objecttype}/{id}', {
          params: { path: { objecttype: 'hostgroup', id: '3' } },
          headers: admin.headers,
        })
        expect(response.status).toBe(400)
        expect(
          (
            await api().GET('/rest/config/{objecttype}/{id}', {
              params: { path: { objecttype: 'hostgroup', id: '3' } },
              headers: admin.headers,
            })
          ).response.status,
        ).toBe(200)
      })

      it('returns 404 for an unknown id', async () => {
        expect(
          (
            await api().DELETE('/rest/config/{objecttype}/{id}', {
              params: { path: { objecttype: 'host', id: '999999' } },
              headers: admin.headers,
            })
          ).response.status,
        ).toBe(404)
      })
    })
  })
}
