import { beforeAll, describe, expect, it } from 'vitest'
import { action, errorcodeOf, opm, type OpmanagerTarget } from './target'

export function eventsAndUsersContract(target: OpmanagerTarget): void {
  const mockOnly = target.kind === 'mock'

  describe('listEvents', () => {
    it('answers an object with severityVsCount and the event List, times and statuses as strings', async () => {
      const answer = (await opm(target, '/api/json/events/listEvents')).json
      expect(answer).toMatchObject({ severityVsCount: expect.any(Object), List: expect.any(Array) })
      for (const event of answer.List.slice(0, 5)) {
        expect(typeof event.modTimeLong).toBe('string')
        expect(typeof event.statusNum).toBe('string')
      }
    })

    it.runIf(mockOnly)(
      'lists the seeded events newest first with counts that match the list, filtered by device, severity and entity',
      async () => {
        await target.control!.reset()
        const { List, severityVsCount, Details } = (await opm(target, '/api/json/events/listEvents')).json
        expect(List.length).toBeGreaterThan(60)
        const times = List.map((event: any) => Number(event.modTimeLong))
        expect(times).toEqual([...times].sort((a, b) => b - a))
        const counted = Object.values(severityVsCount as Record<string, number>).reduce((sum, count) => sum + count, 0)
        expect(counted).toBe(List.length)
        expect(severityVsCount.Critical).toBe(List.filter((event: any) => event.statusStr === 'Critical').length)
        const perCategory = Object.values(Details as Record<string, Array<{ value: number }>>).flat()
        expect(perCategory.reduce((sum, item) => sum + item.value, 0)).toBe(List.length)
        const mine = (
          await opm(target, '/api/json/events/listEvents', { query: { deviceName: 'core-rtr-01', severity: '1', entity: 'IF-1' } })
        ).json
        expect(mine.List).toHaveLength(1)
        expect(mine.List[0]).toMatchObject({ displayname: 'core-rtr-01', statusNum: '1', statusStr: 'Critical', category: 'Router' })
        expect(mine.severityVsCount).toEqual({ Critical: 1 })
      },
    )
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
        result: { message: 'Event has been successfully generated.' },
      })
      expect(
        (await opm(target, '/api/json/events/listEvents', { query: { entity: '1002_FAN', eventType: 'Hardware' } })).json.List[0],
      ).toMatchObject({
        text: 'Fan 2 failed',
        displayname: 'core-rtr-02',
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

    it('changePassword checks the old password, and only Administrators change another user password', async () => {
      expect(
        errorcodeOf(
          await action(target, '/api/json/admin/changePassword', { userName: 'jdoe', oldPassword: 'wrong', newPassword: 'N3wpass' }),
        ),
      ).toBe('INVALID_PASSWORD')
      expect(
        (await action(target, '/api/json/admin/changePassword', { userName: 'jdoe', oldPassword: 'S3cret!pw', newPassword: 'N3wpass' }))
          .json,
      ).toEqual({
        result: { message: 'Password has been successfully changed.' },
      })
      expect(
        errorcodeOf(
          await action(target, '/api/json/admin/changePassword', { userName: 'jdoe', oldPassword: 'N3wpass', newPassword: 'abc' }),
        ),
      ).toBe('LESS_THAN_MIN_LENGTH')
    })

    it('updateContactDetails changes what listUsers shows', async () => {
      expect(
        (await action(target, '/api/json/admin/updateContactDetails', { userName: 'jdoe', mobileNo: '+44 7700 900000' })).json,
      ).toEqual({
        result: { message: 'Contact details have been successfully updated.' },
      })
      const user = ((await opm(target, '/api/json/admin/listUsers')).json as any[]).find((item) => item.userName === 'jdoe')
      expect(user).toMatchObject({ mobileNo: '+44 7700 900000', emailId: 'jdoe@example.com' })
      expect(
        errorcodeOf(await action(target, '/api/json/admin/updateContactDetails', { userName: 'jdoe', emailId: 'not-an-address' })),
      ).toBe('PATTERN_NOT_MATCHED')
    })

    it('deleteUser removes the user and its keys, never the caller itself', async () => {
      expect(errorcodeOf(await action(target, '/api/json/admin/deleteUser', { userName: 'admin' }))).toBe('USER_DELETE_SELF')
      expect((await action(target, '/api/json/admin/deleteUser', { userName: 'jdoe' })).json).toEqual({
        result: { message: 'User has been successfully deleted.' },
      })
      expect(((await opm(target, '/api/json/admin/listUsers')).json as any[]).map((user) => user.userName)).not.toContain('jdoe')
      expect(errorcodeOf(await action(target, '/api/json/admin/deleteUser', { userName: 'jdoe' }))).toBe('USER_NOT_FOUND')
    })

    it('deleting a user retires its keys', async () => {
      expect((await action(target, '/api/json/admin/deleteUser', { userName: 'operator' })).json.result).toBeDefined()
      expect(errorcodeOf(await opm(target, '/api/json/alarm/listAlarms', { key: target.credentials.operatorKey! }))).toBe('API_KEY_DELETED')
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
