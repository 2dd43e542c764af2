import { describe, expect, it } from 'vitest'
import { isMockError } from '../core/mock-error'
import { RateLimiter, rateLimitFromEnv, VENDOR_RATE_LIMIT } from './rate-limit'

const refusal = (take: () => void) => {
  try {
    take()
  } catch (error) {
    if (isMockError(error)) return error.detail
    throw error
  }
  return undefined
}

describe('RateLimiter', () => {
  it('lets a key make its limit of requests a minute, then blocks it for the block time', () => {
    const limiter = new RateLimiter({ perMinute: 3, blockSeconds: 60 })
    for (let request = 0; request < 3; request++) limiter.take('1', 'k', 1000)
    expect(refusal(() => limiter.take('1', 'k', 1000))).toMatchObject({
      errorcode: 'API_RATE_LIMIT_EXCEEDED',
      status: 429,
      retryAfterSeconds: 60,
    })
    expect(refusal(() => limiter.take('2', 'other', 1000))).toBeUndefined()
    // A new window does not lift the block early.
    expect(refusal(() => limiter.take('1', 'k', 61_000 - 1))).toMatchObject({ retryAfterSeconds: 1 })
    expect(refusal(() => limiter.take('1', 'k', 61_000))).toBeUndefined()
  })

  it('counts per fixed minute window, so spread requests never trip it', () => {
    const limiter = new RateLimiter({ perMinute: 2, blockSeconds: 60 })
    for (let minute = 0; minute < 5; minute++) {
      limiter.take('1', 'k', minute * 60_000)
      limiter.take('1', 'k', minute * 60_000 + 59_000)
    }
  })

  it('does nothing when off, and reset restores the start-up setting', () => {
    const limiter = new RateLimiter({ perMinute: null, blockSeconds: 60 })
    for (let request = 0; request < 10_000; request++) limiter.take('1', 'k', 0)
    limiter.configure({ perMinute: 1, blockSeconds: 5 })
    limiter.take('1', 'k', 0)
    expect(refusal(() => limiter.take('1', 'k', 0))).toMatchObject({ retryAfterSeconds: 5 })
    limiter.reset()
    expect(limiter.settings).toEqual({ perMinute: null, blockSeconds: 60 })
    expect(refusal(() => limiter.take('1', 'k', 0))).toBeUndefined()
  })
})

describe('rateLimitFromEnv', () => {
  it('reads off, on (the vendor limit) or a number, and refuses anything else', () => {
    expect(rateLimitFromEnv(undefined).perMinute).toBeNull()
    expect(rateLimitFromEnv('off').perMinute).toBeNull()
    expect(rateLimitFromEnv('on')).toEqual(VENDOR_RATE_LIMIT)
    expect(rateLimitFromEnv('120')).toEqual({ perMinute: 120, blockSeconds: 60 })
    expect(() => rateLimitFromEnv('fast')).toThrow(/OPMANAGER_RATE_LIMIT/)
    expect(() => rateLimitFromEnv('1.5')).toThrow(/OPMANAGER_RATE_LIMIT/)
  })
})
