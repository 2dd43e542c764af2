import { beforeAll, describe, expect, it } from 'vitest'
import { uniqueName } from '../support/target'
import { configFixture } from './config-fixture'
import { loginAs, rawCall, type OpsviewTarget, identified } from './target'

/** Listing, searching, paging and reading configuration objects. */
export function configReadContract(target: OpsviewTarget): void {
  const mockOnly = target.kind === 'mock'

  describe('configuration: reading', () => {
    const { admin: session, api } = configFixture(target)
    let admin: ReturnType<typeof session>
    beforeAll(() => {
      admin = session()
    })

    describe('listConfigObjects', () => {
      it('lists hosts with a string-valued paging summary', async () => {
        const { data, response } = await api().GET('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' } },
          headers: admin.headers,
        })
        expect(response.status).toBe(200)
        expect(data!.summary).toEqual({
          rows: expect.any(String),
          allrows: expect.any(String),
          page: '1',
          totalrows: expect.any(String),
          totalpages: expect.any(String),
        })
        expect(identified(data!.list).every((host) => typeof host.id === 'string' && host.ref.startsWith('/rest/config/host/'))).toBe(true)
      })

      it('pages with rows and page so that pages cover every row once', async () => {
        const all = await api().GET('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' }, query: { rows: 'all' } },
          headers: admin.headers,
        })
        const ids: string[] = []
        const totalpages = Number(
          (
            await api().GET('/rest/config/{objecttype}', {
              params: { path: { objecttype: 'host' }, query: { rows: '3' } },
              headers: admin.headers,
            })
          ).data!.summary.totalpages,
        )
        for (let page = 1; page <= totalpages; page++) {
          const { data } = await api().GET('/rest/config/{objecttype}', {
            params: { path: { objecttype: 'host' }, query: { rows: '3', page: String(page) } },
            headers: admin.headers,
          })
          ids.push(...identified(data!.list).map((host) => host.id))
        }
        expect(ids).toEqual(identified(all.data!.list).map((host) => host.id))
      })

      it('returns only the summary for rows=0', async () => {
        const { data } = await api().GET('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' }, query: { rows: '0' } },
          headers: admin.headers,
        })
        expect(data!.list).toEqual([])
        expect(Number(data!.summary.allrows)).toBeGreaterThan(0)
      })

      it('returns the requested cols plus id and ref', async () => {
        const { data } = await api().GET('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' }, query: { cols: 'name', rows: 'all' } },
          headers: admin.headers,
        })
        expect(Object.keys(data!.list[0]!).sort()).toEqual(['id', 'name', 'ref'])
      })

      it('searches with s.name and answers the list envelope', async () => {
        const first = (
          await api().GET('/rest/config/{objecttype}', { params: { path: { objecttype: 'hostgroup' } }, headers: admin.headers })
        ).data!.list[0]!
        const { data } = await rawCall(target, `/rest/config/hostgroup?s.name=${encodeURIComponent(String(first.name))}&rows=all`, {
          headers: admin.headers,
        }).then((result) => ({ data: result.json }))
        expect(data.list.map((group: { name: string }) => group.name)).toEqual([first.name])
      })

      it('filters with a json_filter -like condition', async () => {
        const { data } = await api().GET('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' }, query: { json_filter: JSON.stringify({ name: { '-like': '%' } }), rows: 'all' } },
          headers: admin.headers,
        })
        expect(data!.summary.totalrows).toBe(data!.summary.allrows)
      })

      it('sorts descending with order=-name', async () => {
        const { data } = await api().GET('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' }, query: { order: '-name', rows: 'all', cols: 'name' } },
          headers: admin.headers,
        })
        const names = data!.list.map((host) => String(host.name))
        expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)))
      })

      it('returns 400 for an unknown column in cols', async () => {
        const { response, error } = await api().GET('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' }, query: { cols: 'name,no_such_column' } },
          headers: admin.headers,
        })
        expect(response.status).toBe(400)
        expect(error).toEqual({ message: expect.stringContaining('no_such_column') })
      })

      it('returns 400 for a json_filter that is not JSON', async () => {
        const { response } = await api().GET('/rest/config/{objecttype}', {
          params: { path: { objecttype: 'host' }, query: { json_filter: '{name:' } },
          headers: admin.headers,
        })
        expect(response.status).toBe(400)
      })

      it('returns 404 for an unknown object type', async () => {
        const result = await rawCall(target, '/rest/config/notatype', { headers: admin.headers })
        expect(result.status).toBe(404)
      })

      it('returns 401 without a token', async () => {
        const { response } = await api().GET('/rest/config/{objecttype}', { params: { path: { objecttype: 'host' } } })
        expect(response.status).toBe(401)
      })

      describe.runIf(mockOnly)('with the seeded roles', () => {
        it('shows the viewer only the hosts of its VIEWSOME host groups', async () => {
          const viewer = await loginAs(target, target.credentials.viewer!)
          const { data } = await api().GET('/rest/config/{objecttype}', {
            params: { path: { objecttype: 'host' }, query: { rows: 'all' } },
            headers: viewer.headers,
          })
          expect(data!.list.length).toBeGreaterThan(0)
          expect(new Set(data!.list.map((host) => (host as { hostgroup: { name: string } }).hostgroup.name))).toEqual(
            new Set(['UK Web Servers']),
          )
          expect(Number(data!.summary.allrows)).toBe(data!.list.length)
        })

        it('returns 403 when the viewer lists contacts', async () => {
          const viewer = await loginAs(target, target.credentials.viewer!)
          const { response } = await api().GET('/rest/config/{objecttype}', {
            params: { path: { objecttype: 'contact' } },
            headers: viewer.headers,
          })
          expect(response.status).toBe(403)
        })
      })
    })

    describe('getConfigObject', () => {
      it('returns the object envelope for an id from the list', async () => {
        const first = identified(
          (await api().GET('/rest/config/{objecttype}', { params: { path: { objecttype: 'host' } }, headers: admin.headers })).data!.list,
        )[0]!
        const { data, response } = await api().GET('/rest/config/{objecttype}/{id}', {
          params: { path: { objecttype: 'host', id: first.id } },
          headers: admin.headers,
        })
        expect(response.status).toBe(200)
        expect(identified([data!.object])[0]!.id).toBe(first.id)
      })

      it('returns 404 for an unknown id', async () => {
        const { response, error } = await api().GET('/rest/config/{objecttype}/{id}', {
          params: { path: { objecttype: 'host', id: '999999' } },
          headers: admin.headers,
        })
        expect(response.status).toBe(404)
        expect(error).toEqual({ message: expect.any(String) })
      })

      it.runIf(mockOnly)('returns 404 when the viewer asks for a host outside its host groups', async () => {
        const viewer = await loginAs(target, target.credentials.viewer!)
        const { response } = await api().GET('/rest/config/{objecttype}/{id}', {
          params: { path: { objecttype: 'host', id: '12' } },
          headers: viewer.headers,
        })
        expect(response.status).toBe(404)
      })

      it('returns 401 without a token', async () => {
        expect(
          (await api().GET('/rest/config/{objecttype}/{id}', { params: { path: { objecttype: 'host', id: '1' } } })).response.status,
        ).toBe(401)
      })
    })

    describe('configObjectExists', () => {
      it('answers 1 for a name that exists and 0 for one that does not', async () => {
        const first = (await api().GET('/rest/config/{objecttype}', { params: { path: { objecttype: 'host' } }, headers: admin.headers }))
          .data!.list[0]!
        const yes = await api().GET('/rest/config/{objecttype}/exists', {
          params: { path: { objecttype: 'host' }, query: { name: String(first.name) } },
          headers: admin.headers,
        })
        const no = await api().GET('/rest/config/{objecttype}/exists', {
          params: { path: { objecttype: 'host' }, query: { name: uniqueName('absent') } },
          headers: admin.headers,
        })
        expect([yes.data, no.data]).toEqual([{ exists: 1 }, { exists: 0 }])
      })

      it('returns 400 without a name or id', async () => {
        expect(
          (await api().GET('/rest/config/{objecttype}/exists', { params: { path: { objecttype: 'host' } }, headers: admin.headers }))
            .response.status,
        ).toBe(400)
      })
    })
  })
}
