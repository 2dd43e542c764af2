import spec from '../generated/opsview.openapi.json'
import { isPlainObject } from '../core/body'
import { MockError } from '../core/mock-error'
import { ownValue } from '../core/own'
import { actionInput } from '../core/state-control'
import { pointer, worldSchema, worldAnchorMs, WorldError, type World, type WorldAdapter, type WorldProblem } from '../core/world'
import { CONFIG_TYPE_NAMES, moduleFor } from './config/registry'
import type { FieldKind } from './config/kinds'
import type { StoredRecord } from './config/module'
import { isAccessName } from './access'
import type { MonitoringEngine } from './monitoring/engine'
import { OpsviewStore, type HostRuntime, type ServiceRuntime } from './store'
import { seedOpsview } from './seed'
import { Clock } from '../core/clock'
import type { ConfigTypeName, HostState, ServiceState } from './spec-types'

/**
 * The Opsview world format (decisions/120): one list per configuration type of the registry (`hosts`,
 * `hostgroups`, `hosttemplates`, `servicechecks`, `contacts`, `roles`, `keywords`, ...), objects written as a
 * client writes them (references by name, omitted fields take Opsview's defaults, secrets such as a contact's
 * password included), hosts with their runtime state (`state`, `output`, and per service check), and downtimes.
 * Times are seconds before the world's `at` (or load time). Everything goes through the store's methods.
 */
type Entry = Record<string, unknown>

/** What a world is loaded into: the store, and the check engine that must restart from the loaded states. */
export interface OpsviewWorldTarget {
  store: OpsviewStore
  monitoring: MonitoringEngine
  seed: number
}

const components = (spec as unknown as { components: { schemas: Record<string, { enum?: string[] }> } }).components.schemas
const HOST_STATES = components.HostState!.enum as HostState[]
const SERVICE_STATES = components.ServiceState!.enum as ServiceState[]

const TYPES: readonly ConfigTypeName[] = CONFIG_TYPE_NAMES
/** A type's list in a world: its plural (`hosts`, `accesses`, `tenancies`; `hosticons` stays). */
const collectionOf = (type: ConfigTypeName) =>
  type.endsWith('ss') ? `${type}es` : type.endsWith('s') ? type : /[^aeiou]y$/.test(type) ? `${type.slice(0, -1)}ies` : `${type}s`
const fieldsOf = (type: ConfigTypeName) => Object.entries(moduleFor(type).fields).filter(([, kind]) => kind.kind !== 'ignored')

/** Fields a world may give a host beyond its configuration: what Opsview's status views show. */
const HOST_RUNTIME_FIELDS = ['monitored', 'state', 'output', 'acknowledged', 'secondsInState', 'secondsSinceCheck', 'services'] as const

/** The types an object of `type` refers to (other than itself). */
function targetsOf(type: ConfigTypeName): ConfigTypeName[] {
  return fieldsOf(type).flatMap(([, kind]) =>
    (kind.kind === 'ref' || kind.kind === 'refs') && kind.target !== type
      ? [kind.target]
      : kind.kind === 'attachments' && type !== 'servicecheck'
        ? ['servicecheck' as ConfigTypeName]
        : [],
  )
}

/** Types ordered so references point at earlier types where the graph allows it; the loader retries the rest. */
const TYPE_ORDER: ConfigTypeName[] = (() => {
  const order: ConfigTypeName[] = []
  const visit = (type: ConfigTypeName, path: ConfigTypeName[]) => {
    if (order.includes(type) || path.includes(type)) return
    for (const target of targetsOf(type)) if (TYPES.includes(target)) visit(target, [...path, type])
    order.push(type)
  }
  TYPES.forEach((type) => visit(type, []))
  return order
})()

// ---- schema ----------------------------------------------------------------------------------

