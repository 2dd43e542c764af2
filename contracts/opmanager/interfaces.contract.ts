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

    it.runIf(mockOnly)('adds ifName, moid and physAddress to the rows when intfProps asks for them', async () => {
      const [plain] = (await opm(target, LIST, { query: { rows: '1' } })).json.rows
      expect(plain).not.toHaveProperty('moid')
      const [row] = (await opm(target, LIST, { query: { rows: '1', intfProps: 'ifName,moid,physAddress' } })).json.rows
      expect(row).toMatchObject({
        ifName: 'Gi0/1',
        moid: expect.stringMatching(/^\d+$/),
        physAddress: expect.stringMatching(/^([0-9a-f]{2}:){5}01$/),
      })
      expect(errorcodeOf(await opm(target, LIST, { query: { intfProps: 'colour' } }))).toBe('PATTERN_NOT_MATCHED')
    })

    it.runIf(mockOnly)('sorts by the vendor columns, ascending or descending', async () => {
      const rows = async (query: Record<string, string>) =>
        (await opm(target, LIST, { query: { rows: '200', ...query } })).json.rows as any[]
      const bySeverity = await rows({ sortByColumn: 'severity' })
      const statuses = bySeverity.map((row) => row.statusNum)
      expect(statuses).toEqual([...statuses].sort((a, b) => a - b))
      const names = (await rows({ sortByColumn: 'displayName', sortByType: 'desc' })).map((row) => row.displayName)
      expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'en', { numeric: true })))
      expect(errorcodeOf(await opm(target, LIST, { query: { sortByColumn: 'colour' } }))).toBe('PATTERN_NOT_MATCHED')
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

  describe.runIf(mockOnly)('interface graphs and reports', () => {
    beforeAll(() => target.control!.reset())
    const port = { interfaceName: 'IF-2' }

    it('getInterfaceGraphs answers series of [time, value, text] with consolidated values from the same samples', async () => {
      const graph = (
        await opm(target, '/api/json/device/getInterfaceGraphs', { query: { ...port, graphName: 'totalBytes', period: 'twelvehours' } })
      ).json
      expect(graph.seriesNames).toEqual(['Rx Bytes', 'Tx Bytes', 'Total Bytes'])
      expect(graph.interfaceDetails).toMatchObject({ 'Parent Name': 'core-rtr-01', IfName: 'Gi0/2', IfIndex: '2' })
      const [rx, tx, total] = graph.graphData
      expect(rx.data.length).toBe(144)
      rx.data.forEach(([at, value, text]: [number, number, string], index: number) => {
        expect(typeof at).toBe('number')
        expect(typeof text).toBe('string')
        expect(total.data[index][1]).toBeCloseTo(value + tx.data[index][1], 0)
      })
      const max = Math.max(...total.data.map(([, value]: [number, number]) => value))
      expect(graph.consolidatedValues['Total Bytes'].maxCollectionTime).toBe(
        String(total.data.find(([, value]: [number, number]) => value === max)[0]),
      )
    })

    it('a down interface carries no traffic while its alarm is uncleared', async () => {
      const graph = (
        await opm(target, '/api/json/device/getInterfaceGraphs', {
          query: { interfaceName: 'IF-1', graphName: 'traffic', period: 'twelvehours' },
        })
      ).json
      const last = graph.graphData.map((series: any) => series.data[series.data.length - 1][1])
      expect(last).toEqual([0, 0])
      const summary = (await opm(target, '/api/json/device/getInterfaceSummary', { query: { interfaceName: 'IF-1' } })).json
      expect(summary).toMatchObject({
        intfDisplayName: 'GigabitEthernet0/1',
        displayName: 'core-rtr-01',
        Util: '0',
        txUtil: '0',
        managed: 'true',
      })
      expect(summary.availability.Down).toBeGreaterThan(0)
    })

    it('utilisation graphs, the summary and getInterfaces agree on the current value', async () => {
      const summary = (await opm(target, '/api/json/device/getInterfaceSummary', { query: port })).json
      const graph = (await opm(target, '/api/json/device/getInterfaceGraphs', { query: { ...port, graphName: 'utilization' } })).json
      const rx = graph.graphData.find((series: any) => series.seriesname === 'Rx Utilization').data
      expect(Number(summary.Util)).toBe(rx[rx.length - 1][1])
      const [, second] = (await opm(target, '/api/json/device/getInterfaces', { query: { name: '10.10.0.1' } })).json.interfaces
      expect(second.inTraffic).toMatch(new RegExp(`\\(${Number(summary.Util).toFixed(1)}%\\)$`))
    })

    it('getIntfAtAGlanceReportDetails and getIntfBWOutageReportDetails cover the period with every graph and the 95th percentile', async () => {
      const glance = (
        await opm(target, '/api/json/v2/device/getIntfAtAGlanceReportDetails', { query: { InterfaceName: 'IF-2', period: 'Today' } })
      ).json
      expect(Object.keys(glance.graphData).sort()).toEqual(
        [
          'Discards',
          'Errors',
          'Unicast',
          'inBytes',
          'inFrames',
          'outFrames',
          'inTraffic',
          'inUtilization',
          'outBytes',
          'outTraffic',
          'outUtilization',
          'totalUtilization',
        ].sort(),
      )
      expect(glance).toMatchObject({ repType: 7, InterfaceCategory: 'LAN', Details: { 'Parent Name': 'core-rtr-01' } })
      const outage = (
        await opm(target, '/api/json/v2/device/getIntfBWOutageReportDetails', { query: { interfaceName: 'IF-2', period: 'Today' } })
      ).json
      expect(outage.seriesNames).toEqual(['InTraffic', 'InTraffic-95th', 'OutTraffic', 'OutTraffic-95th', 'Total', 'Total-95th'])
      const p95 = outage.bwChartData.find((series: any) => series.seriesname === 'Total-95th').data[0][1]
      expect(String(p95)).toBe(outage.consolidatedValues.Total['95thpercRawVal'])
      expect(outage).toMatchObject({ InterfaceName: 'IF-2', repType: 9, name: 'core-rtr-01' })
    })

    it('setManaged type=INTERFACE unmanages an interface: UnManaged, and its events raise no alarm until managed again', async () => {
      const row = async () => ((await opm(target, LIST, { query: { rows: '200' } })).json.rows as any[]).find((item) => item.id === '2')
      const unmanage = await action(target, '/api/json/device/setManaged', {
        name: 'IF-2',
        manage: 'false',
        type: 'INTERFACE',
        isInterface: 'true',
      })
      expect(unmanage.json).toEqual({ result: { message: 'Interface is being unmanaged.' } })
      expect(await row()).toMatchObject({ statusNum: 7, statusStr: 'UnManaged' })
      expect((await opm(target, '/api/json/device/getInterfaceSummary', { query: { interfaceName: 'IF-2' } })).json.managed).toBe('false')
      const down = { source: '10.10.0.1', severity: '1', message: 'Gi0/2 is down', alarmCode: 'IF-DOWN', entity: 'IF-2' }
      await action(target, '/api/json/events/addEvent', down)
      expect((await opm(target, '/api/json/alarm/listAlarms', { query: { entity: 'IF-2' } })).json).toEqual([])
      await action(target, '/api/json/device/setManaged', { name: 'IF-2', manage: 'true', type: 'INTERFACE' })
      await action(target, '/api/json/events/addEvent', down)
      expect((await row()).statusNum).toBe(1)
      await action(target, '/api/json/events/addEvent', { ...down, severity: '5', message: 'Gi0/2 is up' })
      expect((await row()).statusNum).toBe(5)
      expect(errorcodeOf(await action(target, '/api/json/device/setManaged', { name: 'IF-999', manage: 'false', type: 'INTERFACE' }))).toBe(
        'INTERFACE_NOT_FOUND',
      )
      expect(errorcodeOf(await action(target, '/api/json/device/setManaged', { name: 'Web Shop', manage: 'false', type: 'URL' }))).toBe(
        'PATTERN_NOT_MATCHED',
      )
    })

    it('getInterfaceNotes lists the interface custom fields with the circuit id', async () => {
      const notes = (await opm(target, '/api/json/device/getInterfaceNotes', { query: { interfaceName: 'IF-1' } })).json
      expect(notes.find((field: any) => field.FIELDNAME === 'Circuit ID')).toMatchObject({ ALIASNAME: 'UDF1', FIELDVALUE: 'CKT-1001' })
    })

    it('answers INTERFACE_NOT_FOUND and refuses an unknown graph or period', async () => {
      expect(errorcodeOf(await opm(target, '/api/json/device/getInterfaceSummary', { query: { interfaceName: 'IF-999' } }))).toBe(
        'INTERFACE_NOT_FOUND',
      )
      expect(errorcodeOf(await opm(target, '/api/json/device/getInterfaceGraphs', { query: { ...port, graphName: 'colour' } }))).toBe(
        'PATTERN_NOT_MATCHED',
      )
      expect(errorcodeOf(await opm(target, '/api/json/device/getInterfaceGraphs', { query: { ...port, period: 'forever' } }))).toBe(
        'PATTERN_NOT_MATCHED',
      )
    })
  })
}
