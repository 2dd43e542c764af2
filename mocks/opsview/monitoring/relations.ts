import type { OpsviewStore } from '../store'
import { refId } from '../store'

/**
 * Hashtags and business components/services as the status views need them: which hosts and
 * services each one selects. Read from the configuration tables when the store has those types;
 * until then from the definitions below, over the seeded hosts (by name) and template checks.
 */
export interface KeywordDefinition {
  id: string
  name: string
  description: string
  enabled: boolean
  allHosts: boolean
  hostNames: string[]
  allServices: boolean
  serviceNames: string[]
}

export interface ComponentDefinition {
  id: string
  name: string
  hosttemplateId: string
  hostNames: string[]
  /** Percent of hosts that must work for the component to be OPERATIONAL. */
  quorumPct: number
}

export interface BusinessServiceDefinition {
  id: string
  name: string
  componentIds: string[]
}

const SEED_KEYWORDS: KeywordDefinition[] = [
  {
    id: '1',
    name: 'web',
    description: 'Public web tier',
    enabled: true,
    allHosts: false,
    hostNames: ['lb01', 'web01', 'web02', 'web03', 'web04', 'web05'],
    allServices: false,
    serviceNames: ['HTTP', 'HTTPS', 'SSL Certificate'],
  },
  {
    id: '2',
    name: 'databases',
    description: 'MySQL estate',
    enabled: true,
    allHosts: false,
    hostNames: ['db01', 'db02', 'db03'],
    allServices: true,
    serviceNames: [],
  },
  {
    id: '3',
    name: 'network',
    description: 'Switches and firewalls',
    enabled: true,
    allHosts: false,
    hostNames: ['core-sw01', 'core-sw02', 'edge-fw01'],
    allServices: true,
    serviceNames: [],
  },
]

const SEED_COMPONENTS: ComponentDefinition[] = [
  { id: '1', name: 'Web Farm', hosttemplateId: '3', hostNames: ['web01', 'web02', 'web03', 'web04', 'web05'], quorumPct: 60 },
  { id: '2', name: 'MySQL Cluster', hosttemplateId: '4', hostNames: ['db01', 'db02', 'db03'], quorumPct: 66 },
  { id: '3', name: 'Core Network', hosttemplateId: '2', hostNames: ['core-sw01', 'core-sw02'], quorumPct: 50 },
]

const SEED_BUSINESS_SERVICES: BusinessServiceDefinition[] = [
  { id: '1', name: 'Online Shop', componentIds: ['1', '2'] },
  { id: '2', name: 'Corporate Network', componentIds: ['3'] },
]

type Loose = Record<string, unknown>
type RefLike = { name: string; ref?: string }

/** A configuration table by type name, if the store has that type. */
function table(store: OpsviewStore, type: string): readonly Loose[] | undefined {
  const tables = store.tables as unknown as Record<string, { all(): readonly Loose[] } | undefined>
  return Object.hasOwn(tables, type) ? tables[type]!.all() : undefined
}

const names = (value: unknown): string[] => (Array.isArray(value) ? (value as RefLike[]).map((ref) => String(ref.name ?? '')) : [])

export function keywords(store: OpsviewStore): KeywordDefinition[] {
  const records = table(store, 'keyword')
  if (!records) return SEED_KEYWORDS
  return records.map((record) => ({
    id: String(record.id),
    name: String(record.name),
    description: String(record.description ?? ''),
    enabled: String(record.enabled ?? '1') === '1',
    allHosts: String(record.all_hosts ?? '0') === '1',
    hostNames: names(record.hosts),
    allServices: String(record.all_servicechecks ?? '0') === '1',
    serviceNames: names(record.servicechecks),
  }))
}

export function components(store: OpsviewStore): ComponentDefinition[] {
  const records = table(store, 'bsmcomponent')
  if (!records) return SEED_COMPONENTS
  return records.map((record) => ({
    id: String(record.id),
    name: String(record.name),
    hosttemplateId: refId((record.host_template ?? {}) as RefLike) || String(record.host_template_id ?? ''),
    hostNames: names(record.hosts),
    quorumPct: Number(record.quorum_pct ?? 0),
  }))
}

export function businessServices(store: OpsviewStore): BusinessServiceDefinition[] {
  const records = table(store, 'bsmservice')
  if (!records) return SEED_BUSINESS_SERVICES
  return records.map((record) => ({
    id: String(record.id),
    name: String(record.name),
    componentIds: (Array.isArray(record.components) ? (record.components as RefLike[]) : []).map((ref) => refId(ref)),
  }))
}
