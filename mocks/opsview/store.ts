import spec from '../generated/opsview.openapi.json'
import type { Clock } from '../core/clock'
import { MockError } from '../core/mock-error'
import { schemaProblems, specSchema, type BundledSpec } from '../core/spec-schema'
import { Table } from '../core/table'
import { CONFIG_TYPES, parseAccesses, parseRefSelector, type FieldKind } from './config-types'
import type { AccessName } from './access'
import type {
  AnyConfigObject,
  ConfigObjectsByType,
  ConfigTypeName,
  Contact,
  Host,
  Hostgroup,
  HostState,
  Hosttemplate,
  ObjectRef,
  Role,
  ServiceState,
} from './spec-types'

export interface ServiceRuntime {
  id: string
  name: string
  state: ServiceState
  output: string
  lastCheck: number
  stateSince: number
  acknowledged: boolean
}

export interface HostRuntime {
  hostId: string
  state: HostState
  output: string
  lastCheck: number
  stateSince: number
  acknowledged: boolean
  services: ServiceRuntime[]
}

export interface DowntimeRecord {
  id: string
  start: number
  end: number
  comment: string
  author: string
  hostIds: string[]
  /** Service ids selected directly (host downtime covers a host's services implicitly). */
  serviceIds: string[]
}

/** Who is calling: their contact, role and what the role lets them see. */
export interface Principal {
  contact: Contact
  role: Role
  access: ReadonlySet<AccessName>
  /** undefined = every host group; otherwise the ids of the role's groups and their descendants. */
  visibleHostgroupIds: ReadonlySet<string> | undefined
}

type Tables = { [K in ConfigTypeName]: Table<ConfigObjectsByType[K]> }

/**
 * Opsview's state: configuration objects (one @msw/data collection per type), passwords,
 * monitoring runtime (host and service states), downtimes and reload bookkeeping.
 * It knows no HTTP; failures are MockErrors that `errors.ts` turns into Opsview answers.
 */
export class OpsviewStore {
  readonly clock: Clock
  readonly tables: Tables
  readonly passwords = new Map<string, string>()
  readonly runtime = new Map<string, HostRuntime>()
  readonly downtimes = new Map<string, DowntimeRecord>()
  readonly startedAt: number
  lastReload: number
  changesSinceReload = 0
  readonly #principals = new WeakMap<Contact, Principal & { generation: number }>()
  /** Bumped on every configuration write; cached principals from older generations are rebuilt. */
  #generation = 0
  #lastDowntimeId = 0
  #lastServiceId = 0

  constructor(clock: Clock) {
    this.clock = clock
    this.startedAt = clock.nowSeconds()
    this.lastReload = this.startedAt
    const bundled = spec as unknown as BundledSpec
    this.tables = {
      host: new Table(specSchema<Host>(bundled, 'Host')),
      hostgroup: new Table(specSchema<Hostgroup>(bundled, 'Hostgroup')),
      hosttemplate: new Table(specSchema<Hosttemplate>(bundled, 'Hosttemplate')),
      contact: new Table(specSchema<Contact>(bundled, 'Contact')),
      role: new Table(specSchema<Role>(bundled, 'Role')),
    }
  }

  clear(): void {
    for (const table of Object.values(this.tables)) table.clear()
    this.passwords.clear()
    this.runtime.clear()
    this.downtimes.clear()
    this.changesSinceReload = 0
    this.#lastDowntimeId = 0
    this.#lastServiceId = 0
    this.lastReload = this.clock.nowSeconds()
  }

  table<K extends ConfigTypeName>(type: K): Table<ConfigObjectsByType[K]> {
    return this.tables[type]
  }

  // ---- users ---------------------------------------------------------------------------------

  contactByName(name: string): Contact | undefined {
    return this.tables.contact.find((contact) => contact.name === name)
  }

  checkPassword(username: string, password: string): Contact | undefined {
    const contact = this.contactByName(username)
    return contact && this.passwords.get(contact.id) === password ? contact : undefined
  }

