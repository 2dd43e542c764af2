import { MockError } from '../core/mock-error'

/** ManageEngine's documented limit: 500 requests a minute per API key, then the key is blocked for a minute (decisions/086). */
export const VENDOR_RATE_LIMIT = { perMinute: 500, blockSeconds: 60 } as const

export interface RateLimitSettings {
  /** Requests a key may make per minute; `null` turns the limit off (the mock's default). */
  perMinute: number | null
  blockSeconds: number
}

interface Usage {
  windowStart: number
  count: number
  blockedUntil: number
}

/**
 * Requests per API key in fixed one-minute windows of mock time. The request that goes over the
 * limit blocks the key for `blockSeconds`; while blocked every request of that key is refused.
 * Off by default so front-end polling and the benchmark are never throttled; switched on with
 * OPMANAGER_RATE_LIMIT, the mock options or the control API.
 */
export class RateLimiter {
  readonly #initial: RateLimitSettings
  #settings: RateLimitSettings
  readonly #usage = new Map<string, Usage>()

  constructor(settings: RateLimitSettings) {
    this.#initial = { ...settings }
    this.#settings = { ...settings }
  }

  get settings(): RateLimitSettings {
    return { ...this.#settings }
  }

  configure(settings: RateLimitSettings): void {
    this.#settings = { ...settings }
    this.#usage.clear()
  }

  /** Back to the settings the mock started with, every key's count forgotten. */
  reset(): void {
    this.configure(this.#initial)
  }

  /** Counts one request of a key; throws the vendor's refusal when the key is over its limit or blocked. */
  take(keyId: string, keyName: string, now: number): void {
    const { perMinute, blockSeconds } = this.#settings
    if (perMinute === null) return
    let usage = this.#usage.get(keyId)
    if (!usage || now - usage.windowStart >= 60_000) {
      usage = { windowStart: now, count: 0, blockedUntil: usage?.blockedUntil ?? 0 }
      this.#usage.set(keyId, usage)
    }
    if (now < usage.blockedUntil) throw refusal(keyName, usage.blockedUntil, now)
    usage.count++
    if (usage.count > perMinute) {
      usage.blockedUntil = now + blockSeconds * 1000
      throw refusal(keyName, usage.blockedUntil, now)
    }
  }
}

function refusal(keyName: string, until: number, now: number) {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000))
  return new MockError(
    'FORBIDDEN',
    `The API key '${keyName}' made more than its allowed requests per minute and is blocked for ${seconds} more seconds.`,
    { errorcode: 'API_RATE_LIMIT_EXCEEDED', status: 429, retryAfterSeconds: seconds },
  )
}

/** OPMANAGER_RATE_LIMIT: unset/off = no limit; on/vendor = 500 a minute; a number = that many a minute. */
export function rateLimitFromEnv(value: string | undefined): RateLimitSettings {
  const text = (value ?? '').trim().toLowerCase()
  if (['', 'off', 'false', '0', 'no', 'disabled'].includes(text)) return { perMinute: null, blockSeconds: VENDOR_RATE_LIMIT.blockSeconds }
  if (['on', 'true', 'yes', 'vendor'].includes(text)) return { ...VENDOR_RATE_LIMIT }
  const perMinute = Number(text)
  if (!Number.isInteger(perMinute) || perMinute < 1)
    throw new Error(`[opsmocks] OPMANAGER_RATE_LIMIT must be off, on or a whole number of requests per minute, got "${value}"`)
  return { perMinute, blockSeconds: VENDOR_RATE_LIMIT.blockSeconds }
}
