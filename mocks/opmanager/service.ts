import spec from '../generated/opmanager.openapi.json'
import { Clock } from '../core/clock'
import { createService, type MockService } from '../core/service'
import type { BundledSpec } from '../core/spec-schema'
import { createWorldControl, type WorldControl } from '../core/state-control'
import type { Journal } from '../core/journal'
import { resolveWorlds, type WorldSource } from '../core/world'
import { opmanagerWorldActions, opmanagerWorldAdapter } from './world'
import { OPMANAGER_CONTROL_OPERATIONS } from './control'
import { renderOpmanagerError } from './errors'
import { OPMANAGER_OPERATIONS, type OpmanagerContext } from './operations'
import { seedOpmanager, type OpmanagerSeedOptions } from './seed'
import { OpmanagerStore } from './store'

/**
 * The OpManager mock without any transport: what the standalone server runs. It does not import msw,
 * so `npm start` does not pay for loading it (see index.ts for the MSW handlers).
 */
export interface OpmanagerMockOptions extends OpmanagerSeedOptions {
  /** Start from these worlds (later override earlier) instead of the built-in seed; reset returns to them. */
  world?: WorldSource | readonly WorldSource[]
}

export type OpmanagerWorld = WorldControl & ReturnType<typeof opmanagerWorldActions>

export interface OpmanagerService {
  readonly service: MockService
  readonly store: OpmanagerStore
  /** Every request answered, secrets redacted: `journal.calls('listAlarms')`. */
  readonly journal: Journal
  /** Export, load, snapshot and change the state: `world.fireAlarm({ device, severity, message })`. */
  readonly world: OpmanagerWorld
  reset(): Promise<void>
}

export const OPMANAGER_DEFAULT_PORT = 8060
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
  const context: OpmanagerContext = { store, clock }
  const startWorld = options.world === undefined ? undefined : resolveWorlds(opmanagerWorldAdapter, [options.world].flat())
  const reset = async () => {
    clock.reset()
    store.clear()
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
