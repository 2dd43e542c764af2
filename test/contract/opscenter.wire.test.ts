import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startServerProcess, type ServerProcess } from '../../contracts/support/server-process'
import { loadCapturedClients, replay, type CapturedClient, type ReplayResponse } from '../support/wire'

/**
 * Every request real OpsCenter clients were seen sending, replayed byte for byte against `npm start`'s
 * server: each must get the answer that client needs to continue (wire.md, "OpsCenter").
 */
const CAPTURED_SESSION = '0123456789abcdef0123456789abcdef'
const NOT_LOGGED_IN = { message: 'You must be logged in for this operation', type: 'Unauthorized' }
const clients = loadCapturedClients('opscenter')
const client = (name: string): CapturedClient => clients.find((item) => item.name === name)!

/** What each request must answer for its client, by request line (query and trailing slash dropped). */
const NEEDS: Record<string, (response: ReplayResponse) => void> = {
  'POST /login': (response) => expect(response.json).toEqual({ sessionid: expect.stringMatching(/^[0-9a-f]{32}$/) }),
  'GET /meta': (response) => expect(response.json).toEqual({ version: expect.any(String) }),
  'GET /api/v2/lcm/repositories': (response) => expect(response.json.results).toEqual(expect.any(Array)),
  'GET /api/v2/lcm/machine_credentials': (response) => expect(response.json.results).toEqual(expect.any(Array)),
  'GET /api/v2/lcm/clusters': (response) => expect(response.json.results).toEqual(expect.any(Array)),
  'POST /api/v2/lcm/repositories': (response) => expect(response.json).toMatchObject({ id: expect.any(String), name: 'mock-test' }),
  'POST /api/v2/lcm/machine_credentials': (response) => expect(response.json).toMatchObject({ id: expect.any(String), name: 'mock-test' }),
  'PUT /users/admin': (response) => expect(response.json).toEqual({}),
  'GET /cluster-configs': (response) => {
    // check_datastax_opscenter_* lists cluster ids with keys(%json).
    expect(Object.keys(response.json)).toContain('Test_Cluster')
  },
  'GET /Test_Cluster/nodes': (response) => {
    for (const node of response.json)
      expect(node).toMatchObject({ node_ip: expect.any(String), node_name: expect.any(String), last_seen: expect.any(Number) })
  },
}

const label = (method: string, target: string) => `${method} ${target.split('?')[0]!.replace(/\/$/, '')}`

/** Replays a client in order, swapping the captured session id for the one its own login returned. */
async function replayClient(
  url: string,
  captured: CapturedClient,
  expectStatus: (request: string, index: number) => number,
): Promise<ReplayResponse[]> {
  let session = CAPTURED_SESSION
  const responses: ReplayResponse[] = []
  for (const [index, request] of captured.requests.entries()) {
    const line = label(request.method, request.target)
    const response = await replay(url, request, { [CAPTURED_SESSION]: session })
    expect(response.status, `${captured.name}: ${line} → ${response.text}`).toBe(expectStatus(line, index))
    if (response.status === 200 || response.status === 201) NEEDS[line]?.(response)
    if (line === 'POST /login') session = response.json.sessionid
    responses.push(response)
  }
  return responses
}

const created = (line: string) => (line.startsWith('POST /api/') ? 201 : 200)

describe('OpsCenter clients captured on the wire, authentication enabled', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServerProcess('opscenter')
  }, 20_000)
  afterAll(() => server.stop())
  // Each client meets the seeded server (the password script changes admin's password).
  beforeEach(async () => {
    await fetch(`${server.url}/__opsmocks/reset`, { method: 'POST' })
  })

  it('answers dse-opscenter-automation: JSON login with no content type, then LCM lists and creates', async () => {
    await replayClient(server.url, client('dse-opscenter-automation'), (line) => created(line))
  })

  it('answers dspn-utilLCM: /meta 401 first, a form login, then /meta and LCM with a sessionid header', async () => {
    const responses = await replayClient(server.url, client('dspn-utilLCM'), (_line, index) => (index === 0 ? 401 : 200))
    expect(responses[0]!.json).toEqual(NOT_LOGGED_IN)
  })

  it('answers dspn-set-opsc-pw: JSON labelled as a form, then its own password change, which takes effect', async () => {
    await replayClient(server.url, client('dspn-set-opsc-pw'), () => 200)
    const login = await replay(server.url, client('dspn-set-opsc-pw').requests[0]!)
    expect(login.status).toBe(401)
    const renewed = await fetch(`${server.url}/login`, { method: 'POST', body: '{"username":"admin","password":"N3wPassw0rd"}' })
    expect(renewed.status).toBe(200)
  })

  it.each(['harisekhon-list-clusters', 'harisekhon-nodes'])(
    'answers %s (valid HTTP Basic credentials, no login) with the shapes the Nagios plugin reads',
    async (name) => {
      await replayClient(server.url, client(name), () => 200)
    },
  )

  it('answers HTTP Basic credentials with a wrong password with the documented 401 envelope', async () => {
    const [request] = client('harisekhon-list-clusters').requests
    const wrong = {
      ...request!,
      headers: request!.headers.map(([name, value]): [string, string] => [
        name,
        name === 'Authorization' ? `Basic ${btoa('admin:wrong')}` : value,
      ]),
    }
    const response = await replay(server.url, wrong)
    expect(response.status).toBe(401)
    expect(response.json).toEqual(NOT_LOGGED_IN)
  })
})

describe('OpsCenter clients captured on the wire, Basic credentials refused as OpsCenter 5.x does (OPSCENTER_BASIC_AUTH=reject)', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServerProcess('opscenter', { OPSCENTER_BASIC_AUTH: 'reject' })
  }, 20_000)
  afterAll(() => server.stop())

  it.each(['harisekhon-list-clusters', 'harisekhon-nodes'])('answers %s with the documented 401 envelope', async (name) => {
    const responses = await replayClient(server.url, client(name), () => 401)
    expect(responses[0]!.json).toEqual(NOT_LOGGED_IN)
  })
})

describe('OpsCenter clients captured on the wire, authentication disabled (OPSCENTER_AUTH=off)', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServerProcess('opscenter', { OPSCENTER_AUTH: 'off' })
  }, 20_000)
  afterAll(() => server.stop())

  it.each(['harisekhon-list-clusters', 'harisekhon-nodes'])('answers %s with the shapes the Nagios plugin reads', async (name) => {
    await replayClient(server.url, client(name), () => 200)
  })

  it('answers dspn-utilLCM a 200 on its first /meta, which it reads as "no login needed"', async () => {
    const first = await replay(server.url, client('dspn-utilLCM').requests[0]!)
    expect(first.status).toBe(200)
    expect(first.json).toEqual({ version: expect.any(String) })
  })

  it('answers every other client in full, login included', async () => {
    for (const name of ['dse-opscenter-automation', 'dspn-set-opsc-pw'])
      await replayClient(server.url, client(name), (line) => created(line))
  })
})
