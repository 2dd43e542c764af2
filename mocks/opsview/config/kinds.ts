import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { accessRef, isAccessName } from '../access'
import type { ConfigTypeName, ObjectRef } from '../spec-types'

/**
 * The kinds of field Opsview configuration objects are made of: what a client may send for each and
 * the all-strings form Opsview stores and answers. A type module lists its fields by kind; the store
 * engine normalises input, indexes references and presents records from these kinds alone.
 */
export type FieldKind =
  | { kind: 'string'; nullable?: boolean; pattern?: RegExp; hint?: string }
  | { kind: 'flag'; nullable?: boolean }
  | { kind: 'integer'; nullable?: boolean }
  | { kind: 'decimal' }
  | { kind: 'enum'; values: readonly string[]; nullable?: boolean }
  | { kind: 'ref'; target: ConfigTypeName; nullable?: boolean }
  | { kind: 'refs'; target: ConfigTypeName }
  | { kind: 'accesses' }
  /** Write-only secret (a contact's password): kept out of the record, never answered. */
  | { kind: 'secret' }
  /** Accepted on write and dropped (fields real clients send that Opsview never returns, e.g. snmp_community). */
  | { kind: 'ignored' }
  | { kind: 'icon' }
  /** Service checks attached to a host or host template, with per-host argument exceptions. */
  | { kind: 'attachments' }
  /** Variable values on a host: `{name, value, arg1..arg4}`, each an existing variable. */
  | { kind: 'hostattributes' }
  /** A list of plain `{name, value}` pairs (contact and notification method variables). */
  | { kind: 'namevalues' }
  /** A list of plain objects whose shape the spec schema checks (links, SNMP interfaces). */
  | { kind: 'objects' }

export const text = (options: { nullable?: boolean; pattern?: RegExp; hint?: string } = {}): FieldKind => ({ kind: 'string', ...options })
export const flag = (nullable = false): FieldKind => ({ kind: 'flag', nullable })
export const integer = (nullable = false): FieldKind => ({ kind: 'integer', nullable })
export const decimal = (): FieldKind => ({ kind: 'decimal' })
export const oneOf = (values: readonly string[], nullable = false): FieldKind => ({ kind: 'enum', values, nullable })
export const ref = (target: ConfigTypeName, nullable = false): FieldKind => ({ kind: 'ref', target, nullable })
export const refs = (target: ConfigTypeName): FieldKind => ({ kind: 'refs', target })
export const objects = (): FieldKind => ({ kind: 'objects' })

/** A reference as clients send it: `{"name": ...}`, `{"id": ...}`, `{"ref": ...}` or a bare name. */
export type RefSelector = { name?: string; key?: string }

