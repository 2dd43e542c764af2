import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpscenterMock, OPSCENTER_DEFAULT_BASE_URL } from './opscenter'
import { createOpsviewMock, OPSVIEW_DEFAULT_BASE_URL } from './opsview'
import { createOpmanagerMock, OPMANAGER_DEFAULT_BASE_URL } from './opmanager'

/** handlers() without a baseUrl answers only at the vendor's own default origin, never on every origin. */
describe('handlers() without baseUrl', async () => {
  const [opsview, opscenter, opmanager] = await Promise.all([createOpsviewMock(), createOpscenterMock(), createOpmanagerMock()])
  const server = setupServer(...opscenter.handlers(), ...opsview.handlers(), ...opmanager.handlers())
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  it('serves each vendor at the URL opsmocks start uses', async () => {
    expect([OPSVIEW_DEFAULT_BASE_URL, OPSCENTER_DEFAULT_BASE_URL, OPMANAGER_DEFAULT_BASE_URL]).toEqual([
      'http://127.0.0.1:4010',
      'http://127.0.0.1:8888',
      'http://127.0.0.1:8060',
    ])
    expect((await fetch(`${OPSVIEW_DEFAULT_BASE_URL}/rest`)).status).toBe(200)
    expect((await fetch(`${OPSCENTER_DEFAULT_BASE_URL}/__opsmocks/health`)).status).toBe(200)
    expect((await fetch(`${OPMANAGER_DEFAULT_BASE_URL}/__opsmocks/health`)).status).toBe(200)
  })

  it("leaves other origins alone: OpsCenter's catch-all no longer shadows the app's own backend", async () => {
    await expect(fetch('https://app.example/api/things')).rejects.toThrow()
    // OpsCenter's root-level /login is not answered on Opsview's origin either.
    await expect(fetch('http://127.0.0.1:4010/login')).rejects.toThrow()
  })
})
