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

      it('holds about 50 alarms across every severity, newest change first', async () => {
        const alarms = await listAlarms(target)
        expect(alarms.length).toBe(50)
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
        expect(active.length).toBeLessThan(50)
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
        expect(from.length + to.length).toBeGreaterThanOrEqual(50)
        expect(await listAlarms(target, { fromTime: '2999-01-01' })).toEqual([])
      })

      it('answers no alarms for a probe other than Central', async () => {
        expect(await listAlarms(target, { probeName: 'Branch-Probe' })).toEqual([])
        expect((await listAlarms(target, { probeName: 'Central' })).length).toBe(50)
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
      expect((await action(target, '/api/json/alarm/unAcknowledgeAlarm', { entity: 'IF-1' })).json.result.message).toMatch(/Unacknowledged/)
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
      expect((await action(target, '/api/json/alarm/deleteAlarm', { entity: victim.entity })).json.result).toBeDefined()
      expect(await listAlarms(target, { entity: victim.entity })).toEqual([])
    })

    it('addNotes appends notes that getAnnotation returns, and alarmProperties counts them', async () => {
      await action(target, '/api/json/alarm/addNotes', { entity: 'IF-1', notes: 'Cable reseated' })
      await opm(target, '/api/json/alarm/addNotes', { form: { entity: 'IF-1', notes: 'Still down' } })
      const notes = (await opm(target, '/api/json/alarm/getAnnotation', { query: { entity: 'IF-1' } })).json
      expect(notes.map((note: any) => note.notes)).toEqual(['Cable reseated', 'Still down'])
      expect(notes[0].who).toBe('admin')
      const properties = (await opm(target, '/api/json/alarm/alarmProperties', { query: { entity: 'IF-1' } })).json
      expect(properties).toMatchObject({ alarm: { entity: 'IF-1' }, device: { displayName: 'core-rtr-01' }, annotationCount: 2 })
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
      expect(errorcodeOf(await opm(target, '/api/json/alarm/alarmProperties', { query: { entity: 'IF-1', deviceID: '999' } }))).toBe(
        'ALARM_NOT_FOUND',
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
        expect(top.map((item: any) => item.alarmCount)).toEqual(
          [...top.map((item: any) => item.alarmCount)].sort((a: number, b: number) => b - a),
        )
      }
    })

    it.runIf(mockOnly)('narrows the count to one alarm family with eventType', async () => {
      const network = (await opm(target, '/api/json/alarm/getTopDevicesByAlarms', { query: { eventType: 'TrapAlarms' } })).json
      const traps = (await listAlarms(target, { alertType: 'TrapAlarms' })).filter((alarm) => alarm.numericSeverity !== 5)
      expect(network.reduce((sum: number, item: any) => sum + item.alarmCount, 0)).toBe(traps.length)
    })
  })
}
