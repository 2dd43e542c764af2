import { beforeAll, describe, expect, it } from 'vitest'
import { action, errorcodeOf, opm, type OpmanagerTarget } from './target'

/** Every write with bad input, the errorcode it must get, and (checked after) no change anywhere. */
const BAD_WRITES: Array<[operation: string, path: string, params: Record<string, string>, errorcode: string]> = [
  ['acknowledgeAlarm', 'alarm/acknowledgeAlarm', {}, 'LESS_THAN_MIN_OCCURANCE'],
  ['acknowledgeAlarm', 'alarm/acknowledgeAlarm', { entity: 'IF-1', type: 'several' }, 'PATTERN_NOT_MATCHED'],
  ['unAcknowledgeAlarm', 'alarm/unAcknowledgeAlarm', { entity: 'NO-SUCH' }, 'ALARM_NOT_FOUND'],
  ['clearAlarm', 'alarm/clearAlarm', { entity: 'IF-1,NO-SUCH', type: 'multiple' }, 'ALARM_NOT_FOUND'],
  ['deleteAlarm', 'alarm/deleteAlarm', { entity: ' ', type: 'multiple' }, 'LESS_THAN_MIN_OCCURANCE'],
  ['addNotes', 'alarm/addNotes', { entity: 'IF-1' }, 'LESS_THAN_MIN_OCCURANCE'],
  ['addNotes', 'alarm/addNotes', { entity: 'IF-1', notes: 'x'.repeat(1001) }, 'MORE_THAN_MAX_LENGTH'],
  ['setManaged', 'device/setManaged', { name: '10.10.0.1', manage: 'maybe' }, 'PATTERN_NOT_MATCHED'],
  ['setManaged', 'device/setManaged', { name: '10.10.0.1' }, 'LESS_THAN_MIN_OCCURANCE'],
  ['setManaged', 'device/setManaged', { name: 'no-such-device', manage: 'false' }, 'DEVICE_NOT_FOUND'],
  ['addDevice', 'discovery/addDevice', { credentialName: 'public-v2c' }, 'LESS_THAN_MIN_OCCURANCE'],
  ['addDevice', 'discovery/addDevice', { deviceName: 'bad name!', credentialName: 'public-v2c' }, 'PATTERN_NOT_MATCHED'],
  ['addDevice', 'discovery/addDevice', { deviceName: '10.99.0.9' }, 'LESS_THAN_MIN_OCCURANCE'],
  ['addDevice', 'discovery/addDevice', { deviceName: '10.99.0.9', credentialName: 'c', netmask: '255.255.0' }, 'PATTERN_NOT_MATCHED'],
  ['addDevice', 'discovery/addDevice', { deviceName: '10.10.0.1', credentialName: 'public-v2c' }, 'DEVICE_ALREADY_EXISTS'],
  ['addEvent', 'events/addEvent', { source: '10.10.0.1', severity: '9', message: 'm', alarmCode: 'C', entity: 'e' }, 'PATTERN_NOT_MATCHED'],
  ['addEvent', 'events/addEvent', { source: '10.10.0.1', message: 'm', alarmCode: 'C', entity: 'e' }, 'LESS_THAN_MIN_OCCURANCE'],
  ['addEvent', 'events/addEvent', { source: '10.10.0.1', severity: '1', message: 'm', alarmCode: 'C', entity: 'IF-11' }, 'ENTITY_MISMATCH'],
  ['addUser', 'admin/addUser', { userName: 'jo', password: 'abc', privilege: 'Operators' }, 'LESS_THAN_MIN_LENGTH'],
  ['addUser', 'admin/addUser', { userName: 'jo', password: 'abcdef', privilege: 'Root' }, 'PATTERN_NOT_MATCHED'],
  ['addUser', 'admin/addUser', { userName: 'jo hn', password: 'abcdef', privilege: 'Operators' }, 'PATTERN_NOT_MATCHED'],
  [
    'addUser',
    'admin/addUser',
    { userName: 'jo', password: 'abcdef', privilege: 'Operators', emailId: 'not-an-email' },
    'PATTERN_NOT_MATCHED',
  ],
  ['addUser', 'admin/addUser', { userName: 'x'.repeat(101), password: 'abcdef', privilege: 'Operators' }, 'MORE_THAN_MAX_LENGTH'],
  ['setDeviceInfo', 'device/setDeviceInfo', { name: '10.10.0.1', values: '{"RAM":"1","Colour":"red"}' }, 'PATTERN_NOT_MATCHED'],
  ['setDeviceInfo', 'device/setDeviceInfo', { name: '10.10.0.1' }, 'LESS_THAN_MIN_OCCURANCE'],
  ['deleteDevice', 'device/deleteDevice', { name: 'no-such-device' }, 'DEVICE_NOT_FOUND'],
  [
    'addToGroup',
    'device/addToGroup',
    { groupName: 'Power', groupType: 'Device', selectedMembers: '10.20.0.41,no-such-device' },
    'DEVICE_NOT_FOUND',
  ],
  ['addToGroup', 'device/addToGroup', { groupName: 'Power', groupType: 'Interface', selectedMembers: 'IF-1' }, 'GROUP_TYPE_MISMATCH'],
  [
    'addToGroup',
    'device/addToGroup',
    { groupName: 'No such group', groupType: 'Device', selectedMembers: '10.20.0.41' },
    'GROUP_NOT_FOUND',
  ],
  [
    'addPerformanceMonitors',
    'device/addPerformanceMonitors',
    { name: '10.20.0.11', selectedMonitors: 'PacketLoss,NoSuchMonitor' },
    'MONITOR_NOT_FOUND',
  ],
  ['deletePerformanceMonitors', 'device/deletePerformanceMonitors', { name: '10.20.0.11', pollId: '1,99999' }, 'MONITOR_NOT_FOUND'],
  ['TestMonitor', 'device/TestMonitor', { name: '10.20.0.11', policyName: 'NoSuchMonitor' }, 'MONITOR_NOT_FOUND'],
  [
    'addDowntimeSchedule',
    'admin/addDowntimeSchedule',
    { scheduleName: 'x', selectedDevices: '10.20.0.11', once_startat: '2030-01-31 23:00', once_endat: '2030-01-31 22:00' },
    'PATTERN_NOT_MATCHED',
  ],
  ['addDowntimeSchedule', 'admin/addDowntimeSchedule', { scheduleName: 'x', selectedDevices: 'no-such-device' }, 'DEVICE_NOT_FOUND'],
  [
    'addDowntimeSchedule',
    'admin/addDowntimeSchedule',
    { scheduleName: 'Nightly database backup', recurrence: 'Daily', selectedDevices: '10.20.0.11', from_time: '01:00', to_time: '02:00' },
    'SCHEDULE_ALREADY_EXISTS',
  ],
  [
    'addDowntimeSchedule',
    'admin/addDowntimeSchedule',
    { scheduleName: 'x', recurrence: 'Daily', selectedDevices: '10.20.0.11', from_time: '25:00', to_time: '02:00' },
    'PATTERN_NOT_MATCHED',
  ],
  [
    'updateDowntimeSchedule',
    'admin/updateDowntimeSchedule',
    { scheduleId: '99', scheduleName: 'x', selectedDevices: '10.20.0.11' },
    'SCHEDULE_NOT_FOUND',
  ],
  ['deleteDownTimeSchedules', 'admin/deleteDownTimeSchedules', { scheduleId: '1,99' }, 'SCHEDULE_NOT_FOUND'],
  ['deleteUser', 'admin/deleteUser', { userName: 'nobody' }, 'USER_NOT_FOUND'],
  ['changePassword', 'admin/changePassword', { oldPassword: 'wrong', newPassword: 'abcdef' }, 'INVALID_PASSWORD'],
]

