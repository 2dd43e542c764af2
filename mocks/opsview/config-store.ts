import spec from '../generated/opsview.openapi.json'
import type { Clock } from '../core/clock'
import { MockError } from '../core/mock-error'
import { ownValue } from '../core/own'
import { schemaProblems, type BundledSpec } from '../core/spec-schema'
import { blocksDelete, normaliseField, referencesIn, renamedIn, withoutRef, type FieldKind, type RefSelector } from './config/kinds'
import type { Actor, ConfigReader, ConfigTypeModule, Scope, StoredRecord } from './config/module'
import { CONFIG_REGISTRY, CONFIG_TYPE_NAMES, moduleFor } from './config/registry'
import type { ConfigTypeName, ObjectRef } from './spec-types'

/**
 * The configuration store engine: records of every type, keyed by id (or name), with a name index, a
 * reverse-reference index and an undo journal. It knows no type by name: everything it does to a type
 * comes from that type's module in the registry. Each write costs the same whatever the table size:
 * no write scans a table, derived fields are computed when a record is read, and a renamed object's
 * new name is written into exactly the records that reference it.
 */
type Key = string
type ReferrerIndex = Map<string, Set<Key>> // `${from}\u0000${field}` → keys of `from` records

const bundled = spec as unknown as BundledSpec
const schemas = (bundled.components?.schemas ?? {}) as Record<string, { properties?: Record<string, unknown> }>

/** The kind of a field the engine itself recorded (reverse index, mirror table), so the type module declares it. */
function kindOf(type: ConfigTypeName, field: string): FieldKind {
  return ownValue(moduleFor(type).fields, field)!
}

/** A committed change to one object: `after` is undefined for a delete. */
export interface ConfigChange {
  type: ConfigTypeName
  before: StoredRecord | undefined
  after: StoredRecord | undefined
}

interface Normalised {
  values: Record<string, unknown>
  secrets: Map<string, string>
  /** Written mirror fields: the `from` objects that are to reference the record. */
  mirrored: Map<string, ObjectRef[]>
}

export interface WriteOptions {
  /** A clone starts from this record's fields. */
  base?: StoredRecord
  /** Seeds choose their ids; clients never do. */
  id?: string
  /**
   * Skip the spec-schema check: only for the seed, whose every object the contract suites read back and
   * validate, so that a cold start does not compile every type's schema before the first answer.
   */
  unchecked?: true
  /**
   * What the writer may see (undefined: everything). A written mirror list leaves the members the writer
   * cannot see as they are, and naming one is the error for an unknown reference.
   */
  scope?: Scope
}

export class ConfigStore {
  readonly #clock: Clock
  readonly #records = new Map<ConfigTypeName, Map<Key, StoredRecord>>()
  readonly #names = new Map<ConfigTypeName, Map<string, Key>>()
  readonly #lastId = new Map<ConfigTypeName, number>()
  /** Types whose table order is no longer ascending numeric id (name-keyed types, or after a rollback). */
  readonly #outOfOrder = new Set<ConfigTypeName>()
  readonly #highestKey = new Map<ConfigTypeName, number>()
  readonly #referrers = new Map<string, ReferrerIndex>() // `${target}/${key}` → who points at it
  readonly #secrets = new Map<string, string>() // `${type}/${key}/${field}`
  readonly #uncommitted = new Set<string>() // `${type}/${key}`
  #journal: Array<() => void> | undefined
  /** Changes of the running transaction, told to listeners once it commits. */
  #changes: ConfigChange[] = []
  readonly #listeners: Array<(change: ConfigChange) => void> = []
  #lastAttributeValueId = 0
  #pendingChanges = 0
  #generation = 0

  constructor(clock: Clock) {
    this.#clock = clock
    this.clear()
  }

  clear(): void {
    for (const type of CONFIG_TYPE_NAMES) {
      this.#records.set(type, new Map())
      this.#names.set(type, new Map())
      this.#lastId.set(type, 0)
    }
    this.#referrers.clear()
    this.#outOfOrder.clear()
    this.#highestKey.clear()
    this.#secrets.clear()
    this.#uncommitted.clear()
    this.#lastAttributeValueId = 0
    this.#pendingChanges = 0
    this.#generation++
  }

