import { beforeAll, describe, expect, it } from 'vitest'
import { action, errorcodeOf, opm, type OpmanagerTarget } from './target'

const WEB = '10.20.0.11'
const WEB_MOID = '1014'

const associated = async (target: OpmanagerTarget, name = WEB) =>
  (await opm(target, '/api/json/device/getDeviceAssociatedMonitors', { query: { name } })).json.performanceMonitors

export function monitoringContract(target: OpmanagerTarget): void {
  const mockOnly = target.kind === 'mock'

  describe.runIf(mockOnly)('performance monitors', () => {
    beforeAll(() => target.control!.reset())

    it('getDeviceAssociatedMonitors uses the vendor keys: DISPLAYNAME, Protocol, interval as a string, data instances, policyName, pollId', async () => {
      const block = await associated(target, '10.10.5.10')
      expect(block.total).toBe(block.monitors.length)
      const cpu = block.monitors.find((monitor: any) => monitor.policyName === 'WMI-CPUUtilization')
      expect(cpu).toMatchObject({ DISPLAYNAME: 'CPU Utilization', Protocol: 'WMI', interval: '15', pollId: expect.stringMatching(/^\d+$/) })
      expect(cpu.data).toEqual([{ instance: '-1', value: expect.any(Number) }])
      const partitions = block.monitors.find((monitor: any) => monitor.policyName === 'WMI-PartitionDetails')
      expect(partitions.data.map((item: any) => item.instance)).toEqual(['C:', 'D:'])
    })

    it('getLastCollectedValues, getPerformanceMonitorDetails and TestMonitor read the same series', async () => {
      const block = await associated(target)
      const cpu = block.monitors.find((monitor: any) => monitor.policyName === 'SNMP-CPUUtilization')
      const last = (await opm(target, '/api/json/device/getLastCollectedValues', { query: { deviceMOIDList: WEB_MOID } })).json
      const collected = last[WEB_MOID].find((item: any) => item.PolicyName === 'SNMP-CPUUtilization')
      expect(collected.data).toEqual(cpu.data)
      expect(String(collected.PollId)).toBe(cpu.pollId)
      const details = (
        await opm(target, '/api/json/device/getPerformanceMonitorDetails', { query: { name: WEB, policyName: 'SNMP-CPUUtilization' } })
      ).json
      const [stats] = details.statsList
      expect(Number(stats.lastPolledValue)).toBe(cpu.data[0].value)
      expect(Number(stats.minimumValue)).toBeLessThanOrEqual(Number(stats.averageValue))
      expect(Number(stats.averageValue)).toBeLessThanOrEqual(Number(stats.maximumValue))
      expect(details.monitors.thresholdSet.map((item: any) => item.severity)).toEqual(['3', '2', '1'])
      // The vendor's monitor block: PREVIOUSSEVERITY is the poll before the last, as getLastCollectedValues says.
      expect(details.monitors).toMatchObject({
        Id: cpu.pollId,
        PREVIOUSSEVERITY: String(collected.previousSeverity),
        checkNumeric: 'true',
        FAILURETHRESHOLD: '1',
        isAtEnabled: false,
      })
      expect(details.monitors.thresholdSet[1]).toMatchObject({ troubleThresholdValue: expect.any(String), clrMessage: expect.any(String) })
      const test = (await action(target, '/api/json/device/TestMonitor', { name: WEB, policyName: 'SNMP-CPUUtilization' })).json
      expect(test).toMatchObject({ monitorname: 'SNMP-CPUUtilization', data: [cpu.data[0].value], deviceName: WEB })
    })

    it('moves on in mock time: a poll interval later the last collected time moves by the interval', async () => {
      const collectedAt = async () =>
        (await opm(target, '/api/json/device/getLastCollectedValues', { query: { deviceMOIDList: WEB_MOID } })).json[WEB_MOID].find(
          (item: any) => item.PolicyName === 'SNMP-CPUUtilization',
        ).lastCollectedTime
      const before = await collectedAt()
      expect(await collectedAt()).toBe(before)
      await target.control!.advanceClock(15 * 60)
      const after = await collectedAt()
      expect(after).not.toBe(before)
      const details = async (period: string) =>
        (
          await opm(target, '/api/json/device/getPerformanceMonitorDetails', {
            query: { name: WEB, policyName: 'SNMP-CPUUtilization', period },
          })
        ).json.statsList[0]
      const week = await details('Last 7 days')
      const day = await details('Last 24 hours')
      expect(Number(week.maximumValue)).toBeGreaterThanOrEqual(Number(day.maximumValue))
      expect(week.lastPolledValue).toBe(day.lastPolledValue)
    })

    it('getPerformanceMonitors offers the templates of the device protocol and marks the associated ones', async () => {
      const templates = (await opm(target, '/api/json/device/getPerformanceMonitors', { query: { deviceName: WEB } })).json
      const all = Object.values(templates).flat() as any[]
      expect(all.every((template) => template.Protocol !== 'WMI')).toBe(true)
      expect(all.find((template) => template.name === 'SNMP-CPUUtilization').isSelected).toBe('true')
      expect(all.find((template) => template.name === 'PacketLoss').isSelected).toBe('false')
      expect(Object.keys(templates).sort()).toEqual(['General Monitors', 'Performance Monitors'])
    })

    it('addPerformanceMonitors associates a template and deletePerformanceMonitors removes it by pollId', async () => {
      const before = (await associated(target)).total
      expect((await action(target, '/api/json/device/addPerformanceMonitors', { name: WEB, selectedMonitors: 'PacketLoss' })).json).toEqual(
        {
          result: { message: 'Monitor added successfully' },
        },
      )
      const added = (await associated(target)).monitors.find((monitor: any) => monitor.policyName === 'PacketLoss')
      expect((await associated(target)).total).toBe(before + 1)
      expect((await action(target, '/api/json/device/deletePerformanceMonitors', { name: WEB, pollId: added.pollId })).json).toEqual({
        result: { message: 'The monitor(s) will be deleted. Please check after sometime.' },
      })
      expect((await associated(target)).total).toBe(before)
      expect(errorcodeOf(await action(target, '/api/json/device/deletePerformanceMonitors', { name: WEB, pollId: added.pollId }))).toBe(
        'MONITOR_NOT_FOUND',
      )
    })

    it('answers MONITOR_NOT_FOUND for statistics of a monitor the device does not have', async () => {
      expect(
        errorcodeOf(
          await opm(target, '/api/json/device/getPerformanceMonitorDetails', { query: { name: WEB, policyName: 'WMI-CPUUtilization' } }),
        ),
      ).toBe('MONITOR_NOT_FOUND')
      expect(errorcodeOf(await opm(target, '/api/json/device/getLastCollectedValues', { query: { deviceMOIDList: 'abc' } }))).toBe(
        'DATATYPE_NOT_MATCHED',
      )
    })
  })

  describe.runIf(mockOnly)('service, process, URL and script monitors', () => {
    beforeAll(() => target.control!.reset())

    it('associateServiceMonitor moves a TCP service from the remaining to the selected ones', async () => {
      const before = (await opm(target, '/api/json/device/getAssociatedServiceMonitors', { query: { name: '10.20.0.21' } })).json
      expect(before.selectedServices).toEqual([])
      expect(
        (await action(target, '/api/json/admin/associateServiceMonitor', { deviceName: '10.20.0.21', serviceName: 'SSH,Web(80)' })).json,
      ).toEqual({
        result: { message: 'Service Monitor associated successfully' },
      })
      const after = (await opm(target, '/api/json/device/getAssociatedServiceMonitors', { query: { name: '10.20.0.21' } })).json
      expect(after.selectedServices).toEqual(['SSH(22)', 'Web(80)'])
      expect(after.remainingServices).not.toContain('SSH(22)')
      expect(after.selectedServices.length + after.remainingServices.length).toBe(before.remainingServices.length)
      expect(
        errorcodeOf(await action(target, '/api/json/admin/associateServiceMonitor', { deviceName: '10.20.0.21', serviceName: 'Gopher' })),
      ).toBe('SERVICE_NOT_FOUND')
    })

    it('process monitors offer the templates of the device protocol and list the assigned processes', async () => {
      const exchange = (await opm(target, '/api/json/device/getAssociatedProcessMonitors', { query: { deviceName: '10.10.5.20' } })).json
      expect(exchange.protocol).toBe('WMI')
      expect(exchange.AssignedMonitors).toEqual([
        expect.objectContaining({
          name: 'MSSQL',
          trimName: 'MSSQL',
          proName: 'sqlservr.exe',
          statusStr: 'Clear',
          status: '5',
          statusNum: '5',
        }),
      ])
      // The host's process table (by PID) holds the monitored process besides the system ones.
      const processes = Object.values(exchange.ActiveProcesses) as any[]
      expect(exchange.deviceName).toBe('10.10.5.20')
      expect(processes.map((process) => process.name)).toContain('sqlservr.exe')
      const sql = processes.find((process) => process.name === 'sqlservr.exe')
      expect(sql.trimPath).toBe(`${sql.path.slice(0, 40)}...`)
      expect(
        (await action(target, '/api/json/device/associateProcessMonitor', { deviceName: '10.20.0.21', processId: 'nginx' })).json.result,
      ).toBeDefined()
      const app = (await opm(target, '/api/json/device/getAssociatedProcessMonitors', { query: { deviceName: '10.20.0.21' } })).json
      expect(app.AssignedMonitors.map((monitor: any) => monitor.proName)).toEqual(['java', 'nginx'])
      expect(app.Templates.every((template: any) => template.protocol === 'CLI')).toBe(true)
    })

    it('Windows service and URL monitors go Critical / Service Down while their device is down', async () => {
      const services = async () =>
        (await opm(target, '/api/json/device/getDeviceAssociatedWindowsServiceMonitors', { query: { name: '10.10.5.10' } })).json as any[]
      expect((await services()).map((service) => service.status)).toEqual(['Clear', 'Clear', 'Clear'])
      await action(target, '/api/json/events/addEvent', {
        source: '10.10.5.10',
        severity: '1',
        message: 'dc-01 is down',
        alarmCode: 'DEVICE-DOWN',
        entity: '1020_DEVICE-DOWN',
      })
      expect((await services()).map((service) => service.status)).toEqual(['Critical', 'Critical', 'Critical'])
      await action(target, '/api/json/events/addEvent', {
        source: '10.20.4.1',
        severity: '1',
        message: 'lb-01 is down',
        alarmCode: 'DEVICE-DOWN',
        entity: '1013_DEVICE-DOWN',
      })
      const urls = (await opm(target, '/api/json/admin/listURLMonitors')).json
      expect(urls.List.find((url: any) => url.urlName === 'Web Shop')).toMatchObject({
        statusStr: 'Service Down',
        RESPONSETIME: 'No Response',
        statusNum: 4,
      })
      expect(urls.List.find((url: any) => url.urlName === 'Intranet')).toMatchObject({
        statusNum: 5,
        RESPONSETIME: expect.stringMatching(/^\d+ ms$/),
      })
      // The dial counts the same rows by status.
      const down = urls.List.filter((url: any) => url.statusNum === 4).length
      expect(urls.DialCounter).toEqual([
        { title: 'Service Down', value: down, status: 4 },
        { title: 'Clear', value: urls.List.length - down, status: 5 },
      ])
      const deviceUrls = (await opm(target, '/api/json/admin/listAllDevicesSpecificURLs')).json.List as any[]
      expect(deviceUrls.map((url) => url.parentDispName).sort()).toEqual(['lb-01', 'web-01'])
    })

    it('lists the script monitor templates', async () => {
      const scripts = (await opm(target, '/api/json/admin/listScriptMonitors')).json as any[]
      expect(scripts.length).toBeGreaterThan(0)
      expect(scripts[0]).toMatchObject({
        scriptID: expect.any(String),
        graphName: expect.any(String),
        executeFrom: expect.stringMatching(/^[01]$/),
      })
    })
  })
}
