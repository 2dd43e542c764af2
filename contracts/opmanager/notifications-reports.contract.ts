import { beforeAll, describe, expect, it } from 'vitest'
import { action, errorcodeOf, opm, type OpmanagerTarget } from './target'

export function notificationsAndReportsContract(target: OpmanagerTarget): void {
  const mockOnly = target.kind === 'mock'

  describe.runIf(mockOnly)('notification profiles', () => {
    beforeAll(() => target.control!.reset())

    it('lists profiles and the ones that act on a device, global ones included', async () => {
      const all = (await opm(target, '/api/json/admin/listNotificationProfiles')).json as any[]
      expect(all.map((profile) => profile.profileName)).toEqual(['Email the NOC', 'Page the on-call engineer', 'Open a ticket'])
      expect(all[0]).toMatchObject({ profileID: '301', profileType: 'Send Email', status: 'true', isDevice: false })
      const onCore = (await opm(target, '/api/json/device/getNotificationProfiles', { query: { name: '10.10.0.1' } })).json as any[]
      expect(onCore.map((profile) => profile.profileName)).toEqual(['Email the NOC', 'Page the on-call engineer'])
      expect(onCore[0]).toMatchObject({ isGlobal: true, actionName: 'Send Email' })
      expect(((await opm(target, '/api/json/admin/listNotificationProfiles', { query: { isGlobal: 'true' } })).json as any[]).length).toBe(
        1,
      )
    })

    it('associates profiles to a device and enables a disabled one', async () => {
      expect(
        (await action(target, '/api/json/admin/associateNotificationProfiles', { deviceName: 'web-01', profiles: '302,Open a ticket' }))
          .json,
      ).toEqual({
        result: { message: 'Notification Profile has been associated successfully' },
      })
      const onWeb = (await opm(target, '/api/json/device/getNotificationProfiles', { query: { name: 'web-01' } })).json as any[]
      expect(onWeb.map((profile) => profile.profileId)).toEqual(['301', '302', '303'])
      expect(
        (await action(target, '/api/json/admin/updateNotificationProfileStatus', { profileId: '303', status: 'enable' })).json,
      ).toEqual({
        message: 'Notification Profile(s) enabled successfully',
      })
      expect(((await opm(target, '/api/json/admin/listNotificationProfiles')).json as any[])[2].status).toBe('true')
      expect(
        errorcodeOf(
          await action(target, '/api/json/admin/updateNotificationProfileStatus', {
            profileId: '303',
            profileName: 'Email the NOC',
            status: 'disable',
          }),
        ),
      ).toBe('PROFILE_MISMATCH')
      expect(
        errorcodeOf(await action(target, '/api/json/admin/associateNotificationProfiles', { deviceName: 'web-01', profiles: '302,999' })),
      ).toBe('PROFILE_NOT_FOUND')
    })
  })

  describe.runIf(mockOnly)('reports', () => {
    beforeAll(() => target.control!.reset())

    it('getReportsList lists the reports getReportsData generates', async () => {
      const [system] = (await opm(target, '/api/json/reports/getReportsList')).json
      expect(system).toMatchObject({ Name: 'System', displayName: 'System', list: [{ title: '' }] })
      const reports = system.list[0].list as any[]
      expect(reports.map((report) => report.id)).toEqual([1, 2, 84, 85])
      for (const report of reports) {
        const [data] = (await opm(target, '/api/json/reports/getReportsData', { query: { reportID: String(report.id) } })).json
        expect(data.ReportGraphName).toBe(report.Name)
      }
    })

    it('All Alerts over the last 30 days holds every alarm of that period, and top limits it', async () => {
      const alarms = (await opm(target, '/api/json/alarm/listAlarms')).json as any[]
      const [data] = (await opm(target, '/api/json/reports/getReportsData', { query: { reportID: '84', time: 'Last_30_Days' } })).json
      expect(data.graphDetails.length).toBe(alarms.length)
      expect(data.additionalRespData.RECORDS).toBe(String(alarms.length))
      expect(data.graphDetails[0]).toEqual([
        alarms[0].displayName,
        alarms[0].deviceName,
        alarms[0].message,
        alarms[0].severityString,
        alarms[0].category,
        alarms[0].modTime,
        alarms[0].modTimeLong,
      ])
      const [top] = (await opm(target, '/api/json/reports/getReportsData', { query: { reportID: '84', time: 'Last_30_Days', top: '5' } }))
        .json
      expect(top.graphDetails).toEqual(data.graphDetails.slice(0, 5))
      const [routers] = (
        await opm(target, '/api/json/reports/getReportsData', { query: { reportID: '84', time: 'Last_30_Days', category: 'Router' } })
      ).json
      expect(routers.graphDetails.every((row: any[]) => row[4] === 'Router')).toBe(true)
    })

    it('business hours keep only the rows inside the rule, and the rules are managed through the API', async () => {
      const [all] = (await opm(target, '/api/json/reports/getReportsData', { query: { reportID: '1', time: 'Last_30_Days' } })).json
      const [office] = (
        await opm(target, '/api/json/reports/getReportsData', {
          query: { reportID: '1', time: 'Last_30_Days', isBusinessHour: 'true', businessRuleID: '1' },
        })
      ).json
      expect(office.graphDetails.length).toBeLessThan(all.graphDetails.length)
      for (const row of office.graphDetails) {
        const at = new Date(row[6])
        expect([1, 2, 3, 4, 5]).toContain(at.getUTCDay())
        expect(at.getUTCHours()).toBeGreaterThanOrEqual(9)
        expect(at.getUTCHours()).toBeLessThan(18)
      }
      expect((await opm(target, '/api/json/admin/viewBusinessRules', { query: { businessRuleId: '1' } })).json).toMatchObject({
        businessRuleName: 'Office hours',
        timeSettings: { Monday: '09:00-18:00', Friday: '09:00-18:00' },
      })
      expect(
        (
          await action(target, '/api/json/admin/addBusinessRules', {
            businessRuleName: 'Weekend',
            timeSettings: '{"Saturday":"08:00-12:00"}',
          })
        ).json.result,
      ).toBeDefined()
      expect(
        (await action(target, '/api/json/admin/updateBusinessRules', { businessRuleId: '2', description: 'Saturday mornings' })).json
          .result,
      ).toBeDefined()
      expect((await opm(target, '/api/json/admin/listBusinessRules')).json).toEqual([
        { businessRuleId: '1', businessRuleName: 'Office hours', description: 'Monday to Friday, 09:00 to 18:00 UTC' },
        { businessRuleId: '2', businessRuleName: 'Weekend', description: 'Saturday mornings' },
      ])
      expect(
        errorcodeOf(
          await action(target, '/api/json/admin/addBusinessRules', { businessRuleName: 'Bad', timeSettings: '{"Caturday":"08:00-12:00"}' }),
        ),
      ).toBe('PATTERN_NOT_MATCHED')
      expect((await action(target, '/api/json/admin/deleteBusinessRules', { businessRuleId: '2' })).json.result).toBeDefined()
      expect(errorcodeOf(await opm(target, '/api/json/admin/viewBusinessRules', { query: { businessRuleId: '2' } }))).toBe(
        'BUSINESS_RULE_NOT_FOUND',
      )
    })

    it('getReportData averages monitor series per hour, the same series the monitor details read', async () => {
      const report = (
        await action(target, '/api/json/v2/device/getReportData', {
          deviceList: '10.20.0.11,10.20.0.12',
          monitorList: 'SNMP-CPUUtilization',
          timePeriod: 'twelvehours',
        })
      ).json
      const series = report['CPU Utilization - Percentage']
      expect(series.map((item: any) => item.seriesname)).toEqual(['web-01', 'web-02'])
      const details = (
        await opm(target, '/api/json/device/getPerformanceMonitorDetails', {
          query: { name: '10.20.0.11', policyName: 'SNMP-CPUUtilization', period: 'twelvehours' },
        })
      ).json
      const averages = series[0].data.map(([, value]: [number, number]) => value)
      expect(Math.max(...averages)).toBeLessThanOrEqual(Number(details.statsList[0].maximumValue))
      expect(Math.min(...averages)).toBeGreaterThanOrEqual(Number(details.statsList[0].minimumValue))
      expect(
        errorcodeOf(await action(target, '/api/json/v2/device/getReportData', { deviceList: '10.20.0.11', monitorList: 'Humidity' })),
      ).toBe('MONITOR_NOT_FOUND')
    })

    it('answers REPORT_NOT_FOUND for a report the mock does not generate', async () => {
      expect(errorcodeOf(await opm(target, '/api/json/reports/getReportsData', { query: { reportID: '4242' } }))).toBe('REPORT_NOT_FOUND')
    })
  })
}
