import spec from '../generated/opsview.openapi.json'
import { isPlainObject } from '../core/body'
import { ownValue } from '../core/own'
import { MockError } from '../core/mock-error'
import { pointer, WORLD_AT_SCHEMA, worldAnchorMs, WorldError, type World, type WorldAdapter, type WorldProblem } from '../core/world'
import { CONFIG_TYPES, type FieldKind } from './config-types'
import { isAccessName } from './access'
import { type HostRuntime, type OpsviewStore, type ServiceRuntime } from './store'
import type { AnyConfigObject, ConfigTypeName, HostState, ObjectRef, ServiceState } from './spec-types'

/**
 * The Opsview world format (decisions/120): one list per configuration type (`hosts`, `hostgroups`,
 * `hosttemplates`, `contacts`, `roles`), objects written as a client writes them (references by
 * name, omitted fields take Opsview's defaults), contacts with their password, hosts with their
 * runtime state (`state`, `output`, and per service check), and downtimes. Times are seconds
 * relative to the mock clock when the world is loaded. Everything goes through the store's methods.
 */
type Entry = Record<string, unknown>

const components = (
  spec as unknown as { components: { schemas: Record<string, { properties?: Record<string, unknown>; enum?: string[] }> } }
).components.schemas
const HOST_STATES = components.HostState!.enum as HostState[]
const SERVICE_STATES = components.ServiceState!.enum as ServiceState[]

const TYPES = Object.keys(CONFIG_TYPES) as ConfigTypeName[]
const collectionOf = (type: ConfigTypeName) => `${type}s`

/** Fields a world may give a host beyond its configuration: what Opsview's status views show. */
const HOST_RUNTIME_FIELDS = ['monitored', 'state', 'output', 'acknowledged', 'secondsInState', 'secondsSinceCheck', 'services'] as const