const integerLike = {
  anyOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', pattern: '^[0-9]+$' },
  ],
}
const flagLike = { anyOf: [{ type: 'boolean' }, { enum: [0, 1, '0', '1'] }] }
const seconds = { type: 'integer', minimum: 0 }
const nullable = (schema: object, allow: boolean | undefined) => (allow ? { anyOf: [schema, { type: 'null' }] } : schema)
const refSchema = { anyOf: [{ type: 'string' }, { type: 'object' }] }

function fieldSchema(type: ConfigTypeName, kind: FieldKind): object {
  const description = (text: string) => ({ description: text })
  switch (kind.kind) {
    case 'string':
      return nullable(kind.pattern ? { type: 'string', pattern: kind.pattern.source } : { type: 'string' }, kind.nullable)
    case 'secret':
      return { type: 'string', ...description('Write-only in the API (a password): kept by the world.') }
    case 'integer':
      return nullable(integerLike, kind.nullable)
    case 'decimal':
      return { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$' }] }
    case 'flag':
      return nullable(flagLike, kind.nullable)
    case 'enum':
      return nullable({ enum: [...kind.values] }, kind.nullable)
    case 'ref':
      return nullable({ ...refSchema, ...description(`Name of a ${kind.target} in this world.`) }, kind.nullable)
    case 'refs':
      return { type: 'array', items: refSchema, ...description(`Names of ${kind.target}s in this world.`) }
    case 'accesses':
      return { type: 'array', items: refSchema, ...description('Access names, e.g. VIEWALL.') }
    case 'icon':
      return { ...refSchema, ...description(`The ${type}'s icon by name.`) }
    case 'attachments':
      return { type: 'array', items: refSchema, ...description('Service checks by name, or {name, exception}.') }
    case 'hostattributes':
    case 'namevalues':
    case 'objects':
      return { type: 'array', items: { type: 'object' } }
    case 'ignored':
      return {}
  }
}

/** The runtime state a host and a service check both carry in a world file. */
const runtimeProperties = (states: readonly string[]) => ({
  state: { enum: states },
  output: { type: 'string' },
  acknowledged: { type: 'boolean' },
  secondsInState: seconds,
  secondsSinceCheck: seconds,
})

const serviceRuntimeSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[0-9]+$' }, ...runtimeProperties(SERVICE_STATES) },
}

function typeSchema(type: ConfigTypeName): object {
  const module = moduleFor(type)
  const properties: Record<string, object> = {
    id: { type: 'string', description: 'Pins the object id (optional).' },
    uncommitted: { type: 'boolean', description: 'Changed since the last reload (default false).' },
    ...Object.fromEntries(fieldsOf(type).map(([field, kind]) => [field, fieldSchema(type, kind)])),
  }
  if (type === 'host') {
    Object.assign(properties, {
      monitored: { type: 'boolean', description: 'False for a host added since the last reload: no status yet (default true).' },
      ...runtimeProperties(HOST_STATES),
      services: {
        type: 'object',
        description: 'Runtime state per service check (by check name); checks left out are OK.',
        additionalProperties: serviceRuntimeSchema,
      },
    })
  }
  return { type: 'object', required: module.required.filter((field) => field !== 'parent'), properties, additionalProperties: false }
}

const OPSVIEW_WORLD_SCHEMA = worldSchema(
  'opsview',
  {
    title: 'opsmocks Opsview world',
    description:
      'Objects and runtime state of an Opsview mock (generated from the configuration type registry and the spec; decisions/120).',
  },
  {
    secondsSinceReload: seconds,
    ...Object.fromEntries(TYPES.map((type) => [collectionOf(type), { type: 'array', items: typeSchema(type) }])),
    downtimes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['comment'],
        additionalProperties: false,
        properties: {
          comment: { type: 'string' },
          author: { type: 'string' },
          startsIn: { type: 'integer', description: 'Seconds from the world moment (negative: already started).' },
          endsIn: { type: 'integer', description: 'Seconds from the world moment.' },
          hosts: { type: 'array', items: { type: 'string' } },
          services: {
            type: 'array',
            items: {
              type: 'object',
              required: ['host', 'service'],
              additionalProperties: false,
              properties: { host: { type: 'string' }, service: { type: 'string' } },
            },
          },
        },
      },
    },
  },
)

