import { MockError } from './mock-error'

/**
 * The range of times the mocks store and show: the Unix epoch to the last second of year 9999. Every vendor
 * formats times with four-digit years (Opsview's "YYYY-MM-DD HH:MM:SS", ISO 8601), and JavaScript dates end
 * near year 275760, so a time past this range would be accepted and then break every read that shows it
 * (issue 8: one downtime ending in 11 million years made `GET /rest/downtime` answer 500 for everyone).
 */
const MIN_EPOCH_SECONDS = 0
export const MAX_EPOCH_SECONDS = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000

export function isSupportedEpochSeconds(seconds: number): boolean {
  return Number.isFinite(seconds) && seconds >= MIN_EPOCH_SECONDS && seconds <= MAX_EPOCH_SECONDS
}

/** `seconds` itself when in range, else a BAD_REQUEST MockError naming `what`; call it before any state changes. */
export function requireSupportedTime(seconds: number, what: string): number {
  if (!isSupportedEpochSeconds(seconds)) {
    throw new MockError('BAD_REQUEST', `${what} is outside the supported range (1970-01-01 to 9999-12-31 UTC)`)
  }
  return seconds
}
