import type { RequestHandler } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MockService } from '../../mocks/core/service'
import { createOpsviewMock } from '../../mocks/opsview'
import { createOpscenterMock } from '../../mocks/opscenter'
import { createOpmanagerMock, OPMANAGER_ADMIN_API_KEY } from '../../mocks/opmanager'
import { listen, type RunningServer } from '../../mocks/server/node-adapter'

/**
 * `GET /__opsmocks/state` exports a world that loads back to the same answers, for every vendor and over
 * both transports: the node:http server (export, then `PUT /__opsmocks/state` into a fresh mock) and MSW
 * in process (`createXMock({ world })` from the export, called through the handlers).
 */
interface Mock {
  service: MockService
  handlers(options: { baseUrl: string }): RequestHandler[]
}

interface VendorCase {
  name: string
  create(options?: { world?: Record<string, unknown> }): Promise<Mock>
  /** Changes a client or a scenario makes, so the export is not just the seed. */
  change(base: string): Promise<void>
  /** What a client reads, with its credentials. */
  reads(base: string): Promise<unknown[]>
}

async function json(url: string, init?: RequestInit): Promise<any> {
  const response = await fetch(url, init)
  return { status: response.status, body: await response.json() }
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  json(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })

const CASES: VendorCase[] = [
  {
    name: 'opsview',
    create: (options) => createOpsviewMock(options) as Promise<Mock>,
    async change(base) {
      await post(`${base}/__opsmocks/world/setServiceState`, {
        host: 'web01',
        service: 'HTTP',
        state: 'critical',
        output: 'CRITICAL - 503',
      })
      await post(`${base}/__opsmocks/world/setHostState`, { host: 'db02', state: 'down' })
    },
    async reads(base) {
      const login = await post(`${base}/rest/login`, { username: 'admin', password: 'initial' })
      const headers = { 'X-Opsview-Username': 'admin', 'X-Opsview-Token': login.body.token }
      return Promise.all(
        [
          '/rest/config/host?rows=all',
          '/rest/config/hostgroup?rows=all',
          '/rest/status/host?rows=all',
          '/rest/status/service?rows=all',
        ].map((path) => json(`${base}${path}`, { headers })),
      )
    },
  },
  {
    name: 'opscenter',
    create: (options) => createOpscenterMock(options) as Promise<Mock>,
    async change(base) {
      await post(`${base}/__opsmocks/world/setNodeState`, { cluster: 'Prod_Cluster', node: '10.1.1.13', state: 'down' })
      await post(`${base}/__opsmocks/world/fireAlert`, { cluster: 'Test_Cluster', rule: 'heap-high', node: '10.0.1.11' })
    },
    async reads(base) {
      const login = await post(`${base}/login`, { username: 'admin', password: 'admin' })
      const headers = { 'opscenter-session': login.body.sessionid }
      return Promise.all(
        [
          '/users',
          '/permissions/roles',
          '/Test_Cluster/nodes',
          '/Prod_Cluster/nodes',
          '/Test_Cluster/alerts/fired',
          '/Prod_Cluster/alerts/fired',
          '/Test_Cluster/keyspaces',
          '/Test_Cluster/events',
          '/api/v2/lcm/nodes',
        ].map((path) => json(`${base}${path}`, { headers })),
      )
    },
  },
  {
    name: 'opmanager',
    create: (options) => createOpmanagerMock(options) as Promise<Mock>,
    async change(base) {
      await post(`${base}/__opsmocks/world/setDeviceState`, { device: 'web-01', state: 'down' })
      await post(`${base}/__opsmocks/world/fireAlarm`, { device: 'db-01', severity: 'Trouble', alarmCode: 'DBCONN' })
    },
    async reads(base) {
      const headers = { apiKey: OPMANAGER_ADMIN_API_KEY }
      return Promise.all(
        [
          '/api/json/device/listDevices',
          '/api/json/alarm/listAlarms',
          '/api/json/events/listEvents',
          '/api/json/businessview/getBusinessView',
          '/api/json/admin/listUsers',
        ].map((path) => json(`${base}${path}`, { headers })),
      )
    },
  },
]

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2030, 0, 1, 12) })
})
afterEach(() => {
  vi.useRealTimers()
})

describe.each(CASES)('$name state export and import', (vendor) => {
  const servers: RunningServer[] = []
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()))
  })
  const serve = async (mock: Mock) => {
    const server = await listen(mock.service)
    servers.push(server)
    return server.url
  }

  it('over HTTP: GET /__opsmocks/state, PUT it into a fresh mock, same answers (JSON and YAML)', async () => {
    const original = await serve(await vendor.create())
    await vendor.change(original)
    const expected = await vendor.reads(original)
    const exported = await json(`${original}/__opsmocks/state`)
    expect(exported.body.vendor).toBe(vendor.name)
    for (const format of ['json', 'yaml'] as const) {
      const copy = await serve(await vendor.create())
      const text =
        format === 'json' ? JSON.stringify(exported.body) : await (await fetch(`${original}/__opsmocks/state?format=yaml`)).text()
      const put = await json(`${copy}/__opsmocks/state`, {
        method: 'PUT',
        headers: { 'Content-Type': format === 'json' ? 'application/json' : 'application/yaml' },
        body: text,
      })
      expect(put).toEqual({ status: 200, body: { replaced: true } })
      expect(await vendor.reads(copy), format).toEqual(expected)
    }
  })

  describe('in process through MSW', () => {
    const baseUrl = `http://${vendor.name}.world.opsmocks.test`
    const server = setupServer()
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
    afterAll(() => server.close())

    it('createXMock({ world }) from an export answers the same', async () => {
      const original = await vendor.create()
      server.resetHandlers(...original.handlers({ baseUrl }))
      await vendor.change(baseUrl)
      const expected = await vendor.reads(baseUrl)
      const exported = (await json(`${baseUrl}/__opsmocks/state`)).body
      const copy = await vendor.create({ world: exported })
      server.resetHandlers(...copy.handlers({ baseUrl }))
      expect(await vendor.reads(baseUrl)).toEqual(expected)
      // Snapshots over the same transport: take one, change, restore.
      expect((await post(`${baseUrl}/__opsmocks/snapshots`, { name: 'before' })).status).toBe(201)
      await vendor.change(baseUrl)
      await post(`${baseUrl}/__opsmocks/snapshots/before/restore`, {})
      expect(await vendor.reads(baseUrl)).toEqual(expected)
    })
  })
})
