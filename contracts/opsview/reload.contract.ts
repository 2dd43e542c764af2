import { beforeAll, describe, expect, it } from 'vitest'
import { configFixture } from './config-fixture'
import { loginAs, type OpsviewTarget, identified } from './target'

/** Pending configuration and its reload. */
export function reloadContract(target: OpsviewTarget): void {
  const mockOnly = target.kind === 'mock'

  describe('configuration: reload', () => {
    const { admin: session, api, createHostgroup } = configFixture(target)
    let admin: ReturnType<typeof session>
    beforeAll(() => {
      admin = session()
    })

    describe('getReloadStatus', () => {
      it('reports the configuration status', async () => {
        const { data, response } = await api().GET('/rest/reload', { headers: admin.headers })
        expect(response.status).toBe(200)
        expect(['uptodate', 'pending']).toContain(data!.configuration_status)
      })

      it('returns 401 without a token', async () => {
        expect((await api().GET('/rest/reload', {})).response.status).toBe(401)
      })
    })

    describe.runIf(mockOnly)('reload', () => {
      it('commits pending changes: uncommitted goes back to 0 and the status to uptodate', async () => {
        const group = await createHostgroup()
        const { response, data } = await api().POST('/rest/reload', { headers: admin.headers })
        expect(response.status).toBe(200)
        expect(data!.configuration_status).toBe('uptodate')
        const after = await api().GET('/rest/config/{objecttype}/{id}', {
          params: { path: { objecttype: 'hostgroup', id: group.id } },
          headers: admin.headers,
        })
        expect(identified([after.data!.object])[0]!.uncommitted).toBe('0')
      })

      it('returns 403 for the operator, who lacks RELOADACCESS', async () => {
        const operator = await loginAs(target, target.credentials.operator!)
        expect((await api().POST('/rest/reload', { headers: operator.headers })).response.status).toBe(403)
      })
    })
  })
}
