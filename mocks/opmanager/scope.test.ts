import { describe, expect, it } from 'vitest'
import { checkKeyScope, endpointOfPath, normaliseEndpoint, scopeOf } from './scope'
import { parseOpmTime, formatOpmTime } from './format'
import type { ApiKey } from './spec-types'

const key = (fields: Partial<ApiKey>): Pick<ApiKey, 'name' | 'accessType' | 'modules' | 'apis'> => ({
  name: 'k',
  accessType: 'All',
  modules: {},
  apis: [],
  ...fields,
})

describe('scopeOf', () => {
  it('takes the module from the URL segment and read/write from the method', () => {
    expect(scopeOf('GET', '/api/json/alarm/listAlarms')).toEqual({
      module: 'Alarms',
      access: 'read',
      endpoint: 'v1/alarm/listAlarms',
      headerOnly: true,
      adminOnly: false,
    })
    expect(scopeOf('POST', '/api/json/discovery/addDevice', { adminOnly: true })).toMatchObject({
      module: 'Discovery',
      access: 'write',
      headerOnly: false,
      adminOnly: true,
    })
    expect(scopeOf('GET', '/api/json/v2/device/listDevices')).toMatchObject({ module: 'Inventory', endpoint: 'v2/device/listDevices' })
  })

  it('refuses a path outside /api/json or with an unmapped module', () => {
    expect(() => scopeOf('GET', '/rest/login')).toThrow()
    expect(() => scopeOf('GET', '/api/json/unknownmodule/doThing')).toThrow(/no OpManager module/)
  })
})

describe('checkKeyScope', () => {
  const read = scopeOf('GET', '/api/json/device/listDevices')
  const write = scopeOf('POST', '/api/json/device/setManaged')

  it('allows anything with All access', () => {
    expect(checkKeyScope(key({}), write)).toEqual({ allowed: true })
  })

  it('treats a module left out as No access', () => {
    expect(checkKeyScope(key({ accessType: 'Module', modules: { Alarms: 'ReadWrite' } }), read)).toMatchObject({
      allowed: false,
      errorcode: 'API_KEY_MODULE_NO_ACCESS',
    })
  })

  it('lets Read read but not write, and Read/Write do both', () => {
    expect(checkKeyScope(key({ accessType: 'Module', modules: { Inventory: 'Read' } }), read)).toEqual({ allowed: true })
    expect(checkKeyScope(key({ accessType: 'Module', modules: { Inventory: 'Read' } }), write)).toMatchObject({
      allowed: false,
      errorcode: 'API_KEY_MODULE_READ_ONLY',
    })
    expect(checkKeyScope(key({ accessType: 'Module', modules: { Inventory: 'ReadWrite' } }), write)).toEqual({ allowed: true })
  })

  it('matches Specific API keys on the versioned endpoint name', () => {
    const specific = key({ accessType: 'SpecificAPI', apis: ['v2/device/listDevices'] })
    expect(checkKeyScope(specific, scopeOf('GET', '/api/json/v2/device/listDevices'))).toEqual({ allowed: true })
    expect(checkKeyScope(specific, read)).toMatchObject({ allowed: false, errorcode: 'API_KEY_API_NOT_ALLOWED' })
  })
})

describe('endpoint names', () => {
  it('normalises the three accepted spellings to v1/v2 names', () => {
    expect(normaliseEndpoint('alarm/listAlarms')).toBe('v1/alarm/listAlarms')
    expect(normaliseEndpoint('/api/json/v2/device/listDevices')).toBe('v2/device/listDevices')
    expect(normaliseEndpoint('v1/alarm/listAlarms')).toBe('v1/alarm/listAlarms')
    expect(normaliseEndpoint('listAlarms')).toBeUndefined()
    expect(endpointOfPath('/api/json/admin/addUser')).toBe('v1/admin/addUser')
  })
})

describe('OpManager times', () => {
  it('parses a bare date as the start, or with endOfDay the end, of that UTC day', () => {
    expect(parseOpmTime('2024-03-08', false)).toBe(Date.UTC(2024, 2, 8))
    expect(parseOpmTime('2024-03-08', true)).toBe(Date.UTC(2024, 2, 8, 23, 59, 59, 999))
    expect(parseOpmTime('2024-03-08 18:17:07', true)).toBe(Date.UTC(2024, 2, 8, 18, 17, 7))
  })

  it('rejects impossible dates and other formats', () => {
    for (const text of ['2024-02-30', '2024-03-08T18:00:00', '08/03/2024', '2024-03-08 25:00:00'])
      expect(parseOpmTime(text, false)).toBeUndefined()
  })

  it('formats like OpManager, in UTC', () => {
    expect(formatOpmTime(Date.UTC(2024, 2, 8, 18, 17, 7))).toBe('8 Mar 2024 06:17:07 PM UTC')
    expect(formatOpmTime(Date.UTC(2024, 2, 8, 0, 5, 0))).toBe('8 Mar 2024 12:05:00 AM UTC')
  })
})
