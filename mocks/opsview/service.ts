import spec from '../generated/opsview.openapi.json'
import { Clock } from '../core/clock'
import { randomHex } from '../core/random'
import { createService, type MockService } from '../core/service'
import type { BundledSpec } from '../core/spec-schema'
import { SessionStore } from '../core/sessions'
import { createWorldControl, type WorldControl } from '../core/state-control'
import type { Journal } from '../core/journal'
import { resolveWorlds, type WorldSource } from '../core/world'
import { followContactChanges } from './auth'
import { opsviewWorldActions, opsviewWorldAdapter } from './world'
import { OPSVIEW_OPERATIONS, type OpsviewContext } from './operations'
import { renderOpsviewError } from './errors'
import { seedOpsview, SEEDED_USERS } from './seed'
import { OpsviewStore } from './store'
import { MonitoringEngine } from './monitoring/engine'
import { UploadArea } from './uploads'

/**
 * The Opsview mock without any transport: what the standalone server runs. It does not import msw,
 * so `npm start` does not pay for loading it (see index.ts for the MSW handlers).
 */
export interface OpsviewMockOptions {
  /** Session lifetime; every successful call extends it. Default 3600 (Opsview's hour). */
  sessionTtlSeconds?: number
  /** Seed number for the generated states; the same number gives the same world. */
  seed?: number
  /** Start from these worlds (later override earlier) instead of the built-in seed; reset returns to them. */
  world?: WorldSource | readonly WorldSource[]
}

type OpsviewWorld = WorldControl & ReturnType<typeof opsviewWorldActions>

export interface OpsviewService {
  readonly service: MockService
  readonly store: OpsviewStore
  readonly sessions: SessionStore
  /** The estate in mock time; `advance()` catches it up with the clock (every request does). */
  readonly monitoring: MonitoringEngine
  /** Every request answered, secrets redacted: `journal.calls('createConfigObject')`. */
  readonly journal: Journal
  /** Export, load, snapshot and change the state: `world.setServiceState({ host, service, state })`. */
  readonly world: OpsviewWorld
  reset(): Promise<void>
}

export const OPSVIEW_DEFAULT_PORT = 4010
export { SEEDED_USERS as OPSVIEW_SEEDED_USERS }

/** A seeded, self-contained Opsview mock: its own clock, store and sessions. */
export async function createOpsviewService(options: OpsviewMockOptions = {}): Promise<OpsviewService> {
  const clock = new Clock()
  const store = new OpsviewStore(clock)
  const monitoring = new MonitoringEngine(store)
  const uploads = new UploadArea()
  const sessions = new SessionStore({
    clock,
    ttlMs: (options.sessionTtlSeconds ?? 3600) * 1000,
    sliding: true,
    newToken: () => randomHex(40),
  })
  followContactChanges(store, sessions)
  const context: OpsviewContext = {
    store,
    sessions,
    monitoring,
    uploads,
    version: {
      opsview_version: '6.8.8',
      opsview_build: '6.8.8.202306191345',
      opsview_edition: 'commercial',
      uuid: '5E4B2C9A-3F1D-4C8B-9A0E-7D6F5B4A3C21',
    },
  }
  const target = { store, monitoring, seed: options.seed ?? 1 }
  const startWorld = options.world === undefined ? undefined : resolveWorlds(opsviewWorldAdapter, [options.world].flat())
  const reset = async () => {
    clock.reset()
    sessions.clear()
    store.clear()
    uploads.clear()
    if (startWorld) await opsviewWorldAdapter.apply(target, startWorld)
    else {
      await seedOpsview(store, options.seed)
      monitoring.reset(options.seed ?? 1)
    }
  }
  await reset()
  const world = createWorldControl(opsviewWorldAdapter, target, opsviewWorldActions(store))
  const service = createService({
    vendor: 'opsview',
    title: 'Opsview',
    operations: OPSVIEW_OPERATIONS,
    context,
    clock,
    renderError: renderOpsviewError,
    spec: spec as unknown as BundledSpec,
    reset,
    state: world,
  })
  return { service, store, sessions, monitoring, journal: service.journal, world, reset: service.reset }
}
