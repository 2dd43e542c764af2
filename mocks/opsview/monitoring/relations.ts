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
