import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseWorldText } from '../../mocks/core/world'
import { createOpsviewService, type OpsviewService } from '../../mocks/opsview/service'
import { createOpscenterService } from '../../mocks/opscenter/service'
import { createOpmanagerService, OPMANAGER_ADMIN_API_KEY } from '../../mocks/opmanager/service'
import { listen, type RunningServer } from '../../mocks/server/node-adapter'
import { startProxy, type RunningProxy } from '../../mocks/server/proxy'
import { VENDORS } from '../../mocks/vendors'

/**
 * The record-through proxy with opsmocks itself as the stand-in real vendor: the client gets the real
 * answers, every answer is judged against the spec as it passes, and the world it writes loads into a
 * fresh mock that answers the same.
 */
const vendor = (name: string) => VENDORS.find((entry) => entry.name === name)!
const dir = mkdtempSync(join(tmpdir(), 'opsmocks-proxy-'))

async function json(url: string, init?: RequestInit): Promise<any> {
  return (await fetch(url, init)).json()
}

describe('record-through proxy: Opsview', () => {
  let real: OpsviewService
  let realServer: RunningServer
  let proxy: RunningProxy
  const worldOut = join(dir, 'opsview.yaml')
  const lines: string[] = []

  beforeAll(async () => {
    real = await createOpsviewService()
    realServer = await listen(real.service)
    proxy = await startProxy({
      vendor: vendor('opsview'),
      target: realServer.url,
      worldOut,
      fidelityOut: join(dir, 'fidelity-opsview.json'),
      log: (line) => lines.push(line),
    })
  })
  afterAll(async () => {
    await proxy.close()
    await realServer.close()
  })

  async function session(base: string): Promise<Record<string, string>> {
    const login = await json(`${base}/rest/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'initial' }),
    })
    return { 'X-Opsview-Username': 'admin', 'X-Opsview-Token': login.token }
  }

  const READS = [
    // What a host refers to, then the hosts: a world of these loads on its own.
    ...[
      'hostgroup',
      'keyword',
      'servicegroup',
      'servicecheck',
      'hosttemplate',
      'attribute',
      'notificationmethod',
      'sharednotificationprofile',
      'notificationprofile',
      'role',
      'contact',
      'host',
    ].map((type) => `/rest/config/${type}?rows=all`),
    '/rest/status/host?rows=all',
    '/rest/status/service?rows=all',
  ]

  it('answers with the real answers and finds no difference from the spec', async () => {
    const headers = await session(proxy.url)
    // Status views show durations in seconds, so two reads a moment apart are compared by their states.
    const comparable = (path: string, body: any) =>
      path.startsWith('/rest/status/') ? body.list.map((host: any) => [host.name, host.state, host.output, host.services?.length]) : body
    for (const path of READS) {
      const viaProxy = await json(`${proxy.url}${path}`, { headers })
      expect(comparable(path, viaProxy)).toEqual(comparable(path, await json(`${realServer.url}${path}`, { headers })))
    }
    expect(proxy.differences).toEqual([])
    expect(lines.some((line) => line.startsWith('GET /rest/config/host?rows=all → 200 listConfigObjects ✓'))).toBe(true)
  })

  it('reports a real answer the spec does not allow, live, without failing the client', async () => {
    await real.service.faults.add({ path: '/rest/user', status: 418, message: 'teapot', times: 1 })
    const response = await fetch(`${proxy.url}/rest/user`, { headers: await session(proxy.url) })
    expect(response.status).toBe(418)
    expect(proxy.differences).toEqual([
      { request: 'GET /rest/user', problems: [expect.stringMatching(/getUser → 418: status 418 is not documented/)] },
    ])
    expect(lines.at(-1)).toMatch(/GET \/rest\/user → 418 getUser ✗ 1 difference/)
  })

  it('writes a world of what it read that loads into a mock answering the same, and a redacted recording', async () => {
    proxy.flush()
    const text = readFileSync(worldOut, 'utf8')
    expect(text).not.toContain('does not load yet')
    const learned = await createOpsviewService({ world: parseWorldText(text, worldOut) })
    const headersReal = await session(realServer.url)
    const learnedServer = await listen(learned.service)
    try {
      const headersLearned = await session(learnedServer.url)
      // Objects whose answer shows write times (last_updated), sensitive arguments or links to types not read
      // (business components) are compared by what the world holds of them.
      const comparableConfig = (path: string, body: any) => {
        if (path.includes('/servicecheck')) return body.list.map((item: any) => item.name)
        if (path.includes('/host?'))
          return body.list.map((item: any) => [item.id, item.name, item.ip, item.hostgroup.name, item.hosttemplates])
        if (path.includes('/contact?')) return body.list.map((item: any) => [item.id, item.name, item.role.name])
        return body
      }
      for (const path of READS.filter((path) => path.startsWith('/rest/config/'))) {
        const learnedAnswer = await json(`${learnedServer.url}${path}`, { headers: headersLearned })
        const realAnswer = await json(`${realServer.url}${path}`, { headers: headersReal })
        expect(comparableConfig(path, learnedAnswer)).toEqual(comparableConfig(path, realAnswer))
      }
      const status = await json(`${learnedServer.url}/rest/status/service?hostname=web05`, { headers: headersLearned })
      const realStatus = await json(`${realServer.url}/rest/status/service?hostname=web05`, { headers: headersReal })
      expect(status.list[0].state).toBe(realStatus.list[0].state)
      expect(status.list[0].services.map((service: { state: string }) => service.state)).toEqual(
        realStatus.list[0].services.map((service: { state: string }) => service.state),
      )
    } finally {
      await learnedServer.close()
    }
    const recording = JSON.parse(readFileSync(`${worldOut}.recording.json`, 'utf8'))
    const login = recording.exchanges.find((exchange: { operationId: string }) => exchange.operationId === 'login')
    expect(JSON.parse(login.body).password).toBe('[redacted]')
    expect(login.response.body.token).toBe('[redacted]')
    expect(JSON.parse(readFileSync(join(dir, 'fidelity-opsview.json'), 'utf8')).differences).toHaveLength(1)
  })
})

describe('record-through proxy: OpsCenter', () => {
  it('answers with the real answers and learns a world that loads into a mock answering the same', async () => {
    const real = await createOpscenterService()
    const server = await listen(real.service)
    const worldOut = join(dir, 'opscenter.yaml')
    const proxy = await startProxy({
      vendor: vendor('opscenter'),
      target: server.url,
      worldOut,
      fidelityOut: join(dir, 'fidelity-opscenter.json'),
    })
    const reads = [
      '/users',
      '/permissions/roles',
      '/permissions/roles/user',
      '/permissions/roles/operator',
      '/cluster-configs',
      ...['Test_Cluster', 'Prod_Cluster'].flatMap((cluster) =>
        [
          'nodes',
          'cluster',
          'keyspaces',
          'alert-rules',
          'bestpractice/results/latest',
          'rc/dashboard_presets',
          'alerts/fired',
          'storage-capacity',
        ].map((path) => `/${cluster}/${path}`),
      ),
      ...['repositories', 'machine_credentials', 'config_profiles', 'clusters', 'datacenters', 'nodes'].map(
        (kind) => `/api/v2/lcm/${kind}`,
      ),
    ]
    const login = async (base: string) => {
      const session = await json(`${base}/login`, { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'admin' }) })
      return { 'opscenter-session': session.sessionid }
    }
    try {
      const headers = await login(proxy.url)
      for (const path of reads)
        expect(await json(`${proxy.url}${path}`, { headers }), path).toEqual(await json(`${server.url}${path}`, { headers }))
      expect(proxy.differences).toEqual([])
      proxy.flush()
      const text = readFileSync(worldOut, 'utf8')
      expect(text).not.toContain('does not load yet')
      const learned = await createOpscenterService({ world: parseWorldText(text, worldOut) })
      const learnedServer = await listen(learned.service)
      try {
        const learnedHeaders = await login(learnedServer.url)
        // Fired alerts count their age from a condition traced in the series: compared by what fires where.
        const comparable = (path: string, body: any) =>
          path.endsWith('/alerts/fired') ? body.map((alert: any) => [alert.alert_rule_id, alert.node]) : body
        for (const path of reads)
          expect(comparable(path, await json(`${learnedServer.url}${path}`, { headers: learnedHeaders })), path).toEqual(
            comparable(path, await json(`${server.url}${path}`, { headers })),
          )
      } finally {
        await learnedServer.close()
      }
    } finally {
      await proxy.close()
      await server.close()
    }
  })
})

describe('record-through proxy: OpManager', () => {
  it('runs as opsmocks proxy --world-out, writes a redacted recording and a world that answers the same', async () => {
    const real = await createOpmanagerService()
    const server = await listen(real.service)
    const worldOut = join(dir, 'opmanager.yaml')
    const recording = join(dir, 'opmanager.recording.json')
    const cli = fileURLToPath(new URL('../../dist/server/cli.js', import.meta.url))
    const child = spawn(
      process.execPath,
      [cli, 'proxy', '--vendor', 'opmanager', '--target', server.url, '--world-out', worldOut, '--recording', recording],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    try {
      let output = ''
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const match = /proxy (http:\/\/\S+)/.exec(output)
          if (match && output.includes('opsmocks proxy ready')) resolve(match[1]!)
        })
        child.once('exit', (code) => reject(new Error(`proxy exited ${code}: ${output}`)))
      })
      const headers = { apiKey: OPMANAGER_ADMIN_API_KEY }
      const devices = await json(`${url}/api/json/device/listDevices`, { headers })
      expect(devices).toEqual(await json(`${server.url}/api/json/device/listDevices`, { headers }))
      for (const device of devices)
        await json(`${url}/api/json/device/getInterfaces?name=${encodeURIComponent(device.deviceName)}`, { headers })
      await json(`${url}/api/json/alarm/listAlarms`, { headers })
      await json(`${url}/api/json/admin/listUsers`, { headers })
      child.kill('SIGINT')
      await new Promise((resolve) => child.once('exit', resolve))
      const exchanges = JSON.parse(readFileSync(recording, 'utf8')).exchanges
      expect(exchanges[0].operationId).toBe('listDevices')
      expect(exchanges[0].headers.apikey).toBe('[redacted]')
      const text = readFileSync(worldOut, 'utf8')
      expect(text).not.toContain('does not load yet')
      const learned = await createOpmanagerService({ world: parseWorldText(text, worldOut) })
      const learnedServer = await listen(learned.service)
      try {
        // The client's key works against the learned world; what it read answers the same.
        const device = (item: any) => [
          item.displayName,
          item.deviceName,
          item.ipaddress,
          item.category,
          item.statusStr,
          item.interfaceCount,
        ]
        const alarm = (item: any) => [item.entity, item.displayName, item.numericSeverity, item.message, item.who, item.alarmcode]
        const read = (base: string, path: string) => json(`${base}${path}`, { headers })
        expect((await read(learnedServer.url, '/api/json/device/listDevices')).map(device)).toEqual(devices.map(device))
        expect((await read(learnedServer.url, '/api/json/alarm/listAlarms')).map(alarm)).toEqual(
          (await read(server.url, '/api/json/alarm/listAlarms')).map(alarm),
        )
        expect(await read(learnedServer.url, '/api/json/admin/listUsers')).toEqual(await read(server.url, '/api/json/admin/listUsers'))
        const interfaces = '/api/json/device/getInterfaces?name=core-rtr-01'
        const names = (body: any) => body.interfaces.map((item: any) => [item.name, item.displayName, item.statusStr, item.inSpeed])
        expect(names(await read(learnedServer.url, interfaces))).toEqual(names(await read(server.url, interfaces)))
      } finally {
        await learnedServer.close()
      }
    } finally {
      child.kill('SIGTERM')
      await server.close()
    }
  })
})
