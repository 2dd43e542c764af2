import { describe, expect, it } from 'vitest'
import { randomHex, seededRandom } from './random'

const take = (next: () => number, count: number) => Array.from({ length: count }, () => next())

describe('random', () => {
  it('gives exactly the requested number of lower-case hex characters', () => {
    expect(randomHex(40)).toMatch(/^[0-9a-f]{40}$/)
    expect(randomHex(32)).toMatch(/^[0-9a-f]{32}$/)
    expect(randomHex(7)).toMatch(/^[0-9a-f]{7}$/)
    expect(randomHex(1)).toMatch(/^[0-9a-f]$/)
    expect(randomHex(0)).toBe('')
  })

  it('uses the whole hex alphabet', () => {
    const seen = new Set(randomHex(4000))
    expect([...seen].sort().join('')).toBe('0123456789abcdef')
  })

  it('does not repeat a token in many draws', () => {
    const tokens = new Set(Array.from({ length: 5000 }, () => randomHex(32)))
    expect(tokens.size).toBe(5000)
  })

  it('yields the same sequence for the same seed', () => {
    expect(take(seededRandom(42), 20)).toEqual(take(seededRandom(42), 20))
  })

  it('keeps the mulberry32 sequence that the seed data depends on', () => {
    expect(take(seededRandom(1), 3)).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522])
  })

  it('yields different sequences for different seeds', () => {
    expect(take(seededRandom(1), 5)).not.toEqual(take(seededRandom(2), 5))
  })

  it('reads the seed as an unsigned 32-bit integer', () => {
    expect(take(seededRandom(-1), 5)).toEqual(take(seededRandom(0xffffffff), 5))
    expect(take(seededRandom(2 ** 32 + 7), 5)).toEqual(take(seededRandom(7), 5))
  })

  it('returns numbers in [0, 1) spread over the whole range', () => {
    const values = take(seededRandom(123), 10_000)
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true)
    expect(Math.min(...values)).toBeLessThan(0.01)
    expect(Math.max(...values)).toBeGreaterThan(0.99)
  })
})
