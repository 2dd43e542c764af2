import type { AccessName } from '../access'
import type { ConfigTypeName, ObjectRef, SchemaName } from '../spec-types'
import type { FieldKind } from './kinds'

/**
 * What one configuration type module declares. The store engine reads nothing else about a type:
 * fields and their kinds, defaults, derived fields, integrity checks, delete guards and who may see
 * and change objects all live in the type's own module (`config/<type>.ts`).
 */

/** A stored record: its own fields only (derived fields are computed when it is read). */
export type StoredRecord = { readonly id: string; readonly ref: string; readonly name: string } & Readonly<Record<string, unknown>>

/** Read access to the configuration while a record is presented, checked or deleted. */
export interface ConfigReader {
  get(type: ConfigTypeName, key: string): StoredRecord | undefined
  byName(type: ConfigTypeName, name: string): StoredRecord | undefined
  all(type: ConfigTypeName): Iterable<StoredRecord>
  /** Records of `from` whose `field` references `target`'s object `key`. */
  referrers(from: ConfigTypeName, field: string, target: ConfigTypeName, key: string): StoredRecord[]
  /** The current `{name, ref}` of a record. */
  refTo(type: ConfigTypeName, record: StoredRecord): ObjectRef
  /** Whether the user the record is presented to may see it (always true outside a request). */
  canSee(type: ConfigTypeName, record: StoredRecord): boolean
  /** A record as the API answers it, for types that embed others (a contact's notification profiles). */
  present(type: ConfigTypeName, record: StoredRecord): Record<string, unknown>
}

/** Who is making a change. */
export interface Actor {
  contactId: string
}

/** A computed field: its value for one record, given the rest of the configuration. */
export type Derivation = (record: StoredRecord, reader: ConfigReader) => unknown

/** What a restricted role may see; `undefined` sets mean everything of that kind. */
export interface Scope {
  hostgroups: ReadonlySet<string> | undefined
  /** Hashtags of the role's access list; hosts carrying one are visible even outside the host groups. */
  keywords: ReadonlySet<string> | undefined
  servicegroups: ReadonlySet<string> | undefined
  bsmView: boolean
}

export interface ConfigTypeModule {
  /** The component schema objects of this type are answered and validated with. */
  readonly schemaName: SchemaName
  /** Objects are addressed by numeric id, or by name (plugins, host icons). */
  readonly identity: 'id' | 'name'
  /** Fields a client may write, with their kinds (`id`, `ref`, `uncommitted` and derived fields are read-only). */
  readonly fields: Readonly<Record<string, FieldKind>>
  readonly required: readonly string[]
  /** Values of own fields a new object starts with. */
  defaults(reader: ConfigReader): Record<string, unknown>
  /** Fields computed from other objects on every read; may also override how an own field is shown. */
  readonly derived?: Readonly<Record<string, Derivation>>
  /**
   * Derived lists a client may also write: writing one sets `field` on the `from` objects, adding this object
   * to those listed and removing it from the others (a hashtag's `hosts` are the hosts whose `keywords` name it).
   * When `field` is a single ref, listed objects move here and leaving one out is refused.
   */
  readonly mirrors?: Readonly<Record<string, { from: ConfigTypeName; field: string }>>
  /** Fields set by the store on every write (e.g. `last_updated`), from the mock clock. */
  stamp?(record: Record<string, unknown>, nowSeconds: number): void
  /** Structural rules a record must keep; throws a MockError naming the problem. */
  checkIntegrity?(record: StoredRecord, reader: ConfigReader): void
  /** Why the object cannot be deleted (by `actor`, the contact asking), beyond the engine's rule that nothing may still point at it. */
  deleteGuard?(record: StoredRecord, reader: ConfigReader, actor: Actor | undefined): string | undefined
  /** Columns answered only when asked for with `cols=+column`. */
  readonly onRequest?: readonly string[]
  /** Whether a restricted user sees the object (default: yes, once they may read the type). */
  visibleTo?(record: StoredRecord, scope: Scope, reader: ConfigReader): boolean
  readonly readAccess: readonly AccessName[]
  /** Access needed to change objects; `undefined` for read-only reference types. */
  readonly writeAccess: AccessName | undefined
  /** Operations the type refuses although the type can be written (plugins are uploaded, not created). */
  readonly refuses?: ReadonlyArray<'create' | 'update' | 'clone'>
}

/** A legacy name answering another type's objects (`monitoringserver` → `monitoringcluster`). */
export interface ConfigAlias {
  readonly aliasOf: ConfigTypeName
}

export const CONFIG_READERS: readonly AccessName[] = ['CONFIGUREVIEW', 'ADMINACCESS']

/** `from` objects whose `via` field points at the record, as `{name, ref}` sorted by name, hidden ones left out. */
export function backrefs(from: ConfigTypeName, via: string, target: ConfigTypeName): Derivation {
  return (record, reader) =>
    reader
      .referrers(from, via, target, keyOf(record))
      .filter((item) => reader.canSee(from, item))
      .map((item) => reader.refTo(from, item))
      .sort((a, b) => a.name.localeCompare(b.name))
}

/** How a record is addressed: its numeric id, or its name for name-keyed types (the store keeps it in `id`). */
function keyOf(record: StoredRecord): string {
  return record.id
}

/** The id of a stored single reference, or undefined. */
export function refId(value: unknown): string | undefined {
  const ref = (value as ObjectRef | null | undefined)?.ref
  return ref ? ref.slice(ref.lastIndexOf('/') + 1) : undefined
}
