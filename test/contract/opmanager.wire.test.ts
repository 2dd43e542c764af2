import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess, type ServerProcess } from '../../contracts/support/server-process'
import { OPMANAGER_ADMIN_API_KEY } from '../../mocks/opmanager/service'
import { loadCapturedClients, replay, type ReplayResponse } from '../support/wire'

/**
 * Every request real OpManager clients were seen sending, replayed byte for byte against `npm start`'s
 * server with the key they were captured with. The seed's admin key is that exact value
 * (decisions/032), so unmodified clients work out of the box and no substitution is needed.
 */
const CAPTURED_KEY = 'test-api-key-0123456789abcdef'

/** What each captured call needs to return for its client to carry on (see wire.md). */
const NEEDS: Record<string, (response: ReplayResponse) => void> = {
  'GET /api/json/device/listDevices': (response) => {
    expect(Array.isArray(response.json)).toBe(true)
    expect(response.json.length).toBeGreaterThan(0)
    expect(response.json[0]).toMatchObject({
      deviceName: expect.any(String),
      displayName: expect.any(String),
      statusNum: expect.any(String),
    })
  },
  'GET /api/json/alarm/listAlarms': (response) => {
    expect(Array.isArray(response.json)).toBe(true)
    expect(response.json.length).toBeGreaterThan(0)
    for (const alarm of response.json) expect(alarm).toMatchObject({ numericSeverity: 1, statusNum: 1 })
  },
  // The capture acknowledges entity IF-1; the seed has that interface alarm, so the ack succeeds.
  'POST /api/json/alarm/acknowledgeAlarm': (response) => {
    expect(response.json).toEqual({ result: { message: 'Alarm has been successfully Acknowledged' } })
  },
}

describe('OpManager clients captured on the wire', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startServerProcess('opmanager')
  }, 20_000)
  afterAll(() => server.stop())

  it('seeds the admin key with the value the clients were captured with', () => {
    expect(OPMANAGER_ADMIN_API_KEY).toBe(CAPTURED_KEY)
  })

  for (const client of loadCapturedClients('opmanager')) {
    it(`answers every request of ${client.name} in a way it can continue with`, async () => {
      for (const request of client.requests) {
        const label = `${request.method} ${request.target.split('?')[0]}`
        const response = await replay(server.url, request)
        expect(response.status, `${client.name}: ${request.method} ${request.target} → ${response.text}`).toBe(200)
        expect(response.json, `${client.name}: ${request.target} answered an OpManager error`).not.toHaveProperty('error')
        expect(NEEDS[label], `no expectation for ${label}`).toBeDefined()
        NEEDS[label]!(response)
      }
    })
  }

  it('shows the acknowledgement the captured client made in the next alarm list', async () => {
    const client = loadCapturedClients('opmanager').find((item) => item.name === 'opmanager-apiclient')!
    await replay(server.url, client.requests[2]!)
    const list = await replay(server.url, { ...client.requests[1]!, target: '/api/json/alarm/listAlarms?entity=IF-1' })
    expect(list.json[0]).toMatchObject({ entity: 'IF-1', who: 'admin' })
  })

  it('answers an acknowledgement of an entity the mock does not have with ALARM_NOT_FOUND, still HTTP 200', async () => {
    const client = loadCapturedClients('opmanager').find((item) => item.name === 'opmanager-apiclient')!
    const response = await replay(server.url, { ...client.requests[2]!, target: '/api/json/alarm/acknowledgeAlarm?entity=IF-404' })
    expect(response.status).toBe(200)
    expect(response.json.error.errorcode).toBe('ALARM_NOT_FOUND')
  })
})
