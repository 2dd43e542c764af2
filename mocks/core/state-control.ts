import { isPlainObject } from './body'
import { MockError } from './mock-error'
import type { Operation } from './service'
import { parseWorldText, resolveWorlds, WorldError, worldToYaml, type World, type WorldAdapter, type WorldSource } from './world'

/**
 * A vendor mock's whole state as a world: export it, replace it (all or nothing), keep named snapshots,
 * and change runtime state for scenarios (`setServiceState`, `fireAlarm`, ...). The vendor's
 * `world.ts` supplies the adapter and the actions; this wires them to the store and the control API.
 */
export type WorldAction = (input: unknown) => unknown

/** A world action's input: a JSON object, or a 400 naming the action. */
export function actionInput(value: unknown, action: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw new MockError('BAD_REQUEST', `${action} takes a JSON object`)
  return value
}

export interface WorldControl<Actions extends Record<string, WorldAction> = Record<string, WorldAction>> {
  readonly vendor: string
  /** JSON Schema of this vendor's world files. */
  readonly schema: object
  /** The current state as a world that loads back to the same answers. */
  export(): World
  /** Replaces the state with one or more worlds (later override earlier); nothing changes on a problem. */
  load(...sources: WorldSource[]): Promise<void>
  /** Saves the current state under a name (replacing a snapshot of that name). */
  snapshot(name: string): { name: string; createdAt: string }
  /** Puts the state back as it was when the snapshot was taken. */
  restore(name: string): Promise<void>
  snapshots(): Array<{ name: string; createdAt: string }>
  deleteSnapshot(name: string): boolean
  /** Scenario changes by name (what `/__opsmocks/world/{action}` calls). */
  readonly actions: Actions
}

/** What the service needs to serve `/__opsmocks/state`, `/snapshots` and `/world/*`. */
export type StateHooks = WorldControl

export function createWorldControl<Store, Actions extends Record<string, WorldAction>>(
  adapter: WorldAdapter<Store>,
  store: Store,
  actions: Actions,
): WorldControl<Actions> & Actions {
  const snapshots = new Map<string, { world: World; createdAt: string }>()
  const replace = async (world: Record<string, unknown>) => {
    const previous = adapter.export(store)
    try {
      await adapter.apply(store, world)
    } catch (error) {
      // A store rule the checks did not foresee: put the previous state back, then report.
      await adapter.apply(store, previous)
      throw error
    }
  }
  const control: WorldControl<Actions> = {
    vendor: adapter.vendor,
    schema: adapter.schema,
    export: () => adapter.export(store),
    load: async (...sources) => replace(resolveWorlds(adapter, sources)),
    snapshot(name) {
      assertSnapshotName(name)
      const createdAt = new Date().toISOString()
      snapshots.set(name, { world: adapter.export(store), createdAt })
      return { name, createdAt }
    },
    async restore(name) {
      const snapshot = snapshots.get(name)
      if (!snapshot) throw new MockError('NOT_FOUND', `No snapshot named '${name}'`)
      await replace(snapshot.world)
    },
    snapshots: () => [...snapshots].map(([name, { createdAt }]) => ({ name, createdAt })),
    deleteSnapshot: (name) => snapshots.delete(name),
    actions,
  }
  return Object.assign(control, actions)
}

function assertSnapshotName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !/^[\w.-]{1,64}$/.test(name)) {
    throw new MockError('BAD_REQUEST', 'A snapshot needs a "name" of 1-64 letters, digits, ".", "_" or "-"')
  }
}

/** A world problem list as the control API answers it: 400 with every problem by path and line. */
function worldErrorResponse(error: WorldError) {
  return { status: 400, json: { message: error.message.split('\n')[0], problems: error.problems } }
}

export function stateControlOperations<Ctx>(world: StateHooks): Operation<Ctx>[] {
  return [
    {
      operationId: 'controlExportState',
      method: 'GET',
      path: '/__opsmocks/state',
      handle: (_context, request) => {
        const exported = world.export()
        const yaml = request.query.get('format') === 'yaml' || /yaml/.test(request.header('accept') ?? '')
        return yaml
          ? { status: 200, headers: { 'content-type': 'application/yaml; charset=utf-8' }, text: worldToYaml(exported) }
          : { status: 200, json: exported }
      },
    },
    {
      operationId: 'controlReplaceState',
      method: 'PUT',
      path: '/__opsmocks/state',
      handle: async (_context, request) => {
        try {
          await world.load(parseWorldText(request.body, 'request body'))
        } catch (error) {
          if (error instanceof WorldError) return worldErrorResponse(error)
          throw error
        }
        return { status: 200, json: { replaced: true } }
      },
    },
    {
      operationId: 'controlWorldSchema',
      method: 'GET',
      path: '/__opsmocks/state/schema',
      handle: () => ({ status: 200, headers: { 'content-type': 'application/schema+json' }, text: JSON.stringify(world.schema, null, 2) }),
    },
    {
      operationId: 'controlListSnapshots',
      method: 'GET',
      path: '/__opsmocks/snapshots',
      handle: () => ({ status: 200, json: world.snapshots() }),
    },
    {
      operationId: 'controlTakeSnapshot',
      method: 'POST',
      path: '/__opsmocks/snapshots',
      handle: (_context, request) => {
        const input = request.body === '' ? {} : controlJson(request.body)
        const name = isPlainObject(input) ? input.name : undefined
        return { status: 201, json: world.snapshot(name as string) }
      },
    },
    {
      operationId: 'controlRestoreSnapshot',
      method: 'POST',
      path: '/__opsmocks/snapshots/{name}/restore',
      handle: async (_context, _request, params) => {
        await world.restore(params.name!)
        return { status: 200, json: { restored: params.name } }
      },
    },
    {
      operationId: 'controlDeleteSnapshot',
      method: 'DELETE',
      path: '/__opsmocks/snapshots/{name}',
      handle: (_context, _request, params) => {
        if (!world.deleteSnapshot(params.name!)) throw new MockError('NOT_FOUND', `No snapshot named '${params.name}'`)
        return { status: 200, json: world.snapshots() }
      },
    },
    {
      operationId: 'controlWorldActions',
      method: 'GET',
      path: '/__opsmocks/world',
      handle: () => ({ status: 200, json: { actions: Object.keys(world.actions) } }),
    },
    {
      operationId: 'controlWorldAction',
      method: 'POST',
      path: '/__opsmocks/world/{action}',
      handle: async (_context, request, params) => {
        const action = Object.hasOwn(world.actions, params.action!) ? world.actions[params.action!] : undefined
        if (!action) {
          throw new MockError('NOT_FOUND', `No world action '${params.action}'; this mock has ${Object.keys(world.actions).join(', ')}`)
        }
        return { status: 200, json: (await action(controlJson(request.body))) ?? {} }
      },
    },
  ]
}

function controlJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch (error) {
    throw new MockError('BAD_REQUEST', `The control API takes JSON: ${(error as Error).message}`)
  }
}
