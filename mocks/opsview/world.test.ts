import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { callService } from '../core/service-client'
import { parseWorldText, WorldError } from '../core/world'
import { createOpsviewService, type OpsviewService } from './service'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2030, 0, 1, 12) })
})
afterEach(() => {
  vi.useRealTimers()
})

async function session(mock: OpsviewService): Promise<Record<string, string>> {
  const login = await callService(mock.service, 'POST', '/rest/login', { body: { username: 'admin', password: 'initial' } })
  return { 'X-Opsview-Username': 'admin', 'X-Opsview-Token': login.json.token }
}

/** What a client sees of the whole estate: every config list, every status view, downtimes. */
async function answers(mock: OpsviewService): Promise<unknown[]> {
  const headers = await session(mock)
  const paths = [
    ...['host', 'hostgroup', 'hosttemplate', 'contact', 'role'].map((type) => `/rest/config/${type}?rows=all`),
    '/rest/status/host?rows=all',
    '/rest/status/service?rows=all',
    '/rest/status/hostgroup',
    '/rest/downtime',
    '/rest/reload',
  ]
  return Promise.all(paths.map(async (path) => ({ path, ...(await callService(mock.service, 'GET', path, { headers })).json })))
}

describe('Opsview world', () => {
  it('exports the seed as a world that loads back to the same answers', async () => {
    const seeded = await createOpsviewService()
    const loaded = await createOpsviewService({ world: seeded.world.export() })
    expect(await answers(loaded)).toEqual(await answers(seeded))
  })

  it('round-trips changes made through the API and the world actions', async () => {
    const mock = await createOpsviewService()
    const headers = await session(mock)
    const created = await callService(mock.service, 'POST', '/rest/config/host', {
      headers,
      body: { name: 'shop-web', ip: '10.9.9.9', hostgroup: { name: 'UK Web Servers' }, hosttemplates: [{ name: 'Web Server' }] },
    })
    expect(created.status).toBe(200)
    await callService(mock.service, 'POST', '/rest/reload', { headers })
    mock.world.setServiceState({ host: 'shop-web', service: 'HTTPS', state: 'critical', output: 'CRITICAL - certificate expired' })
    mock.world.setHostState({ host: 'db02', state: 'down' })
    const copy = await createOpsviewService({ world: mock.world.export() })
    expect(await answers(copy)).toEqual(await answers(mock))
  })

  it('builds a compact world: references by name, omitted fields take defaults, runtime state per service', async () => {
    const mock = await createOpsviewService({
      world: {
        vendor: 'opsview',
        hostgroups: [{ name: 'Estate' }, { name: 'Shops', parent: 'Estate' }],
        servicegroups: [{ name: 'Shop' }],
        servicechecks: [
          { name: 'Till Software', servicegroup: 'Shop', checktype: 'Active Plugin' },
          { name: 'Receipt Printer', servicegroup: 'Shop', checktype: 'Active Plugin' },
        ],
        hosttemplates: [{ name: 'Till', servicechecks: ['Till Software', 'Receipt Printer'] }],
        roles: [{ name: 'Admins', accesses: ['ADMINACCESS', 'VIEWALL', 'CONFIGUREHOSTS'], all_hostgroups: true }],
        contacts: [{ name: 'ana', password: 'secret', role: 'Admins' }],
        hosts: [
          {
            name: 'till-01',
            ip: '192.168.7.1',
            hostgroup: 'Shops',
            hosttemplates: ['Till'],
            services: { 'Receipt Printer': { state: 'warning', output: 'WARNING - paper low' } },
          },
        ],
      },
    })
    const login = await callService(mock.service, 'POST', '/rest/login', { body: { username: 'ana', password: 'secret' } })
    const headers = { 'X-Opsview-Username': 'ana', 'X-Opsview-Token': login.json.token }
    const host = await callService(mock.service, 'GET', '/rest/config/host?s.name=till-01', { headers })
    expect(host.json.list[0]).toMatchObject({ name: 'till-01', hostgroup: { name: 'Shops' }, check_interval: '300', uncommitted: '0' })
    const services = await callService(mock.service, 'GET', '/rest/status/service?hostname=till-01', { headers })
    const printer = services.json.list[0].services.find((service: { name: string }) => service.name === 'Receipt Printer')
    expect(printer).toMatchObject({ state: 'warning', output: 'WARNING - paper low' })
  })

  it('refuses a bad world listing every problem by path and line, and changes nothing', async () => {
    const text = [
      'vendor: opsview',
      'hostgroups:',
      '  - name: Estate',
      'hosts:',
      '  - name: web 01',
      '    ip: 10.0.0.1',
      '    hostgroup: Nowhere',
      '  - name: db01',
      '    colour: blue',
      '    hostgroup: Estate',
    ].join('\n')
    let error: unknown
    await createOpsviewService({ world: parseWorldText(text, 'estate.yaml') }).catch((caught) => (error = caught))
    expect(error).toBeInstanceOf(WorldError)
    const problems = (error as WorldError).problems.map((problem) => `${problem.file}:${problem.line} ${problem.path} ${problem.message}`)
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^estate\.yaml:5 \/hosts\/0\/name must match pattern/),
        expect.stringMatching(/^estate\.yaml:9 \/hosts\/1\/colour unknown field 'colour'/),
        expect.stringMatching(/^estate\.yaml:7 \/hosts\/0\/hostgroup no hostgroup named 'Nowhere'/),
        expect.stringMatching(/^estate\.yaml:8 \/hosts\/1 missing required field 'ip'/),
      ]),
    )
    const mock = await createOpsviewService()
    const before = mock.world.export()
    const bad = { vendor: 'opsview', hostgroups: [{ name: 'Estate' }], hosts: [{ name: 'web01', ip: '10.0.0.1', hostgroup: 'Nowhere' }] }
    await expect(mock.world.load(bad)).rejects.toThrow(/\/hosts\/0\/hostgroup: no hostgroup named 'Nowhere'/)
    expect(mock.world.export()).toEqual(before)
  })

  it('composes worlds: a later file overrides fields of objects with the same name', async () => {
    const base = (await createOpsviewService()).world.export()
    const mock = await createOpsviewService({
      world: [base, { vendor: 'opsview', hosts: [{ name: 'web01', state: 'down', output: 'CRITICAL - no route' }] }],
    })
    const headers = await session(mock)
    const status = await callService(mock.service, 'GET', '/rest/status/host?hostname=web01', { headers })
    expect(status.json.list[0]).toMatchObject({ name: 'web01', state: 'down', output: 'CRITICAL - no route' })
    await mock.reset()
    expect(
      (await callService(mock.service, 'GET', '/rest/status/host?hostname=web01', { headers: await session(mock) })).json.list[0].state,
    ).toBe('down')
  })

  it('snapshots and restores by name', async () => {
    const mock = await createOpsviewService()
    const before = await answers(mock)
    mock.world.snapshot('clean')
    mock.world.setHostState({ host: 'web01', state: 'unreachable' })
    expect(await answers(mock)).not.toEqual(before)
    await mock.world.restore('clean')
    expect(await answers(mock)).toEqual(before)
    await expect(mock.world.restore('missing')).rejects.toThrow(/No snapshot named 'missing'/)
  })
})
