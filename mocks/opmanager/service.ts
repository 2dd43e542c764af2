import spec from '../generated/opmanager.openapi.json'
import { Clock } from '../core/clock'
import { createService, type MockService } from '../core/service'
import type { BundledSpec } from '../core/spec-schema'
import type { Journal } from '../core/journal'
import { OPMANAGER_CONTROL_OPERATIONS } from './control'
import { renderOpmanagerError } from './errors'
import { OPMANAGER_OPERATIONS, type OpmanagerContext } from './api'
import { RateLimiter, VENDOR_RATE_LIMIT, type RateLimitSettings } from './rate-limit'
import { seedOpmanager, type OpmanagerSeedOptions } from './seed'
import { OpmanagerStore } from './store'

/**
 * The OpManager mock without any transport: what the standalone server runs. It does not import msw,
 * so `npm start` does not pay for loading it (see index.ts for the MSW handlers).
 */
export interface OpmanagerMockOptions extends OpmanagerSeedOptions {
  /**
   * ManageEngine's per-key rate limit (decisions/086). Off (`perMinute: null`) unless given here or by
   * OPMANAGER_RATE_LIMIT in `npm start`; `{ ...VENDOR_RATE_LIMIT }` is the vendor's 500 a minute.
   */
  rateLimit?: RateLimitSettings
}

export interface OpmanagerService {
  readonly service: MockService
  readonly store: OpmanagerStore
  /** Every request answered, secrets redacted: `journal.calls('listAlarms')`. */
  readonly journal: Journal
  reset(): Promise<void>
}

export const OPMANAGER_DEFAULT_PORT = 8060
export { rateLimitFromEnv as opmanagerRateLimitFromEnv } from './rate-limit'
export {
  ADMIN_API_KEY as OPMANAGER_ADMIN_API_KEY,
  OPERATOR_API_KEY as OPMANAGER_OPERATOR_API_KEY,
  HELPDESK_API_KEY as OPMANAGER_HELPDESK_API_KEY,
  SEEDED_KEYS as OPMANAGER_SEEDED_KEYS,
} from './seed'

/** A seeded, self-contained OpManager mock: its own clock, store and keys. */
export async function createOpmanagerService(options: OpmanagerMockOptions = {}): Promise<OpmanagerService> {
  const clock = new Clock()
  const store = new OpmanagerStore(clock)
  const limiter = new RateLimiter(options.rateLimit ?? { perMinute: null, blockSeconds: VENDOR_RATE_LIMIT.blockSeconds })
  const context: OpmanagerContext = { store, clock, limiter }
  const reset = async () => {
    clock.reset()
    limiter.reset()
    store.clear()
    await seedOpmanager(store, options)
  }
  await reset()
  const service = createService({
    vendor: 'opmanager',
    title: 'OpManager',
    operations: OPMANAGER_OPERATIONS,
    controlOperations: OPMANAGER_CONTROL_OPERATIONS,
    context,
    clock,
    renderError: renderOpmanagerError,
    spec: spec as unknown as BundledSpec,
    reset,
  })
  return { service, store, journal: service.journal, reset: service.reset }
}
