import { describe, expect, it } from 'vitest'
import { loginAs, opsviewApi, type OpsviewTarget } from './target'

export function infoContract(target: OpsviewTarget): void {
  describe('getApiVersion', () => {
    it('answers without authentication with an api_version of at least 4.0', async () => {
      const { data, response } = await opsviewApi(target).GET('/rest', {})
      expect(response.status).toBe(200)
      expect(data?.api_version).toBeGreaterThanOrEqual(4)
    })
  })

  describe('getInfo', () => {
    it('returns a dotted opsview_version and string-valued fields', async () => {
      const session = await loginAs(target, target.credentials.admin)
      const { data, response } = await opsviewApi(target).GET('/rest/info', { headers: session.headers })
      expect(response.status).toBe(200)
      expect(data?.opsview_version).toMatch(/^[0-9]+\.[0-9]+\.[0-9]+$/)
      expect(typeof data?.server_timezone_offset).toBe('string')
    })

    it('returns 401 without authentication', async () => {
      const { response } = await opsviewApi(target).GET('/rest/info', {})
      expect(response.status).toBe(401)
    })
  })

  describe('getServerinfo', () => {
    it('returns the server time zone and uptime', async () => {
      const session = await loginAs(target, target.credentials.admin)
      const { data, response } = await opsviewApi(target).GET('/rest/serverinfo', { headers: session.headers })
      expect(response.status).toBe(200)
      expect(data?.server_timezone).toEqual(expect.any(String))
    })

    it('returns 401 without authentication', async () => {
      expect((await opsviewApi(target).GET('/rest/serverinfo', {})).response.status).toBe(401)
    })
  })

  describe('HEAD', () => {
    it('answers like GET without a body', async () => {
      const response = await target.fetch(`${target.baseUrl}/rest`, { method: 'HEAD' })
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('')
    })
  })

  describe('unknown paths', () => {
    it('answers 404 with a message', async () => {
      const response = await target.fetch(`${target.baseUrl}/rest/no_valid_method`)
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ message: expect.any(String) })
    })
  })
}
