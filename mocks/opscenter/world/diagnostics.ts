import type { OpscenterStore } from '../store'
import { gzip, tarArchive, type TarEntry } from './tar'

const GiB = 1024 ** 3

/**
 * The diagnostics tarball of a cluster as it is now (decisions/108): OpsCenter's view (cluster, configuration,
 * recent events) and, per node, `nodetool status` and `info`, a system.log built from the node's events and its
 * cassandra.yaml essentials. Everything comes from the store, so it agrees with the API's answers.
 */
export async function diagnosticsTarball(store: OpscenterStore, clusterId: string): Promise<Uint8Array> {
  const runtime = store.runtimeOf(clusterId)
  const config = store.getCluster(clusterId).config
  const now = store.clock.nowSeconds()
  const root = `${clusterId}-diagnostics`
  const file = (path: string, content: string): TarEntry => ({ path: `${root}/${path}`, content, mtime: now })
  const status = [
    'Datacenter: status  address  load  tokens  rack',
    ...runtime.nodes.map(
      (node) =>
        `${node.dc}  ${node.mode === 'unknown' ? 'DN' : node.mode === 'leaving' ? 'UL' : node.mode === 'joining' ? 'UJ' : node.mode === 'moving' ? 'UM' : 'UN'}  ${node.node_ip}  ${((node.load ?? 0) / GiB).toFixed(2)} GiB  8  ${node.rack}`,
    ),
  ].join('\n')
  const entries: TarEntry[] = [
    file('opscenterd/cluster_info.json', JSON.stringify({ ...runtime.info, nodes: runtime.nodes }, null, 2)),
    file('opscenterd/cluster_config.json', JSON.stringify(config, null, 2)),
    file('opscenterd/events.json', JSON.stringify(runtime.events.slice(-100), null, 2)),
  ]
  for (const node of runtime.nodes) {
    const log = runtime.events
      .filter((event) => event.target_node === node.node_ip)
      .map((event) => `${event.level_str}  ${new Date(event.time / 1000).toISOString()}  ${event.message}`)
      .join('\n')
    entries.push(
      file(`nodes/${node.node_ip}/nodetool/status`, `${status}\n`),
      file(
        `nodes/${node.node_ip}/nodetool/info`,
        `Address : ${node.node_ip}\nGossip active : ${node.mode !== 'unknown'}\nLoad : ${((node.load ?? 0) / GiB).toFixed(2)} GiB\nData Center : ${node.dc}\nRack : ${node.rack}\n`,
      ),
      file(`nodes/${node.node_ip}/logs/cassandra/system.log`, log ? `${log}\n` : ''),
      file(
        `nodes/${node.node_ip}/conf/cassandra.yaml`,
        `cluster_name: '${clusterId}'\nlisten_address: ${node.node_ip}\nendpoint_snitch: ${runtime.info.snitch}\npartitioner: ${runtime.info.partitioner}\n`,
      ),
    )
  }
  return gzip(tarArchive(entries))
}