async function snapshot(target: OpmanagerTarget): Promise<string> {
  const paths = [
    'alarm/listAlarms',
    'device/listDevices',
    'events/listEvents',
    'admin/listUsers',
    'device/listInterfaces?rows=1000',
    'alarm/getAnnotation?entity=IF-1',
    'admin/listDownTimeSchedules',
    'admin/listLogicalGroupMembers',
    'device/getDeviceAssociatedMonitors?name=10.20.0.11',
    'device/getDeviceInfo?name=10.10.0.1',
  ]
  const bodies = await Promise.all(
    paths.map((path) =>
      opm(target, `/api/json/${path.split('?')[0]}`, { query: Object.fromEntries(new URLSearchParams(path.split('?')[1] ?? '')) }),
    ),
  )
  return JSON.stringify(bodies.map((body) => body.json))
}

export function badInputContract(target: OpmanagerTarget): void {
  describe.runIf(target.kind === 'mock')('bad input on every write', () => {
    let before: string
    beforeAll(async () => {
      await target.control!.reset()
      before = await snapshot(target)
    })

    for (const [operation, path, params, errorcode] of BAD_WRITES) {
      it(`${operation} answers ${errorcode} in the OpManager envelope for ${JSON.stringify(params).slice(0, 80)}`, async () => {
        const result = await action(target, `/api/json/${path}`, params)
        expect(result.status).toBe(200)
        expect(result.json).toEqual({ error: { message: expect.any(String), errorcode } })
      })
    }

    it('rejects a parameter sent twice with MORE_THAN_MAX_OCCURANCE', async () => {
      const result = await opm(target, '/api/json/alarm/clearAlarm', {
        method: 'POST',
        query: { entity: 'IF-1' },
        form: { entity: 'IF-1' },
      })
      expect(errorcodeOf(result)).toBe('MORE_THAN_MAX_OCCURANCE')
    })

    it('rejects a malformed JSON body with UNABLE_TO_PARSE_DATA_TYPE and an XML body with UNSUPPORTED_CONTENT_TYPE', async () => {
      const json = await opm(target, '/api/json/alarm/clearAlarm', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"entity": ',
      })
      expect(errorcodeOf(json)).toBe('UNABLE_TO_PARSE_DATA_TYPE')
      const xml = await opm(target, '/api/json/alarm/clearAlarm', {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml' },
        body: '<entity>IF-1</entity>',
      })
      expect(errorcodeOf(xml)).toBe('UNSUPPORTED_CONTENT_TYPE')
    })

    it('changed nothing in alarms, devices, events, users, interfaces, notes, schedules, groups, monitors or inventory', async () => {
      expect(await snapshot(target)).toBe(before)
    })

    it('reads parameters from a JSON object body too', async () => {
      const result = await opm(target, '/api/json/alarm/addNotes', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ entity: 'IF-1', notes: 'json note' }),
      })
      expect(result.json.result).toBeDefined()
    })
  })

  describe.runIf(target.kind === 'mock')('transport answers', () => {
    it('answers an unknown /api/json path with 404 and the error envelope', async () => {
      const result = await opm(target, '/api/json/alarm/noSuchOperation')
      expect(result.status).toBe(404)
      expect(result.json).toEqual({ error: { message: expect.any(String), errorcode: 'URL_NOT_FOUND' } })
    })

    it('answers GET on a POST-only action with 405 and an Allow header', async () => {
      const result = await opm(target, '/api/json/alarm/acknowledgeAlarm', { query: { entity: 'IF-1' } })
      expect(result.status).toBe(405)
      expect(result.headers.get('allow')).toBe('POST')
      expect(result.json.error.errorcode).toBe('METHOD_NOT_ALLOWED')
    })

    it('answers a body over 1 MiB with 413 before reading it', async () => {
      const result = await opm(target, '/api/json/alarm/addNotes', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `entity=IF-1&notes=${'a'.repeat(1024 * 1024 + 10)}`,
      })
      expect(result.status).toBe(413)
      expect(result.json.error.errorcode).toBe('REQUEST_TOO_LARGE')
    })
  })
}