// ---- checks ----------------------------------------------------------------------------------

function entriesOf(world: Record<string, unknown>, type: ConfigTypeName): Entry[] {
  const list = ownValue(world, collectionOf(type))
  return Array.isArray(list) ? (list as Entry[]) : []
}

const nameOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : isPlainObject(value) && typeof value.name === 'string' ? value.name : undefined

function checkWorld(world: Record<string, unknown>): WorldProblem[] {
  const problems: WorldProblem[] = []
  const names = new Map<ConfigTypeName, Set<string>>()
  for (const type of TYPES) {
    const seen = new Set<string>()
    const ids = new Set<string>()
    entriesOf(world, type).forEach((entry, index) => {
      const name = String(entry.name)
      if (seen.has(name)) problems.push({ path: pointer(collectionOf(type), index, 'name'), message: `another ${type} is named '${name}'` })
      seen.add(name)
      if (typeof entry.id === 'string') {
        if (ids.has(entry.id))
          problems.push({ path: pointer(collectionOf(type), index, 'id'), message: `another ${type} has id ${entry.id}` })
        ids.add(entry.id)
      }
    })
    names.set(type, seen)
  }
  for (const type of TYPES) {
    entriesOf(world, type).forEach((entry, index) => {
      for (const [field, kind] of fieldsOf(type)) {
        if (!Object.hasOwn(entry, field)) continue
        const value = ownValue(entry, field)
        const at = (...rest: Array<string | number>) => pointer(collectionOf(type), index, field, ...rest)
        const known = (target: ConfigTypeName, item: unknown) => {
          // Opsview's reference data (check types, accesses, ...) comes from the seed when the world does not list it.
          if (isBaseline(target) && !Object.hasOwn(world, collectionOf(target))) return true
          const name = nameOf(item)
          // A reference by id or ref is left to the store; names must be in this world.
          return (
            name === undefined || (isPlainObject(item) && (item.ref !== undefined || item.id !== undefined)) || names.get(target)!.has(name)
          )
        }
        if (kind.kind === 'ref' && value !== null && !known(kind.target, value))
          problems.push({ path: at(), message: `no ${kind.target} named '${nameOf(value)}' in this world` })
        if ((kind.kind === 'refs' || kind.kind === 'attachments') && Array.isArray(value)) {
          const target = kind.kind === 'refs' ? kind.target : ('servicecheck' as ConfigTypeName)
          value.forEach((item, position) => {
            if (!known(target, item)) problems.push({ path: at(position), message: `no ${target} named '${nameOf(item)}' in this world` })
          })
        }
        if (kind.kind === 'accesses' && Array.isArray(value))
          value.forEach((item, position) => {
            if (!isAccessName(String(nameOf(item))))
              problems.push({ path: at(position), message: `unknown access '${String(nameOf(item))}'` })
          })
      }
    })
  }
  const checksOf = templateChecks(world)
  entriesOf(world, 'host').forEach((host, index) => {
    if (!isPlainObject(host.services)) return
    const own = (Array.isArray(host.servicechecks) ? host.servicechecks : []).map(nameOf)
    const fromTemplates = (Array.isArray(host.hosttemplates) ? host.hosttemplates : []).flatMap(
      (item) => checksOf.get(String(nameOf(item))) ?? [],
    )
    const available = new Set([...own, ...fromTemplates].filter((name): name is string => name !== undefined))
    for (const service of Object.keys(host.services)) {
      if (!available.has(service))
        problems.push({
          path: pointer('hosts', index, 'services', service),
          message: `host '${String(host.name)}' has no service check '${service}' (it runs: ${[...available].join(', ') || 'none'})`,
        })
    }
  })
  const downtimes = Array.isArray(world.downtimes) ? (world.downtimes as Entry[]) : []
  downtimes.forEach((downtime, index) => {
    for (const [position, host] of (Array.isArray(downtime.hosts) ? downtime.hosts : []).entries()) {
      if (!names.get('host')!.has(String(host)))
        problems.push({ path: pointer('downtimes', index, 'hosts', position), message: `no host named '${String(host)}' in this world` })
    }
  })
  return problems
}

