import { beforeAll, describe, expect, it } from 'vitest'
import { action, errorcodeOf, opm, type OpmanagerTarget } from './target'

const LIST = '/api/json/alarm/listAlarms'
const listAlarms = (target: OpmanagerTarget, query: Record<string, string> = {}) =>
  opm(target, LIST, { query }).then((result) => result.json as any[])
const alarmOf = async (target: OpmanagerTarget, entity: string) => (await listAlarms(target, { entity }))[0]

export function alarmsContract(target: OpmanagerTarget): void {
  const mockOnly = target.kind === 'mock'

  describe('listAlarms', () => {
    it('answers a bare array with numeric statusNum, an HTML severity and epoch modTimeLong', async () => {
      const alarms = await listAlarms(target)
      expect(Array.isArray(alarms)).toBe(true)
      for (const alarm of alarms.slice(0, 5)) {
        expect(typeof alarm.statusNum).toBe('number')
        expect(typeof alarm.modTimeLong).toBe('number')
        expect(alarm.severity).toMatch(/<img /)
      }
    })

    it('accepts Content-Type: application/json on a GET without a body', async () => {
      expect(Array.isArray((await opm(target, LIST, { headers: { 'Content-Type': 'application/json' } })).json)).toBe(true)
    })

    describe.runIf(mockOnly)('on the seed', () => {
      beforeAll(() => target.control!.reset())

      it('holds 60 alarms across every severity, newest change first', async () => {
        const alarms = await listAlarms(target)
        expect(alarms.length).toBe(60)
        expect(new Set(alarms.map((alarm) => alarm.numericSeverity))).toEqual(new Set([1, 2, 3, 4, 5]))
        expect(alarms.map((alarm) => alarm.modTimeLong)).toEqual([...alarms.map((alarm) => alarm.modTimeLong)].sort((a, b) => b - a))
      })

      it('filters by one severity or a comma list', async () => {
        expect((await listAlarms(target, { severity: '1' })).every((alarm) => alarm.numericSeverity === 1)).toBe(true)
        const list = await listAlarms(target, { severity: '2,3' })
        expect(list.length).toBeGreaterThan(0)
        expect(list.every((alarm) => [2, 3].includes(alarm.numericSeverity))).toBe(true)
      })

      it('keeps only uncleared alarms for alertType=ActiveAlarms and one family otherwise', async () => {
        const active = await listAlarms(target, { alertType: 'ActiveAlarms' })
        expect(active.length).toBeLessThan(60)
        expect(active.every((alarm) => alarm.numericSeverity !== 5)).toBe(true)
        expect((await listAlarms(target, { alertType: 'Network' })).every((alarm) => alarm.alertType === 'Network')).toBe(true)
      })

      it('filters by deviceName (or displayName), category and entity', async () => {
        const byName = await listAlarms(target, { deviceName: '10.10.0.1' })
        expect(byName.length).toBeGreaterThan(0)
        expect(await listAlarms(target, { deviceName: 'core-rtr-01' })).toEqual(byName)
        expect((await listAlarms(target, { category: 'Router' })).every((alarm) => alarm.category === 'Router')).toBe(true)
        expect((await listAlarms(target, { entity: 'IF-1' })).map((alarm) => alarm.entity)).toEqual(['IF-1'])
      })

      it('filters by fromTime and toTime', async () => {
        const alarms = await listAlarms(target)
        const middle = new Date(alarms[25].modTimeLong).toISOString().slice(0, 19).replace('T', ' ')
        const from = await listAlarms(target, { fromTime: middle })
        const to = await listAlarms(target, { toTime: middle })
        expect(from.every((alarm) => alarm.modTimeLong >= Date.parse(`${middle}Z`))).toBe(true)
        expect(from.length + to.length).toBeGreaterThanOrEqual(60)
        expect(await listAlarms(target, { fromTime: '2999-01-01' })).toEqual([])
      })

      it('filters by the Enterprise probe that monitors the device, and answers none for an unknown probe', async () => {
        expect(await listAlarms(target, { probeName: 'Paris-Probe' })).toEqual([])
        const probes = ['London-Probe', 'Frankfurt-Probe', 'Austin-Probe']
        const counts = await Promise.all(probes.map(async (probeName) => (await listAlarms(target, { probeName })).length))
        expect(counts.every((count) => count > 0)).toBe(true)
        expect(counts.reduce((sum, count) => sum + count, 0)).toBe(60)
        const austin = await listAlarms(target, { probeName: 'Austin-Probe' })
        expect(austin.every((alarm) => alarm.deviceName.startsWith('10.70.'))).toBe(true)
      })

      it('rejects malformed filters with OpManager errorcodes', async () => {
        expect(errorcodeOf(await opm(target, LIST, { query: { severity: 'high' } }))).toBe('DATATYPE_NOT_MATCHED')
        expect(errorcodeOf(await opm(target, LIST, { query: { severity: '9' } }))).toBe('PATTERN_NOT_MATCHED')
        expect(errorcodeOf(await opm(target, LIST, { query: { alertType: 'Everything' } }))).toBe('PATTERN_NOT_MATCHED')
        expect(errorcodeOf(await opm(target, LIST, { query: { fromTime: 'yesterday' } }))).toBe('UNABLE_TO_PARSE_DATA_TYPE')
      })
    })
  })

  describe.runIf(mockOnly)('alarm actions', () => {
    beforeAll(() => target.control!.reset())

    it('acknowledgeAlarm records the user in who, and unAcknowledgeAlarm resets it', async () => {
      expect((await action(target, '/api/json/alarm/acknowledgeAlarm', { entity: 'IF-1' })).json).toEqual({
        result: { message: 'Alarm has been successfully Acknowledged' },
      })
      expect((await alarmOf(target, 'IF-1')).who).toBe('admin')
      expect((await action(target, '/api/json/alarm/unAcknowledgeAlarm', { entity: 'IF-1' })).json).toEqual({
        result: { message: 'Alarm has been successfully UnAcknowledged' },
      })
      expect((await alarmOf(target, 'IF-1')).who).toBe('Unacknowledged')
    })

    it('takes the parameters from a form body as well', async () => {
      const result = await opm(target, '/api/json/alarm/acknowledgeAlarm', { form: { entity: 'IF-1', type: 'single' } })
      expect(result.json.result).toBeDefined()
      expect((await alarmOf(target, 'IF-1')).who).toBe('admin')
    })

    it('clearAlarm sets Clear and the alarm leaves ActiveAlarms', async () => {
      const [active] = await listAlarms(target, { alertType: 'ActiveAlarms', severity: '2' })
      expect((await action(target, '/api/json/alarm/clearAlarm', { entity: active.entity })).json).toEqual({
        result: { message: 'Alarm has been successfully Cleared!' },
      })
      const cleared = await alarmOf(target, active.entity)
      expect(cleared).toMatchObject({ numericSeverity: 5, statusNum: 5, severityString: 'Clear' })
      expect((await listAlarms(target, { alertType: 'ActiveAlarms' })).some((alarm) => alarm.entity === active.entity)).toBe(false)
    })

    it('acts on a comma list of entities with type=multiple', async () => {
      const [first, second] = await listAlarms(target, { alertType: 'ActiveAlarms' })
      await action(target, '/api/json/alarm/acknowledgeAlarm', { entity: `${first.entity},${second.entity}`, type: 'multiple' })
      expect((await alarmOf(target, first.entity)).who).toBe('admin')
      expect((await alarmOf(target, second.entity)).who).toBe('admin')
    })

    it('deleteAlarm removes the alarm from later lists', async () => {
      const [victim] = await listAlarms(target, { severity: '3' })
      expect((await action(target, '/api/json/alarm/deleteAlarm', { entity: victim.entity })).json).toEqual({
        result: { message: 'Alarm has been successfully Deleted!' },
      })
      expect(await listAlarms(target, { entity: victim.entity })).toEqual([])
    })

    it('addNotes appends notes that getAnnotation returns with the vendor keys', async () => {
      expect((await action(target, '/api/json/alarm/addNotes', { entity: 'IF-1', notes: 'Cable reseated' })).json).toEqual({
        result: { message: 'Successfully Added' },
      })
      await opm(target, '/api/json/alarm/addNotes', { form: { entity: 'IF-1', notes: 'Still down' } })
      const notes = (await opm(target, '/api/json/alarm/getAnnotation', { query: { entity: 'IF-1' } })).json
      expect(notes.map((note: any) => note.notes)).toEqual(['Cable reseated', 'Still down'])
      expect(notes[0]).toMatchObject({ who: 'admin', entity: 'IF-1', noteID: expect.any(Number), modTime: expect.any(Number) })
      expect(notes[1].noteID).toBeGreaterThan(notes[0].noteID)
      expect(notes[0].modTimeStr).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4} /)
    })

    it('alarmProperties answers one flat alarm with its events, device moid and string statuses', async () => {
      const properties = (await opm(target, '/api/json/alarm/alarmProperties', { query: { entity: 'IF-1' } })).json
      expect(properties).toMatchObject({
        entity: 'IF-1',
        source: '10.10.0.1',
        displayName: 'core-rtr-01',
        statusNum: '1',
        stringseverity: 'Critical',
        ALARMCODE: 'IF-DOWN',
        deviceID: 1001,
        workflows: [],
      })
      expect(properties.events.length).toBeGreaterThan(0)
      expect(properties.events[0]).toMatchObject({ entity: 'IF-1', statusNum: '1' })
      expect(Number(properties.createTime)).toBeLessThanOrEqual(Number(properties.modTime))
    })

    it('alarmProperties shows the ping workflow a DEVICE-DOWN alarm ran', async () => {
      const [down] = await listAlarms(target, { alertType: 'ActiveAlarms' }).then((list) =>
        list.filter((alarm) => alarm.alarmcode === 'DEVICE-DOWN'),
      )
      const properties = (await opm(target, '/api/json/alarm/alarmProperties', { query: { entity: down.entity } })).json
      expect(properties.workflows).toHaveLength(1)
      expect(properties.workflows[0]).toMatchObject({ rbName: 'Ping on device down', moDispName: down.displayName })
      expect(properties.workflows[0].taskList.map((task: any) => task.taskName)).toContain('Ping Device')
    })

    it('answers ALARM_NOT_FOUND for an unknown entity and changes no alarm of a partly unknown list', async () => {
      const before = await listAlarms(target)
      expect(errorcodeOf(await action(target, '/api/json/alarm/clearAlarm', { entity: 'IF-1,NO-SUCH', type: 'multiple' }))).toBe(
        'ALARM_NOT_FOUND',
      )
      expect(errorcodeOf(await opm(target, '/api/json/alarm/getAnnotation', { query: { entity: 'NO-SUCH' } }))).toBe('ALARM_NOT_FOUND')
      expect(await listAlarms(target)).toEqual(before)
    })

    it('answers alarmProperties with a mismatched deviceID as not found and a non-integer one as DATATYPE_NOT_MATCHED', async () => {
      expect(errorcodeOf(await opm(target, '/api/json/alarm/alarmProperties', { query: { entity: 'IF-1', deviceID: '1002' } }))).toBe(
        'ALARM_NOT_FOUND',
      )
      expect((await opm(target, '/api/json/alarm/alarmProperties', { query: { entity: 'IF-1', deviceID: '1001' } })).json.entity).toBe(
        'IF-1',
      )
      expect(errorcodeOf(await opm(target, '/api/json/alarm/alarmProperties', { query: { entity: 'IF-1', deviceID: 'one' } }))).toBe(
        'DATATYPE_NOT_MATCHED',
      )
    })
  })

  describe('getTopDevicesByAlarms', () => {
    it('ranks at most ten devices by alarm count, most first', async () => {
      const top = (await opm(target, '/api/json/alarm/getTopDevicesByAlarms')).json
      expect(Array.isArray(top)).toBe(true)
      expect(top.length).toBeLessThanOrEqual(10)
      if (mockOnly) {
        expect(top.length).toBeGreaterThan(0)
        expect(top.map((item: any) => item.alarmcount)).toEqual(
          [...top.map((item: any) => item.alarmcount)].sort((a: number, b: number) => b - a),
        )
        expect(top[0]).toMatchObject({ moname: expect.any(String), devicename: expect.any(String), status: expect.any(Number) })
      }
    })

    it.runIf(mockOnly)('narrows the count to one alarm family with eventType', async () => {
      const network = (await opm(target, '/api/json/alarm/getTopDevicesByAlarms', { query: { eventType: 'TrapAlarms' } })).json
      const traps = (await listAlarms(target, { alertType: 'TrapAlarms' })).filter((alarm) => alarm.numericSeverity !== 5)
      expect(network.reduce((sum: number, item: any) => sum + item.alarmcount, 0)).toBe(traps.length)
    })
  })
}
