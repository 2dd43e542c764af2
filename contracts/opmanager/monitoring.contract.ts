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
}
