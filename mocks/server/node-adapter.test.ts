import { connect } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Clock } from '../core/clock'
import { MockError } from '../core/mock-error'
import { createService, type MockService, type Operation } from '../core/service'
import { createOpscenterService } from '../opscenter/service'
import { failingOperations } from '../../test/support/failing-operations'
import { listen, type ListenOptions, type RunningServer } from './node-adapter'

/** The node:http transport: nothing a client sends or a handler returns may end the process or hang a socket. */
const running: RunningServer[] = []

afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(running.splice(0).map((server) => server.close()))
})

async function serve(service: MockService, options: ListenOptions = {}): Promise<RunningServer> {
  const server = await listen(service, options)
  running.push(server)
  return server
}

interface Context {
  writes: number
}

function testService(context: Context = { writes: 0 }): MockService {
  const operations: Operation<Context>[] = [
    ...failingOperations<Context>(),
    { operationId: 'bigint', method: 'GET', path: '/bigint', handle: () => ({ status: 200, json: { n: 1n } }) },
    {
      operationId: 'write',
      method: 'POST',
      path: '/write',
      handle: async (ctx) => {
        await new Promise((resolve) => setTimeout(resolve, 50))
        ctx.writes++
        return { status: 201, json: { writes: ctx.writes } }
      },
    },
  ]
  return createService<Context>({
    vendor: 'testvendor',
    operations,
    context,
    clock: new Clock(),
    renderError: (error: MockError) => ({ status: error.code === 'FORBIDDEN' ? 403 : 400, json: { vendorMessage: error.message } }),
    reset: async () => {},
  })
}

/** Sends raw bytes and collects everything the server writes until it closes the connection. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (received += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(received))
    socket.write(bytes)
  })
}

describe('node adapter', () => {
  it('answers a handler that throws, or returns a body with no JSON form, with a 500 in the vendor envelope and keeps serving', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const server = await serve(testService())
    for (const path of ['/throws', '/function', '/bigint', '/bad-header']) {
      const response = await fetch(`${server.url}${path}`)
      expect(response.status, path).toBe(500)
      const body = (await response.json()) as Record<string, string>
      expect(JSON.stringify(body)).not.toMatch(/\bat \S+:\d+/)
    }
    expect(logged).toHaveBeenCalledTimes(4)
    expect((await fetch(`${server.url}/ok`)).status).toBe(200)
  })

  it('survives GET /{cluster}/keyspaces/toString, which once killed the process (defect 1)', async () => {
    const { service } = await createOpscenterService({ authEnabled: false })
    const server = await serve(service)
    for (const name of ['toString', 'constructor', 'hasOwnProperty', 'valueOf']) {
      expect((await fetch(`${server.url}/Test_Cluster/keyspaces/${name}`)).status).toBe(404)
    }
    expect((await fetch(`${server.url}/Test_Cluster/keyspaces`)).status).toBe(200)
  })

  it('answers a write followed by junk on the same connection with the write answer, not a bare 400 (defect 7)', async () => {
    const context = { writes: 0 }
    const server = await serve(testService(context))
    const request = 'POST /write HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}'
    const received = await rawExchange(server.port, `${request}\x00\x01 junk that is no request\r\n\r\n`)
    expect(context.writes).toBe(1)
    expect(received.startsWith('HTTP/1.1 201')).toBe(true)
    expect(received).not.toContain('400 Bad Request')
  })

  it('still answers junk alone with a 400 and closes the connection', async () => {
    const server = await serve(testService())
    expect((await rawExchange(server.port, 'NOT HTTP AT ALL\r\n\r\n')).startsWith('HTTP/1.1 400')).toBe(true)
  })

  it('closes the connection of a client that trickles its body past the request timeout', async () => {
    const server = await serve(testService(), { timeouts: { requestMs: 300, headersMs: 300, checkIntervalMs: 50 } })
    const received = await rawExchange(server.port, 'POST /write HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{"a":')
    expect(received).toMatch(/^HTTP\/1.1 408|^$/)
  })

  it('serves localhost, IP literals and the bound name, and refuses other Host names (DNS rebinding)', async () => {
    const server = await serve(testService(), { allowedHosts: ['mocks.example.test'] })
    const withHost = (host: string) => rawExchange(server.port, `GET /ok HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)
    for (const host of [
      `127.0.0.1:${server.port}`,
      `localhost:${server.port}`,
      'app.localhost',
      '[::1]:80',
      '10.1.2.3',
      'mocks.example.test',
    ])
      expect(await withHost(host), host).toMatch(/^HTTP\/1.1 200/)
    for (const host of ['attacker.example', 'attacker.example:4010', 'localhost.attacker.example'])
      expect(await withHost(host), host).toMatch(/^HTTP\/1.1 403/)
  })

  it('refuses control writes a page on another origin sends, and accepts them from curl, same-origin and loopback pages', async () => {
    const server = await serve(testService())
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/__opsmocks/reset`, { method: 'POST', headers }).then((response) => response.status)
    expect(await post({})).toBe(200)
    expect(await post({ origin: server.url })).toBe(200)
    expect(await post({ 'sec-fetch-site': 'same-origin' })).toBe(200)
    expect(await post({ origin: 'http://localhost:5173', 'sec-fetch-site': 'same-site' })).toBe(200)
    expect(await post({ origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'cross-site' })).toBe(200)
    expect(await post({ origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site' })).toBe(403)
    expect(await post({ origin: 'http://rebound.attacker.example:4010' })).toBe(403)
    expect(await post({ origin: 'null' })).toBe(403)
    expect(await post({ 'sec-fetch-site': 'cross-site' })).toBe(403)
    expect((await fetch(`${server.url}/__opsmocks/health`, { headers: { origin: 'https://attacker.example' } })).status).toBe(200)
  })
})
