import { beforeAll, describe, expect, it } from 'vitest'
import { action, errorcodeOf, opm, type OpmanagerTarget } from './target'

const GRAPHS = '/api/json/device/getInterfaceGraphs'
const HOUR = 3_600_000

/** `yyyy-mm-dd hh:mm` in UTC, as a client would type a custom period. */
const typed = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')

/** Custom periods (`period=custom` with a start and an end) and the vendor's numeric period codes (decisions/088). */
export function periodsContract(target: OpmanagerTarget): void {
  describe.runIf(target.kind === 'mock')('custom report and graph periods', () => {
    let now = 0
    beforeAll(async () => {
      await target.control!.reset()
      const [report] = (await opm(target, '/api/json/reports/getReportsData', { query: { reportID: '84' } })).json
      now = report.clientParams.genAtMilliseconds
    })

    it('getInterfaceGraphs draws a custom period from the same series as the named periods', async () => {
      const twelve = (await opm(target, GRAPHS, { query: { interfaceName: 'IF-2', graphName: 'traffic', period: 'twelvehours' } })).json
      const rx = twelve.graphData[0].data as Array<[number, number, string]>
      const from = rx[10]![0]
      const to = rx[40]![0]
      const custom = (
        await opm(target, GRAPHS, {
          query: { interfaceName: 'IF-2', graphName: 'traffic', period: 'custom', startDate: String(from), endDate: String(to) },
        })
      ).json
      expect(custom.graphData[0].data).toEqual(rx.slice(10, 41))
      // The same window typed as dates, and the vendor's numeric code for custom (23), give the same answer.
      const typedCustom = (
        await opm(target, GRAPHS, {
          query: { interfaceName: 'IF-2', graphName: 'traffic', period: '23', startDate: typed(from), endDate: typed(to) },
        })
      ).json
      expect(typedCustom.graphData).toEqual(custom.graphData)
    })

    it('accepts the vendor period codes and spellings real clients send (16, 6, Lastweek, Last_Month)', async () => {
      const graph = async (period: string) =>
        (await opm(target, GRAPHS, { query: { interfaceName: 'IF-2', graphName: 'traffic', period } })).json.graphData
      expect(await graph('16')).toEqual(await graph('twelvehours'))
      // An Angular NOC dashboard asks for period '6' (Today) by default.
      expect(await graph('6')).toEqual(await graph('Today'))
      expect(await graph('Lastweek')).toEqual(await graph('lastweek'))
      expect(await graph('Last_Month')).toEqual(await graph('lastmonth'))
    })

    it('an end after now is cut at now: a custom period ending tomorrow ends with the newest sample', async () => {
      const query = { interfaceName: 'IF-2', graphName: 'traffic' }
      const today = (await opm(target, GRAPHS, { query: { ...query, period: 'twelvehours' } })).json.graphData[0].data
      const custom = (
        await opm(target, GRAPHS, {
          query: { ...query, period: 'custom', startDate: String(now - 2 * HOUR), endDate: String(now + 24 * HOUR) },
        })
      ).json.graphData[0].data
      expect(custom[custom.length - 1]).toEqual(today[today.length - 1])
    })

    it('refuses a custom period without an end, with a malformed date, inverted, in the future or over a year long', async () => {
      const query = (extra: Record<string, string>) => ({ query: { interfaceName: 'IF-2', period: 'custom', ...extra } })
      expect(errorcodeOf(await opm(target, GRAPHS, query({ startDate: '2024-01-01' })))).toBe('LESS_THAN_MIN_OCCURANCE')
      expect(errorcodeOf(await opm(target, GRAPHS, query({ startDate: '2024-13-01', endDate: '2024-12-01' })))).toBe(
        'UNABLE_TO_PARSE_DATA_TYPE',
      )
      expect(errorcodeOf(await opm(target, GRAPHS, query({ startDate: '01/02/2024', endDate: '2024-12-01' })))).toBe(
        'UNABLE_TO_PARSE_DATA_TYPE',
      )
      const inverted = await opm(target, GRAPHS, query({ startDate: String(now - HOUR), endDate: String(now - 2 * HOUR) }))
      expect(errorcodeOf(inverted)).toBe('PATTERN_NOT_MATCHED')
      expect(inverted.json.error.message).toContain("'endDate' must be after 'startDate'")
      expect(errorcodeOf(await opm(target, GRAPHS, query({ startDate: String(now + HOUR), endDate: String(now + 2 * HOUR) })))).toBe(
        'PATTERN_NOT_MATCHED',
      )
      expect(errorcodeOf(await opm(target, GRAPHS, query({ startDate: '2020-01-01', endDate: '2021-06-01' })))).toBe('PATTERN_NOT_MATCHED')
    })

    it('the interface at-a-glance and bandwidth reports take the same custom window', async () => {
      const window = { period: 'custom', startDate: String(now - 3 * HOUR), endDate: String(now - HOUR) }
      const glance = (
        await opm(target, '/api/json/v2/device/getIntfAtAGlanceReportDetails', { query: { InterfaceName: 'IF-2', ...window } })
      ).json
      const times = glance.graphData.inTraffic[0].data.map(([at]: [number]) => at)
      expect(times.length).toBeGreaterThan(0)
      expect(Math.min(...times)).toBeGreaterThanOrEqual(now - 3 * HOUR)
      expect(Math.max(...times)).toBeLessThanOrEqual(now - HOUR)
      const outage = (
        await opm(target, '/api/json/v2/device/getIntfBWOutageReportDetails', { query: { interfaceName: 'IF-2', ...window } })
      ).json
      const outageTimes = outage.bwChartData[0].data.map(([at]: [number]) => at)
      expect(outageTimes).toEqual(times)
    })

    it('getPerformanceMonitorDetails over a custom window agrees with getReportData over the same window', async () => {
      const start = typed(now - 6 * HOUR)
      const end = typed(now - 2 * HOUR)
      const details = (
        await opm(target, '/api/json/device/getPerformanceMonitorDetails', {
          query: { name: '10.20.0.11', policyName: 'SNMP-CPUUtilization', period: 'custom', startDate: start, endDate: end },
        })
      ).json.statsList[0]
      const report = (
        await action(target, '/api/json/v2/device/getReportData', {
          deviceList: '10.20.0.11',
          monitorList: 'SNMP-CPUUtilization',
          timePeriod: 'custom',
          startDate: start,
          endDate: end,
        })
      ).json['CPU Utilization - Percentage'][0].data as Array<[number, number, string]>
      expect(report.length).toBeGreaterThanOrEqual(4)
      expect(report.every(([at]) => at >= Date.parse(`${start}Z`) - HOUR && at <= Date.parse(`${end}Z`))).toBe(true)
      const averages = report.map(([, value]) => value)
      expect(Math.max(...averages)).toBeLessThanOrEqual(Number(details.maximumValue))
      expect(Math.min(...averages)).toBeGreaterThanOrEqual(Number(details.minimumValue))
    })

    it('getReportData keeps only the hours between startHour and endHour', async () => {
      const report = (
        await action(target, '/api/json/v2/device/getReportData', {
          deviceList: '10.20.0.11',
          monitorList: 'SNMP-CPUUtilization',
          timePeriod: 'Last_7_Days',
          startHour: '9',
          endHour: '17',
        })
      ).json['CPU Utilization - Percentage'][0].data as Array<[number]>
      const hours = new Set(report.map(([at]) => new Date(at).getUTCHours()))
      expect([...hours].sort((a, b) => a - b)).toEqual([9, 10, 11, 12, 13, 14, 15, 16])
      expect(
        errorcodeOf(
          await action(target, '/api/json/v2/device/getReportData', {
            deviceList: '10.20.0.11',
            monitorList: 'SNMP-CPUUtilization',
            startHour: '9',
          }),
        ),
      ).toBe('LESS_THAN_MIN_OCCURANCE')
    })

    it('getReportsData reads time=custom between startTime and endTime: the rows of the wider period inside the window', async () => {
      const all = (await opm(target, '/api/json/reports/getReportsData', { query: { reportID: '84', time: 'Last_7_Days' } })).json[0]
      const times = (all.graphDetails as Array<unknown[]>).map((row) => row[6] as number)
      expect(times.length).toBeGreaterThan(4)
      const from = times[times.length - 2]!
      const to = times[1]!
      const custom = (
        await opm(target, '/api/json/reports/getReportsData', {
          query: { reportID: '84', time: 'custom', startTime: String(from), endTime: String(to) },
        })
      ).json[0]
      expect(custom.graphDetails).toEqual(all.graphDetails.slice(1, times.length - 1))
      expect(custom.clientParams.time).toBe('custom')
      expect(
        errorcodeOf(
          await opm(target, '/api/json/reports/getReportsData', {
            query: { reportID: '84', time: 'custom', startTime: String(to), endTime: String(from) },
          }),
        ),
      ).toBe('PATTERN_NOT_MATCHED')
    })

    it('listEvents narrows the log to a period, named or custom, and its counts follow', async () => {
      const all = (await opm(target, '/api/json/events/listEvents')).json
      const day = (await opm(target, '/api/json/events/listEvents', { query: { period: 'twfourhours' } })).json
      expect(day.List.length).toBeGreaterThan(0)
      expect(day.List.length).toBeLessThan(all.List.length)
      expect(day.List.every((event: any) => Number(event.modTimeLong) >= now - 24 * HOUR)).toBe(true)
      const counted = Object.values(day.severityVsCount as Record<string, number>).reduce((sum, count) => sum + count, 0)
      expect(counted).toBe(day.List.length)
      const custom = (
        await opm(target, '/api/json/events/listEvents', {
          query: { period: 'custom', startDate: String(now - 24 * HOUR), endDate: String(now) },
        })
      ).json
      expect(custom.List).toEqual(day.List)
      expect(errorcodeOf(await opm(target, '/api/json/events/listEvents', { query: { period: 'someday' } }))).toBe('PATTERN_NOT_MATCHED')
    })

    it('getReportsData leaves out excluded weekdays, keeps the bottom rows on showType 1 and narrows to a probe', async () => {
      const report = async (query: Record<string, string>) =>
        (await opm(target, '/api/json/reports/getReportsData', { query: { reportID: '84', time: 'Last_30_Days', ...query } })).json[0]
      const all = await report({})
      const weekend = new Set([0, 6])
      const weekdays = await report({ isExcludeDays: 'true', excludedDays: 'Saturday,Sun' })
      expect(weekdays.graphDetails).toEqual(all.graphDetails.filter((row: any[]) => !weekend.has(new Date(row[6]).getUTCDay())))
      const bottom = await report({ top: '3', showType: '1' })
      expect(bottom.graphDetails).toEqual(all.graphDetails.slice(-3))
      expect(bottom.clientParams.showType).toBe(1)
      const probes = (await opm(target, '/api/json/admin/listProbes')).json as any[]
      const austin = probes.find((probe) => probe.name === 'Austin-Probe')
      const byName = await report({ customerName: 'Austin-Probe' })
      expect(byName.graphDetails.length).toBeGreaterThan(0)
      expect(byName.graphDetails.every((row: any[]) => String(row[1]).startsWith('10.70.'))).toBe(true)
      expect((await report({ customerId: austin.probeID })).graphDetails).toEqual(byName.graphDetails)
      expect(errorcodeOf(await opm(target, '/api/json/reports/getReportsData', { query: { customerName: 'Mars' } }))).toBe(
        'PROBE_NOT_FOUND',
      )
      expect(
        errorcodeOf(await opm(target, '/api/json/reports/getReportsData', { query: { isExcludeDays: 'true', excludedDays: 'Funday' } })),
      ).toBe('PATTERN_NOT_MATCHED')
    })

    it('getAvailabilityGraphData answers one Custom period when asked for one, adding up to 100%', async () => {
      const graph = (
        await opm(target, '/api/json/device/getAvailabilityGraphData', {
          query: { name: '10.10.0.1', period: 'custom', startDate: typed(now - 48 * HOUR), endDate: typed(now - 24 * HOUR) },
        })
      ).json
      expect(Object.keys(graph.uptimeData)).toEqual(['Custom'])
      const total = graph.graphData.reduce((sum: number, series: any) => sum + series.data[0][1], 0)
      expect(total).toBeCloseTo(100, 1)
      const named = (await opm(target, '/api/json/device/getAvailabilityGraphData', { query: { name: '10.10.0.1', period: 'Yesterday' } }))
        .json
      expect(Object.keys(named.uptimeData)).toEqual(['Yesterday'])
    })
  })
}
