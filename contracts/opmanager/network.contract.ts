import { beforeAll, describe, expect, it } from 'vitest'
import { action, errorcodeOf, opm, type OpmanagerTarget } from './target'

const views = async (target: OpmanagerTarget) =>
  (await opm(target, '/api/json/businessview/getBusinessView')).json.BusinessView.Details as any[]
const viewOf = async (target: OpmanagerTarget, name: string) => (await views(target)).find((view) => view.name === name)
const deviceOf = async (target: OpmanagerTarget, deviceName: string) =>
  ((await opm(target, '/api/json/device/listDevices')).json as any[]).find((device) => device.deviceName === deviceName)
const widget = async (target: OpmanagerTarget, widgetID: string) =>
  (await opm(target, '/api/json/v2/dashboard/getWidgetData', { query: { widgetID } })).json[widgetID]
const activeAlarms = async (target: OpmanagerTarget, query: Record<string, string> = {}) =>
  (await opm(target, '/api/json/alarm/listAlarms', { query: { alertType: 'ActiveAlarms', ...query } })).json as any[]

/** UTC `yyyy-mm-dd hh:mm`, the downtime scheduler's time format. */
const minuteText = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')

const event = (source: string, severity: string, entity: string) => ({
  source,
  severity,
  message: `Synthetic check ${severity}`,
  alarmCode: 'SYNTHETIC',
  entity,
  eventType: 'Synthetic',
})