  /**
   * Records are replaced (not mutated) on every write, so a principal cached per contact object stays
   * valid until the contact, its role or the host-group tree changes.
   */
  principalFor(contact: Contact): Principal {
    const role = this.tables.role.get(refId(contact.role))
    if (!role) throw new Error(`[opsmocks] contact ${contact.name} has a missing role ${contact.role.ref}`)
    const cached = this.#principals.get(contact)
    if (cached && cached.role === role && cached.generation === this.#generation) return cached
    const principal = this.#buildPrincipal(contact, role)
    this.#principals.set(contact, principal)
    return principal
  }

  #buildPrincipal(contact: Contact, role: Role): Principal & { generation: number } {
    const access = new Set(role.accesses.map((item) => item.name as AccessName))
    const seesAll = role.all_hostgroups === '1' || access.has('VIEWALL') || access.has('ADMINACCESS')
    return {
      contact,
      role,
      access,
      visibleHostgroupIds: seesAll ? undefined : this.#withDescendants(role.access_hostgroups.map(refId)),
      generation: this.#generation,
    }
  }

  // ---- configuration -------------------------------------------------------------------------

  /**
   * Creates an object from client input; `base` (for clones) supplies fields the input leaves out.
   * `id` pins the new object's id (world files keep ids so references stay stable); otherwise the next one.
   */
  async createConfigObject(
    type: ConfigTypeName,
    input: Record<string, unknown>,
    base?: AnyConfigObject,
    id?: string,
  ): Promise<AnyConfigObject> {
    const table = this.tables[type] as Table<AnyConfigObject>
    const definition = CONFIG_TYPES[type]
    const fields = this.#normaliseInput(type, input)
    const merged: Record<string, unknown> = { ...(base ? cloneBase(base) : defaultsFor(type)), ...fields.values }
    for (const field of definition.required) {
      if (merged[field] === undefined || (field !== 'parent' && merged[field] === null)) {
        throw new MockError('BAD_REQUEST', `Missing required field '${field}' for ${type}`)
      }
    }
    if (base && fields.values.name === undefined) throw new MockError('BAD_REQUEST', `Cloning a ${type} needs a new 'name'`)
    this.#assertUniqueName(type, String(merged.name))
    if (id !== undefined && table.get(id)) throw new MockError('CONFLICT', `A ${type} with id ${id} already exists`)
    id ??= table.nextId()
    const record = { ...merged, id, ref: `/rest/config/${type}/${id}`, uncommitted: '1' } as AnyConfigObject
    this.#checkIntegrity(type, record)
    await table.insert(this.#validated(type, this.#withDerived(type, record)))
    if (type === 'contact' && fields.password !== undefined) this.passwords.set(id, fields.password)
    if (type === 'contact' && base && fields.password === undefined) this.passwords.set(id, this.passwords.get(base.id) ?? '')
    await this.#afterChange()
    return table.get(id)!
  }

  async updateConfigObject(type: ConfigTypeName, id: string, input: Record<string, unknown>): Promise<AnyConfigObject> {
    const table = this.tables[type] as Table<AnyConfigObject>
    const current = this.getConfigObject(type, id)
    const fields = this.#normaliseInput(type, input)
    const next = { ...current, ...fields.values, uncommitted: '1' } as AnyConfigObject
    if (fields.values.name !== undefined && fields.values.name !== current.name) this.#assertUniqueName(type, String(fields.values.name))
    this.#checkIntegrity(type, next)
    const validated = this.#validated(type, this.#withDerived(type, next))
    await table.update(id, (draft) => Object.assign(draft, validated))
    if (type === 'contact' && fields.password !== undefined) this.passwords.set(id, fields.password)
    await this.#afterChange()
    return table.get(id)!
  }

  async deleteConfigObject(type: ConfigTypeName, id: string): Promise<void> {
    const current = this.getConfigObject(type, id)
    if (type === 'hostgroup') {
      const group = current as Hostgroup
      if (group.children.length) throw new MockError('BAD_REQUEST', `Cannot delete host group '${group.name}': it has child host groups`)
      if (group.hosts.length) throw new MockError('BAD_REQUEST', `Cannot delete host group '${group.name}': it still contains hosts`)
      if (group.parent === null) throw new MockError('BAD_REQUEST', `Cannot delete the top-level host group '${group.name}'`)
    }
    if (type === 'role' && (current as Role).contacts.length) {
      throw new MockError('BAD_REQUEST', `Cannot delete role '${current.name}': contacts still use it`)
    }
    if (type === 'hosttemplate' && (current as Hosttemplate).hosts.length) {
      throw new MockError('BAD_REQUEST', `Cannot delete host template '${current.name}': hosts still use it`)
    }
    this.tables[type].delete(id)
    if (type === 'contact') this.passwords.delete(id)
    await this.#afterChange()
  }

  /**
   * Writes a list of objects all or nothing, as Opsview's list POST/PUT does: items with an `id`, or
   * (for PUT) a `name` that exists, are updated; the others are created. On the first failure every
   * change is undone and the answer names the item, like Opsview's "Rollback" error.
   */
  async writeConfigObjects(type: ConfigTypeName, items: unknown[], mode: 'create' | 'upsert'): Promise<AnyConfigObject[]> {
    return this.#atomically(async () => {
      const written: AnyConfigObject[] = []
      for (const [index, item] of items.entries()) {
        try {
          if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new MockError('BAD_REQUEST', 'Not a HASH')
          const fields = item as Record<string, unknown>
          const existing = mode === 'upsert' ? this.#existingFor(type, fields) : undefined
          written.push(existing ? await this.updateConfigObject(type, existing.id, fields) : await this.createConfigObject(type, fields))
        } catch (error) {
          const reason = error instanceof MockError ? error.message : String(error)
          throw new MockError('BAD_REQUEST', `Rollback. Error trying to synchronise object: ${index + 1}`, { reason })
        }
      }
      return written
    })
  }

  #existingFor(type: ConfigTypeName, fields: Record<string, unknown>): AnyConfigObject | undefined {
    const table = this.tables[type] as Table<AnyConfigObject>
    if (fields.id !== undefined) return this.getConfigObject(type, String(fields.id))
    return typeof fields.name === 'string' ? table.find((record) => record.name === fields.name) : undefined
  }

  /** Runs `work`; if it throws, puts every table, password and counter back as it was. */
  async #atomically<R>(work: () => Promise<R>): Promise<R> {
    const tables = Object.entries(this.tables).map(([type, table]) => [type, (table as Table<AnyConfigObject>).snapshot()] as const)
    const passwords = new Map(this.passwords)
    const changes = this.changesSinceReload
    try {
      return await work()
    } catch (error) {
      for (const [type, snapshot] of tables) await (this.tables[type as ConfigTypeName] as Table<AnyConfigObject>).restore(snapshot)
      this.passwords.clear()
      for (const [id, password] of passwords) this.passwords.set(id, password)
      this.changesSinceReload = changes
      this.#generation++
      throw error
    }
  }

  getConfigObject(type: ConfigTypeName, id: string): AnyConfigObject {
    const record = this.tables[type].get(id)
    if (!record) throw new MockError('NOT_FOUND', `Object not found: ${type} ${id}`)
    return record
  }

  get hasUncommittedChanges(): boolean {
    return this.changesSinceReload > 0
  }

  /** Applies pending configuration: clears `uncommitted` and brings runtime in line with hosts. */
  async reload(): Promise<void> {
    for (const type of Object.keys(this.tables) as ConfigTypeName[]) {
      const table = this.tables[type] as Table<AnyConfigObject>
      for (const record of table.filter((item) => item.uncommitted === '1')) {
        await table.update(record.id, (draft) => {
          draft.uncommitted = '0'
        })
      }
    }
    this.#syncRuntimeWithConfig()
    this.changesSinceReload = 0
    this.lastReload = this.clock.nowSeconds()
  }

  // ---- runtime -------------------------------------------------------------------------------

  newServiceId(): string {
    return String(++this.#lastServiceId)
  }

  addDowntime(record: Omit<DowntimeRecord, 'id'>): DowntimeRecord {
    const downtime = { ...record, id: String(++this.#lastDowntimeId) }
    this.downtimes.set(downtime.id, downtime)
    return downtime
  }

  /** Services a host gets from its templates, keeping the state of checks it already had. */
  servicesFor(host: Host, previous: ServiceRuntime[] = []): ServiceRuntime[] {
    const names: string[] = []
    for (const templateRef of host.hosttemplates) {
      const template = this.tables.hosttemplate.get(refId(templateRef))
      for (const check of template?.servicechecks ?? []) if (!names.includes(check.name)) names.push(check.name)
    }
    const now = this.clock.nowSeconds()
    return names.map(
      (name) =>
        previous.find((service) => service.name === name) ?? {
          id: this.newServiceId(),
          name,
          state: 'ok',
          output: 'OK - first check after reload',
          lastCheck: now,
          stateSince: now,
          acknowledged: false,
        },
    )
  }

  #syncRuntimeWithConfig(): void {
    const now = this.clock.nowSeconds()
    for (const hostId of [...this.runtime.keys()]) if (!this.tables.host.get(hostId)) this.runtime.delete(hostId)
    for (const host of this.tables.host.all()) {
      const current = this.runtime.get(host.id)
      if (current) current.services = this.servicesFor(host, current.services)
      else {
        this.runtime.set(host.id, {
          hostId: host.id,
          state: 'up',
          output: 'PING OK - Packet loss = 0%',
          lastCheck: now,
          stateSince: now,
          acknowledged: false,
          services: this.servicesFor(host),
        })
      }
    }
  }

  // ---- internals -----------------------------------------------------------------------------

  #normaliseInput(type: ConfigTypeName, input: Record<string, unknown>): { values: Record<string, unknown>; password?: string } {
    const definition = CONFIG_TYPES[type]
    const values: Record<string, unknown> = {}
    let password: string | undefined
    for (const [field, raw] of Object.entries(input)) {
      if (definition.readOnly.includes(field)) continue
      // Own properties only: `__proto__` or `constructor` in a body must not reach Object.prototype.
      const kind = Object.hasOwn(definition.writable, field) ? definition.writable[field] : undefined
      if (!kind) throw new MockError('BAD_REQUEST', `Unknown field '${field}' for ${type}`)
      const value = this.#normaliseField(type, field, kind, raw)
      if (kind.kind === 'password') password = value as string
      else values[field] = value
    }
    return password === undefined ? { values } : { values, password }
  }

  #normaliseField(type: ConfigTypeName, field: string, kind: FieldKind, raw: unknown): unknown {
    const fail = (problem: string): never => {
      throw new MockError('BAD_REQUEST', `Field '${field}' of ${type} ${problem}`)
    }
    switch (kind.kind) {
      case 'string':
      case 'password': {
        if (raw === null && kind.kind === 'string' && kind.nullable) return null
        if (typeof raw !== 'string' && typeof raw !== 'number') return fail('must be a string')
        const value = String(raw)
        if (kind.kind === 'string' && kind.pattern && !kind.pattern.test(value)) return fail(`must be ${kind.patternHint}`)
        return value
      }
      case 'integer': {
        const value = typeof raw === 'number' ? String(raw) : raw
        if (typeof value !== 'string' || !/^[0-9]+$/.test(value)) return fail('must be a whole number')
        return value
      }
      case 'flag': {
        if (raw === true || raw === 1 || raw === '1') return '1'
        if (raw === false || raw === 0 || raw === '0') return '0'
        return fail('must be 0 or 1')
      }
      case 'enum': {
        if (typeof raw !== 'string' || !kind.values.includes(raw)) return fail(`must be one of ${kind.values.join(', ')}`)
        return raw
      }
      case 'ref': {
        if (raw === null && kind.nullable) return null
        return this.#resolveRef(kind.target, raw, fail)
      }
      case 'refs': {
        if (!Array.isArray(raw)) return fail('must be a list of references')
        const refs = raw.map((item) => this.#resolveRef(kind.target, item, fail))
        return refs.filter((ref, index) => refs.findIndex((other) => other.ref === ref.ref) === index)
      }
      case 'accesses': {
        const accesses = parseAccesses(raw)
        return typeof accesses === 'string' ? fail(accesses) : accesses
      }
      case 'servicechecks': {
        if (!Array.isArray(raw)) return fail('must be a list of service checks')
        return raw.map((item) => {
          const name = typeof item === 'string' ? item : (item as { name?: unknown } | null)?.name
          return typeof name === 'string' && name.length > 0 ? { name } : fail('has a service check without a name')
        })
      }
      case 'icon': {
        const name = typeof raw === 'string' ? raw : (raw as { name?: unknown } | null)?.name
        if (typeof name !== 'string') return fail('must name an icon')
        return { name, path: `/static/images/logos/${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_small.png` }
      }
    }
  }

  #resolveRef(target: ConfigTypeName, raw: unknown, fail: (problem: string) => never): ObjectRef {
    const selector = parseRefSelector(raw)
    if (!selector) return fail(`must reference a ${target} by name, id or ref`)
    const table = this.tables[target] as Table<AnyConfigObject>
    const record = selector.id !== undefined ? table.get(selector.id) : table.find((item) => item.name === selector.name)
    if (!record) return fail(`references a ${target} that does not exist: ${JSON.stringify(raw)}`)
    return { name: record.name, ref: record.ref }
  }

  /** The last gate before a write: a record the spec would not allow is a 400, never a half-done write. */
  #validated(type: ConfigTypeName, record: AnyConfigObject): AnyConfigObject {
    const problems = schemaProblems(spec as unknown as BundledSpec, CONFIG_TYPES[type].schemaName, record)
    if (problems.length) throw new MockError('BAD_REQUEST', `Invalid ${type}: ${problems.join('; ')}`)
    return record
  }

  #assertUniqueName(type: ConfigTypeName, name: string): void {
    if ((this.tables[type] as Table<AnyConfigObject>).find((record) => record.name === name)) {
      throw new MockError('BAD_REQUEST', `A ${type} named '${name}' already exists`)
    }
  }

  /** Opsview's structural rules: hosts live in leaf groups; the group tree has no cycles. */
  #checkIntegrity(type: ConfigTypeName, record: AnyConfigObject): void {
    if (type === 'host') {
      const group = this.tables.hostgroup.get(refId((record as Host).hostgroup))!
      if (group.children.length)
        throw new MockError('BAD_REQUEST', `Host group '${group.name}' is not a leaf: hosts can only be in host groups without children`)
    }
    if (type === 'hostgroup') {
      const group = record as Hostgroup
      if (group.parent === null) {
        const root = this.tables.hostgroup.find((item) => item.parent === null)
        if (root && root.id !== group.id)
          throw new MockError('BAD_REQUEST', `Host group '${group.name}' needs a parent; only '${root.name}' is top-level`)
        return
      }
      const parent = this.tables.hostgroup.get(refId(group.parent))!
      if (parent.hosts.length)
        throw new MockError('BAD_REQUEST', `Host group '${parent.name}' contains hosts, so it cannot have child host groups`)
      for (
        let cursor: Hostgroup | undefined = parent;
        cursor;
        cursor = cursor.parent ? this.tables.hostgroup.get(refId(cursor.parent)) : undefined
      ) {
        if (cursor.id === group.id) throw new MockError('BAD_REQUEST', `Host group '${group.name}' cannot be its own ancestor`)
      }
    }
  }

  /** Fills the fields Opsview computes (children, hosts, matpath, contacts) for one record. */
  #withDerived(type: ConfigTypeName, record: AnyConfigObject): AnyConfigObject {
    if (type === 'hostgroup') {
      const group = record as Hostgroup
      const children = this.tables.hostgroup.filter((item) => item.parent !== null && refId(item.parent) === group.id).map(toRef)
      const hosts = this.tables.host.filter((host) => refId(host.hostgroup) === group.id).map(toRef)
      return { ...group, children, hosts, is_leaf: children.length ? '0' : '1', matpath: this.#matpath(group) }
    }
    if (type === 'hosttemplate') {
      const template = record as Hosttemplate
      return {
        ...template,
        hosts: this.tables.host.filter((host) => host.hosttemplates.some((ref) => refId(ref) === template.id)).map(toRef),
      }
    }
    if (type === 'role') {
      const role = record as Role
      return { ...role, contacts: this.tables.contact.filter((contact) => refId(contact.role) === role.id).map(toRef) }
    }
    return record
  }

  #matpath(group: Hostgroup): string {
    const names: string[] = []
    let cursor: Hostgroup | undefined = group
    for (let depth = 0; cursor && depth < 64; depth++) {
      names.unshift(cursor.name)
      cursor = cursor.parent ? this.tables.hostgroup.get(refId(cursor.parent)) : undefined
    }
    return `${names.join(',')},`
  }

  /** After any write: refresh reference names and derived fields everywhere, count the change. */
  async #afterChange(): Promise<void> {
    this.changesSinceReload++
    this.#generation++
    await this.refreshDerived()
  }

  async refreshDerived(): Promise<void> {
    const nameOf = (ref: ObjectRef): ObjectRef => {
      const [, type, id] = /^\/rest\/config\/([a-z]+)\/([0-9]+)$/.exec(ref.ref ?? '') ?? []
      const target = type && id ? (this.tables[type as ConfigTypeName] as Table<AnyConfigObject> | undefined)?.get(id) : undefined
      return target ? { name: target.name, ref: target.ref } : ref
    }
    for (const type of ['host', 'contact', 'role', 'hostgroup'] as const) {
      const table = this.tables[type] as Table<AnyConfigObject>
      for (const record of [...table.all()]) {
        const refreshed = this.#withDerived(type, mapRefs(record, nameOf))
        if (JSON.stringify(refreshed) !== JSON.stringify(record)) await table.update(record.id, (draft) => Object.assign(draft, refreshed))
      }
    }
    for (const template of [...this.tables.hosttemplate.all()]) {
      const refreshed = this.#withDerived('hosttemplate', template)
      if (JSON.stringify(refreshed) !== JSON.stringify(template))
        await this.tables.hosttemplate.update(template.id, (draft) => Object.assign(draft, refreshed))
    }
  }

  #withDescendants(ids: string[]): Set<string> {
    const result = new Set<string>()
    const visit = (id: string): void => {
      if (result.has(id)) return
      result.add(id)
      for (const child of this.tables.hostgroup.filter((group) => group.parent !== null && refId(group.parent) === id)) visit(child.id)
    }
    ids.forEach(visit)
    return result
  }
}