function templateChecks(world: Record<string, unknown>): Map<string, string[]> {
  return new Map(
    entriesOf(world, 'hosttemplate').map((template) => [
      String(template.name),
      (Array.isArray(template.servicechecks) ? template.servicechecks : [])
        .map(nameOf)
        .filter((name): name is string => name !== undefined),
    ]),
  )
}

// ---- apply -----------------------------------------------------------------------------------

/** Ids for every entry: pinned ones as given, the rest after the highest pinned id, in file order. */
function assignIds(type: ConfigTypeName, entries: Entry[]): Array<string | undefined> {
  if (moduleFor(type).identity === 'name') return entries.map(() => undefined)
  let next = entries.reduce((max, entry) => (typeof entry.id === 'string' ? Math.max(max, Number(entry.id) || 0) : max), 0)
  return entries.map((entry) => (typeof entry.id === 'string' ? entry.id : String(++next)))
}

/** The entries of one type in id order (lists keep creation order), each after the same-type objects it refers to. */
function creationOrder(type: ConfigTypeName, entries: Entry[], ids: Array<string | undefined>): number[] {
  const byId = entries.map((_, index) => index).sort((a, b) => (Number(ids[a]) || 0) - (Number(ids[b]) || 0) || a - b)
  const selfFields = fieldsOf(type).filter(([, kind]) => (kind.kind === 'ref' || kind.kind === 'refs') && kind.target === type)
  if (!selfFields.length) return byId
  const indexByName = new Map(entries.map((entry, index) => [String(entry.name), index]))
  const order: number[] = []
  const done = new Set<number>()
  const waitsFor = (index: number) =>
    selfFields.flatMap(([field]) => {
      const value = ownValue(entries[index]!, field)
      return (Array.isArray(value) ? value : [value]).map((item) => indexByName.get(String(nameOf(item))))
    })
  while (order.length < entries.length) {
    const ready = byId.find(
      (index) => !done.has(index) && waitsFor(index).every((other) => other === undefined || other === index || done.has(other)),
    )
    // A cycle: create the rest in id order and let the store refuse what it cannot take.
    const next = ready ?? byId.find((index) => !done.has(index))!
    order.push(next)
    done.add(next)
  }
  return order
}

function inputOf(type: ConfigTypeName, entry: Entry): Record<string, unknown> {
  // Field names are the world file's: a Map, then an object of own properties.
  const fields = new Map<string, unknown>()
  for (const [field, value] of Object.entries(entry)) {
    if (field === 'id' || field === 'uncommitted' || (type === 'host' && (HOST_RUNTIME_FIELDS as readonly string[]).includes(field)))
      continue
    fields.set(field, value)
  }
  // A required reference that may be null (a host group's parent) is null when left out: the root.
  for (const field of moduleFor(type).required) {
    const kind = ownValue(moduleFor(type).fields, field)
    if (kind?.kind === 'ref' && kind.nullable && !fields.has(field)) fields.set(field, null)
  }
  return Object.fromEntries(fields)
}

/**
 * Opsview's own reference data (accesses, check types, time zones, ...: types no client writes) and the objects
 * every new host and check defaults to (the master monitoring cluster, time periods, host check commands,
 * plugins, icons), from the built-in seed; a world that does not list one of these types gets Opsview's.
 */
const BASELINE_TYPES: readonly string[] = ['monitoringcluster', 'timeperiod', 'hostcheckcommand', 'plugin', 'hosticons']
const isBaseline = (type: ConfigTypeName) => moduleFor(type).writeAccess === undefined || BASELINE_TYPES.includes(type)

