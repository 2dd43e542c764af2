import { beforeAll, describe, expect, it } from 'vitest'
import { action, errorcodeOf, opm, type OpmanagerTarget } from './target'

export function eventsAndUsersContract(target: OpmanagerTarget): void {
  const mockOnly = target.kind === 'mock'

  describe('listEvents', () => {
    it('answers a bare array of events', async () => {
      expect(Array.isArray((await opm(target, '/api/json/events/listEvents')).json)).toBe(true)
    })

    it.runIf(mockOnly)('lists the seeded events newest first, filtered by device, severity and entity', async () => {
      await target.control!.reset()
      const events = (await opm(target, '/api/json/events/listEvents')).json as any[]
      expect(events.length).toBe(50)
      expect(events.map((event) => event.modTimeLong)).toEqual([...events.map((event) => event.modTimeLong)].sort((a, b) => b - a))
      const mine = (
        await opm(target, '/api/json/events/listEvents', { query: { deviceName: 'core-rtr-01', severity: '1', entity: 'IF-1' } })
      ).json
      expect(mine).toHaveLength(1)
      expect(mine[0]).toMatchObject({ deviceName: '10.10.0.1', entity: 'IF-1', numericSeverity: 1 })
    })
  })

  describe.runIf(mockOnly)('addEvent', () => {
    beforeAll(() => target.control!.reset())

    it('records the event and raises an alarm for a new entity', async () => {
      const event = {
        source: '10.10.0.2',
        severity: '2',
        message: 'Fan 2 failed',
        alarmCode: 'FAN-FAIL',
        entity: '1002_FAN',
        eventType: 'Hardware',
      }
      expect((await action(target, '/api/json/events/addEvent', event)).json).toEqual({
        result: { message: 'Event has been successfully added' },
      })
      expect((await opm(target, '/api/json/events/listEvents', { query: { entity: '1002_FAN' } })).json[0]).toMatchObject({
        message: 'Fan 2 failed',
        eventType: 'Hardware',
      })
      const [alarm] = (await opm(target, '/api/json/alarm/listAlarms', { query: { entity: '1002_FAN' } })).json
      expect(alarm).toMatchObject({
        numericSeverity: 2,
        alarmcode: 'FAN-FAIL',
        displayName: 'core-rtr-02',
        who: 'Unacknowledged',
        alertType: 'Network',
      })
    })

    it('updates the alarm of an existing entity and clears it with severity 5', async () => {
      await opm(target, '/api/json/events/addEvent', {
        form: { source: '10.10.0.2', severity: '1', message: 'Both fans failed', alarmCode: 'FAN-FAIL', entity: '1002_FAN' },
      })
      expect((await opm(target, '/api/json/alarm/listAlarms', { query: { entity: '1002_FAN' } })).json[0]).toMatchObject({
        numericSeverity: 1,
        message: 'Both fans failed',
      })
      expect(
        (await opm(target, '/api/json/device/listDevices', { query: { category: 'Router' } })).json.find(
          (device: any) => device.displayName === 'core-rtr-02',
        ).statusNum,
      ).toBe('1')
      await action(target, '/api/json/events/addEvent', {
        source: '10.10.0.2',
        severity: '5',
        message: 'Fans OK',
        alarmCode: 'FAN-FAIL',
        entity: '1002_FAN',
      })
      expect((await opm(target, '/api/json/alarm/listAlarms', { query: { entity: '1002_FAN', alertType: 'ActiveAlarms' } })).json).toEqual(
        [],
      )
    })

    it('answers DEVICE_NOT_FOUND for an unknown source', async () => {
      expect(
        errorcodeOf(
          await action(target, '/api/json/events/addEvent', {
            source: 'ghost',
            severity: '1',
            message: 'x',
            alarmCode: 'X',
            entity: 'ghost_X',
          }),
        ),
      ).toBe('DEVICE_NOT_FOUND')
    })
  })

  describe.runIf(mockOnly)('users', () => {
    beforeAll(() => target.control!.reset())

    it('listUsers shows the seeded users with their privilege and REST API access', async () => {
      const users = (await opm(target, '/api/json/admin/listUsers')).json as any[]
      expect(users.map((user) => [user.userName, user.privilege, user.restApiAccess])).toEqual([
        ['admin', 'Administrators', true],
        ['operator', 'Operators', true],
        ['helpdesk', 'Operators', false],
      ])
    })

    it('addUser creates a user, accepting the UI privilege name Operator, with REST API access off', async () => {
      const result = await opm(target, '/api/json/admin/addUser', {
        form: { userName: 'jdoe', password: 'S3cret!pw', privilege: 'Operator', emailId: 'jdoe@example.com' },
      })
      expect(result.json).toEqual({ result: { message: 'User has been successfully added.' } })
      const user = ((await opm(target, '/api/json/admin/listUsers')).json as any[]).find((item) => item.userName === 'jdoe')
      expect(user).toMatchObject({ privilege: 'Operators', restApiAccess: false, emailId: 'jdoe@example.com' })
    })

    it('answers USER_ALREADY_EXISTS for a taken userName', async () => {
      expect(
        errorcodeOf(
          await action(target, '/api/json/admin/addUser', { userName: 'admin', password: 'whatever', privilege: 'Administrators' }),
        ),
      ).toBe('USER_ALREADY_EXISTS')
    })
  })
}
