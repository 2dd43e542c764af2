import { MockError } from '../../core/mock-error'
import { onCluster, ok, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'

const VIEW = PERMISSION.viewCluster

/** Keyspaces and their tables; names are looked up in a Map, so `toString` is just a name (decisions/105). */
export const keyspaceHandlers: ResourceHandlers<'listKeyspaces' | 'getKeyspace'> = {
  listKeyspaces: onCluster(VIEW, ({ store, clusterId }) => ok(Object.fromEntries(store.runtimeOf(clusterId).keyspaces))),

  getKeyspace: onCluster(VIEW, ({ store, clusterId, params: { keyspace } }) => {
    const found = store.runtimeOf(clusterId).keyspaces.get(keyspace!)
    if (!found) throw new MockError('NOT_FOUND', `No keyspace '${keyspace}' in cluster '${clusterId}'`)
    return ok(found)
  }),
}