let referenceData: Promise<Record<string, unknown>> | undefined
function builtInReferenceData(): Promise<Record<string, unknown>> {
  referenceData ??= (async () => {
    const scratch = new OpsviewStore(new Clock())
    await seedOpsview(scratch)
    const readOnly = TYPES.filter(isBaseline)
    return Object.fromEntries(
      readOnly.map((type) => [collectionOf(type), [...scratch.config.all(type)].map((record) => worldEntryOf(type, record))]),
    )
  })()
  return referenceData
}

async function applyWorld(target: OpsviewWorldTarget, given: Record<string, unknown>): Promise<void> {
  const { store } = target
  const reference = await builtInReferenceData()
  const world = { ...Object.fromEntries(Object.entries(reference).filter(([collection]) => !Object.hasOwn(given, collection))), ...given }
  store.clear()
  const now = Math.floor(worldAnchorMs(world, store.clock.now()) / 1000)
  // Every object in type order; what fails on a reference to one not created yet is tried again after the others.
  let pending = TYPE_ORDER.flatMap((type) => {
    const entries = entriesOf(world, type)
    const ids = assignIds(type, entries)
    return creationOrder(type, entries, ids).map((index) => ({ type, index, entry: entries[index]!, id: ids[index], error: '' }))
  })
  for (let progress = true; pending.length && progress;) {
    progress = false
    const failed: typeof pending = []
    for (const item of pending) {
      try {
        await store.config.create(item.type, inputOf(item.type, item.entry), item.id === undefined ? {} : { id: item.id })
        progress = true
      } catch (error) {
        if (!(error instanceof MockError)) throw error
        failed.push({ ...item, error: error.message })
      }
    }
    pending = failed
  }
  if (pending.length)
    throw new WorldError(pending.map((item) => ({ path: pointer(collectionOf(item.type), item.index), message: item.error })))
  await store.reload()
  const hostIds = new Map([...store.hosts()].map((host) => [host.name, host.id]))
  applyHostRuntime(store, entriesOf(world, 'host'), hostIds, now)
  const downtimes = Array.isArray(world.downtimes) ? (world.downtimes as Entry[]) : []
  for (const downtime of downtimes) {
    const hosts = (Array.isArray(downtime.hosts) ? downtime.hosts : []).map((name) => hostIds.get(String(name))!)
    const services = (Array.isArray(downtime.services) ? (downtime.services as Entry[]) : []).flatMap((item) => {
      const runtime = store.runtime.get(hostIds.get(String(item.host)) ?? '')
      const service = runtime?.services.find((candidate) => candidate.name === item.service)
      return service ? [service.id] : []
    })
    store.addDowntime({
      start: now + (typeof downtime.startsIn === 'number' ? downtime.startsIn : 0),
      end: now + (typeof downtime.endsIn === 'number' ? downtime.endsIn : 7200),
      comment: String(downtime.comment),
      author: typeof downtime.author === 'string' ? downtime.author : 'admin',
      hostIds: hosts,
      serviceIds: services,
    })
  }
  store.lastReload = now - (typeof world.secondsSinceReload === 'number' ? world.secondsSinceReload : 0)
  target.monitoring.reset(target.seed)
  await markUncommitted(store, world)
}

/** Changes not yet reloaded: an empty write marks the object as changed, as a client's write would. */
async function markUncommitted(store: OpsviewStore, world: Record<string, unknown>): Promise<void> {
  for (const type of TYPES) {
    for (const entry of entriesOf(world, type)) {
      if (entry.uncommitted !== true) continue
      const record = store.config.byName(type, String(entry.name))
      if (record) await store.config.update(type, record.id, {})
    }
  }
}