  // ---- reading --------------------------------------------------------------------------------

  /** The canonical type for a name clients use (legacy aliases resolved), or undefined. */
  typeNamed(name: string): ConfigTypeName | undefined {
    if (!Object.hasOwn(CONFIG_REGISTRY, name)) return undefined
    const entry = CONFIG_REGISTRY[name as keyof typeof CONFIG_REGISTRY]
    return 'aliasOf' in entry ? entry.aliasOf : (name as ConfigTypeName)
  }

  module(type: ConfigTypeName): ConfigTypeModule {
    return moduleFor(type)
  }

  get(type: ConfigTypeName, key: string): StoredRecord | undefined {
    return this.#table(type).get(key)
  }

  byName(type: ConfigTypeName, name: string): StoredRecord | undefined {
    const key = this.#names.get(type)!.get(name)
    return key === undefined ? undefined : this.get(type, key)
  }

  /** Records of a type in creation order. */
  all(type: ConfigTypeName): IterableIterator<StoredRecord> {
    return this.#table(type).values()
  }

  size(type: ConfigTypeName): number {
    return this.#table(type).size
  }

  /** Whether `all(type)` yields records in ascending numeric id order (true unless a rollback re-inserted one). */
  inIdOrder(type: ConfigTypeName): boolean {
    return !this.#outOfOrder.has(type)
  }

  /** Records `start` to `end` (exclusive) in creation order, without copying the table. */
  window(type: ConfigTypeName, start: number, end: number): StoredRecord[] {
    const result: StoredRecord[] = []
    let index = 0
    for (const record of this.#table(type).values()) {
      if (index >= end) break
      if (index++ >= start) result.push(record)
    }
    return result
  }

  referrers(from: ConfigTypeName, field: string, target: ConfigTypeName, key: string): StoredRecord[] {
    const keys = this.#referrers.get(`${target}/${key}`)?.get(`${from}\u0000${field}`)
    if (!keys) return []
    const table = this.#table(from)
    return [...keys].map((referrer) => table.get(referrer)!)
  }

  secret(type: ConfigTypeName, key: string, field: string): string | undefined {
    return this.#secrets.get(`${type}/${key}/${field}`)
  }

  isUncommitted(type: ConfigTypeName, key: string): boolean {
    return this.#uncommitted.has(`${type}/${key}`)
  }

  /** Bumped by every change, so callers can cache what they derive from the configuration. */
  get generation(): number {
    return this.#generation
  }

  get pendingChanges(): number {
    return this.#pendingChanges
  }

  /** Reload: every object is committed. */
  commit(): void {
    this.#uncommitted.clear()
    this.#pendingChanges = 0
  }

  /** Whether a user with `scope` (undefined: unrestricted) sees the record. */
  canSee(type: ConfigTypeName, record: StoredRecord, scope: Scope | undefined): boolean {
    if (!scope) return true
    const visibleTo = moduleFor(type).visibleTo
    return visibleTo ? visibleTo(record, scope, this.reader(scope)) : true
  }

  /** A reader for type modules; list fields and derived lists leave out what `scope` may not see. */
  reader(scope?: Scope): ConfigReader {
    return {
      get: (type, key) => this.get(type, key),
      byName: (type, name) => this.byName(type, name),
      all: (type) => this.all(type),
      referrers: (from, field, target, key) => this.referrers(from, field, target, key),
      refTo: (type, record) => this.refTo(type, record),
      canSee: (type, record) => this.canSee(type, record, scope),
      present: (type, record) => this.present(type, record, scope),
    }
  }

  refTo(_type: ConfigTypeName, record: StoredRecord): ObjectRef {
    return { name: record.name, ref: record.ref }
  }