function parseRefSelector(value: unknown): RefSelector | undefined {
  if (typeof value === 'string') return { name: value }
  if (!isPlainObject(value)) return undefined
  if (typeof value.ref === 'string') {
    const key = /^\/rest\/config\/[a-z_]+\/([^/]+)$/.exec(value.ref)?.[1]
    if (key) return { key: safeDecode(key) }
  }
  if (typeof value.id === 'string' || typeof value.id === 'number') return { key: String(value.id) }
  if (typeof value.name === 'string') return { name: value.name }
  return undefined
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** What normalising needs from the store: resolving references and numbering host attributes. */
export interface InputContext {
  resolve(target: ConfigTypeName, selector: RefSelector): ObjectRef | undefined
  nextAttributeValueId(): string
}

/** Turns one client value into its stored form, or throws a 400 naming the field and type. */
export function normaliseField(type: string, field: string, kind: FieldKind, raw: unknown, context: InputContext): unknown {
  const fail = (problem: string): never => {
    throw new MockError('BAD_REQUEST', `Field '${field}' of ${type} ${problem}`)
  }
  const nullable = 'nullable' in kind && kind.nullable === true
  if (raw === null && nullable) return null
  switch (kind.kind) {
    case 'string':
    case 'secret': {
      if (typeof raw === 'number') raw = String(raw)
      if (typeof raw !== 'string') return fail('must be a string')
      if (kind.kind === 'string' && kind.pattern && !kind.pattern.test(raw)) return fail(`must be ${kind.hint ?? kind.pattern.source}`)
      return raw
    }
    case 'ignored':
      return undefined
    case 'flag': {
      const value = typeof raw === 'boolean' ? (raw ? '1' : '0') : String(raw)
      return value === '0' || value === '1' ? value : fail('must be 0 or 1')
    }
    case 'integer': {
      const value = typeof raw === 'number' ? String(raw) : raw
      return typeof value === 'string' && /^-?[0-9]+$/.test(value) ? String(Number(value)) : fail('must be a whole number')
    }
    case 'decimal': {
      const value = typeof raw === 'number' ? String(raw) : raw
      return typeof value === 'string' && /^[0-9]+(\.[0-9]+)?$/.test(value) ? value : fail('must be a number')
    }
    case 'enum': {
      const value = typeof raw === 'number' ? String(raw) : raw
      return typeof value === 'string' && kind.values.includes(value) ? value : fail(`must be one of ${kind.values.join(', ')}`)
    }
    case 'ref':
      return resolveRef(kind.target, raw, context, fail)
    case 'refs': {
      if (!Array.isArray(raw)) return fail(`must be a list of ${kind.target} references`)
      const seen = new Set<string>()
      const result: ObjectRef[] = []
      for (const item of raw) {
        const resolved = resolveRef(kind.target, item, context, fail)
        if (!seen.has(resolved.ref!)) result.push(resolved)
        seen.add(resolved.ref!)
      }
      return result
    }
    case 'accesses': {
      if (!Array.isArray(raw)) return fail('must be a list of accesses')
      const names = new Set<string>()
      for (const item of raw) {
        const name = typeof item === 'string' ? item : isPlainObject(item) ? item.name : undefined
        if (typeof name !== 'string' || !isAccessName(name)) return fail(`has an unknown access ${JSON.stringify(name ?? item)}`)
        names.add(name)
      }
      return [...names].sort().map((name) => accessRef(name as Parameters<typeof accessRef>[0]))
    }
    case 'icon': {
      const name = typeof raw === 'string' ? raw : isPlainObject(raw) ? raw.name : undefined
      if (typeof name !== 'string' || name === '') return fail('must name an icon')
      if (!context.resolve('hosticons', { name })) return fail(`names an icon that does not exist: ${JSON.stringify(name)}`)
      return { name, path: `/static/images/logos/${iconFile(name)}.png` }
    }
    case 'attachments': {
      if (!Array.isArray(raw)) return fail('must be a list of service checks')
      const seen = new Set<string>()
      return raw.flatMap((item) => {
        const check = resolveRef('servicecheck', isPlainObject(item) ? { ...item } : item, context, fail)
        if (seen.has(check.ref!)) return []
        seen.add(check.ref!)
        const options = isPlainObject(item) ? item : {}
        return [
          {
            name: check.name,
            ref: check.ref!,
            exception: optionalText(options.exception, 'exception', fail),
            timed_exception: timedException(options.timed_exception, context, fail),
            event_handler: optionalText(options.event_handler, 'event_handler', fail),
          },
        ]
      })
    }
    case 'hostattributes': {
      if (!Array.isArray(raw)) return fail('must be a list of variables')
      return raw.map((item) => {
        if (!isPlainObject(item) || typeof item.name !== 'string') return fail('has a variable without a name')
        if (!context.resolve('attribute', { name: item.name }))
          return fail(`names a variable that does not exist: ${JSON.stringify(item.name)}`)
        const value = item.value === undefined || item.value === null ? '' : String(item.value)
        const args = [1, 2, 3, 4].map((n) => optionalText(item[`arg${n}`], `arg${n}`, fail))
        return {
          id: context.nextAttributeValueId(),
          name: item.name,
          value,
          arg1: args[0]!,
          arg2: args[1]!,
          arg3: args[2]!,
          arg4: args[3]!,
        }
      })
    }
    case 'namevalues': {
      if (!Array.isArray(raw)) return fail('must be a list of {name, value}')
      return raw.map((item) =>
        isPlainObject(item) && typeof item.name === 'string'
          ? { name: item.name, value: optionalText(item.value, 'value', fail) }
          : fail('has an item without a name'),
      )
    }
    case 'objects': {
      if (!Array.isArray(raw) || !raw.every(isPlainObject)) return fail('must be a list of objects')
      return raw.map((item) => ({ ...item }))
    }
  }
}

function resolveRef(target: ConfigTypeName, raw: unknown, context: InputContext, fail: (problem: string) => never): ObjectRef {
  const selector = parseRefSelector(raw)
  if (!selector) return fail(`must reference a ${target} by name, id or ref`)
  return context.resolve(target, selector) ?? fail(`references a ${target} that does not exist: ${JSON.stringify(raw)}`)
}

function optionalText(raw: unknown, name: string, fail: (problem: string) => never): string | null {
  if (raw === undefined || raw === null) return null
  if (typeof raw === 'string' || typeof raw === 'number') return String(raw)
  return fail(`has a ${name} that is not a string`)
}

function timedException(raw: unknown, context: InputContext, fail: (problem: string) => never) {
  if (raw === undefined || raw === null) return null
  if (!isPlainObject(raw) || typeof raw.args !== 'string') return fail('has a timed_exception without {timeperiod, args}')
  return { timeperiod: resolveRef('timeperiod', raw.timeperiod, context, fail), args: raw.args }
}

/** Icon image names as Opsview derives them: "LOGO - Linux Penguin" → "linux_penguin". */
export function iconFile(name: string): string {
  return name
    .replace(/^(LOGO|SYMBOL) - /i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
}

/** The (target type, key) pairs a stored value points at, for the reverse index and delete rules. */
export function referencesIn(kind: FieldKind, value: unknown): Array<readonly [ConfigTypeName, string]> {
  const keyOf = (item: unknown) => refKey(item)
  switch (kind.kind) {
    case 'ref': {
      const key = keyOf(value)
      return key === undefined ? [] : [[kind.target, key]]
    }
    case 'refs':
      return Array.isArray(value) ? value.flatMap((item) => (keyOf(item) === undefined ? [] : [[kind.target, keyOf(item)!] as const])) : []
    case 'attachments':
      return Array.isArray(value)
        ? value.flatMap((item: { ref: string; timed_exception: { timeperiod: ObjectRef } | null }) => [
            ['servicecheck', keyOf(item)!] as const,
            ...(item.timed_exception ? [['timeperiod', keyOf(item.timed_exception.timeperiod)!] as const] : []),
          ])
        : []
    default:
      return []
  }
}

/** The key at the end of a stored reference (`/rest/config/host/7` → `7`, plugins by name). */
function refKey(value: unknown): string | undefined {
  if (!isPlainObject(value) || typeof value.ref !== 'string') return undefined
  const slash = value.ref.lastIndexOf('/')
  return safeDecode(value.ref.slice(slash + 1))
}

/** The stored value with every reference to `ref` showing `name` (after the target was renamed). */
export function renamedIn(kind: FieldKind, value: unknown, ref: string, name: string): unknown {
  const rename = (item: unknown) => (isPlainObject(item) && item.ref === ref ? { ...item, name } : item)
  switch (kind.kind) {
    case 'ref':
      return rename(value)
    case 'refs':
      return Array.isArray(value) ? value.map(rename) : value
    case 'attachments':
      return Array.isArray(value)
        ? value.map((item: Record<string, unknown>) => {
            const renamed = rename(item) as Record<string, unknown>
            const timed = renamed.timed_exception as { timeperiod: ObjectRef; args: string } | null
            return timed ? { ...renamed, timed_exception: { ...timed, timeperiod: rename(timed.timeperiod) } } : renamed
          })
        : value
    default:
      return value
  }
}

/** The stored value without references to `ref` (the target was deleted), for list fields. */
export function withoutRef(kind: FieldKind, value: unknown, ref: string): unknown {
  if ((kind.kind === 'refs' || kind.kind === 'attachments') && Array.isArray(value)) {
    return value.filter((item: { ref?: string }) => item.ref !== ref)
  }
  return value
}

/**
 * Whether a reference of this kind keeps its target from being deleted. Single references do (a host
 * needs its host group); list memberships are dropped with the target (a deleted host leaves its
 * parents' and components' lists), except a timed exception's time period.
 */
export function blocksDelete(kind: FieldKind, target: ConfigTypeName): boolean {
  if (kind.kind === 'ref') return true
  return kind.kind === 'attachments' && target !== 'servicecheck'
}
