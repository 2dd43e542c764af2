import { describe, expect, it } from 'vitest'
import { NO_PERMISSION, type OpscenterTarget, adminFixture, call, loginAs } from './target'

/** Keyspaces and tables: `column_families` keyed by table name, ksfields/cffields, and schema changes (mock only). */
export function keyspacesContract(target: OpscenterTarget): void {
  const mockOnly = target.kind === 'mock'
  const fx = adminFixture(target)
  const { get, send } = fx

  describe('listKeyspaces and getKeyspace', () => {
    it('answers column_families keyed by table name, each with its properties', async () => {
      const keyspaces = (await get(`/${fx.cluster}/keyspaces`)).json
      for (const keyspace of Object.values(keyspaces) as any[])
        for (const table of Object.values(keyspace.column_families ?? {})) expect(typeof table).toBe('object')
      if (mockOnly) {
        expect(Object.keys(keyspaces.shop.column_families)).toEqual(['orders', 'customers', 'products'])
        // The fields of DataStax's example: is_system per keyspace; create_query, is_in_memory, solr_core per table.
        expect([keyspaces.shop.is_system, keyspaces.system.is_system]).toEqual([false, true])
        expect(keyspaces.shop.column_families.orders).toEqual(
          expect.objectContaining({
            create_query: expect.stringMatching(/^CREATE TABLE "shop"\."orders" \(/),
            is_in_memory: false,
            solr_core: false,
          }),
        )
      }
    })

    it.runIf(mockOnly)('answers only the ksfields and cffields asked for', async () => {
      const shop = (await get(`/${fx.cluster}/keyspaces/shop?ksfields=strategy_options,column_families&cffields=comment,gc_grace_seconds`))
        .json
      expect(Object.keys(shop)).toEqual(['strategy_options', 'column_families'])
      expect(shop.column_families.orders).toEqual({ comment: '', gc_grace_seconds: 864000 })
    })

    it.runIf(mockOnly)('treats inherited property names as keyspace names that do not exist', async () => {
      for (const name of ['toString', 'constructor', '__proto__'])
        expect((await get(`/${fx.cluster}/keyspaces/${name}`)).status, name).toBe(404)
    })
  })

  describe.runIf(mockOnly)('putKeyspace and dropKeyspace', () => {
    it('creates a keyspace (201), alters its replication (200), and drops it', async () => {
      const created = await send('PUT', `/${fx.cluster}/keyspaces/inventory`, {
        strategy_class: 'SimpleStrategy',
        strategy_options: { replication_factor: 2 },
      })
      expect(created.status).toBe(201)
      expect(created.json).toEqual({
        replica_placement_strategy: 'org.apache.cassandra.locator.SimpleStrategy',
        strategy_options: { replication_factor: '2' },
        durable_writes: true,
        is_system: false,
        column_families: {},
      })
      const altered = await send('PUT', `/${fx.cluster}/keyspaces/inventory`, {
        strategy_class: 'NetworkTopologyStrategy',
        strategy_options: { DC1: '3', DC2: '1' },
      })
      expect(altered.status).toBe(200)
      expect((await get(`/${fx.cluster}/keyspaces/inventory`)).json.strategy_options).toEqual({ DC1: '3', DC2: '1' })
      expect((await get(`/${fx.cluster}/events?count=1`)).json[0].message).toBe('Altered keyspace inventory')
      expect((await send('DELETE', `/${fx.cluster}/keyspaces/inventory`)).json).toEqual({})
      expect((await get(`/${fx.cluster}/keyspaces/inventory`)).status).toBe(404)
    })

    it('answers 400 and changes nothing for bad replication or a system keyspace', async () => {
      const before = (await get(`/${fx.cluster}/keyspaces`)).json
      expect(
        (await send('PUT', `/${fx.cluster}/keyspaces/shop`, { strategy_class: 'SimpleStrategy', strategy_options: { DC1: '3' } })).status,
      ).toBe(400)
      expect((await send('PUT', `/${fx.cluster}/keyspaces/shop`, { strategy_options: { DC1: 'three' } })).status).toBe(400)
      expect((await send('PUT', `/${fx.cluster}/keyspaces/new_ks`, { strategy_class: 'FancyStrategy', strategy_options: {} })).status).toBe(
        400,
      )
      expect(
        (
          await send('PUT', `/${fx.cluster}/keyspaces/system_auth`, {
            strategy_class: 'SimpleStrategy',
            strategy_options: { replication_factor: 3 },
          })
        ).status,
      ).toBe(400)
      expect((await send('DELETE', `/${fx.cluster}/keyspaces/system`)).status).toBe(400)
      expect((await get(`/${fx.cluster}/keyspaces`)).json).toEqual(before)
    })

    it('answers 404 for a keyspace or cluster that does not exist', async () => {
      expect((await send('DELETE', `/${fx.cluster}/keyspaces/no_such_keyspace`)).status).toBe(404)
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
      expect((await call(target, 'DELETE', `/${fx.cluster}/keyspaces/shop`, { session: viewer })).json).toEqual(NO_PERMISSION)
      expect((await call(target, 'DELETE', `/${fx.cluster}/data/shop/orders`, { session: viewer })).status).toBe(401)
    })
  })

  describe.runIf(mockOnly)('putTable', () => {
    const catalogue = { columns: { sku: 'text', name: 'text', price: 'decimal' }, primary_key: ['sku'], comment: 'catalogue' }

    it('creates a table (201) listed in column_families under its name, alters it (200), and drops it', async () => {
      const created = await send('PUT', `/${fx.cluster}/keyspaces/shop/cf/catalogue`, catalogue)
      expect(created.status).toBe(201)
      expect(created.json).toEqual(
        expect.objectContaining({
          comment: 'catalogue',
          gc_grace_seconds: 864000,
          create_query: expect.stringContaining(
            'CREATE TABLE "shop"."catalogue" ("sku" text, "name" text, "price" decimal, PRIMARY KEY ("sku"))',
          ),
        }),
      )
      expect(Object.keys((await get(`/${fx.cluster}/keyspaces/shop`)).json.column_families)).toEqual([
        'orders',
        'customers',
        'products',
        'catalogue',
      ])
      expect((await get(`/${fx.cluster}/events?count=1`)).json[0].message).toBe('Created table shop.catalogue')
      expect((await get(`/${fx.cluster}/cluster-metrics/all/shop/catalogue/cf-live-disk-used?step=1`)).json.Total.AVERAGE.at(-1)[1]).toBe(0)
      const altered = await send('PUT', `/${fx.cluster}/keyspaces/shop/cf/catalogue`, { columns: { stock: 'int' }, gc_grace_seconds: 3600 })
      expect(altered.status).toBe(200)
      expect(altered.json.gc_grace_seconds).toBe(3600)
      expect(altered.json.create_query).toContain('"price" decimal, "stock" int, PRIMARY KEY ("sku")')
      expect((await send('DELETE', `/${fx.cluster}/keyspaces/shop/cf/catalogue`)).json).toEqual({})
      expect((await get(`/${fx.cluster}/keyspaces/shop/cf/catalogue`)).status).toBe(404)
    })

    it('answers 400 and changes nothing for a bad definition, a retyped column, a new key or a system keyspace', async () => {
      const before = (await get(`/${fx.cluster}/keyspaces`)).json
      for (const body of [
        {},
        { columns: { id: 'strng' } },
        { columns: { id: 'uuid' }, primary_key: ['nope'] },
        { columns: { id: 'uuid' }, gc_grace_seconds: -1 },
        { columns: { id: 'uuid' }, speed: 'fast' },
        { columns: ['id'] },
      ])
        expect((await send('PUT', `/${fx.cluster}/keyspaces/shop/cf/fresh`, body)).status, JSON.stringify(body)).toBe(400)
      expect((await send('PUT', `/${fx.cluster}/keyspaces/shop/cf/orders`, { columns: { id: 'text' } })).status).toBe(400)
      expect((await send('PUT', `/${fx.cluster}/keyspaces/shop/cf/orders`, { primary_key: ['data'] })).status).toBe(400)
      expect((await send('PUT', `/${fx.cluster}/keyspaces/system/cf/fresh`, catalogue)).status).toBe(400)
      expect((await send('PUT', `/${fx.cluster}/keyspaces/shop/cf/bad-name`, catalogue)).status).toBe(400)
      expect((await get(`/${fx.cluster}/keyspaces`)).json).toEqual(before)
    })

    it('answers 404 for a keyspace that does not exist and 401 without Cluster Configuration', async () => {
      expect((await send('PUT', `/${fx.cluster}/keyspaces/nope/cf/fresh`, catalogue)).status).toBe(404)
      expect((await send('PUT', `/${fx.cluster}/keyspaces/toString/cf/fresh`, catalogue)).status).toBe(404)
      const viewer = await loginAs(target, target.credentials.viewer!)
      const denied = await call(target, 'PUT', `/${fx.cluster}/keyspaces/shop/cf/fresh`, {
        session: viewer,
        body: JSON.stringify(catalogue),
      })
      expect(denied.json).toEqual(NO_PERMISSION)
    })
  })

  describe.runIf(mockOnly)('tables: getTable, truncateTable and dropTable', () => {
    it('reads a table, truncates it (its data size and disk metric drop to 0) and drops it', async () => {
      expect((await get(`/${fx.cluster}/keyspaces/shop/cf/orders`)).json.gc_grace_seconds).toBe(864000)
      const sizeBefore = (await get(`/${fx.cluster}/datasize/keyspaces`)).json
      const diskBefore = (await get(`/${fx.cluster}/cluster-metrics/all/shop/orders/cf-live-disk-used?step=1`)).json.Total.AVERAGE.at(-1)[1]
      expect(diskBefore).toBeGreaterThan(0)
      expect((await send('DELETE', `/${fx.cluster}/data/shop/orders`)).json).toEqual({})
      expect((await get(`/${fx.cluster}/cluster-metrics/all/shop/orders/cf-live-disk-used?step=1`)).json.Total.AVERAGE.at(-1)[1]).toBe(0)
      expect((await get(`/${fx.cluster}/datasize/keyspaces`)).json).toBeLessThan(sizeBefore)
      expect((await send('DELETE', `/${fx.cluster}/keyspaces/shop/cf/orders`)).json).toEqual({})
      expect(Object.keys((await get(`/${fx.cluster}/keyspaces/shop`)).json.column_families)).toEqual(['customers', 'products'])
      expect((await get(`/${fx.cluster}/keyspaces/shop/cf/orders`)).status).toBe(404)
      expect((await get(`/${fx.cluster}/cluster-metrics/all/shop/orders/cf-live-disk-used`)).status).toBe(404)
    })

    it('answers 400 for system tables and 404 for tables that do not exist', async () => {
      expect((await send('DELETE', `/${fx.cluster}/data/system/local`)).status).toBe(400)
      expect((await send('DELETE', `/${fx.cluster}/keyspaces/system/cf/local`)).status).toBe(400)
      expect((await send('DELETE', `/${fx.cluster}/data/shop/nope`)).status).toBe(404)
      expect((await send('DELETE', `/${fx.cluster}/keyspaces/shop/cf/nope`)).status).toBe(404)
    })
  })
}
