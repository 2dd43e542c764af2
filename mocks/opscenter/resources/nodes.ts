import spec from '../../generated/opscenter.openapi.json'
import { MockError } from '../../core/mock-error'
import { onCluster, ok, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'
import type { ClusterRuntime } from '../store'
import type { Node } from '../spec-types'
import { diagnosticsTarball } from '../world/diagnostics'
import { nodeOf } from '../world/requests'

const VIEW = PERMISSION.viewCluster
/** The node properties `/nodes/all/{property}` answers: the fields of the spec's Node. */
const NODE_PROPERTIES = new Set(
  Object.keys((spec as unknown as { components: { schemas: { Node: { properties: object } } } }).components.schemas.Node.properties),
)

/** Nodes, the cluster's description and its storage, as agents report them (decisions/026). */
function nodeProperty(property: string): keyof Node {
  if (!NODE_PROPERTIES.has(property))
    throw new MockError('NOT_FOUND', `Unknown node property '${property}'; known: ${[...NODE_PROPERTIES].join(', ')}`)
  return property as keyof Node
}

export const nodeHandlers: ResourceHandlers<
  | 'listNodes'
  | 'getNode'
  | 'getNodesProperty'
  | 'getNodeProperty'
  | 'getClusterInfo'
  | 'getClusterProperty'
  | 'getStorageCapacity'
  | 'getKeyspacesDataSize'
  | 'getDiagnosticsTarball'
> = {
  listNodes: onCluster(VIEW, ({ store, clusterId }) => ok(store.runtimeOf(clusterId).nodes)),

  getNode: onCluster(VIEW, ({ store, clusterId, params }) => ok(nodeOf(store.runtimeOf(clusterId), params.node_ip!, clusterId))),

  getNodesProperty: onCluster(VIEW, ({ store, clusterId, params }) => {
    const property = nodeProperty(params.property!)
    return ok(Object.fromEntries(store.runtimeOf(clusterId).nodes.map((item) => [item.node_ip, item[property] ?? null])))
  }),

  getNodeProperty: onCluster(VIEW, ({ store, clusterId, params }) => {
    const node = nodeOf(store.runtimeOf(clusterId), params.node_ip!, clusterId)
    return ok(node[nodeProperty(params.property!)] ?? null)
  }),

  getClusterProperty: onCluster(VIEW, ({ store, clusterId, params: { property } }) => {
    const info = store.runtimeOf(clusterId).info
    if (!Object.hasOwn(info, property!))
      throw new MockError('NOT_FOUND', `Unknown cluster property '${property}'; known: ${Object.keys(info).join(', ')}`)
    return ok(info[property as keyof typeof info] ?? null)
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

  // A binary body: the generated reply type knows JSON bodies only, hence the cast.
  getDiagnosticsTarball: onCluster(
    VIEW,
    async ({ store, clusterId }) =>
      ({
        status: 200,
        bytes: await diagnosticsTarball(store, clusterId),
        headers: { 'content-type': 'application/gzip', 'content-disposition': `attachment; filename="${clusterId}-diagnostics.tar.gz"` },
      }) as never,
  ),

  getKeyspacesDataSize: onCluster(VIEW, ({ store, clusterId }) => ok(dataSize(store.runtimeOf(clusterId)))),
}

/** Bytes of data in every table of every keyspace. */
function dataSize(runtime: ClusterRuntime): number {
  let total = 0
  for (const keyspace of runtime.keyspaces.values()) for (const table of keyspace.tables.values()) total += table.bytes
  return total
}