  /**
   * The record as Opsview answers it: the schema's fields in order, derived ones computed, refs the user
   * may not see left out, and columns answered only on request included when named in `extra`.
   */
  present(type: ConfigTypeName, record: StoredRecord, scope?: Scope, extra?: ReadonlySet<string>): Record<string, unknown> {
    const module = moduleFor(type)
    const reader = this.reader(scope)
    const result: Array<[string, unknown]> = []
    for (const field of schemaFields(module)) {
      if (module.onRequest?.includes(field) && !extra?.has(field)) continue
      const derive = module.derived && Object.hasOwn(module.derived, field) ? module.derived[field]! : undefined
      if (derive) result.push([field, derive(record, reader)])
      else if (field === 'uncommitted') result.push([field, this.isUncommitted(type, record.id) ? '1' : '0'])
      else if (Object.hasOwn(record, field))
        result.push([field, scope ? this.#scoped(ownValue(module.fields, field), record[field], reader) : record[field]])
    }
    return Object.fromEntries(result)
  }

  /** The text of a column for searching and sorting: own fields from the record, derived ones computed. */
  columnValue(type: ConfigTypeName, record: StoredRecord, column: string, scope?: Scope): unknown {
    const derived = moduleFor(type).derived
    if (derived && Object.hasOwn(derived, column)) return derived[column]!(record, this.reader(scope))
    if (column === 'uncommitted') return this.isUncommitted(type, record.id) ? '1' : '0'
    return Object.hasOwn(record, column) ? record[column] : undefined
  }

  columns(type: ConfigTypeName): readonly string[] {
    return schemaFields(moduleFor(type))
  }

  #scoped(kind: FieldKind | undefined, value: unknown, reader: ConfigReader): unknown {
    if (!kind || kind.kind !== 'refs' || !Array.isArray(value)) return value
    return value.filter((item: ObjectRef) => {
      const target = this.get(kind.target, refKeyOf(item))
      return !target || reader.canSee(kind.target, target)
    })
  }

  // ---- writing --------------------------------------------------------------------------------

  async create(type: ConfigTypeName, input: Record<string, unknown>, options: WriteOptions = {}): Promise<StoredRecord> {
    const module = moduleFor(type)
    const { values, secrets, mirrored } = this.#normalise(type, input, options.scope)
    const merged: Record<string, unknown> = { ...(options.base ? ownFields(options.base) : module.defaults(this.reader())), ...values }
    for (const field of module.required) {
      if (ownValue(merged, field) === undefined) throw new MockError('BAD_REQUEST', `Missing required field '${field}' for ${type}`)
    }
    if (options.base && values.name === undefined) throw new MockError('BAD_REQUEST', `Cloning a ${type} needs a new 'name'`)
    if (typeof merged.name !== 'string' || merged.name === '')
      throw new MockError('BAD_REQUEST', `Field 'name' of ${type} must be a non-empty string`)
    this.#assertNameFree(type, merged.name)
    const key = module.identity === 'name' ? merged.name : (options.id ?? String(this.#lastId.get(type)! + 1))
    if (this.get(type, key)) throw new Error(`[opsmocks] duplicate ${type} key ${key}`)
    const record = this.#finish(type, { ...merged, id: key, ref: `/rest/config/${type}/${encodeURIComponent(key)}` }, options.unchecked)
    return this.#transaction(() => {
      this.#setLastId(type, Math.max(this.#lastId.get(type)!, Number(key) || 0))
      this.#put(type, key, record)
      this.#applyMirrors(type, record, mirrored, options.scope)
      for (const [field, value] of secrets) this.#setSecret(`${type}/${key}/${field}`, value)
      if (options.base) {
        for (const field of secretFields(module)) {
          const inherited = this.secret(type, options.base.id, field)
          if (!secrets.has(field) && inherited !== undefined) this.#setSecret(`${type}/${key}/${field}`, inherited)
        }
      }
      this.#changed(type, key)
      return record
    })
  }

  async update(
    type: ConfigTypeName,
    key: string,
    input: Record<string, unknown>,
    options: Pick<WriteOptions, 'scope'> = {},
  ): Promise<StoredRecord> {
    const current = this.#existing(type, key)
    const { values, secrets, mirrored } = this.#normalise(type, input, options.scope)
    if (values.name !== undefined && values.name !== current.name) {
      if (moduleFor(type).identity === 'name') throw new MockError('BAD_REQUEST', `A ${type} cannot be renamed`)
      this.#assertNameFree(type, String(values.name))
    }
    const record = this.#finish(type, { ...current, ...values })
    return this.#transaction(() => {
      this.#put(type, key, record)
      this.#applyMirrors(type, record, mirrored, options.scope)
      for (const [field, value] of secrets) this.#setSecret(`${type}/${key}/${field}`, value)
      this.#changed(type, key)
      return record
    })
  }

  /** Deletes one object, or refuses (400) while something still needs it. */
  async remove(type: ConfigTypeName, key: string, actor?: Actor): Promise<StoredRecord> {
    const record = this.#existing(type, key)
    const reader = this.reader()
    const reason = moduleFor(type).deleteGuard?.(record, reader, actor)
    if (reason) throw new MockError('BAD_REQUEST', `Cannot delete ${type} '${record.name}': ${reason}`)
    const index = this.#referrers.get(`${type}/${key}`)
    const cascades: Array<[ConfigTypeName, string, FieldKind]> = []
    for (const [slot, keys] of index ?? []) {
      if (!keys.size) continue
      const [from, field] = slot.split('\u0000') as [ConfigTypeName, string]
      const kind = kindOf(from, field)
      if (blocksDelete(kind, type)) {
        const user = this.get(from, [...keys][0]!)!
        throw new MockError('BAD_REQUEST', `Cannot delete ${type} '${record.name}': it is used by ${from} '${user.name}' (${field})`)
      }
      cascades.push([from, field, kind])
    }
    return this.#transaction(() => {
      for (const [from, field, kind] of cascades) {
        for (const referrer of this.referrers(from, field, type, key)) {
          this.#put(from, referrer.id, { ...referrer, [field]: withoutRef(kind, ownValue(referrer, field), record.ref) } as StoredRecord)
          this.#changed(from, referrer.id)
        }
      }
      this.#put(type, key, undefined)
      for (const field of secretFields(moduleFor(type))) this.#setSecret(`${type}/${key}/${field}`, undefined)
      this.#countChange()
      return record
    })
  }

  /** Calls `listener` after every committed change (sessions follow renamed and deleted contacts). */
  onChange(listener: (change: ConfigChange) => void): void {
    this.#listeners.push(listener)
  }

  /** Runs `work` all or nothing: if it throws, every change it made is undone and no listener hears of it. */
  async atomically<R>(work: () => Promise<R>): Promise<R> {
    if (this.#journal) return work()
    const journal: Array<() => void> = []
    this.#journal = journal
    this.#changes = []
    let result: R
    try {
      result = await work()
    } catch (error) {
      this.#journal = undefined
      for (const undo of journal.reverse()) undo()
      this.#generation++
      throw error
    } finally {
      this.#journal = undefined
    }
    const changes = this.#changes
    this.#changes = []
    for (const change of changes) for (const listener of this.#listeners) listener(change)
    return result
  }

  // ---- internals ------------------------------------------------------------------------------

  #table(type: ConfigTypeName): Map<Key, StoredRecord> {
    return this.#records.get(type)!
  }

  #existing(type: ConfigTypeName, key: string): StoredRecord {
    const record = this.get(type, key)
    if (!record) throw new MockError('NOT_FOUND', `Object not found: ${type} ${key}`)
    return record
  }

  #assertNameFree(type: ConfigTypeName, name: string): void {
    if (this.#names.get(type)!.has(name)) throw new MockError('BAD_REQUEST', `A ${type} named '${name}' already exists`)
  }

  /** Stamps, checks and validates a record about to be stored; a record the spec would not allow is a 400. */
  #finish(type: ConfigTypeName, fields: Record<string, unknown>, unchecked?: true): StoredRecord {
    const module = moduleFor(type)
    module.stamp?.(fields, this.#clock.nowSeconds())
    const record = Object.freeze(fields) as StoredRecord
    module.checkIntegrity?.(record, this.reader())
    if (unchecked) return record
    const problems = schemaProblems(bundled, module.schemaName, this.present(type, record))
    if (problems.length) throw new MockError('BAD_REQUEST', `Invalid ${type}: ${problems.join('; ')}`)
    return record
  }

  #normalise(type: ConfigTypeName, input: Record<string, unknown>, scope?: Scope): Normalised {
    const module = moduleFor(type)
    const values = new Map<string, unknown>()
    const secrets = new Map<string, string>()
    const mirrored = new Map<string, ObjectRef[]>()
    const context = {
      resolve: (target: ConfigTypeName, selector: RefSelector) => this.#resolve(target, selector),
      nextAttributeValueId: () => String(++this.#lastAttributeValueId),
    }
    for (const [field, raw] of Object.entries(input)) {
      if (field === 'id' || field === 'ref' || field === 'uncommitted') continue
      // Own properties only: `__proto__` or `constructor` in a body must not reach Object.prototype.
      const kind = Object.hasOwn(module.fields, field) ? module.fields[field]! : undefined
      const mirror = module.mirrors && Object.hasOwn(module.mirrors, field) ? module.mirrors[field]! : undefined
      if (mirror) {
        const wanted = normaliseField(type, field, { kind: 'refs', target: mirror.from }, raw, context) as ObjectRef[]
        for (const item of wanted) {
          // To the writer, an object it cannot see does not exist: the same answer as for an unknown one.
          if (!this.canSee(mirror.from, this.get(mirror.from, refKeyOf(item))!, scope))
            throw new MockError(
              'BAD_REQUEST',
              `Field '${field}' of ${type} references a ${mirror.from} that does not exist: ${JSON.stringify(item.name)}`,
            )
        }
        mirrored.set(field, wanted)
        continue
      }
      if (!kind) {
        if (module.derived && Object.hasOwn(module.derived, field)) continue // read-only, sent back by clients that PUT what they read
        throw new MockError('BAD_REQUEST', `Unknown field '${field}' for ${type}`)
      }
      const value = normaliseField(type, field, kind, raw, context)
      if (kind.kind === 'secret') secrets.set(field, value as string)
      else if (value !== undefined) values.set(field, value)
    }
    return { values: Object.fromEntries(values), secrets, mirrored }
  }

  /**
   * Makes exactly the `from` objects listed in a written mirror field reference the record, among those the
   * writer can see: the hidden ones keep their reference, since a client PUTs back the scoped list it read.
   * Through a single ref the listed objects move here from wherever they were.
   */
  #applyMirrors(type: ConfigTypeName, record: StoredRecord, mirrored: Map<string, ObjectRef[]>, scope: Scope | undefined): void {
    for (const [field, wanted] of mirrored) {
      const { from, field: via } = ownValue(moduleFor(type).mirrors!, field)!
      const kind = kindOf(from, via)
      const wantedKeys = new Set(wanted.map(refKeyOf))
      const current = this.referrers(from, via, type, record.id)
      for (const other of current) {
        if (wantedKeys.has(other.id) || !this.canSee(from, other, scope)) continue
        // A single ref (a service check's one service group) cannot be left empty: the object has to move elsewhere.
        if (kind.kind === 'ref')
          throw new MockError(
            'BAD_REQUEST',
            `Field '${field}' of ${type} leaves out ${from} '${other.name}', which must belong to one ${type}`,
          )
        this.#put(from, other.id, Object.freeze({ ...other, [via]: withoutRef(kind, ownValue(other, via), record.ref) }) as StoredRecord)
        this.#changed(from, other.id)
      }
      const currentKeys = new Set(current.map((other) => other.id))
      for (const key of wantedKeys) {
        if (currentKeys.has(key)) continue
        const other = this.get(from, key)!
        const ref = { name: record.name, ref: record.ref }
        const value = kind.kind === 'ref' ? ref : [...((ownValue(other, via) as ObjectRef[] | undefined) ?? []), ref]
        this.#put(from, key, Object.freeze({ ...other, [via]: value }) as StoredRecord)
        this.#changed(from, key)
      }
    }
  }

  #resolve(target: ConfigTypeName, selector: RefSelector): ObjectRef | undefined {
    const record = selector.key !== undefined ? this.get(target, selector.key) : this.byName(target, selector.name!)
    return record ? { name: record.name, ref: record.ref } : undefined
  }

  #transaction<R>(work: () => R): Promise<R> {
    return this.atomically(async () => work())
  }

  #changed(type: ConfigTypeName, key: string): void {
    const id = `${type}/${key}`
    if (!this.#uncommitted.has(id)) {
      this.#uncommitted.add(id)
      this.#journal?.push(() => this.#uncommitted.delete(id))
    }
    this.#countChange()
  }

  #countChange(): void {
    this.#pendingChanges++
    this.#generation++
    this.#journal?.push(() => this.#pendingChanges--)
  }

  #setLastId(type: ConfigTypeName, value: number): void {
    const previous = this.#lastId.get(type)!
    this.#lastId.set(type, value)
    this.#journal?.push(() => this.#lastId.set(type, previous))
  }

  #setSecret(slot: string, value: string | undefined): void {
    const previous = this.#secrets.get(slot)
    if (value === undefined) this.#secrets.delete(slot)
    else this.#secrets.set(slot, value)
    this.#journal?.push(() => (previous === undefined ? this.#secrets.delete(slot) : this.#secrets.set(slot, previous)))
  }

  /** The one place records change: table, name index and reverse index move together, journaled. */
  #put(type: ConfigTypeName, key: Key, next: StoredRecord | undefined): void {
    const previous = this.get(type, key)
    this.#apply(type, key, previous, next)
    this.#changes.push({ type, before: previous, after: next })
    this.#journal?.push(() => this.#apply(type, key, next, previous))
    if (previous && next && previous.name !== next.name) this.#propagateRename(type, key, next)
  }

  #apply(type: ConfigTypeName, key: Key, previous: StoredRecord | undefined, next: StoredRecord | undefined): void {
    const table = this.#table(type)
    const names = this.#names.get(type)!
    const fields = moduleFor(type).fields
    if (previous) {
      names.delete(previous.name)
      this.#index(type, key, fields, previous, -1)
    }
    if (next) {
      if (!table.has(key)) this.#noteOrder(type, key)
      table.set(key, next)
      names.set(next.name, key)
      this.#index(type, key, fields, next, +1)
    } else table.delete(key)
  }

  #noteOrder(type: ConfigTypeName, key: Key): void {
    const numeric = /^[0-9]+$/.test(key) ? Number(key) : NaN
    const highest = this.#highestKey.get(type) ?? 0
    if (!(numeric > highest)) this.#outOfOrder.add(type)
    else this.#highestKey.set(type, numeric)
  }

  #index(type: ConfigTypeName, key: Key, fields: Readonly<Record<string, FieldKind>>, record: StoredRecord, direction: 1 | -1): void {
    for (const [field, kind] of Object.entries(fields)) {
      const value = ownValue(record, field)
      if (value === undefined || value === null) continue
      for (const [target, targetKey] of referencesIn(kind, value)) {
        const slotKey = `${target}/${targetKey}`
        let slots = this.#referrers.get(slotKey)
        if (!slots) this.#referrers.set(slotKey, (slots = new Map()))
        const slot = `${type}\u0000${field}`
        let keys = slots.get(slot)
        if (!keys) slots.set(slot, (keys = new Set()))
        if (direction > 0) keys.add(key)
        else keys.delete(key)
      }
    }
  }

  /** A renamed object's new name goes into exactly the records that reference it. */
  #propagateRename(type: ConfigTypeName, key: Key, record: StoredRecord): void {
    for (const [slot, keys] of this.#referrers.get(`${type}/${key}`) ?? []) {
      const [from, field] = slot.split('\u0000') as [ConfigTypeName, string]
      const kind = kindOf(from, field)
      for (const referrerKey of [...keys]) {
        const referrer = this.get(from, referrerKey)!
        this.#put(
          from,
          referrerKey,
          Object.freeze({ ...referrer, [field]: renamedIn(kind, ownValue(referrer, field), record.ref, record.name) }) as StoredRecord,
        )
      }
    }
  }
}

const fieldCache = new WeakMap<ConfigTypeModule, readonly string[]>()

/** The columns of a type: its schema's properties, in the spec's order. */
function schemaFields(module: ConfigTypeModule): readonly string[] {
  let fields = fieldCache.get(module)
  if (!fields) {
    fields = Object.keys(schemas[module.schemaName]?.properties ?? {})
    fieldCache.set(module, fields)
  }
  return fields
}

function secretFields(module: ConfigTypeModule): string[] {
  return Object.entries(module.fields)
    .filter(([, kind]) => kind.kind === 'secret')
    .map(([field]) => field)
}

/** A clone starts from every stored field but its identity. */
function ownFields(record: StoredRecord): Record<string, unknown> {
  const { id: _id, ref: _ref, ...fields } = record
  return fields
}

function refKeyOf(ref: ObjectRef): string {
  const path = ref.ref ?? ''
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1))
}
