import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { callService } from '../core/service-client'
import { parseWorldText, WorldError } from '../core/world'
import { createOpmanagerService, OPMANAGER_ADMIN_API_KEY, type OpmanagerService } from './service'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2030, 0, 1, 12) })
})
afterEach(() => {
  vi.useRealTimers()
})

const headers = { apiKey: OPMANAGER_ADMIN_API_KEY }

/** What a client sees: devices and their details, interfaces, monitors, alarms, events, views, groups, downtimes, users. */
async function answers(mock: OpmanagerService): Promise<unknown[]> {
  const paths = [
    '/api/json/device/listDevices',
    '/api/json/alarm/listAlarms',
    '/api/json/alarm/listAlarms?alertType=ActiveAlarms',
    '/api/json/events/listEvents',
    '/api/json/device/getInterfaces?name=core-rtr-01',
    '/api/json/device/listInterfaces?rows=100',
    '/api/json/device/getDeviceInfo?name=web-01',
    '/api/json/device/getDeviceNotes?name=web-01',
    '/api/json/device/getPerformanceMonitors?deviceName=web-01',
    '/api/json/device/getAvailabilityGraphData?name=db-01&period=Last7Days',
    '/api/json/businessview/getBusinessView',
    '/api/json/admin/listAllLogicalGroups',
    '/api/json/admin/listDownTimeSchedules',
    '/api/json/admin/listUsers',
    '/__opsmocks/opmanager/keys',
  ]
  return Promise.all(
    paths.map(async (path) => {
      const answer = await callService(mock.service, 'GET', path, { headers })
      return { path, status: answer.status, body: answer.json }
    }),
  )
}