export function networkContract(target: OpmanagerTarget): void {
  const mockOnly = target.kind === 'mock'

  describe('business views', () => {
    it('getBusinessView answers BusinessView.Details with string counts', async () => {
      const details = await views(target)
      expect(Array.isArray(details)).toBe(true)
      for (const view of details)
        expect(view).toMatchObject({ name: expect.any(String), status: expect.stringMatching(/^\d$/), total: expect.any(String) })
    })

    it.runIf(mockOnly)('getBusinessDetailsView lists the members with status and CPU and memory values', async () => {
      await target.control!.reset()
      const { Details, TotalRecords } = (
        await opm(target, '/api/json/businessview/getBusinessDetailsView', { query: { bvName: 'Web Shop' } })
      ).json.BusinessDetailsView
      expect(TotalRecords).toBe('8')
      expect(Details.map((row: any) => row.displayName)).toEqual([
        'lb-01',
        'lb-02',
        'web-01',
        'web-02',
        'app-01',
        'app-02',
        'db-01',
        'db-02',
      ])
      expect(Details[0]).toMatchObject({
        severity: expect.stringMatching(/^\d$/),
        CPUUtilization: expect.any(Number),
        MemUtilization: expect.any(Number),
      })
      expect(errorcodeOf(await opm(target, '/api/json/businessview/getBusinessDetailsView', { query: { bvName: 'Nope' } }))).toBe(
        'BUSINESSVIEW_NOT_FOUND',
      )
    })
  })

  describe.runIf(mockOnly)('one coherent network', () => {
    beforeAll(() => target.control!.reset())

    it('an alarm changes its device, business view, group and widget; clearing it restores them', async () => {
      const lb = '10.20.4.2'
      const before = {
        device: (await deviceOf(target, lb)).statusNum,
        view: await viewOf(target, 'Web Shop_bv'),
        critical: (await widget(target, '620')).WidgetData[0].count,
      }
      await action(target, '/api/json/events/addEvent', event(lb, '1', `${lb}_SYNTHETIC`))
      expect((await deviceOf(target, lb)).statusNum).toBe('1')
      const during = await viewOf(target, 'Web Shop_bv')
      expect(during.status).toBe('1')
      expect(Number(during.alarms)).toBe(Number(before.view.alarms) + 1)
      const critical = (await widget(target, '620')).WidgetData[0]
      expect(critical).toMatchObject({ label: 'Critical', count: before.critical + 1 })
      expect(critical.count).toBe((await activeAlarms(target, { severity: '1' })).length)
      await action(target, '/api/json/alarm/clearAlarm', { entity: `${lb}_SYNTHETIC` })
      expect((await deviceOf(target, lb)).statusNum).toBe(before.device)
      expect(await viewOf(target, 'Web Shop_bv')).toEqual(before.view)
      expect((await widget(target, '620')).WidgetData[0].count).toBe(before.critical)
    })

    it('the infrastructure widget counts the same devices and statuses listDevices shows', async () => {
      const rows = (await widget(target, '619')).WidgetData as any[]
      const devices = (await opm(target, '/api/json/device/listDevices')).json as any[]
      for (const row of rows) {
        const mine = devices.filter((device) => device.category === row.category)
        expect(row.total).toBe(mine.length)
        for (const status of ['Critical', 'Trouble', 'Attention', 'Clear'])
          expect(row[status] ?? 0).toBe(mine.filter((device) => device.statusStr === status).length)
      }
      expect(rows.reduce((sum, row) => sum + row.total, 0)).toBe(devices.length)
    })

    it('an unmanaged device raises no alarm (the event is still logged)', async () => {
      const printer = '10.10.7.40'
      await action(target, '/api/json/device/setManaged', { name: printer, manage: 'false' })
      await action(target, '/api/json/events/addEvent', event(printer, '2', `${printer}_SYNTHETIC`))
      expect((await opm(target, '/api/json/alarm/listAlarms', { query: { entity: `${printer}_SYNTHETIC` } })).json).toEqual([])
      expect((await opm(target, '/api/json/events/listEvents', { query: { entity: `${printer}_SYNTHETIC` } })).json.List).toHaveLength(1)
      await action(target, '/api/json/device/setManaged', { name: printer, manage: 'true' })
      await action(target, '/api/json/events/addEvent', event(printer, '2', `${printer}_SYNTHETIC`))
      expect((await opm(target, '/api/json/alarm/listAlarms', { query: { entity: `${printer}_SYNTHETIC` } })).json).toHaveLength(1)
    })

    it('a device inside an open downtime window raises no alarm and counts as on maintenance', async () => {
      const mon = '10.20.0.41'
      const now = Date.now() + 0
      // The mock clock may have moved; read "now" from the server through a fresh event time instead of the local clock.
      await action(target, '/api/json/events/addEvent', event(mon, '5', `${mon}_PROBE`))
      const serverNow = Number(
        (await opm(target, '/api/json/events/listEvents', { query: { entity: `${mon}_PROBE` } })).json.List[0].modTimeLong,
      )
      void now
      const added = await action(target, '/api/json/admin/addDowntimeSchedule', {
        scheduleName: 'Emergency patching',
        recurrence: 'OnceOnly',
        selectDevicesMethod: 'Device',
        selectedDevices: 'mon-01',
        once_startat: minuteText(serverNow - 60 * 60_000),
        once_endat: minuteText(serverNow + 60 * 60_000),
      })
      expect(added.json).toEqual({ result: { message: 'Downtime schedule has been successfully added.' } })
      const schedules = (await opm(target, '/api/json/admin/listDownTimeSchedules')).json as any[]
      const mine = schedules.find((schedule) => schedule.name === 'Emergency patching')
      expect(mine).toMatchObject({ type: 'Once', status: 'Enabled', statusNum: '1', nextscheduledtime: '-' })
      const [detail] = (await opm(target, '/api/json/admin/getDowntimeSchedule', { query: { scheduleId: mine.id } })).json
      expect(detail).toMatchObject({ active: true, selectDevicesMethod: 'Device', selected: [mon] })

      await action(target, '/api/json/events/addEvent', event(mon, '1', `${mon}_SYNTHETIC`))
      expect((await opm(target, '/api/json/alarm/listAlarms', { query: { entity: `${mon}_SYNTHETIC` } })).json).toEqual([])
      const availability = (await opm(target, '/api/json/device/getAvailabilityGraphData', { query: { name: mon } })).json
      const maintenance = availability.graphData.find((series: any) => series.seriesname === 'On Maintenance')
      const [, last12] = maintenance.data.find(([period]: [string]) => period === 'Last 12 hours')
      expect(last12).toBeGreaterThan(8)
      expect(last12).toBeLessThan(9)

      expect((await action(target, '/api/json/admin/deleteDownTimeSchedules', { scheduleId: mine.id })).json).toEqual({
        result: { message: 'Downtime schedule(s) deleted successfully.' },
      })
      await action(target, '/api/json/events/addEvent', event(mon, '1', `${mon}_SYNTHETIC`))
      expect((await opm(target, '/api/json/alarm/listAlarms', { query: { entity: `${mon}_SYNTHETIC` } })).json).toHaveLength(1)
    })

    it('a daily schedule opens every day at its time, and updateDowntimeSchedule changes it', async () => {
      const [nightly] = (await opm(target, '/api/json/admin/getDowntimeSchedule', { query: { scheduleName: 'Nightly database backup' } }))
        .json
      expect(nightly).toMatchObject({
        type: 'Daily',
        nextscheduledtime: expect.stringMatching(/^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{2}, \d{4} 01:00:00$/),
      })
      const list = (
        await action(target, '/api/json/admin/updateDowntimeSchedule', {
          scheduleId: nightly.id,
          scheduleName: 'Nightly database backup',
          recurrence: 'Weekly',
          selectDevicesMethod: 'BV',
          selectedBV: 'Web Shop',
          from_time: '03:00',
          to_time: '04:00',
          startday: 'Sunday',
          endday: 'Sunday',
        })
      ).json as any[]
      const changed = list.find((schedule) => schedule.id === nightly.id)
      expect(changed).toMatchObject({ type: 'Weekly', nextscheduledtime: expect.stringMatching(/^Sun, .* 03:00:00$/) })
      const [detail] = (await opm(target, '/api/json/admin/getDowntimeSchedule', { query: { scheduleId: nightly.id } })).json
      expect(detail).toMatchObject({ selectDevicesMethod: 'BV', selected: ['Web Shop_bv'] })
    })

    it('monthly schedules, by dates or by the nth weekday, hold a device raising no alarm while their window is open', async () => {
      const db = '10.20.0.41'
      await action(target, '/api/json/events/addEvent', event(db, '5', `${db}_PROBE`))
      const now = Number((await opm(target, '/api/json/events/listEvents', { query: { entity: `${db}_PROBE` } })).json.List[0].modTimeLong)
      const today = new Date(now)
      const tomorrow = new Date(now + 86_400_000)
      const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
      const byDate = {
        scheduleName: 'Month-end close',
        recurrence: 'Monthly',
        monthlyType: 'monthlyDate',
        // From today 00:00 to tomorrow 23:59: the end date is in the next month when tomorrow is the 1st.
        startday: String(today.getUTCDate()),
        endday: String(tomorrow.getUTCDate()),
        from_hrs: '00',
        to_hrs: '23',
        to_mins: '59',
        selectDevicesMethod: 'Device',
        selectedDevices: db,
      }
      expect((await action(target, '/api/json/admin/addDowntimeSchedule', byDate)).json).toEqual({
        result: { message: 'Downtime schedule has been successfully added.' },
      })
      const [detail] = (await opm(target, '/api/json/admin/getDowntimeSchedule', { query: { scheduleName: 'Month-end close' } })).json
      expect(detail).toMatchObject({
        type: 'Monthly',
        active: true,
        scheduleDetails: { recurrence: 'Monthly', monthlyType: 'monthlyDate', startday: byDate.startday, from_hrs: '00', to_mins: '59' },
      })
      await action(target, '/api/json/events/addEvent', event(db, '1', `${db}_MONTHLY`))
      expect((await opm(target, '/api/json/alarm/listAlarms', { query: { entity: `${db}_MONTHLY` } })).json).toEqual([])

      // The same device under an nth-weekday schedule of today instead: still no alarm.
      const byWeekday = {
        ...byDate,
        scheduleId: detail.id,
        monthlyType: 'monthlyDay',
        weekOfMonth: String(Math.ceil(today.getUTCDate() / 7)),
        weekday: weekdays[today.getUTCDay()]!,
      }
      await action(target, '/api/json/admin/updateDowntimeSchedule', byWeekday)
      // The vendor's reference names the schedule in `operation`.
      const [weekly] = (await opm(target, '/api/json/admin/getDowntimeSchedule', { query: { operation: 'Month-end close' } })).json
      expect(weekly).toMatchObject({ active: true, scheduleDetails: { monthlyType: 'monthlyDay', weekday: byWeekday.weekday } })
      await action(target, '/api/json/events/addEvent', event(db, '1', `${db}_MONTHLY`))
      expect((await opm(target, '/api/json/alarm/listAlarms', { query: { entity: `${db}_MONTHLY` } })).json).toEqual([])

      // Another weekday of the month: the window is shut and the same event raises its alarm.
      await action(target, '/api/json/admin/updateDowntimeSchedule', { ...byWeekday, weekday: weekdays[(today.getUTCDay() + 3) % 7]! })
      const [shut] = (await opm(target, '/api/json/admin/getDowntimeSchedule', { query: { scheduleId: detail.id } })).json
      expect(shut.active).toBe(false)
      // The vendor's integer status: 0 disables the schedule.
      await action(target, '/api/json/admin/updateDowntimeSchedule', { ...byWeekday, status: '0' })
      const [disabled] = (await opm(target, '/api/json/admin/getDowntimeSchedule', { query: { scheduleId: detail.id } })).json
      expect(disabled).toMatchObject({ status: 'Disabled', statusNum: '0', nextscheduledtime: '-' })
      await action(target, '/api/json/admin/updateDowntimeSchedule', {
        ...byWeekday,
        status: '1',
        weekday: weekdays[(today.getUTCDay() + 3) % 7]!,
      })
      expect(shut.nextscheduledtime).toMatch(/ 00:00:00$/)
      await action(target, '/api/json/events/addEvent', event(db, '1', `${db}_MONTHLY`))
      expect((await opm(target, '/api/json/alarm/listAlarms', { query: { entity: `${db}_MONTHLY` } })).json).toHaveLength(1)
    })

    it('refuses a monthly schedule without its kind, with a date past 32 or a sixth week, and adds nothing', async () => {
      const before = (await opm(target, '/api/json/admin/listDownTimeSchedules')).json
      const monthly = { scheduleName: 'Bad monthly', recurrence: 'Monthly', selectedDevices: '10.20.0.31', from_hrs: '01', to_hrs: '02' }
      const add = async (extra: Record<string, string>) =>
        errorcodeOf(await action(target, '/api/json/admin/addDowntimeSchedule', { ...monthly, ...extra }))
      expect(await add({})).toBe('LESS_THAN_MIN_OCCURANCE')
      expect(await add({ monthlyType: 'yearly' })).toBe('PATTERN_NOT_MATCHED')
      expect(await add({ monthlyType: 'monthlyDate', startday: '33', endday: '1' })).toBe('PATTERN_NOT_MATCHED')
      expect(await add({ monthlyType: 'monthlyDate', startday: '1' })).toBe('LESS_THAN_MIN_OCCURANCE')
      expect(await add({ monthlyType: 'monthlyDay', weekOfMonth: '6', weekday: 'Monday' })).toBe('PATTERN_NOT_MATCHED')
      expect(await add({ monthlyType: 'monthlyDay', weekOfMonth: 'last', weekday: 'Someday' })).toBe('PATTERN_NOT_MATCHED')
      expect(await add({ monthlyType: 'monthlyDay', weekOfMonth: 'last', weekday: 'Friday', from_hrs: '24' })).toBe('PATTERN_NOT_MATCHED')
      expect((await opm(target, '/api/json/admin/listDownTimeSchedules')).json).toEqual(before)
    })
  })

  describe.runIf(mockOnly)('availability', () => {
    beforeAll(() => target.control!.reset())

    it('a device with an uncleared DEVICE-DOWN alarm times out on ping and shows down time', async () => {
      const [down] = (await activeAlarms(target)).filter((alarm) => alarm.alarmcode === 'DEVICE-DOWN')
      const ping = (await action(target, '/api/json/device/getPingResponse', { deviceName: down.deviceName })).json
      expect(ping.PingResponse.Details).toContain('Request timed out.')
      const graph = (await opm(target, '/api/json/device/getAvailabilityGraphData', { query: { name: down.deviceName } })).json
      const series = graph.graphData.find((item: any) => item.seriesname === 'Down')
      const [, lastMonth30] = series.data.find(([period]: [string]) => period === 'Last 30 days')
      expect(lastMonth30).toBeGreaterThan(0)
      expect(graph.uptimeData['Last 30 days']).toBeLessThan(100)
    })

    it('a healthy device answers ping with the round trip its Response Time monitor holds', async () => {
      const healthy = '10.20.0.21'
      const ping = (await action(target, '/api/json/device/getPingResponse', { deviceName: healthy })).json.PingResponse.Details
      const monitors = (await opm(target, '/api/json/device/getDeviceAssociatedMonitors', { query: { name: healthy } })).json
      const rtt = monitors.performanceMonitors.monitors.find((monitor: any) => monitor.policyName === 'ResponseTime').data[0].value
      expect(ping).toContain(`Reply from ${healthy}: bytes=32 time=${rtt}ms`)
      const trace = (await action(target, '/api/json/device/getTraceResponse', { deviceName: healthy })).json.TraceResponse.Details
      expect(trace).toMatch(/Tracing route to 10\.20\.0\.21/)
      expect(trace).toMatch(/Trace complete\./)
    })

    it('instance=Interface charts an interface: down while its IF-DOWN alarm is uncleared, unlike its device', async () => {
      const chart = async (query: Record<string, string>) => {
        const graph = (await opm(target, '/api/json/device/getAvailabilityGraphData', { query })).json
        return (name: string) =>
          graph.graphData.find((series: any) => series.seriesname === name).data.find(([period]: [string]) => period === 'Last 12 hours')[1]
      }
      // IF-1 on core-rtr-01 is down since the seed (its alarm is the one the captured client acknowledges).
      expect((await chart({ name: 'IF-1', instance: 'Interface' }))('Down')).toBeGreaterThan(0)
      expect((await chart({ name: 'IF-2', instance: 'Interface' }))('Down')).toBe(0)
      expect((await chart({ name: '10.10.0.1' }))('Down')).toBe(0)
      expect(
        errorcodeOf(await opm(target, '/api/json/device/getAvailabilityGraphData', { query: { name: 'IF-999', instance: 'Interface' } })),
      ).toBe('INTERFACE_NOT_FOUND')
      expect(
        errorcodeOf(await opm(target, '/api/json/device/getAvailabilityGraphData', { query: { name: '10.10.0.1', instance: 'URL' } })),
      ).toBe('PATTERN_NOT_MATCHED')
    })

    it('every period adds up to 100% across the series', async () => {
      const graph = (await opm(target, '/api/json/device/getAvailabilityGraphData', { query: { name: '10.10.0.1' } })).json
      for (const period of Object.keys(graph.uptimeData)) {
        const total = graph.graphData.reduce(
          (sum: number, series: any) => sum + series.data.find(([name]: [string]) => name === period)[1],
          0,
        )
        if (period !== 'Last month' || total > 0) expect(total).toBeCloseTo(100, 1)
      }
    })
  })

  describe.runIf(mockOnly)('logical groups', () => {
    beforeAll(() => target.control!.reset())

    it('lists groups with counts and statuses their members explain', async () => {
      const groups = (await opm(target, '/api/json/admin/listAllLogicalGroups')).json as any[]
      expect(groups.map((group) => group.groupDisplayName)).toEqual(['Linux Servers', 'Power', 'WAN Uplinks'])
      for (const group of groups) {
        const members = (await opm(target, '/api/json/admin/listLogicalGroupMembers', { query: { groupName: group.groupName } }))
          .json as any[]
        expect(group.count).toBe(String(members.length))
        expect(group.status).toBe(String(Math.min(5, ...members.map((member) => Number(member.statusNum)))))
      }
      const info = (await opm(target, '/api/json/admin/getLogicalGroupInfo', { query: { groupName: 'Linux Servers' } })).json.GroupDetails
      const alerts = (await opm(target, '/api/json/admin/getLogicalGroupAlerts', { query: { groupName: 'Linux Servers' } })).json as any[]
      expect(info.alertCount).toBe(alerts.length)
      expect(alerts.every((alert) => alert.status !== 5)).toBe(true)
    })

    it('addToGroup adds devices that the group then lists', async () => {
      expect(
        (await action(target, '/api/json/device/addToGroup', { groupName: 'Power', groupType: 'Device', selectedMembers: 'mon-01' })).json,
      ).toEqual({
        result: { message: 'The Device(s) have been associated to the group successfully.' },
      })
      const members = (await opm(target, '/api/json/admin/listLogicalGroupMembers', { query: { groupName: 'Power' } })).json as any[]
      expect(members.map((member) => member.displayname)).toContain('mon-01')
      const uplinks = (await opm(target, '/api/json/admin/listLogicalGroupMembers', { query: { groupName: 'WAN Uplinks' } })).json as any[]
      expect(uplinks.every((member) => member.type === 'Interface')).toBe(true)
    })
  })

  describe.runIf(mockOnly)('dashboard and probes', () => {
    beforeAll(() => target.control!.reset())

    it('getWidgetsList lists the widgets getWidgetData answers', async () => {
      const dashboard = (await opm(target, '/api/json/dashboard/getWidgetsList', { query: { dashboardName: 'Network Dashboard' } })).json
      expect(dashboard).toMatchObject({ dashName: 'Network Dashboard', isDefaultDashboard: true })
      for (const item of dashboard.widgetList) expect((await widget(target, item.id)).WidgetName).toBe(item.name)
      expect(errorcodeOf(await opm(target, '/api/json/dashboard/getWidgetsList', { query: { dashboardName: 'Other' } }))).toBe(
        'DASHBOARD_NOT_FOUND',
      )
      expect(errorcodeOf(await opm(target, '/api/json/v2/dashboard/getWidgetData', { query: { widgetID: '1' } }))).toBe('WIDGET_NOT_FOUND')
    })

    it('the availability widget agrees with getAvailabilityGraphData for the last 24 hours', async () => {
      const rows = (await widget(target, '623')).WidgetData as any[]
      const core = rows.find((row) => row.deviceName === '10.10.0.1')
      const graph = (await opm(target, '/api/json/device/getAvailabilityGraphData', { query: { name: '10.10.0.1' } })).json
      expect(Number(core.availability)).toBe(
        Math.round(graph.graphData[0].data.find(([period]: [string]) => period === 'Last 24 hours')[1]),
      )
    })

    it('a device added six hours ago is Not Monitored for the rest of the day, in the widget as in its availability graph', async () => {
      await action(target, '/api/json/discovery/addDevice', { deviceName: '10.98.0.7', credentialName: 'public-v2c' })
      await target.control!.advanceClock(6 * 3600)
      const row = ((await widget(target, '623')).WidgetData as any[]).find((item) => item.deviceName === '10.98.0.7')
      const graph = (await opm(target, '/api/json/device/getAvailabilityGraphData', { query: { name: '10.98.0.7' } })).json
      const day = (name: string) =>
        graph.graphData.find((series: any) => series.seriesname === name).data.find(([period]: [string]) => period === 'Last 24 hours')[1]
      expect(row).toMatchObject({ NOTMONITORED: '18h', uptime: '6h', availability: String(Math.round(day('Up'))) })
      expect(day('Not Monitored')).toBeCloseTo(75, 0)
      await action(target, '/api/json/device/deleteDevice', { name: '10.98.0.7' })
    })

    it('listProbes shows each site probe with the devices it monitors', async () => {
      const probes = (await opm(target, '/api/json/admin/listProbes')).json as any[]
      expect(probes.map((probe) => probe.name)).toEqual(['London-Probe', 'Austin-Probe', 'Frankfurt-Probe'])
      expect(probes.reduce((sum, probe) => sum + Number(probe.deviceCount), 0)).toBe(50)
      expect(probes[0]).toMatchObject({ probeID: '10000000001', isConnected: 'true', natPort: '8443' })
    })
  })
}