export function refId(ref: ObjectRef): string {
  return ref.ref?.slice(ref.ref.lastIndexOf('/') + 1) ?? ''
}

function toRef(record: { name: string; ref: string }): ObjectRef {
  return { name: record.name, ref: record.ref }
}

function mapRefs(record: AnyConfigObject, map: (ref: ObjectRef) => ObjectRef): AnyConfigObject {
  const copy: Record<string, unknown> = { ...record }
  for (const [key, value] of Object.entries(copy)) {
    if (isObjectRef(value)) copy[key] = map(value)
    else if (Array.isArray(value) && value.every(isObjectRef)) copy[key] = value.map(map)
  }
  return copy as AnyConfigObject
}

function isObjectRef(value: unknown): value is ObjectRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ObjectRef).ref === 'string' &&
    (value as ObjectRef).ref!.startsWith('/rest/config/')
  )
}

/** A clone starts from every stored field but its identity; derived fields are recomputed on insert. */
function cloneBase(record: AnyConfigObject): Record<string, unknown> {
  const { id: _id, ref: _ref, uncommitted: _uncommitted, ...fields } = record
  return fields
}

const MASTER: ObjectRef = { name: 'Master Monitoring Server', ref: '/rest/config/monitoringcluster/1' }

function defaultsFor(type: ConfigTypeName): Record<string, unknown> {
  switch (type) {
    case 'host':
      return {
        alias: '',
        hosttemplates: [],
        monitored_by: MASTER,
        icon: { name: 'SYMBOL - Server', path: '/static/images/logos/server_small.png' },
        check_attempts: '2',
        check_interval: '300',
        retry_check_interval: '60',
        notification_interval: '60',
        enable_snmp: '0',
        other_addresses: '',
      }
    case 'hostgroup':
      return { children: [], hosts: [], is_leaf: '1', matpath: '' }
    case 'hosttemplate':
      return { description: '', hosts: [], servicechecks: [] }
    case 'contact':
      return { fullname: '', description: '', realm: 'local', language: '' }
    case 'role':
      return { description: '', priority: '1000', accesses: [], all_hostgroups: '0', access_hostgroups: [], contacts: [] }
  }
}
