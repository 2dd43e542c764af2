import spec from '../generated/opmanager.openapi.json'
import { Clock } from '../core/clock'
import { createService, type MockService } from '../core/service'
import type { BundledSpec } from '../core/spec-schema'
import type { Journal } from '../core/journal'
import { createWorldControl, type WorldControl } from '../core/state-control'
import { resolveWorlds, type WorldSource } from '../core/world'
import { opmanagerWorldActions } from './world-actions'
import { opmanagerWorldAdapter } from './world-file'
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
  /** Start from these worlds (later override earlier) instead of the built-in seed; reset returns to them. */
  world?: WorldSource | readonly WorldSource[]
}

type OpmanagerWorld = WorldControl & ReturnType<typeof opmanagerWorldActions>

export interface OpmanagerService {
  readonly service: MockService
  readonly store: OpmanagerStore
  /** Every request answered, secrets redacted: `journal.calls('listAlarms')`. */
  readonly journal: Journal
  /** Export, load, snapshot and change the state: `world.setDeviceState({ device: 'web-01', state: 'down' })`. */
  readonly world: OpmanagerWorld
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
  const startWorld = options.world === undefined ? undefined : resolveWorlds(opmanagerWorldAdapter, [options.world].flat())
  const reset = async () => {
    clock.reset()
    limiter.reset()
    store.clear()
    store.monitors.seed = options.seed ?? 8060
    if (startWorld) await opmanagerWorldAdapter.apply(store, startWorld)
    else await seedOpmanager(store, options)
  }
  await reset()
  const world = createWorldControl(opmanagerWorldAdapter, store, opmanagerWorldActions(store))
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
    state: world,
  })
  return { service, store, journal: service.journal, world, reset: service.reset }
}
