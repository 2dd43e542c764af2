import { beforeAll, describe, expect, it } from 'vitest'
import { call, loginAs, NO_PERMISSION, type OpscenterSession, type OpscenterTarget } from './target'

/** Backups, restores, point-in-time archiving and destinations; the repair service and NodeSync (mock only). */
export function backupsContract(target: OpscenterTarget): void {
  let admin: OpscenterSession
  const C = '/Test_Cluster'
  const get = (path: string) => call(target, 'GET', path, { session: admin })
  const send = (method: string, path: string, body?: unknown) =>
    call(target, method, path, { session: admin, body: body === undefined ? undefined : JSON.stringify(body) })

  beforeAll(async () => {
    await target.control!.reset()
    admin = await loginAs(target, target.credentials.admin)
  })

  describe('backups and restores', () => {
    it('lists the seeded backup keyed by its id, with cfs, nodes and size per keyspace', async () => {
      const backups = (await get(`${C}/backups`)).json
      const [tag] = Object.keys(backups)
      expect(tag).toMatch(/^opscenter_adhoc_\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-UTC$/)
      expect(backups[tag!].keyspaces.shop).toEqual({
        cfs: ['orders', 'customers', 'products'],
        nodes: expect.any(Array),
        size: expect.any(Number),
      })
      expect(Object.keys((await get(`${C}/backups/shop`)).json)).toEqual([tag])
      expect((await get(`${C}/backups/nope`)).status).toBe(404)
      expect((await get(`${C}/backups?last_seen=nope`)).status).toBe(404)
    })

    it('runs a backup: in progress in the activity, listed once its request finishes', async () => {
      const id = (await send('POST', `${C}/backups/run`, { keyspaces: ['shop'] })).json
      const [activity] = (await get(`${C}/backup-activity?count=1`)).json
      expect(activity).toEqual(
        expect.objectContaining({
          type: 'backup',
          status: 'in_progress',
          request_id: id,
          keyspaces: { shop: ['orders', 'customers', 'products'] },
        }),
      )
      expect(Object.keys((await get(`${C}/backups`)).json)).toHaveLength(1)
      await target.control!.advanceClock(31)
      expect(Object.keys((await get(`${C}/backups`)).json)).toHaveLength(2)
      expect((await get(`${C}/backup-activity?count=1&filter_success=1`)).json[0].status).toBe('success')
      expect(Object.keys((await get(`${C}/backups?amount=1&match=adhoc`)).json)).toHaveLength(1)
    })

    it('restores a truncated table from a backup, with events', async () => {
      const [tag] = Object.keys((await get(`${C}/backups`)).json)
      const before = (await get(`${C}/cluster-metrics/all/shop/orders/cf-live-disk-used?step=1`)).json.Total.AVERAGE.at(-1)[1]
      await send('DELETE', `${C}/data/shop/orders`)
      const id = (await send('POST', `${C}/backups/restore/${tag}/shop/orders`)).json
      expect((await get(`${C}/events?count=1`)).json[0].message).toBe(`Restore from backup ${tag} started`)
      await target.control!.advanceClock(91)
      expect((await get(`/request/${id}/status`)).json.state).toBe('success')
      expect((await get(`${C}/events?count=100`)).json.map((event: any) => event.message)).toContain(
        `Restore from backup ${tag} finished: shop.orders`,
      )
      expect((await get(`${C}/cluster-metrics/all/shop/orders/cf-live-disk-used?step=1`)).json.Total.AVERAGE.at(-1)[1]).toBeCloseTo(
        before,
        -3,
      )
      expect((await get(`${C}/backup-activity?filter_type=restore`)).json[0].keyspaces).toEqual({ shop: ['orders'] })
    })

    it('restores a keyspace and a whole backup; a dropped table comes back', async () => {
      const [tag] = Object.keys((await get(`${C}/backups`)).json)
      await send('DELETE', `${C}/keyspaces/shop/cf/products`)
      expect((await send('POST', `${C}/backups/restore/${tag}/shop`)).status).toBe(200)
      expect((await send('POST', `${C}/backups/restore/${tag}`)).status).toBe(200)
      await target.control!.advanceClock(91)
      expect(Object.keys((await get(`${C}/keyspaces/shop`)).json.column_families)).toContain('products')
    })

    it('answers 400 and 404 for restores of what does not exist', async () => {
      const [tag] = Object.keys((await get(`${C}/backups`)).json)
      expect((await send('POST', `${C}/backups/restore/nope`)).status).toBe(404)
      expect((await send('POST', `${C}/backups/restore/${tag}/nope`)).status).toBe(404)
      expect((await send('POST', `${C}/backups/restore/${tag}/shop/nope`)).status).toBe(404)
      await send('PUT', `${C}/keyspaces/scratch`, { strategy_class: 'SimpleStrategy', strategy_options: { replication_factor: 1 } })
      const scratch = (await send('POST', `${C}/backups/run`, { keyspaces: ['scratch'] })).json
      await target.control!.advanceClock(31)
      const scratchTag = (await get(`${C}/backup-activity?count=20`)).json.find((entry: any) => entry.request_id === scratch).backup_id
      await send('DELETE', `${C}/keyspaces/scratch`)
      expect((await send('POST', `${C}/backups/restore/${scratchTag}`)).status).toBe(400)
      expect((await send('POST', `${C}/backups/restore/${scratchTag}/scratch`)).status).toBe(400)
      expect((await send('POST', `${C}/backups/restore/${scratchTag}/scratch/x`)).status).toBe(404)
      const malformed = (path: string) => call(target, 'POST', path, { session: admin, body: '{"bad":' })
      expect((await malformed(`${C}/backups/restore/${tag}/shop/orders`)).status).toBe(400)
    })

    it('syncs a backup to another destination and deletes it', async () => {
      const [tag] = Object.keys((await get(`${C}/backups`)).json)
      const destination = (await send('POST', `${C}/backups/destinations`, { provider: 'local', path: '/var/backups' })).json
      expect((await send('POST', `${C}/backups/sync`, { tag, destination: destination.id })).status).toBe(200)
      expect(Object.keys((await get(`${C}/backups?destination=${destination.id}`)).json)).toEqual([tag])
      expect((await send('POST', `${C}/backups/sync`, { tag })).status).toBe(400)
      expect((await send('POST', `${C}/backups/sync`, { tag: 'nope', destination: destination.id })).status).toBe(404)
      expect((await send('DELETE', `${C}/backups?tag=${tag}`)).json).toEqual({})
      expect(Object.keys((await get(`${C}/backups`)).json)).not.toContain(tag)
      expect((await get(`${C}/backup-activity?filter_type=delete`)).json[0].deleted_at).toEqual(expect.any(Number))
      expect((await send('DELETE', `${C}/backups?tag=${tag}`)).status).toBe(404)
      expect((await send('DELETE', `${C}/backups`)).status).toBe(400)
    })

    it('answers 400 and 404 for backups of nothing or of unknown keyspaces, and for a bad activity query', async () => {
      expect((await send('POST', `${C}/backups/run`, { keyspaces: [] })).status).toBe(400)
      expect((await send('POST', `${C}/backups/run`, { keyspaces: ['nope'] })).status).toBe(404)
      expect((await send('POST', '/No_Such_Cluster/backups/run', {})).status).toBe(404)
      expect((await get(`${C}/backup-activity?count=0`)).status).toBe(400)
      for (const path of ['backup-activity', 'backups', 'backups/pit', 'backups/pit/logs', 'backups/destinations'])
        expect((await get(`/No_Such_Cluster/${path}`)).status, path).toBe(404)
    })

    it('takes the backups a schedule owes as the clock passes its runs', async () => {
      const schedule = (
        await send('POST', `${C}/job-schedules`, {
          first_run_date: '2020-01-01',
          first_run_time: '00:00:00',
          interval: 1,
          interval_unit: 'hours',
          job_params: { type: 'backup' },
        })
      ).json
      await target.control!.advanceClock(2 * 3600)
      expect(Object.keys((await get(`${C}/backups?match=${schedule.id}`)).json)).toHaveLength(2)
      await send('DELETE', `${C}/job-schedules/${schedule.id}`)
    })

    it('needs Backup Service', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect((await call(target, 'POST', `${C}/backups/run`, { session: viewer })).json).toEqual(NO_PERMISSION)
      expect((await call(target, 'GET', `${C}/backups`, { session: viewer })).status).toBe(200)
    })
  })

  describe('point in time', () => {
    it("turns commitlog archiving on, lists each node's latest log, checks restore points, and off", async () => {
      const [tag] = Object.keys((await get(`${C}/backups`)).json)
      expect((await get(`${C}/backups/pit`)).json).toEqual({ enabled: false, destination: null, enabled_at: null })
      expect((await get(`${C}/backups/pit/logs`)).json).toEqual({})
      expect((await send('POST', `${C}/backups/pit`, { destination: 'OPSC_ON_SERVER' })).json).toEqual({})
      const since = (await get(`${C}/backups/pit`)).json.enabled_at
      await target.control!.advanceClock(600)
      expect(Object.keys((await get(`${C}/backups/pit/logs`)).json)).toContain('10.0.1.11')
      expect((await send('POST', `${C}/backups/pit_check`, { timestamp: since + 300 })).json).toEqual({
        valid: true,
        backup_id: expect.any(String),
        reason: null,
      })
      expect((await send('POST', `${C}/backups/pit_check`, { timestamp: since - 86400 * 30 })).json.valid).toBe(false)
      expect((await send('POST', `${C}/backups/pit_check`, { when: 'now' })).status).toBe(400)
      expect((await send('POST', `${C}/backups/pit`, { destination: 'nope' })).status).toBe(404)
      expect((await send('POST', `${C}/backups/pit`, { destination: 7 })).status).toBe(400)
      expect((await send('DELETE', `${C}/backups/destinations/OPSC_ON_SERVER`)).status).toBe(409)
      expect((await send('DELETE', `${C}/backups/pit`)).json).toEqual({})
      expect((await get(`${C}/backups/pit`)).json.enabled).toBe(false)
      expect((await send('POST', `${C}/backups/pit_check`, { timestamp: since + 300 })).json.backup_id).toBe(tag)
    })

    it('answers 404 for an unknown cluster', async () => {
      expect((await send('POST', '/No_Such_Cluster/backups/pit', {})).status).toBe(404)
      expect((await send('DELETE', '/No_Such_Cluster/backups/pit')).status).toBe(404)
      expect((await send('POST', '/No_Such_Cluster/backups/pit_check', { timestamp: 1 })).status).toBe(404)
      expect((await send('POST', '/No_Such_Cluster/backups/sync', { tag: 'x', destination: 'y' })).status).toBe(404)
      expect((await send('DELETE', '/No_Such_Cluster/backups?tag=x')).status).toBe(404)
      expect((await get('/No_Such_Cluster/backups/shop')).status).toBe(404)
    })
  })

  describe('destinations', () => {
    it('adds an s3 destination without returning its secret, changes it and removes it', async () => {
      const created = await send('POST', `${C}/backups/destinations`, {
        provider: 's3',
        path: 'bucket/opscenter',
        access_key: 'AK',
        access_secret: 'shh',
        region: 'eu-west-1',
      })
      expect(created.status).toBe(201)
      expect(created.json).not.toHaveProperty('access_secret')
      const id = created.json.id
      expect(Object.keys((await get(`${C}/backups/destinations`)).json)).toContain(id)
      expect((await send('PUT', `${C}/backups/destinations/${id}`, { path: 'bucket/other' })).json.path).toBe('bucket/other')
      expect((await send('PUT', `${C}/backups/destinations/${id}`, { provider: 'tape' })).status).toBe(400)
      expect((await get(`${C}/backups/destinations/${id}`)).json.path).toBe('bucket/other')
      expect((await send('DELETE', `${C}/backups/destinations/${id}`)).json).toEqual({})
      expect((await get(`${C}/backups/destinations/${id}`)).status).toBe(404)
    })

    it('answers 400 for a destination without provider or s3 keys, 404 for unknown ids', async () => {
      expect((await send('POST', `${C}/backups/destinations`, { path: '/x' })).status).toBe(400)
      expect((await send('POST', `${C}/backups/destinations`, { provider: 's3', path: 'b' })).status).toBe(400)
      expect((await send('PUT', `${C}/backups/destinations/nope`, { path: '/x' })).status).toBe(404)
      expect((await send('DELETE', `${C}/backups/destinations/nope`)).status).toBe(404)
      expect((await send('POST', '/No_Such_Cluster/backups/destinations', { provider: 'local', path: '/x' })).status).toBe(404)
    })
  })

  describe('repair service and NodeSync', () => {
    it('runs the repair service: progress moves with the clock, per table too, until it is stopped', async () => {
      expect((await get(`${C}/services`)).json).toEqual({ repair_service: 'STOPPED', nodesync: { enabled_tables: 0 } })
      expect((await send('POST', `${C}/services/repair`, { time_to_completion: 86400 })).json).toEqual({})
      expect((await send('POST', `${C}/services/repair`)).status).toBe(409)
      await target.control!.advanceClock(21600)
      expect((await get(`${C}/services/repair`)).json).toEqual(expect.objectContaining({ status: 'RUNNING', percent_complete: 25 }))
      expect((await get(`${C}/services/repair/summary`)).json.subranges_repaired).toBeGreaterThan(0)
      const details = (await get(`${C}/services/repair/details?keyspace=shop`)).json
      expect(details.map((row: any) => row.table)).toEqual(['orders', 'customers', 'products'])
      expect((await get(`${C}/services/repair/details?keyspace=shop&table=orders`)).json).toHaveLength(1)
      expect((await send('DELETE', `${C}/services/repair`)).json).toEqual({})
      expect((await get(`${C}/services/repair`)).json.status).toBe('STOPPED')
    })

    it('answers 400 for a cycle shorter than an hour and 404 for unknown names', async () => {
      expect((await send('POST', `${C}/services/repair`, { time_to_completion: 60 })).status).toBe(400)
      expect((await get(`${C}/services/repair/details?keyspace=nope`)).status).toBe(404)
      expect((await get(`${C}/nodesync?keyspace=shop&table=nope`)).status).toBe(404)
      for (const path of ['services', 'services/repair', 'services/repair/summary', 'services/repair/details', 'nodesync'])
        expect((await get(`/No_Such_Cluster/${path}`)).status, path).toBe(404)
      expect((await send('POST', '/No_Such_Cluster/services/repair')).status).toBe(404)
      expect((await send('DELETE', '/No_Such_Cluster/services/repair')).status).toBe(404)
    })

    it('turns NodeSync on for a table: the table property follows and its pass progresses', async () => {
      expect((await send('PUT', `${C}/nodesync/shop/orders`, { enabled: true })).json).toEqual({})
      expect((await get(`${C}/keyspaces/shop/cf/orders`)).json.nodesync).toBe(true)
      await target.control!.advanceClock(3600)
      const [row] = (await get(`${C}/nodesync?keyspace=shop&table=orders`)).json
      expect(row).toEqual(expect.objectContaining({ enabled: true, percent_complete: expect.any(Number) }))
      expect((await get(`${C}/services`)).json.nodesync.enabled_tables).toBe(1)
      expect((await send('PUT', `${C}/nodesync/shop/orders`, { enabled: 'yes' })).status).toBe(400)
      expect((await send('PUT', `${C}/nodesync/shop/nope`, { enabled: true })).status).toBe(404)
      expect((await send('PUT', `${C}/nodesync/shop/orders`, { enabled: false })).status).toBe(200)
    })

    it('needs Repair Service to change them', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect((await call(target, 'POST', `${C}/services/repair`, { session: viewer })).json).toEqual(NO_PERMISSION)
      expect((await call(target, 'PUT', `${C}/nodesync/shop/orders`, { session: viewer, body: '{"enabled":true}' })).status).toBe(401)
    })
  })
}
