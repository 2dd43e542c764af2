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

  advance(ms: number): void {
    this.#offsetMs += ms
  }

  reset(): void {
    this.#offsetMs = 0
  }
}
