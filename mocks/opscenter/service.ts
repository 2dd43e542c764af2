import spec from '../generated/opscenter.openapi.json'
import { Clock } from '../core/clock'
import { randomHex } from '../core/random'
import { createService, type MockService } from '../core/service'
import type { BundledSpec } from '../core/spec-schema'
import { SessionStore } from '../core/sessions'
import type { Journal } from '../core/journal'
import { createWorldControl, type WorldControl } from '../core/state-control'
import { resolveWorlds, type WorldSource } from '../core/world'
import { opscenterWorldActions } from './world-actions'
import { opscenterWorldAdapter } from './world-file'
import { renderOpscenterError } from './errors'
import { OPSCENTER_OPERATIONS, type OpscenterContext } from './operations'
import { seedOpscenter, SEEDED_USERS } from './seed'
import { OpscenterStore } from './store'

/**
 * The OpsCenter mock without any transport: what the standalone server runs. It does not import msw
 * (see index.ts for the MSW handlers).
 */
export interface OpscenterMockOptions {
  /**
   * Whether calls need a session. A real OpsCenter ships with authentication off; the mock defaults
   * to on so clients exercise their login path (`OPSCENTER_AUTH=off` on the server turns it off).
   */
  authEnabled?: boolean
  /**
   * What a request with HTTP Basic credentials and no session gets when auth is on: 'accept' (default) lets
   * valid credentials through so Basic-only clients work; 'reject' is OpsCenter 5.x's 401 (decisions/023).
   */
  basicAuth?: 'accept' | 'reject'
  /** Idle lifetime of a session in seconds; OpsCenter documents none, so by default sessions last until logout. */
  sessionTtlSeconds?: number
  /** Seed number for generated sizes; the same number gives the same world. */
  seed?: number
  /** What `GET /meta` reports. */
  version?: string
  /** Start from these worlds (later override earlier) instead of the built-in seed; reset returns to them. */
  world?: WorldSource | readonly WorldSource[]
}

type OpscenterWorld = WorldControl & ReturnType<typeof opscenterWorldActions>

export interface OpscenterService {
  readonly service: MockService
  readonly store: OpscenterStore
  readonly sessions: SessionStore
  readonly authEnabled: boolean
  /** Every request answered, secrets redacted: `journal.calls('createUser')`. */
  readonly journal: Journal
  /** Export, load, snapshot and change the state: `world.setNodeState({ cluster, node, state: 'down' })`. */
  readonly world: OpscenterWorld
  reset(): Promise<void>
}

export const OPSCENTER_DEFAULT_PORT = 8888
export { SEEDED_USERS as OPSCENTER_SEEDED_USERS }

/** A seeded, self-contained OpsCenter mock: its own clock, store and sessions. */
export async function createOpscenterService(options: OpscenterMockOptions = {}): Promise<OpscenterService> {
  const clock = new Clock()
  const store = new OpscenterStore(clock)
  const sessions = new SessionStore({
    clock,
    ttlMs: options.sessionTtlSeconds === undefined ? undefined : options.sessionTtlSeconds * 1000,
    sliding: true,
    newToken: () => randomHex(32),
  })
  const authEnabled = options.authEnabled ?? true
  const context: OpscenterContext = {
    store,
    sessions,
    auth: { enabled: authEnabled, basicAuth: options.basicAuth ?? 'accept' },
    version: options.version ?? '6.8.8',
  }
  const startWorld = options.world === undefined ? undefined : resolveWorlds(opscenterWorldAdapter, [options.world].flat())
  const reset = async () => {
    clock.reset()
    sessions.clear()
    store.clear()
    store.seed = options.seed ?? 1
    if (startWorld) await opscenterWorldAdapter.apply(store, startWorld)
    else await seedOpscenter(store, options.seed)
  }
  await reset()
  const world = createWorldControl(opscenterWorldAdapter, store, opscenterWorldActions(store))
  const service = createService({
    vendor: 'opscenter',
    title: 'OpsCenter',
    operations: OPSCENTER_OPERATIONS,
    context,
    clock,
    renderError: renderOpscenterError,
    spec: spec as unknown as BundledSpec,
    reset,
    state: world,
  })
  return { service, store, sessions, authEnabled, journal: service.journal, world, reset: service.reset }
}
