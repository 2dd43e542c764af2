import { describe, expect, it } from 'vitest'
import { parseOpsviewTime } from './runtime'

const NOW = 1_900_000_000 // 2030-03-17T17:46:40Z, in seconds

describe('parseOpsviewTime', () => {
  it('reads "now" as the current time, ignoring surrounding whitespace', () => {
    expect(parseOpsviewTime('now', NOW)).toBe(NOW)
    expect(parseOpsviewTime('  now\n', NOW)).toBe(NOW)
  })

  it('reads epoch seconds as they are', () => {
    expect(parseOpsviewTime('1700000000', NOW)).toBe(1_700_000_000)
    expect(parseOpsviewTime('999999999', NOW)).toBe(999_999_999)
  })

  it('reads +N offsets in seconds, minutes, hours, days and weeks from now', () => {
    expect(parseOpsviewTime('+90', NOW)).toBe(NOW + 90)
    expect(parseOpsviewTime('+45s', NOW)).toBe(NOW + 45)
    expect(parseOpsviewTime('+30m', NOW)).toBe(NOW + 1800)
    expect(parseOpsviewTime('+2h', NOW)).toBe(NOW + 7200)
    expect(parseOpsviewTime('+1d', NOW)).toBe(NOW + 86_400)
    expect(parseOpsviewTime('+1w', NOW)).toBe(NOW + 604_800)
    expect(parseOpsviewTime('+2 h', NOW)).toBe(NOW + 7200)
  })

  it('reads "YYYY/MM/DD HH:MM:SS" as UTC', () => {
    expect(parseOpsviewTime('2030/01/02 03:04:05', NOW)).toBe(1_893_553_445)
  })

  it('reads "YYYY-MM-DD HH:MM" as UTC with zero seconds', () => {
    expect(parseOpsviewTime('2024-05-06 07:08', NOW)).toBe(1_714_979_280)
  })

  it('reads a date alone as its UTC midnight and accepts an ISO T and Z', () => {
    expect(parseOpsviewTime('2030/01/02', NOW)).toBe(Date.UTC(2030, 0, 2) / 1000)
    expect(parseOpsviewTime('2030-01-02T03:04:05Z', NOW)).toBe(1_893_553_445)
  })

  it('rolls out-of-range dates over like timegm_nocheck', () => {
    expect(parseOpsviewTime('2030/00/01 10:00:00', NOW)).toBe(Date.parse('2029-12-01T10:00:00Z') / 1000)
    expect(parseOpsviewTime('2030/03/00 00:00:00', NOW)).toBe(Date.parse('2030-02-28T00:00:00Z') / 1000)
    expect(parseOpsviewTime('2030/12/31 24:00:00', NOW)).toBe(Date.parse('2031-01-01T00:00:00Z') / 1000)
  })

  it('answers undefined for text it cannot read', () => {
    for (const garbage of ['', 'tomorrow', 'Now', '-2h', '+2x', '+h', '12345678', '2030/01', '2030/01/02 03', '02/01/2030 03:04', '1e9']) {
      expect(parseOpsviewTime(garbage, NOW), garbage).toBeUndefined()
    }
  })
})
