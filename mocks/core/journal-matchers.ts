import { Journal, type JournalEntry, type JournalFilter } from './journal'

/**
 * Verification for tests: `expect.extend(journalMatchers)` once, then
 * `expect(opsview.journal).toHaveCalled('createConfigObject', { times: 1 })`. Works with Vitest and Jest
 * (a plain matcher); `journal.calls(operationId)` is the same check as a function returning the entries.
 */
export interface CalledOptions extends Omit<JournalFilter, 'operationId' | 'limit'> {
  /** Exactly this many calls (default: at least one). */
  times?: number
}

export const journalMatchers = {
  toHaveCalled(received: unknown, operationId: string, options: CalledOptions = {}) {
    if (!(received instanceof Journal)) {
      throw new TypeError('toHaveCalled expects a mock journal, e.g. expect(opsview.journal).toHaveCalled(...)')
    }
    const { times, ...filter } = options
    const calls = received.calls(operationId, filter)
    const pass = times === undefined ? calls.length > 0 : calls.length === times
    const expected = times === undefined ? 'at least once' : `${times} time${times === 1 ? '' : 's'}`
    return {
      pass,
      message: () =>
        `expected ${operationId} ${pass ? 'not ' : ''}to have been called ${expected}${describeFilter(filter)}, ` +
        `it was called ${calls.length} time${calls.length === 1 ? '' : 's'}.\n${summary(received.entries({ limit: 20 }))}`,
    }
  },
}

function describeFilter(filter: Omit<CalledOptions, 'times'>): string {
  const parts = Object.entries(filter).map(([name, value]) => `${name}=${String(value)}`)
  return parts.length ? ` (${parts.join(', ')})` : ''
}

function summary(entries: JournalEntry[]): string {
  if (!entries.length) return 'The journal is empty.'
  return `Latest requests:\n${entries
    .map((entry) => `  ${entry.method} ${entry.path} → ${entry.status} (${entry.operationId ?? 'no matching operation'})`)
    .join('\n')}`
}

interface JournalMatchers<R = unknown> {
  toHaveCalled(operationId: string, options?: CalledOptions): R
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends JournalMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends JournalMatchers {}
}
