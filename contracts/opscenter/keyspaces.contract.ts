import { beforeAll, describe, expect, it } from 'vitest'
import { call, loginAs, NO_PERMISSION, type OpscenterSession, type OpscenterTarget } from './target'

/** Keyspaces and tables: `column_families` keyed by table name, ksfields/cffields, and schema changes (mock only). */
export function keyspacesContract(target: OpscenterTarget): void {
  const mockOnly = target.kind === 'mock'
  let admin: OpscenterSession
  let cluster: string
  const get = (path: string) => call(target, 'GET', path, { session: admin })
  const send = (method: string, path: string, body?: unknown) =>
    call(target, method, path, { session: admin, body: body === undefined ? undefined : JSON.stringify(body) })

  beforeAll(async () => {
    if (mockOnly) await target.control!.reset()
    admin = await loginAs(target, target.credentials.admin)
    cluster = mockOnly ? 'Test_Cluster' : Object.keys((await get('/cluster-configs')).json)[0]!
  })

  describe('listKeyspaces and getKeyspace', () => {
    it('answers column_families keyed by table name, each with its properties', async () => {
      const keyspaces = (await get(`/${cluster}/keyspaces`)).json
      for (const keyspace of Object.values(keyspaces) as any[])
        for (const table of Object.values(keyspace.column_families ?? {})) expect(typeof table).toBe('object')
      if (mockOnly) expect(Object.keys(keyspaces.shop.column_families)).toEqual(['orders', 'customers', 'products'])
    })

    it.runIf(mockOnly)('answers only the ksfields and cffields asked for', async () => {
      const shop = (await get(`/${cluster}/keyspaces/shop?ksfields=strategy_options,column_families&cffields=comment,gc_grace_seconds`))
        .json
      expect(Object.keys(shop)).toEqual(['strategy_options', 'column_families'])
      expect(shop.column_families.orders).toEqual({ comment: '', gc_grace_seconds: 864000 })
    })

    it.runIf(mockOnly)('treats inherited property names as keyspace names that do not exist', async () => {
      for (const name of ['toString', 'constructor', '__proto__'])
        expect((await get(`/${cluster}/keyspaces/${name}`)).status, name).toBe(404)
    })
  })

  describe.runIf(mockOnly)('putKeyspace and dropKeyspace', () => {
    it('creates a keyspace (201), alters its replication (200), and drops it', async () => {
      const created = await send('PUT', `/${cluster}/keyspaces/inventory`, {
        strategy_class: 'SimpleStrategy',
        strategy_options: { replication_factor: 2 },
      })
      expect(created.status).toBe(201)
      expect(created.json).toEqual({
        replica_placement_strategy: 'org.apache.cassandra.locator.SimpleStrategy',
        strategy_options: { replication_factor: '2' },
        durable_writes: true,
        column_families: {},
      })
      const altered = await send('PUT', `/${cluster}/keyspaces/inventory`, {
        strategy_class: 'NetworkTopologyStrategy',
        strategy_options: { DC1: '3', DC2: '1' },
      })
      expect(altered.status).toBe(200)
      expect((await get(`/${cluster}/keyspaces/inventory`)).json.strategy_options).toEqual({ DC1: '3', DC2: '1' })
      expect((await get(`/${cluster}/events?count=1`)).json[0].message).toBe('Altered keyspace inventory')
      expect((await send('DELETE', `/${cluster}/keyspaces/inventory`)).json).toEqual({})
      expect((await get(`/${cluster}/keyspaces/inventory`)).status).toBe(404)
    })

    it('answers 400 and changes nothing for bad replication or a system keyspace', async () => {
      const before = (await get(`/${cluster}/keyspaces`)).json
      expect(
        (await send('PUT', `/${cluster}/keyspaces/shop`, { strategy_class: 'SimpleStrategy', strategy_options: { DC1: '3' } })).status,
      ).toBe(400)
      expect((await send('PUT', `/${cluster}/keyspaces/shop`, { strategy_options: { DC1: 'three' } })).status).toBe(400)
      expect((await send('PUT', `/${cluster}/keyspaces/new_ks`, { strategy_class: 'FancyStrategy', strategy_options: {} })).status).toBe(
        400,
      )
      expect(
        (
          await send('PUT', `/${cluster}/keyspaces/system_auth`, {
            strategy_class: 'SimpleStrategy',
            strategy_options: { replication_factor: 3 },
          })
        ).status,
      ).toBe(400)
      expect((await send('DELETE', `/${cluster}/keyspaces/system`)).status).toBe(400)
      expect((await get(`/${cluster}/keyspaces`)).json).toEqual(before)
    })

    it('answers 404 for a keyspace or cluster that does not exist', async () => {
      expect((await send('DELETE', `/${cluster}/keyspaces/no_such_keyspace`)).status).toBe(404)
      expect(
        (
          await send('PUT', '/No_Such_Cluster/keyspaces/shop', {
            strategy_class: 'SimpleStrategy',
            strategy_options: { replication_factor: 1 },
          })
        ).status,
      ).toBe(404)
    })

    it('needs Cluster Configuration', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect((await call(target, 'DELETE', `/${cluster}/keyspaces/shop`, { session: viewer })).json).toEqual(NO_PERMISSION)
      expect((await call(target, 'DELETE', `/${cluster}/data/shop/orders`, { session: viewer })).status).toBe(401)
    })
  })

  describe.runIf(mockOnly)('tables: getTable, truncateTable and dropTable', () => {
    it('reads a table, truncates it (its data size and disk metric drop to 0) and drops it', async () => {
      expect((await get(`/${cluster}/keyspaces/shop/cf/orders`)).json.gc_grace_seconds).toBe(864000)
      const sizeBefore = (await get(`/${cluster}/datasize/keyspaces`)).json
      const diskBefore = (await get(`/${cluster}/cluster-metrics/all/shop/orders/cf-live-disk-used?step=1`)).json.Total.AVERAGE.at(-1)[1]
      expect(diskBefore).toBeGreaterThan(0)
      expect((await send('DELETE', `/${cluster}/data/shop/orders`)).json).toEqual({})
      expect((await get(`/${cluster}/cluster-metrics/all/shop/orders/cf-live-disk-used?step=1`)).json.Total.AVERAGE.at(-1)[1]).toBe(0)
      expect((await get(`/${cluster}/datasize/keyspaces`)).json).toBeLessThan(sizeBefore)
      expect((await send('DELETE', `/${cluster}/keyspaces/shop/cf/orders`)).json).toEqual({})
      expect(Object.keys((await get(`/${cluster}/keyspaces/shop`)).json.column_families)).toEqual(['customers', 'products'])
      expect((await get(`/${cluster}/keyspaces/shop/cf/orders`)).status).toBe(404)
      expect((await get(`/${cluster}/cluster-metrics/all/shop/orders/cf-live-disk-used`)).status).toBe(404)
    })

    it('answers 400 for system tables and 404 for tables that do not exist', async () => {
      expect((await send('DELETE', `/${cluster}/data/system/local`)).status).toBe(400)
      expect((await send('DELETE', `/${cluster}/keyspaces/system/cf/local`)).status).toBe(400)
      expect((await send('DELETE', `/${cluster}/data/shop/nope`)).status).toBe(404)
      expect((await send('DELETE', `/${cluster}/keyspaces/shop/cf/nope`)).status).toBe(404)
    })
  })
}