describe('OpManager world', () => {
  it('exports the seed as a world that loads back to the same answers', async () => {
    const seeded = await createOpmanagerService()
    const loaded = await createOpmanagerService({ world: seeded.world.export() })
    const expected = await answers(seeded)
    for (const answer of expected as Array<{ path: string; status: number; body: any }>) {
      expect(answer.status, answer.path).toBe(200)
      expect(answer.body?.error, answer.path).toBeUndefined()
    }
    expect(await answers(loaded)).toEqual(expected)
  })

  it('round-trips changes made through the API and the world actions', async () => {
    const mock = await createOpmanagerService()
    const ack = await callService(mock.service, 'POST', '/api/json/alarm/acknowledgeAlarm', { headers, body: 'entity=IF-1' })
    expect(ack.json.error).toBeUndefined()
    await mock.world.setDeviceState({ device: 'web-01', state: 'down' })
    await mock.world.setDeviceState({ device: 'app-01', state: 'unmanaged' })
    await mock.world.fireAlarm({ device: 'db-01', severity: 'Trouble', alarmCode: 'DBCONN', message: 'db-01: connections at 95%' })
    mock.service.clock.advance(600_000)
    await mock.world.setDeviceState({ device: 'web-01', state: 'up' })
    const copy = await createOpmanagerService({ world: mock.world.export() })
    // The world counts back from the moment it was exported: the copy's clock stands there too.
    copy.service.clock.advance(600_000)
    expect(await answers(copy)).toEqual(await answers(mock))
  })

  it('round-trips a monthly downtime schedule added through the API (decisions/089)', async () => {
    const mock = await createOpmanagerService()
    const added = await callService(mock.service, 'POST', '/api/json/admin/addDowntimeSchedule', {
      headers,
      body: 'scheduleName=Patch+Tuesday&recurrence=Monthly&monthlyType=monthlyDay&weekOfMonth=2&weekday=Tuesday&from_hrs=22&to_hrs=23&selectedDevices=web-01',
    })
    expect(added.json.error).toBeUndefined()
    const world = mock.world.export()
    const downtimes = (world as unknown as { downtimes: Array<Record<string, unknown>> }).downtimes
    expect(downtimes.find((item) => item.name === 'Patch Tuesday')).toMatchObject({
      recurrence: 'Monthly',
      monthly: { type: 'monthlyDay', week: 2, weekday: 'Tuesday' },
    })
    const copy = await createOpmanagerService({ world })
    expect(await answers(copy)).toEqual(await answers(mock))
  })

  it('builds a compact world: references by name, severities by name, omitted fields take defaults', async () => {
    const mock = await createOpmanagerService({
      world: parseWorldText(
        [
          'vendor: opmanager',
          'devices:',
          '  - { name: till-01, ip: 192.168.7.1, monitors: [SNMP-CPUUtilization] }',
          '  - name: shop-rtr',
          '    ip: 192.168.7.254',
          '    category: Router',
          '    interfaces: [{ ifName: Gi0/1 }, { ifName: Gi0/2 }]',
          'alarms:',
          '  - { device: till-01, severity: Critical }',
          '  - { device: shop-rtr, interface: Gi0/2, alarmcode: IF-DOWN, severity: 2, message: Gi0/2 is down, eventType: Interface Down }',
          'businessViews: [{ name: Shop, members: [till-01, shop-rtr] }]',
          'groups: [{ name: Uplinks, groupType: Interface, members: [{ device: shop-rtr, interface: Gi0/1 }] }]',
          'users: [{ userName: ana, password: secret, privilege: Administrators, restApiAccess: true }]',
          'keys: [{ userName: ana, value: ana-key-0123456789 }]',
        ].join('\n'),
        'shop.yaml',
      ),
    })
    const ana = { apiKey: 'ana-key-0123456789' }
    const devices = await callService(mock.service, 'GET', '/api/json/device/listDevices', { headers: ana })
    expect(devices.json.map((device: any) => [device.displayName, device.deviceName, device.category, device.statusStr])).toEqual([
      ['shop-rtr', '192.168.7.254', 'Router', 'Trouble'],
      ['till-01', '192.168.7.1', 'Server', 'Critical'],
    ])
    const alarms = await callService(mock.service, 'GET', '/api/json/alarm/listAlarms', { headers: ana })
    expect(alarms.json.map((alarm: any) => [alarm.entity, alarm.numericSeverity, alarm.alarmcode])).toEqual(
      expect.arrayContaining([
        ['1001_DEVICE-DOWN', 1, 'DEVICE-DOWN'],
        ['IF-2', 2, 'IF-DOWN'],
      ]),
    )
    const monitors = await callService(mock.service, 'GET', '/api/json/device/getDeviceAssociatedMonitors?name=till-01', { headers: ana })
    expect(JSON.stringify(monitors.json)).toContain('SNMP-CPUUtilization')
    expect(mock.world.export()).toMatchObject({
      alarms: [
        { device: 'till-01', severity: 'Critical' },
        { device: 'shop-rtr', interface: 'Gi0/2' },
      ],
      groups: [{ name: 'Uplinks', members: [{ device: 'shop-rtr', interface: 'Gi0/1' }] }],
    })
  })

  it('composes worlds down to the interfaces of a device, and resets to the composed start world', async () => {
    const base = (await createOpmanagerService()).world.export()
    const mock = await createOpmanagerService({
      world: [
        base,
        {
          vendor: 'opmanager',
          devices: [{ name: 'core-rtr-01', ip: '10.10.0.1', interfaces: [{ ifName: 'Gi0/2', ifAlias: 'To Paris' }] }],
        },
      ],
    })
    const start = mock.world.export()
    const router = (start.devices as any[]).find((device) => device.name === 'core-rtr-01')
    expect(router.interfaces.map((item: any) => [item.ifName, item.ifAlias])).toEqual([
      ['Gi0/1', 'Uplink'],
      ['Gi0/2', 'To Paris'],
      ['Gi0/3', 'Access 3'],
    ])
    await mock.world.setDeviceState({ device: 'core-rtr-01', state: 'unmanaged' })
    await mock.reset()
    expect(mock.world.export()).toEqual(start)
  })

  it('refuses a bad world listing every problem by path and line, and changes nothing', async () => {
    const text = [
      'vendor: opmanager',
      'devices:',
      '  - { name: web-01, ip: 10.0.0.1, colour: red }',
      '  - { name: web-01, ip: 10.0.0.2 }',
      '  - { name: web-02, ip: 10.0.0.2 }',
      'alarms:',
      '  - { device: web-09, severity: Loud }',
      'groups: [{ name: Web, members: [web-03] }]',
      'keys: [{ userName: nobody }]',
    ].join('\n')
    let error: unknown
    await createOpmanagerService({ world: parseWorldText(text, 'web.yaml') }).catch((caught) => (error = caught))
    expect(error).toBeInstanceOf(WorldError)
    const problems = (error as WorldError).problems.map((problem) => `${problem.file}:${problem.line} ${problem.path} ${problem.message}`)
    expect(problems).toEqual(
      expect.arrayContaining([
        "web.yaml:3 /devices/0/colour unknown field 'colour'",
        "web.yaml:4 /devices/1/name 'web-01' appears twice",
        "web.yaml:5 /devices/2/ip another device is managed as '10.0.0.2'",
        "web.yaml:7 /alarms/0/device no device named 'web-09' in this world",
        expect.stringMatching(/^web\.yaml:7 \/alarms\/0\/severity must be one of/),
        "web.yaml:8 /groups/0/members/0 no device named 'web-03' in this world",
        "web.yaml:9 /keys/0/userName no user named 'nobody' in this world",
      ]),
    )
    const mock = await createOpmanagerService()
    const before = mock.world.export()
    const answer = await callService(mock.service, 'PUT', '/__opsmocks/state', {
      body: text,
      headers: { 'content-type': 'application/yaml' },
    })
    expect(answer.status).toBe(400)
    expect(mock.world.export()).toEqual(before)
  })

  it('fires and clears alarms and sets device states through the control API, and snapshots and restores by name', async () => {
    const mock = await createOpmanagerService()
    const before = await answers(mock)
    await callService(mock.service, 'POST', '/__opsmocks/snapshots', { body: { name: 'clean' } })
    const fired = await callService(mock.service, 'POST', '/__opsmocks/world/fireAlarm', {
      body: { device: 'web-02', severity: 'Critical', alarmCode: 'HTTP', message: 'web-02: HTTP 500' },
    })
    expect(fired.json).toMatchObject({ severity: 1, message: 'web-02: HTTP 500' })
    const device = async (name: string) =>
      (await callService(mock.service, 'GET', '/api/json/device/listDevices', { headers })).json.find(
        (item: any) => item.displayName === name,
      )
    expect((await device('web-02')).statusStr).toBe('Critical')
    await callService(mock.service, 'POST', '/__opsmocks/world/clearAlarm', { body: { entity: fired.json.entity } })
    await callService(mock.service, 'POST', '/__opsmocks/world/setDeviceState', { body: { device: 'lb-01', state: 'down' } })
    const down = await callService(mock.service, 'GET', '/api/json/discovery/getDownDevices', { headers })
    expect(JSON.stringify(down.json)).toContain('lb-01')
    await callService(mock.service, 'POST', '/__opsmocks/world/setDeviceState', { body: { device: 'lb-02', state: 'unmanaged' } })
    expect((await device('lb-02')).statusStr).toBe('UnManaged')
    const bad = await callService(mock.service, 'POST', '/__opsmocks/world/setDeviceState', {
      body: { device: 'lb-02', state: 'sideways' },
    })
    expect(bad.status).toBe(400)
    await callService(mock.service, 'POST', '/__opsmocks/snapshots/clean/restore')
    expect(await answers(mock)).toEqual(before)
  })
})
