import { describe, expect, it } from 'vitest'
import { formatLine, redactUrl } from './request-log'

describe('redactUrl', () => {
  it('replaces the values of secret-looking query parameters and keeps the rest', () => {
    expect(redactUrl('/rest/login?username=admin&password=initial')).toBe('/rest/login?username=admin&password=***')
    expect(redactUrl('/api/json/device/listDevices?apiKey=abc&deviceName=web01')).toBe(
      '/api/json/device/listDevices?apiKey=***&deviceName=web01',
    )
    expect(redactUrl('/x?access_token=t&sessionid=s&api%5Fkey=k')).toBe('/x?access_token=***&sessionid=***&api%5Fkey=***')
  })

  it('leaves a URL without a query untouched, and survives malformed escapes', () => {
    expect(redactUrl('/rest/config/host')).toBe('/rest/config/host')
    expect(redactUrl('/x?%E0%A4%A=1&token=2')).toBe('/x?%E0%A4%A=1&token=***')
  })
})

describe('formatLine', () => {
  it('writes text for people and one JSON object per line for machines', () => {
    expect(formatLine('text', 'opsview', 'GET', '/rest', 200, 1.234)).toMatch(/^\S+Z opsview GET \/rest 200 1\.2ms\n$/)
    expect(JSON.parse(formatLine('json', 'opsview', 'GET', '/rest', 200, 1.234))).toMatchObject({ vendor: 'opsview', status: 200, ms: 1.2 })
  })
})