function applyHostRuntime(store: OpsviewStore, hosts: Entry[], hostIds: Map<string, string>, now: number): void {
  let highestServiceId = 0
  for (const host of hosts) {
    const hostId = hostIds.get(String(host.name)) ?? ''
    if (host.monitored === false) {
      store.runtime.delete(hostId)
      continue
    }
    const runtime = store.runtime.get(hostId)
    if (!runtime) continue
    if (typeof host.state === 'string') runtime.state = host.state as HostState
    if (typeof host.output === 'string') runtime.output = host.output
    else if (runtime.state !== 'up') runtime.output = `CRITICAL - Host ${runtime.state}`
    if (typeof host.acknowledged === 'boolean') runtime.acknowledged = host.acknowledged
    runtime.stateSince = now - (typeof host.secondsInState === 'number' ? host.secondsInState : 0)
    runtime.lastCheck = now - (typeof host.secondsSinceCheck === 'number' ? host.secondsSinceCheck : 0)
    const services = isPlainObject(host.services) ? host.services : {}
    for (const service of runtime.services) {
      const given = ownValue(services, service.name) as Entry | undefined
      applyServiceRuntime(service, given ?? {}, now)
      highestServiceId = Math.max(highestServiceId, Number(service.id))
    }
  }
  // Services created later must not reuse a pinned id.
  while (Number(store.newServiceId()) < highestServiceId);
}

function applyServiceRuntime(service: ServiceRuntime, given: Entry, now: number): void {
  if (typeof given.id === 'string') service.id = given.id
  if (typeof given.state === 'string') {
    service.state = given.state as ServiceState
    service.output = `${given.state.toUpperCase()} - set by the world file`
  }
  if (typeof given.output === 'string') service.output = given.output
  if (typeof given.acknowledged === 'boolean') service.acknowledged = given.acknowledged
  service.stateSince = now - (typeof given.secondsInState === 'number' ? given.secondsInState : 0)
  service.lastCheck = now - (typeof given.secondsSinceCheck === 'number' ? given.secondsSinceCheck : 0)
}

// ---- export ----------------------------------------------------------------------------------

function exportValue(kind: FieldKind, value: unknown): unknown {
  const refName = (item: unknown) => (isPlainObject(item) && typeof item.name === 'string' ? item.name : item)
  switch (kind.kind) {
    case 'ref':
      return value === null || value === undefined ? value : refName(value)
    case 'refs':
    case 'accesses':
      return Array.isArray(value) ? value.map(refName) : value
    default:
      return value
  }
}

/** A configuration object as stored, written as a world entry (references by name, secrets included). */
export function worldEntryOf(type: ConfigTypeName, record: StoredRecord, secret?: (field: string) => string | undefined): Entry {
  const entry = new Map<string, unknown>()
  if (moduleFor(type).identity === 'id') entry.set('id', record.id)
  for (const [field, kind] of fieldsOf(type)) {
    if (kind.kind === 'secret') {
      const value = secret?.(field)
      if (value !== undefined) entry.set(field, value)
    } else if (Object.hasOwn(record, field) && ownValue(record, field) !== undefined)
      entry.set(field, exportValue(kind, ownValue(record, field)))
  }
  return Object.fromEntries(entry)
}

export const OPSVIEW_COLLECTIONS = Object.fromEntries(TYPES.map((type) => [type, collectionOf(type)])) as Record<ConfigTypeName, string>

function exportWorld(target: OpsviewWorldTarget): World {
  const { store } = target
  const now = store.clock.nowSeconds()
  const collections = TYPES.map((type) => {
    const entries = [...store.config.all(type)].map((record) => {
      const entry = worldEntryOf(type, record, (field) => store.config.secret(type, record.id, field))
      const uncommitted = store.config.isUncommitted(type, record.id) ? { uncommitted: true } : {}
      return type === 'host'
        ? { ...entry, ...uncommitted, ...exportHostRuntime(store.runtime.get(record.id), now) }
        : { ...entry, ...uncommitted }
    })
    return [collectionOf(type), entries] as const
  })
  const hostName = (id: string) => store.host(id)?.name
  return {
    vendor: 'opsview',
    at: new Date(now * 1000).toISOString(),
    secondsSinceReload: Math.max(0, now - store.lastReload),
    ...Object.fromEntries(collections),
    downtimes: [...store.downtimes.values()].map((downtime) => ({
      comment: downtime.comment,
      author: downtime.author,
      startsIn: downtime.start - now,
      endsIn: downtime.end - now,
      hosts: downtime.hostIds.map(hostName).filter((name): name is string => name !== undefined),
      services: downtime.serviceIds.flatMap((serviceId) => {
        for (const runtime of store.runtime.values()) {
          const service = runtime.services.find((candidate) => candidate.id === serviceId)
          const host = hostName(runtime.hostId)
          if (service && host) return [{ host, service: service.name }]
        }
        return []
      }),
    })),
  }
}

