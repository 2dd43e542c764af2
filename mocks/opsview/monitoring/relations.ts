import { refId, type HostRecord, type OpsviewStore } from '../store'
import type { ObjectRef } from '../spec-types'

/**
 * What the hashtag and BSM views need from the configuration: which hosts and service checks each
 * hashtag selects, and which hosts each business component groups under which host template.
 */
export interface KeywordSelection {
  id: string
  name: string
  description: string
  enabled: boolean
  /** The hosts tagged (or every host, for `all_hosts`). */
  hasHost: (host: HostRecord) => boolean
  /** Whether a service check of a tagged host belongs to the hashtag. */
  hasServicecheck: (name: string) => boolean
}

export interface ComponentDefinition {
  id: string
  name: string
  hosttemplateId: string
  hostIds: string[]
  /** Percent of hosts that must work for the component to be OPERATIONAL. */
  quorumPct: number
}

export interface BusinessServiceDefinition {
  id: string
  name: string
  componentIds: string[]
}

const refs = (value: unknown): ObjectRef[] => (Array.isArray(value) ? (value as ObjectRef[]) : [])

export function keywords(store: OpsviewStore): KeywordSelection[] {
  const { config } = store
  return [...config.all('keyword')].map((keyword) => {
    const hostIds = new Set(config.referrers('host', 'keywords', 'keyword', keyword.id).map((host) => host.id))
    const checks = new Set(config.referrers('servicecheck', 'keywords', 'keyword', keyword.id).map((check) => check.name))
    const allHosts = keyword.all_hosts === '1'
    const allChecks = keyword.all_servicechecks === '1'
    return {
      id: keyword.id,
      name: keyword.name,
      description: String(keyword.description ?? ''),
      enabled: keyword.enabled !== '0',
      hasHost: (host) => allHosts || hostIds.has(host.id),
      hasServicecheck: (name) => allChecks || checks.has(name),
    }
  })
}

export function components(store: OpsviewStore): ComponentDefinition[] {
  return [...store.config.all('bsmcomponent')].map((component) => ({
    id: component.id,
    name: component.name,
    hosttemplateId: refId(component.host_template as ObjectRef),
    hostIds: refs(component.hosts).map(refId),
    quorumPct: Number(component.quorum_pct ?? 100),
  }))
}

export function businessServices(store: OpsviewStore): BusinessServiceDefinition[] {
  return [...store.config.all('bsmservice')].map((service) => ({
    id: service.id,
    name: service.name,
    componentIds: refs(service.components).map(refId),
  }))
}

/** The service check names a host template brings. */
export function templateChecks(store: OpsviewStore, templateId: string): Set<string> {
  return new Set(refs(store.config.get('hosttemplate', templateId)?.servicechecks).map((check) => check.name))
}

/** A host group's path from the root, as Opsview's `matpath` text (`Opsview,UK,UK Web Servers,`). */
export function groupPath(store: OpsviewStore, groupId: string): string {
  const names: string[] = []
  for (let group = store.hostgroup(groupId), depth = 0; group && depth < 64; depth++) {
    names.unshift(group.name)
    group = group.parent ? store.hostgroup(refId(group.parent)) : undefined
  }
  return `${names.join(',')},`
}

/**
 * Opsview's `cstatus` for `include_cluster_health=1`: 1 the host's cluster is degraded (some of its
 * collectors are inactive), 2 it is offline (deactivated, or no active collector left), 3 the host is
 * itself a collector of a degraded cluster, 4 an inactive collector; undefined when healthy.
 */
export type ClusterHealth = '1' | '2' | '3' | '4'

export function clusterHealth(store: OpsviewStore): (host: HostRecord) => ClusterHealth | undefined {
  const { config } = store
  const clusterState = new Map<string, 'ok' | 'degraded' | 'offline'>()
  const collectorHosts = new Map<string, { clusterId: string; active: boolean }>()
  for (const cluster of config.all('monitoringcluster')) {
    const collectors = config.referrers('collector', 'monitoringcluster', 'monitoringcluster', cluster.id)
    const active = collectors.filter((collector) => collector.active !== '0').length
    clusterState.set(
      cluster.id,
      cluster.activated === '0' || (collectors.length > 0 && active === 0) ? 'offline' : active < collectors.length ? 'degraded' : 'ok',
    )
    for (const collector of collectors) {
      const host = collector.host as ObjectRef | null | undefined
      if (host) collectorHosts.set(refId(host), { clusterId: cluster.id, active: collector.active !== '0' })
    }
  }
  return (host) => {
    const asCollector = collectorHosts.get(host.id)
    if (asCollector && !asCollector.active) return '4'
    if (asCollector && clusterState.get(asCollector.clusterId) !== 'ok') return '3'
    const state = clusterState.get(refId(host.monitored_by))
    return state === 'offline' ? '2' : state === 'degraded' ? '1' : undefined
  }
}
