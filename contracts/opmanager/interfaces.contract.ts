import { beforeAll, describe, expect, it } from 'vitest'
import { action, errorcodeOf, opm, type OpmanagerTarget } from './target'

const LIST = '/api/json/device/listInterfaces'

export function interfacesContract(target: OpmanagerTarget): void {
  const mockOnly = target.kind === 'mock'

  describe('listInterfaces', () => {
    it('pages with total, page and records as strings and rows with numeric statusNum', async () => {
      const page = (await opm(target, LIST, { query: { rows: '5' } })).json
      expect(typeof page.total).toBe('string')
      expect(typeof page.page).toBe('string')
      expect(typeof page.records).toBe('string')
      expect(Number(page.total)).toBe(Math.ceil(Number(page.records) / 5))
      for (const row of page.rows) expect(typeof row.statusNum).toBe('number')
    })

    it.runIf(mockOnly)('filters by device, operational status, severity and type', async () => {
      await target.control!.reset()
      const all = (await opm(target, LIST, { query: { rows: '1000' } })).json
      expect(Number(all.records)).toBe(all.rows.length)
      expect(all.rows.length).toBeGreaterThan(50)
      const down = (await opm(target, LIST, { query: { status: 'Down' } })).json
      expect(down.rows.map((row: any) => row.interfaceName)).toEqual(['IF-1'])
      expect(down.rows[0]).toMatchObject({
        operStatus: 'Down',
        adminStatus: 'Up',
        statusNum: 1,
        interfaceStatus: 1,
        displayName: 'core-rtr-01',
      })
      const critical = (await opm(target, LIST, { query: { severity: '1,3' } })).json
      expect(critical.rows.map((row: any) => row.interfaceName).sort()).toEqual(['IF-1', 'IF-11'])
      const mine = (await opm(target, LIST, { query: { deviceName: 'core-rtr-01' } })).json
      expect(mine.rows.every((row: any) => row.deviceName === '10.10.0.1')).toBe(true)
      expect((await opm(target, LIST, { query: { type: 'Software Loopback' } })).json.records).toBe('0')
      expect((await opm(target, LIST, { query: { deviceName: 'no-such-device' } })).json).toEqual({
        total: '0',
        page: '1',
        records: '0',
        rows: [],
      })
    })
  })

  describe.runIf(mockOnly)('getInterfaces', () => {
    beforeAll(() => target.control!.reset())

    it('answers the interfaces with counts, ids and indexes typed as the vendor sends them', async () => {
      const answer = (await opm(target, '/api/json/device/getInterfaces', { query: { name: '10.10.0.1' } })).json
      expect(answer.interfaceCount).toBe(String(answer.interfaces.length))
      expect(answer.downCount).toBe('1')
      expect(answer.interfaces[0]).toMatchObject({
        name: 'IF-1',
        ifIndex: '1',
        ifIndexNum: 1,
        moid: expect.stringMatching(/^\d+$/),
        statusNum: '1',
        statusStr: 'Critical',
        ifOperStatus: '2',
        ifAdminStatus: '1',
        inTraffic: '0.000 K (0.0%)',
      })
    })

    it('shows an interface Clear again once its alarm is cleared', async () => {
      await action(target, '/api/json/alarm/clearAlarm', { entity: 'IF-1' })
      const [first] = (await opm(target, '/api/json/device/getInterfaces', { query: { name: '10.10.0.1' } })).json.interfaces
      expect(first).toMatchObject({ name: 'IF-1', statusNum: '5', ifOperStatus: '1' })
      expect((await opm(target, LIST, { query: { status: 'Down' } })).json.rows).toEqual([])
    })

    it('answers DEVICE_NOT_FOUND for an unknown device', async () => {
      expect(errorcodeOf(await opm(target, '/api/json/device/getInterfaces', { query: { name: 'nope' } }))).toBe('DEVICE_NOT_FOUND')
    })
  })
}
