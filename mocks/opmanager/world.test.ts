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

/** What a client sees: devices and their details, interfaces, alarms with notes, events, users, keys. */
async function answers(mock: OpmanagerService): Promise<unknown[]> {
  const get = async (path: string) => ({ path, ...(await callService(mock.service, 'GET', path, { headers })).json })
  const devices = (await get('/api/json/device/listDevices')) as unknown as { path: string } & Record<string, unknown>
  const names = Object.values(devices)
    .filter((item): item is { deviceName: string } => typeof item === 'object' && item !== null && 'deviceName' in item)
    .map((device) => device.deviceName)
  const alarms = (await callService(mock.service, 'GET', '/api/json/alarm/listAlarms', { headers })).json as Array<{ entity: string }>
  const paths = [
    '/api/json/device/listDevices',
    '/api/json/alarm/listAlarms',
    '/api/json/events/listEvents',
    '/api/json/admin/listUsers',
    '/api/json/device/listInterfaces',
    '/api/json/discovery/getDownDevices',
    '/__opsmocks/opmanager/keys',
    ...names.flatMap((name) => [`/api/json/device/getDeviceSummary?name=${name}`, `/api/json/device/getDeviceInfo?name=${name}`]),
    ...alarms.slice(0, 10).map((alarm) => `/api/json/alarm/getAnnotation?entity=${alarm.entity}`),
  ]
  return Promise.all(paths.map(get))
}

describe('OpManager world', () => {
  it('exports the seed as a world that loads back to the same answers', async () => {
    const seeded = await createOpmanagerService()
    const loaded = await createOpmanagerService({ world: seeded.world.export() })
    expect(await answers(loaded)).toEqual(await answers(seeded))
  })

  it('round-trips changes made through the API and the world actions', async () => {
    const mock = await createOpmanagerService()
    await callService(mock.service, 'POST', '/api/json/alarm/addNotes?entity=IF-1&notes=looking', { headers })
    await callService(mock.service, 'POST', '/api/json/alarm/deleteAlarm?entity=IF-1', { headers })
    await mock.world.setDeviceState({ device: 'db-01', state: 'down' })
    await mock.world.setMonitorValue({ device: 'web-01', monitor: 'CPUUSAGE', value: 99 })
    const copy = await createOpmanagerService({ world: mock.world.export() })
    expect(await answers(copy)).toEqual(await answers(mock))
  })

  it('builds a compact world: a device with defaults, an alarm by name, its status from the alarm', async () => {
    const mock = await createOpmanagerService({
      world: {
        vendor: 'opmanager',
        devices: [{ name: 'till-01', ip: '192.168.7.1', monitors: [{ name: 'CPUUSAGE', value: 42 }] }],
        alarms: [{ device: 'till-01', alarmcode: 'PAPER-LOW', severity: 'Trouble', message: 'Receipt printer paper low' }],
        users: [{ userName: 'ana', password: 'pw', privilege: 'Administrators', restApiAccess: true }],
        keys: [{ userName: 'ana', value: 'ana-key-0123456789' }],
      },
    })
    const key = { apiKey: 'ana-key-0123456789' }
    const devices = await callService(mock.service, 'GET', '/api/json/device/listDevices', { headers: key })
    expect(JSON.stringify(devices.json)).toContain('"statusStr":"Trouble"')
    const alarms = await callService(mock.service, 'GET', '/api/json/alarm/listAlarms', { headers: key })
    expect(alarms.json[0]).toMatchObject({ deviceName: '192.168.7.1', displayName: 'till-01', alarmcode: 'PAPER-LOW', numericSeverity: 2 })
  })

  it('refuses alarms on unknown devices and keys of unknown users, with their lines', async () => {
    const text = [
      'vendor: opmanager',
      'devices: [{ name: a }]',
      'alarms:',
      '  - { device: b, alarmcode: X }',
      'keys:',
      '  - { userName: ghost }',
    ].join('\n')
    const error = await createOpmanagerService({ world: parseWorldText(text, 'o.yaml') }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(WorldError)
    expect((error as WorldError).problems.map((problem) => `${problem.line} ${problem.path}`)).toEqual([
      '4 /alarms/0/device',
      '6 /keys/0/userName',
    ])
  })

  it('fires an alarm and clears it again', async () => {
    const mock = await createOpmanagerService()
    const fired = await mock.world.fireAlarm({ device: 'web-01', alarmcode: 'HTTP-500', severity: 'Critical', message: 'Shop answers 500' })
    expect(fired).toMatchObject({ numericSeverity: 1, message: 'Shop answers 500' })
    const cleared = await mock.world.clearAlarm({ entity: fired!.entity })
    expect(cleared).toMatchObject({ numericSeverity: 5 })
    await expect(mock.world.fireAlarm({ device: 'nope' })).rejects.toThrow(/No device named "nope"/)
  })
})
