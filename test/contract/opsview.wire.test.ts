import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess, type ServerProcess } from '../../contracts/support/server-process'
import { loadCapturedClients, replay, type ReplayResponse } from '../support/wire'

/**
 * Every request real Opsview clients were seen sending, replayed byte for byte against `npm start`'s
 * server: each must get an answer that client can continue with.
 */
const CAPTURED_TOKEN = 'f00dfeedcafe0123456789abcdef0123456789ab'

/** What particular clients need beyond a 200 with JSON (from their source, see wire.md). */
const CLIENT_NEEDS: Record<string, (request: string, response: ReplayResponse) => void> = {
  'perl-Opsview-RestAPI': (request, response) => {
    if (request === 'GET /rest') expect(response.json.api_version).toBeGreaterThanOrEqual(4)
  },
  pyopsview: (request, response) => {
    if (request === 'GET /rest/info') expect(response.json.opsview_version).toMatch(/^[0-9]+\.[0-9]+\.[0-9]+$/)
  },
  'opsview-go-skirvin': (request, response) => {
    // It panics when these arrive as JSON numbers.
    if (request === 'GET /rest/info') for (const value of Object.values(response.json)) expect(typeof value).toBe('string')
  },
  'opsview-inventory': (request, response) => {
    // It eval()s the login reply, so it must hold nothing but the token.
    if (request === 'POST /rest/login') expect(response.text).toMatch(/^\{"token":"[0-9a-f]{40}"\}$/)
    if (request === 'GET /rest/config/hosttemplate/3') expect(response.json.object.hosts.length).toBeGreaterThan(0)
    if (request === 'GET /rest/config/host/7')
      expect(response.json.object).toMatchObject({ ip: expect.any(String), hostgroup: { name: expect.any(String) } })
  },
}

describe('Opsview clients captured on the wire', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServerProcess('opsview')
  }, 20_000)
  afterAll(() => server.stop())

  for (const client of loadCapturedClients('opsview')) {
    it(`answers every request of ${client.name} in a way it can continue with`, async () => {
      let token = CAPTURED_TOKEN
      for (const request of client.requests) {
        const label = `${request.method} ${request.target.split('?')[0]!.replace(/\/$/, '')}`
        const response = await replay(server.url, request, { [CAPTURED_TOKEN]: token })
        expect(response.status, `${client.name}: ${request.method} ${request.target} → ${response.text}`).toBe(200)
        expect(response.json, `${client.name}: ${request.method} ${request.target} answered non-JSON`).toBeDefined()
        // Clients treat any `message` key as an error.
        expect(response.json).not.toHaveProperty('message')
        if (Array.isArray(response.json?.list) && response.json.summary?.totalrows !== undefined) {
          expect(response.json.summary).toMatchObject({ page: expect.any(String), totalpages: expect.any(String) })
        }
        CLIENT_NEEDS[client.name]?.(label, response)
        if (label === 'POST /rest/login') token = response.json.token
      }
    })
  }

  it('ends the ruby client session with DELETE /rest/login so its token stops working', async () => {
    const ruby = loadCapturedClients('opsview').find((client) => client.name === 'ruby-opsview_rest')!
    const login = await replay(server.url, ruby.requests[0]!)
    const token = login.json.token as string
    await replay(server.url, ruby.requests.at(-1)!, { [CAPTURED_TOKEN]: token })
    const after = await replay(server.url, ruby.requests[1]!, { [CAPTURED_TOKEN]: token })
    expect(after.status).toBe(401)
    expect(after.json).toEqual({ message: 'Token invalid' })
  })
})
