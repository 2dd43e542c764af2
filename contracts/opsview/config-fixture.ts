import { afterAll, beforeAll, expect } from 'vitest'
import { uniqueName } from '../support/target'
import { loginAs, opsviewApi, rawCall, type OpsviewSession, type OpsviewTarget, createdObject } from './target'

/**
 * What the configuration contracts share: an admin session, typed and raw calls, and cleanup of every
 * object a test creates (names of their own, deleted again afterwards, so the suites are safe on a real server).
 * Call inside a `describe`.
 */
export function configFixture(target: OpsviewTarget) {
  let session: OpsviewSession
  const created: Array<{ type: string; id: string }> = []
  beforeAll(async () => {
    session = await loginAs(target, target.credentials.admin)
  })
  afterAll(async () => {
    for (const { type, id } of created.reverse())
      await rawCall(target, `/rest/config/${type}/${id}`, { method: 'DELETE', headers: session.headers })
    created.length = 0
  })
  const admin = () => session
  const api = () => opsviewApi(target)
  const json = (body: unknown, method = 'POST') => ({
    method,
    headers: { ...session.headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const count = async (type: 'host' | 'hostgroup') =>
    Number(
      (
        await api().GET('/rest/config/{objecttype}', {
          params: { path: { objecttype: type }, query: { rows: '0' } },
          headers: session.headers,
        })
      ).data!.summary.allrows,
    )

  /** A leaf host group of our own to put test hosts in. */
  async function createHostgroup(): Promise<{ id: string; name: string }> {
    const { data: parent } = await api().GET('/rest/config/{objecttype}', {
      params: { path: { objecttype: 'hostgroup' }, query: { json_filter: JSON.stringify({ parent: null }) } },
      headers: session.headers,
    })
    const name = uniqueName('opsmocks-group')
    const { data, response } = await api().POST('/rest/config/{objecttype}', {
      params: { path: { objecttype: 'hostgroup' } },
      headers: session.headers,
      body: { name, parent: { name: parent!.list[0]!.name } },
    })
    expect(response.status).toBe(200)
    const object = createdObject<{ id: string; name: string }>(data)
    created.push({ type: 'hostgroup', id: object.id })
    return object
  }

  return { admin, api, json, count, created, createHostgroup }
}
