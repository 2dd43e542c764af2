import spec from '../../generated/opscenter.openapi.json'
import { MockError } from '../../core/mock-error'
import { onCluster, ok, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'
import type { Node } from '../spec-types'
import { nodeOf } from '../world/requests'

const VIEW = PERMISSION.viewCluster
/** The node properties `/nodes/all/{property}` answers: the fields of the spec's Node. */
const NODE_PROPERTIES = new Set(
  Object.keys((spec as unknown as { components: { schemas: { Node: { properties: object } } } }).components.schemas.Node.properties),
)

/** Nodes, the cluster's description and its storage, as agents report them (decisions/026). */
export const nodeHandlers: ResourceHandlers<
  'listNodes' | 'getNode' | 'getNodesProperty' | 'getClusterInfo' | 'getStorageCapacity' | 'getKeyspacesDataSize'
> = {
  listNodes: onCluster(VIEW, ({ store, clusterId }) => ok(store.runtimeOf(clusterId).nodes)),

  getNode: onCluster(VIEW, ({ store, clusterId, params }) => ok(nodeOf(store.runtimeOf(clusterId), params.node_ip!, clusterId))),

  getNodesProperty: onCluster(VIEW, ({ store, clusterId, params: { property } }) => {
    if (!NODE_PROPERTIES.has(property!))
      throw new MockError('NOT_FOUND', `Unknown node property '${property}'; known: ${[...NODE_PROPERTIES].join(', ')}`)
    const nodes = store.runtimeOf(clusterId).nodes
    return ok(Object.fromEntries(nodes.map((item) => [item.node_ip, item[property as keyof Node] ?? null])))
  }),

  getClusterInfo: onCluster(VIEW, ({ store, clusterId }) => ok(store.runtimeOf(clusterId).info)),

  getStorageCapacity: onCluster(VIEW, ({ store, clusterId }) => {
    const runtime = store.runtimeOf(clusterId)
    // Down nodes' agents do not report, so they count in neither total.
    const reporting = runtime.nodes.filter((item) => item.mode !== 'unknown')
    const used = reporting.reduce((sum, item) => sum + (item.load ?? 0), 0)
    const total = reporting.reduce((sum, item) => sum + (runtime.diskBytes.get(item.node_ip) ?? 0), 0)
    const gb = (bytes: number) => Math.round((bytes / 1024 ** 3) * 100) / 100
    return ok({ free_gb: gb(total - used), used_gb: gb(used), reporting_nodes: reporting.length })
  }),

  getKeyspacesDataSize: onCluster(VIEW, ({ store, clusterId }) =>
    ok([...store.runtimeOf(clusterId).keyspaceBytes.values()].reduce((sum, bytes) => sum + bytes, 0)),
  ),
}