/** Types ordered so every reference points at an earlier type (a host group's parent is handled inside its type). */
const TYPE_ORDER: ConfigTypeName[] = (() => {
  const order: ConfigTypeName[] = []
  const visit = (type: ConfigTypeName, path: ConfigTypeName[]) => {
    if (order.includes(type) || path.includes(type)) return
    for (const kind of Object.values(CONFIG_TYPES[type].writable)) {
      if ((kind.kind === 'ref' || kind.kind === 'refs') && kind.target !== type) visit(kind.target, [...path, type])
    }
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

function fieldSchema(type: ConfigTypeName, kind: FieldKind): object {
  const description = (text: string) => ({ description: text })
  switch (kind.kind) {
    case 'string': {
      const base = kind.pattern ? { type: 'string', pattern: kind.pattern.source } : { type: 'string' }
      return kind.nullable ? { anyOf: [base, { type: 'null' }] } : base
    }
    case 'password':
      return { type: 'string', ...description('The password the user logs in with (write-only in the API).') }
    case 'integer':
      return integerLike
    case 'flag':
      return flagLike
    case 'enum':
      return { enum: [...kind.values] }
    case 'ref': {
      const name = { type: 'string', ...description(`Name of a ${kind.target} in this world.`) }
      return kind.nullable ? { anyOf: [name, { type: 'null' }] } : name
    }
    case 'refs':
      return { type: 'array', items: { type: 'string' }, ...description(`Names of ${kind.target}s in this world.`) }
    case 'accesses':
      return { type: 'array', items: { type: 'string', pattern: '^[A-Z]+$' }, ...description('Access names, e.g. VIEWALL.') }
    case 'servicechecks':
      return { type: 'array', items: { type: 'string', minLength: 1 }, ...description('Service check names the template brings.') }
    case 'icon':
      return {
        anyOf: [
          { type: 'string' },
          {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string' }, path: { type: 'string' } },
            additionalProperties: false,
          },
        ],
        ...description(`The ${type}'s icon by name (and image path).`),
      }
  }
}

const serviceRuntimeSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[0-9]+$' },
    state: { enum: SERVICE_STATES },
    output: { type: 'string' },
    acknowledged: { type: 'boolean' },
    secondsInState: seconds,
    secondsSinceCheck: seconds,
  },
}

function typeSchema(type: ConfigTypeName): object {
  const definition = CONFIG_TYPES[type]
  const properties: Record<string, object> = {
    id: { type: 'string', pattern: '^[0-9]+$', description: 'Pins the object id (optional).' },
    uncommitted: { type: 'boolean', description: 'Changed since the last reload (default false).' },
    ...Object.fromEntries(Object.entries(definition.writable).map(([field, kind]) => [field, fieldSchema(type, kind)])),
  }
  if (type === 'host') {
    Object.assign(properties, {
      monitored: { type: 'boolean', description: 'False for a host added since the last reload: no status yet (default true).' },
      state: { enum: HOST_STATES },
      output: { type: 'string' },
      acknowledged: { type: 'boolean' },
      secondsInState: seconds,
      secondsSinceCheck: seconds,
      services: {
        type: 'object',
        description: 'Runtime state per service check (by check name); checks left out are OK.',
        additionalProperties: serviceRuntimeSchema,
      },
    })
  }
  return {
    type: 'object',
    required: definition.required.filter((field) => field !== 'parent'),
    properties,
    additionalProperties: false,
  }
}

export const OPSVIEW_WORLD_SCHEMA: object = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://opsmocks.dev/schemas/opsview.world.json',
  title: 'opsmocks Opsview world',
  description: 'Objects and runtime state of an Opsview mock (generated from the Opsview OpenAPI spec; decisions/120).',
  type: 'object',
  required: ['vendor'],
  additionalProperties: false,
  properties: {
    vendor: { const: 'opsview' },
    description: { type: 'string' },
    at: WORLD_AT_SCHEMA,
    pendingChanges: { type: 'integer', minimum: 0, description: 'Configuration changes since the last reload (default 0).' },
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
          startsIn: { type: 'integer', description: 'Seconds from load time (negative: already started).' },
          endsIn: { type: 'integer', description: 'Seconds from load time.' },
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
}

// ---- checks ----------------------------------------------------------------------------------

function entriesOf(world: Record<string, unknown>, type: ConfigTypeName): Entry[] {
  const list = Object.hasOwn(world, collectionOf(type)) ? world[collectionOf(type)] : undefined
  return Array.isArray(list) ? (list as Entry[]) : []
}

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
      for (const [field, kind] of Object.entries(CONFIG_TYPES[type].writable)) {
        if (!Object.hasOwn(entry, field)) continue
        const value = ownValue(entry, field)
        const at = (...rest: Array<string | number>) => pointer(collectionOf(type), index, field, ...rest)
        if (kind.kind === 'ref' && typeof value === 'string' && !names.get(kind.target)!.has(value))
          problems.push({ path: at(), message: `no ${kind.target} named '${value}' in this world` })
        if (kind.kind === 'refs' && Array.isArray(value))
          value.forEach((item, position) => {
            if (!names.get(kind.target)!.has(String(item)))
              problems.push({ path: at(position), message: `no ${kind.target} named '${String(item)}' in this world` })
          })
        if (kind.kind === 'accesses' && Array.isArray(value))
          value.forEach((item, position) => {
            if (!isAccessName(String(item))) problems.push({ path: at(position), message: `unknown access '${String(item)}'` })
          })
      }
    })
  }
  const checksOf = templateChecks(world)
  entriesOf(world, 'host').forEach((host, index) => {
    if (!isPlainObject(host.services)) return
    const available = new Set(
      (Array.isArray(host.hosttemplates) ? host.hosttemplates : []).flatMap((name) => checksOf.get(String(name)) ?? []),
    )
    for (const service of Object.keys(host.services)) {
      if (!available.has(service))
        problems.push({
          path: pointer('hosts', index, 'services', service),
          message: `host '${String(host.name)}' has no service check '${service}' (its templates bring: ${[...available].join(', ') || 'none'})`,
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
      (Array.isArray(template.servicechecks) ? template.servicechecks : []).map(String),
    ]),
  )
}

// ---- apply -----------------------------------------------------------------------------------

/** Ids for every entry: pinned ones as given, the rest after the highest pinned id, in file order. */
function assignIds(entries: Entry[]): string[] {
  let next = entries.reduce((max, entry) => (typeof entry.id === 'string' ? Math.max(max, Number(entry.id)) : max), 0)
  return entries.map((entry) => (typeof entry.id === 'string' ? entry.id : String(++next)))
}

/**
 * Creation order: by id (tables list records in insertion order, so this keeps lists as exported),
 * except that a host group waits for its parent.
 */
function creationOrder(type: ConfigTypeName, entries: Entry[], ids: string[]): number[] {
  const byId = entries.map((_, index) => index).sort((a, b) => Number(ids[a]) - Number(ids[b]))
  if (type !== 'hostgroup') return byId
  const indexByName = new Map(entries.map((entry, index) => [String(entry.name), index]))
  const order: number[] = []
  const done = new Set<number>()
  while (order.length < entries.length) {
    const ready = byId.find((index) => {
      if (done.has(index)) return false
      const parent = indexByName.get(String(entries[index]!.parent))
      return parent === undefined || parent === index || done.has(parent)
    })
    // A cycle: create the rest in id order and let the store refuse the first bad parent.
    const next = ready ?? byId.find((index) => !done.has(index))!
    order.push(next)
    done.add(next)
  }
  return order
}

async function applyWorld(store: OpsviewStore, world: Record<string, unknown>): Promise<void> {
  store.clear()
  const now = Math.floor(worldAnchorMs(world, store.clock.now()) / 1000)
  const hostIds = new Map<string, string>()
  for (const type of TYPE_ORDER) {
    const entries = entriesOf(world, type)
    const ids = assignIds(entries)
    const order = creationOrder(type, entries, ids)
    for (const index of order) {
      const entry = entries[index]!
      // Field names are the world file's: a Map, then an object of own properties.
      const fields = new Map<string, unknown>()
      for (const [field, value] of Object.entries(entry)) {
        if (field === 'id' || field === 'uncommitted' || (type === 'host' && (HOST_RUNTIME_FIELDS as readonly string[]).includes(field)))
          continue
        fields.set(field, value)
      }
      // A required reference that may be null (a host group's parent) is null when left out: the root.
      for (const field of CONFIG_TYPES[type].required) {
        const kind = ownValue(CONFIG_TYPES[type].writable, field)
        if (kind?.kind === 'ref' && kind.nullable && !fields.has(field)) fields.set(field, null)
      }
      try {
        const created = await store.createConfigObject(type, Object.fromEntries(fields), undefined, ids[index])
        const icon = entry.icon
        if (isPlainObject(icon) && typeof icon.path === 'string') {
          const path = icon.path
          await (store.tables[type] as unknown as { update(id: string, mutate: (draft: Entry) => void): Promise<unknown> }).update(
            created.id,
            (draft) => void (draft.icon = { name: icon.name, path }),
          )
        }
        if (type === 'host') hostIds.set(created.name, created.id)
      } catch (error) {
        if (!(error instanceof MockError)) throw error
        throw new WorldError([{ path: pointer(collectionOf(type), index), message: error.message }])
      }
    }
  }
  await store.reload()
  applyHostRuntime(store, entriesOf(world, 'host'), hostIds, now)
  await markUncommitted(store, world)
  if (typeof world.secondsSinceReload === 'number') store.lastReload = now - world.secondsSinceReload
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
}

/** Changes not yet reloaded: the objects say so, and the reload status counts them. */
async function markUncommitted(store: OpsviewStore, world: Record<string, unknown>): Promise<void> {
  let marked = 0
  for (const type of TYPES) {
    const table = store.tables[type] as unknown as {
      find(test: (record: Entry) => boolean): Entry | undefined
      update(id: string, mutate: (draft: Entry) => void): Promise<unknown>
    }
    for (const entry of entriesOf(world, type)) {
      if (entry.uncommitted !== true) continue
      const record = table.find((candidate) => candidate.name === entry.name)
      if (record) await table.update(String(record.id), (draft) => void (draft.uncommitted = '1'))
      marked++
    }
  }
  store.changesSinceReload = typeof world.pendingChanges === 'number' ? world.pendingChanges : marked
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
    if (typeof host.secondsInState === 'number') runtime.stateSince = now - host.secondsInState
    if (typeof host.secondsSinceCheck === 'number') runtime.lastCheck = now - host.secondsSinceCheck
    const services = isPlainObject(host.services) ? host.services : {}
    for (const service of runtime.services) {
      const given = Object.hasOwn(services, service.name) ? (services[service.name] as Entry) : undefined
      if (given) applyServiceRuntime(service, given, now)
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
  if (typeof given.secondsInState === 'number') service.stateSince = now - given.secondsInState
  if (typeof given.secondsSinceCheck === 'number') service.lastCheck = now - given.secondsSinceCheck
}

// ---- export ----------------------------------------------------------------------------------

function exportValue(kind: FieldKind, value: unknown): unknown {
  switch (kind.kind) {
    case 'ref':
      return value === null ? null : (value as ObjectRef).name
    case 'refs':
      return (value as ObjectRef[]).map((ref) => ref.name)
    case 'accesses':
    case 'servicechecks':
      return (value as Array<{ name: string }>).map((item) => item.name)
    case 'integer':
      return Number(value)
    case 'flag':
      return value === '1'
    default:
      return value
  }
}

/** A configuration object as the API shows it, written as a world entry (references by name). */
export function worldEntryOf(type: ConfigTypeName, record: Entry, password?: string): Entry {
  const entry = new Map<string, unknown>()
  if (typeof record.id === 'string') entry.set('id', record.id)
  if (record.uncommitted === '1') entry.set('uncommitted', true)
  for (const [field, kind] of Object.entries(CONFIG_TYPES[type].writable)) {
    if (kind.kind === 'password') {
      if (password !== undefined) entry.set(field, password)
    } else if (Object.hasOwn(record, field)) entry.set(field, exportValue(kind, ownValue(record, field)))
  }
  return Object.fromEntries(entry)
}

export const OPSVIEW_COLLECTIONS = Object.fromEntries(TYPES.map((type) => [type, collectionOf(type)])) as Record<ConfigTypeName, string>

function exportWorld(store: OpsviewStore): World {
  const now = store.clock.nowSeconds()
  const collections = TYPES.map((type) => {
    const records = [...(store.tables[type].all() as readonly AnyConfigObject[])].sort((a, b) => Number(a.id) - Number(b.id))
    const entries = records.map((record) => {
      const entry = worldEntryOf(type, record as unknown as Entry, store.passwords.get(record.id))
      return type === 'host' ? { ...entry, ...exportHostRuntime(store.runtime.get(record.id), now) } : entry
    })
    return [collectionOf(type), entries] as const
  })
  const world: World = {
    vendor: 'opsview',
    at: new Date(now * 1000).toISOString(),
    pendingChanges: store.changesSinceReload,
    secondsSinceReload: Math.max(0, now - store.lastReload),
    ...Object.fromEntries(collections),
  }
  const hostName = (id: string) => store.tables.host.get(id)?.name
  world.downtimes = [...store.downtimes.values()].map((downtime) => ({
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
  }))
  return world
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

export const opsviewWorldAdapter: WorldAdapter<OpsviewStore> = {
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
    const host = typeof name === 'string' ? store.tables.host.find((record) => record.name === name) : undefined
    const runtime = host && store.runtime.get(host.id)
    if (!runtime)
      throw new MockError('NOT_FOUND', `No monitored host named ${JSON.stringify(name)} (a new host is monitored after a reload)`)
    return runtime
  }
  const input = (value: unknown, action: string): Entry => {
    if (!isPlainObject(value)) throw new MockError('BAD_REQUEST', `${action} takes a JSON object`)
    return value
  }
  return {
    /** Sets a host's state (up, down, unreachable) and output. */
    setHostState(value: unknown) {
      const { host, state, output } = input(value, 'setHostState')
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
      const { host, service, state, output } = input(value, 'setServiceState')
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
