import { MAX_EPOCH_SECONDS } from './time'

/**
 * Mock time. Sessions, downtimes and key expiry read `now()`; tests move time forward
 * with `advance()` (directly or through the control API) instead of sleeping.
 */
export class Clock {
  #offsetMs = 0

  now(): number {
    return Date.now() + this.#offsetMs
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000)
  }

  /** How far `advance` has moved mock time since the last reset. */
  get offsetMs(): number {
    return this.#offsetMs
  }

  /** How far `advance()` may still move: up to the end of year 9999, the latest time the mocks can show. */
  maxAdvanceMs(): number {
    return Math.max(0, MAX_EPOCH_SECONDS * 1000 - this.now())
  }

  /** Moves time forward; a move that is not a finite, non-negative number within `maxAdvanceMs()` throws and changes nothing. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0 || ms > this.maxAdvanceMs()) {
      throw new RangeError(`Cannot advance the mock clock by ${ms} ms: it may move 0 to ${this.maxAdvanceMs()} ms forward`)
    }
    this.#offsetMs += ms
  }

  reset(): void {
    this.#offsetMs = 0
  }
}