function exportHostRuntime(runtime: HostRuntime | undefined, now: number): Entry {
  if (!runtime) return { monitored: false }
  return {
    state: runtime.state,
    output: runtime.output,
    acknowledged: runtime.acknowledged,
    secondsInState: Math.max(0, now - runtime.stateSince),
    secondsSinceCheck: Math.max(0, now - runtime.lastCheck),
    services: Object.fromEntries(
      runtime.services.map((service) => [
        service.name,
        {
          id: service.id,
          state: service.state,
          output: service.output,
          acknowledged: service.acknowledged,
          secondsInState: Math.max(0, now - service.stateSince),
          secondsSinceCheck: Math.max(0, now - service.lastCheck),
        },
      ]),
    ),
  }
}

export const opsviewWorldAdapter: WorldAdapter<OpsviewWorldTarget> = {
  vendor: 'opsview',
  schema: OPSVIEW_WORLD_SCHEMA,
  keyOf: (collection) => (TYPES.some((type) => collectionOf(type) === collection) ? 'name' : undefined),
  check: checkWorld,
  apply: applyWorld,
  export: exportWorld,
}

// ---- runtime control -------------------------------------------------------------------------

/** Scenario changes without a restart: `/__opsmocks/world/{action}` and `opsview.world.<action>(...)`. */
export function opsviewWorldActions(store: OpsviewStore) {
  const hostRuntime = (name: unknown): HostRuntime => {
    const host = typeof name === 'string' ? store.config.byName('host', name) : undefined
    const runtime = host && store.runtime.get(host.id)
    if (!runtime)
      throw new MockError('NOT_FOUND', `No monitored host named ${JSON.stringify(name)} (a new host is monitored after a reload)`)
    return runtime
  }
  return {
    /** Sets a host's state (up, down, unreachable) and output. */
    setHostState(value: unknown) {
      const { host, state, output } = actionInput(value, 'setHostState')
      if (!HOST_STATES.includes(state as HostState))
        throw new MockError('BAD_REQUEST', `setHostState needs a "state" of ${HOST_STATES.join(', ')}`)
      const runtime = hostRuntime(host)
      const now = store.clock.nowSeconds()
      if (runtime.state !== state) {
        runtime.stateSince = now
        runtime.acknowledged = false
      }
      runtime.state = state as HostState
      runtime.output =
        typeof output === 'string' ? output : state === 'up' ? 'PING OK - Packet loss = 0%' : `CRITICAL - Host ${String(state)}`
      runtime.lastCheck = now
      return { host, state: runtime.state, output: runtime.output }
    },
    /** Sets one service check's state (ok, warning, critical, unknown) and output. */
    setServiceState(value: unknown) {
      const { host, service, state, output } = actionInput(value, 'setServiceState')
      if (!SERVICE_STATES.includes(state as ServiceState))
        throw new MockError('BAD_REQUEST', `setServiceState needs a "state" of ${SERVICE_STATES.join(', ')}`)
      const runtime = hostRuntime(host)
      const check = runtime.services.find((candidate) => candidate.name === service)
      if (!check) throw new MockError('NOT_FOUND', `Host ${String(host)} has no service check ${JSON.stringify(service)}`)
      const now = store.clock.nowSeconds()
      if (check.state !== state) {
        check.stateSince = now
        check.acknowledged = false
      }
      check.state = state as ServiceState
      check.output = typeof output === 'string' ? output : `${String(state).toUpperCase()} - set by opsmocks`
      check.lastCheck = now
      return { host, service, state: check.state, output: check.output }
    },
  }
}
