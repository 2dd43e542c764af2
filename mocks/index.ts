/**
 * `opsmocks`: the three vendor mocks for `setupServer` (Node) or `setupWorker` (browser), each with its own
 * seeded store, sessions and clock. The same exports per vendor: `opsmocks/opsview`, `opsmocks/opscenter`,
 * `opsmocks/opmanager`; the node:http server is `opsmocks/server`, the service worker `opsmocks/browser`.
 */
export * from './opsview'
export * from './opscenter'
export * from './opmanager'
export type { MswHandlerOptions } from './core/msw-adapter'
export type { MockService } from './core/service'
export type { MockRequest, MockResponse } from './core/exchange'
export { journalMatchers, type CalledOptions } from './core/journal-matchers'
export type { Journal, JournalEntry, JournalFilter } from './core/journal'
export { parseWorldText, WorldError, type World, type WorldProblem, type WorldSource } from './core/world'
export type { WorldControl } from './core/state-control'
