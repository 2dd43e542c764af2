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
      // An amount that is not a positive integer is the client's mistake (found by the fuzz suite, issue 8).
      expect((await get(`${C}/backups?amount=%25x`)).status).toBe(400)
      expect((await get(`${C}/backups?amount=0`)).status).toBe(400)
    })

    it('lists by list_all from one destination: backups whose nodes have left are listed with every node that took them', async () => {
      await target.control!.reset()
      admin = await loginAs(target, target.credentials.admin)
      const [tag] = Object.keys((await get(`${C}/backups`)).json)
      const nodes = (await get(`${C}/backups`)).json[tag!].keyspaces.shop.nodes as string[]
      expect(nodes).toContain('10.0.1.13')
      await send('POST', `${C}/ops/decommission/10.0.1.13`)
      await target.control!.advanceClock(31)
      expect((await get(`${C}/backups`)).json[tag!].keyspaces.shop.nodes).not.toContain('10.0.1.13')
      const all = (await get(`${C}/backups?list_all=1&destination=OPSC_ON_SERVER`)).json
      expect(all[tag!].keyspaces.shop.nodes).toEqual(nodes)
      expect((await get(`${C}/backups/shop?list_all=1&destination=OPSC_ON_SERVER`)).json[tag!].keyspaces.shop.nodes).toEqual(nodes)
      expect((await get(`${C}/backups?list_all=1`)).status).toBe(400)
      expect((await get(`${C}/backups/shop?list_all=1`)).status).toBe(400)
      expect((await get(`${C}/backups?list_all=2&destination=OPSC_ON_SERVER`)).status).toBe(400)
      expect((await get(`${C}/backups?list_all=1&destination=nope`)).status).toBe(404)
      expect(Object.keys((await get(`${C}/backups/shop?amount=1&match=adhoc`)).json)).toEqual([tag])
      await target.control!.reset()
      admin = await loginAs(target, target.credentials.admin)
    })

    it('leaves out the activity before first_backup_id', async () => {
      const [seeded] = Object.keys((await get(`${C}/backups`)).json)
      await send('POST', `${C}/backups/run`, { keyspaces: ['shop'] })
      await target.control!.advanceClock(31)
      const [fresh] = Object.keys((await get(`${C}/backups?amount=1`)).json)
      const ids = async (query: string) => (await get(`${C}/backup-activity?${query}`)).json.map((entry: any) => entry.backup_id)
      expect(await ids('count=100')).toEqual(expect.arrayContaining([seeded, fresh]))
      expect(await ids(`count=100&first_backup_id=${fresh}`)).toEqual([fresh])
      expect((await get(`${C}/backup-activity?first_backup_id=nope`)).status).toBe(404)
      await target.control!.reset()
      admin = await loginAs(target, target.credentials.admin)
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
      const [seeded] = Object.keys((await get(`${C}/backups`)).json)
      expect((await get(`${C}/backups/pit`)).json).toEqual({ enabled: false, destination: null, enabled_at: null })
      expect((await get(`${C}/backups/pit/logs`)).json).toEqual({})
      expect((await send('POST', `${C}/backups/pit`, { destination: 'OPSC_ON_SERVER' })).json).toEqual({})
      const since = (await get(`${C}/backups/pit`)).json.enabled_at
      await target.control!.advanceClock(600)
      expect(Object.keys((await get(`${C}/backups/pit/logs`)).json)).toContain('10.0.1.11')
      // The seeded backup predates archiving: no commit logs lead from it.
      expect((await send('POST', `${C}/backups/pit_check`, { timestamp: since + 300 })).json).toEqual({
        valid: false,
        backup_id: seeded,
        reason: 'No backup was taken after archiving was turned on and before that time',
      })
      await send('POST', `${C}/backups/run`, { keyspaces: ['shop'] })
      await target.control!.advanceClock(600)
      const [[base, { time }]] = Object.entries((await get(`${C}/backups?amount=1`)).json) as [[string, { time: number }]]
      const at = time + 60
      expect((await send('POST', `${C}/backups/pit_check`, { timestamp: at })).json).toEqual({ valid: true, backup_id: base, reason: null })
      expect((await send('POST', `${C}/backups/pit_check`, { timestamp: since - 86400 * 30 })).json.valid).toBe(false)
      expect((await send('POST', `${C}/backups/pit_check`, { timestamp: since + 86400 })).json.reason).toBe('The time is in the future')
      expect((await send('POST', `${C}/backups/pit_check`, { when: 'now' })).status).toBe(400)
      expect((await send('POST', `${C}/backups/pit`, { destination: 'nope' })).status).toBe(404)
      expect((await send('POST', `${C}/backups/pit`, { destination: 7 })).status).toBe(400)
      expect((await send('DELETE', `${C}/backups/destinations/OPSC_ON_SERVER`)).status).toBe(409)
      expect((await send('DELETE', `${C}/backups/pit`)).json).toEqual({})
      expect((await get(`${C}/backups/pit`)).json.enabled).toBe(false)
      expect((await send('POST', `${C}/backups/pit_check`, { timestamp: at })).json).toEqual({
        valid: false,
        backup_id: base,
        reason: 'Commit log archiving (point in time) is off',
      })
    })

    it('restores a table to a point in time: the backup, then the logs up to that time; a request that runs in mock time with events', async () => {
      await target.control!.reset()
      admin = await loginAs(target, target.credentials.admin)
      const size = async () => (await get(`${C}/cluster-metrics/all/shop/orders/cf-live-disk-used?step=1`)).json.Total.AVERAGE.at(-1)[1]
      const full = await size()
      await send('POST', `${C}/backups/pit`, {})
      await target.control!.advanceClock(60)
      await send('POST', `${C}/backups/run`, { keyspaces: ['shop'] })
      await target.control!.advanceClock(600)
      const [tag] = Object.keys((await get(`${C}/backups?amount=1`)).json)
      await send('DELETE', `${C}/data/shop/orders`) // truncated at t1: the logs hold it
      const truncatedAt = (await get(`${C}/backups/pit`)).json.enabled_at + 660
      await target.control!.advanceClock(600)
      expect(await size()).toBe(0)
      // Back to just before the truncate: the data returns.
      const id = (await send('POST', `${C}/backups/restore/${tag}/shop/orders`, { timestamp: truncatedAt - 60 })).json
      expect((await get(`${C}/events?count=1`)).json[0].message).toMatch(
        /^Point-in-time restore to \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC from backup .* started$/,
      )
      expect((await get(`/request/${id}/status`)).json.state).toBe('running')
      const [activity] = (await get(`${C}/backup-activity?filter_type=restore&count=1`)).json
      expect(activity).toEqual(expect.objectContaining({ status: 'in_progress', point_in_time: truncatedAt - 60, request_id: id }))
      await target.control!.advanceClock(91)
      expect((await get(`/request/${id}/status`)).json.state).toBe('success')
      expect(await size()).toBeCloseTo(full, -3)
      expect((await get(`${C}/events?count=100`)).json.map((event: any) => event.message)).toContainEqual(
        expect.stringMatching(/^Point-in-time restore to .* finished: shop\.orders$/),
      )
      // To a time after the truncate: the logs replay it, so the table is empty again.
      await send('POST', `${C}/backups/restore/${tag}/shop/orders`, { timestamp: truncatedAt + 60 })
      await target.control!.advanceClock(91)
      expect(await size()).toBe(0)
    })

    it('answers 400 for a point-in-time restore with archiving off, from a backup taken before archiving, or outside the logs', async () => {
      await target.control!.reset()
      admin = await loginAs(target, target.credentials.admin)
      const [seeded] = Object.keys((await get(`${C}/backups`)).json)
      const now = (await get(`${C}/backup-activity?count=1`)).json[0].time as number
      const off = await send('POST', `${C}/backups/restore/${seeded}`, { timestamp: now })
      expect(off.status).toBe(400)
      expect(off.json.message).toContain('Commit log archiving (point in time) is off')
      await send('POST', `${C}/backups/pit`, {})
      await target.control!.advanceClock(900)
      const since = (await get(`${C}/backups/pit`)).json.enabled_at
      expect((await send('POST', `${C}/backups/restore/${seeded}`, { timestamp: since + 300 })).json.message).toContain(
        'was taken before commit log archiving was on',
      )
      await send('POST', `${C}/backups/run`, {})
      await target.control!.advanceClock(600)
      const [fresh] = Object.keys((await get(`${C}/backups?amount=1`)).json)
      expect((await send('POST', `${C}/backups/restore/${fresh}`, { timestamp: since - 3600 })).json.message).toContain(
        'outside the archived commit logs',
      )
      expect((await send('POST', `${C}/backups/restore/${fresh}`, { timestamp: since + 60 })).json.message).toContain(
        'was taken after that time',
      )
      expect((await send('POST', `${C}/backups/restore/${fresh}`, { timestamp: 'yesterday' })).status).toBe(400)
      expect((await get(`${C}/backup-activity?filter_type=restore`)).json).toEqual([])
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
