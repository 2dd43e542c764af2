import { done, onCluster, ok, withPrincipal, type ResourceHandlers } from '../handler'
import { canSee, PERMISSION, requireAdmin } from '../permissions'
import { readOpscenterBody } from '../request-body'
import type { ClusterConfig } from '../spec-types'

/** Cluster connection configurations (`/cluster-configs`, decisions/026). */
export const clusterConfigHandlers: ResourceHandlers<
  'listClusterConfigs' | 'createClusterConfig' | 'getClusterConfig' | 'updateClusterConfig' | 'deleteClusterConfig'
> = {
  listClusterConfigs: withPrincipal(({ store }, principal) => {
    const visible = store.clusters.all().filter((cluster) => canSee(principal, cluster.id))
    return ok(Object.fromEntries(visible.map((cluster) => [cluster.id, cluster.config])) as Record<string, ClusterConfig>)
  }),

  createClusterConfig: withPrincipal(async ({ store }, principal, request) => {
    requireAdmin(principal, 'adding clusters')
    return { status: 201, json: await store.createClusterConfig(readOpscenterBody(request)) }
  }),

  getClusterConfig: onCluster(PERMISSION.viewCluster, ({ store, clusterId }) => ok(store.getCluster(clusterId).config)),

  updateClusterConfig: onCluster(PERMISSION.editConnection, async ({ store, clusterId, request }) => {
    await store.updateClusterConfig(clusterId, readOpscenterBody(request))
    return done()
  }),

  deleteClusterConfig: withPrincipal(async ({ store }, principal, _request, { cluster_id }) => {
    requireAdmin(principal, 'removing clusters')
    await store.deleteClusterConfig(cluster_id!)
    return done()
  }),
}
