import { connect } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, type RunningServer } from '../../mocks/server/node-adapter'
import { VENDORS } from '../../mocks/vendors'
import opmanagerSpec from '../../mocks/generated/opmanager.openapi.json'
import opscenterSpec from '../../mocks/generated/opscenter.openapi.json'
import opsviewSpec from '../../mocks/generated/opsview.openapi.json'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { OPMANAGER_ADMIN_API_KEY } from '../../mocks/opmanager/service'
import { FUZZ_RUNS, FUZZ_SEED, PROTOTYPE_NAMES, specOperations } from './spec-fuzz'

/**
 * The node:http transport under fuzzed bytes (issue 8): raw requests with broken request lines, headers and
 * bodies, pipelined junk after valid requests and prototype names in every path segment, over real sockets to
 * all three mocks in this process. Whatever arrives, the process must stay up and the next request be answered.
 */
const servers = new Map<string, RunningServer>()

beforeAll(async () => {
  for (const vendor of VENDORS) {
    const { service } = await vendor.create(() => undefined)
    servers.set(vendor.name, await listen(service, { timeouts: { requestMs: 2_000, headersMs: 2_000, checkIntervalMs: 250 } }))
  }
})

afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.close()))
})

/** Writes raw bytes, then collects what the server sends until it closes or goes quiet. */
function exchange(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    const done = () => {
      socket.destroy()
      resolve(received)
    }
    socket.setTimeout(500, done)
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')))
    socket.on('error', done)
    socket.on('close', done)
    socket.end(bytes)
  })
}

async function stillServing(server: RunningServer): Promise<void> {
  const response = await fetch(`${server.url}/__opsmocks/health`)
  expect(response.status).toBe(200)
}

const token = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES, '%', '%00', '%ZZ', '..', '', ' ', '\t', '\r', '\n', ':', '?', '#', '{', '}', '%25%25%25'),
  fc.string({ maxLength: 12 }),
)

const requestLine = fc.oneof(
  fc
    .tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'BREW', ''), fc.array(token, { maxLength: 5 }))
    .map(([method, segments]) => `${method} /${segments.join('/')} HTTP/1.1`),
  fc.string({ maxLength: 60 }),
)

const header = fc.oneof(
  fc.constantFrom(
    'Content-Type: application/json',
    'Content-Type: text/plain',
    'Content-Length: 5',
    'Content-Length: -1',
    'Content-Length: 99999999999999999999',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: gzip, chunked',
    'Origin: null',
    'Host: attacker.example',
    '__proto__: x',
    'constructor: y',
    'X-Opsview-Username: admin',
    'apiKey: test-api-key-0123456789abcdef',
    'Authorization: Basic YWRtaW46YWRtaW4=',
  ),
  fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 20 })).map(([name, value]) => `${name}: ${value}`),
)

const rawRequest = fc
  .tuple(
    requestLine,
    fc.array(header, { maxLength: 5 }),
    fc.oneof(fc.string({ maxLength: 40 }), fc.json()),
    fc.boolean(),
    fc.string({ maxLength: 30 }),
  )
  .map(([line, headers, body, pipelined, junk]) => {
    const first = `${line}\r\nHost: 127.0.0.1\r\n${headers.join('\r\n')}\r\n\r\n${body}`
    return Buffer.from(pipelined ? `${first}GET /__opsmocks/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n${junk}` : first, 'latin1')
  })

describe('node:http transport under fuzzed bytes', () => {
  for (const vendor of VENDORS) {
    it(`${vendor.name}: any bytes leave the process up and the next request answered`, async () => {
      const server = servers.get(vendor.name)!
      await fc.assert(
        fc.asyncProperty(rawRequest, async (bytes) => {
          const received = await exchange(server.port, bytes)
          expect(received, 'no 5xx on the wire').not.toMatch(/^HTTP\/1\.1 5\d\d/m)
          await stillServing(server)
        }),
        { seed: FUZZ_SEED, numRuns: FUZZ_RUNS * 5 },
      )
    })
  }

  const specs: Record<string, BundledSpec> = {
    opsview: opsviewSpec as unknown as BundledSpec,
    opscenter: opscenterSpec as unknown as BundledSpec,
    opmanager: opmanagerSpec as unknown as BundledSpec,
  }

  async function credentials(vendor: string, server: RunningServer): Promise<Record<string, string>> {
    if (vendor === 'opscenter') return { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }
    if (vendor === 'opmanager') return { apikey: OPMANAGER_ADMIN_API_KEY }
    const login = await fetch(`${server.url}/rest/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'initial' }),
    })
    return { 'x-opsview-username': 'admin', 'x-opsview-token': ((await login.json()) as { token: string }).token }
  }

  for (const vendor of VENDORS) {
    it(`${vendor.name}: a prototype name in any path parameter of any GET is answered below 500`, async () => {
      const server = servers.get(vendor.name)!
      const headers = await credentials(vendor.name, server)
      for (const operation of specOperations(specs[vendor.name]!).filter((item) => item.method === 'GET' && item.pathParams.length)) {
        for (const parameter of operation.pathParams) {
          for (const name of PROTOTYPE_NAMES) {
            const path = operation.template.replace(/\{([^}]+)\}/g, (_, param: string) =>
              encodeURIComponent(
                param === parameter.name ? name : String(operation.pathParams.find((p) => p.name === param)?.example ?? exampleFor(param)),
              ),
            )
            const response = await fetch(`${server.url}${path}`, { headers })
            expect(response.status, `GET ${path}`).toBeLessThan(500)
            await response.arrayBuffer()
          }
        }
      }
      await stillServing(server)
    })
  }
})

/** Path examples the specs give in schema `examples` rather than `example`. */
function exampleFor(param: string): string {
  return param === 'cluster_id' ? 'Test_Cluster' : param === 'objecttype' ? 'host' : '1'
}
