import { isAccessName, accessRef, type AccessName } from './access'
import type { ConfigTypeName } from './spec-types'

/**
 * How each configuration type's fields are written: what a client may send, how a value is
 * normalised to Opsview's all-strings form, and which fields are required or read-only.
 */
export type FieldKind =
  | { kind: 'string'; nullable?: boolean; pattern?: RegExp; patternHint?: string }
  | { kind: 'flag' }
  | { kind: 'integer' }
  | { kind: 'ref'; target: ConfigTypeName; nullable?: boolean }
  | { kind: 'refs'; target: ConfigTypeName }
  | { kind: 'accesses' }
  | { kind: 'servicechecks' }
  | { kind: 'icon' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'password' }

export interface ConfigTypeDefinition {
  /** The component schema records of this type are validated against. */
  schemaName: 'Host' | 'Hostgroup' | 'Hosttemplate' | 'Contact' | 'Role'
  writable: Record<string, FieldKind>
  /** Sent back by clients that PUT what they read; accepted and ignored. */
  readOnly: readonly string[]
  required: readonly string[]
  /** Access needed to change objects of this type. */
  writeAccess: AccessName
  /** Any one of these lets a user read objects of this type. */
  readAccess: readonly AccessName[]
  /** Whether VIEWSOME restricts the type to the role's host groups. */
  scopedByHostgroup: boolean
}

const HOST_NAME = { kind: 'string', pattern: /^[\w.-]{1,63}$/, patternHint: 'letters, digits, ".", "_" or "-" (at most 63)' } as const
const CONFIG_READERS = ['CONFIGUREVIEW', 'ADMINACCESS'] as const

export const CONFIG_TYPES: Record<ConfigTypeName, ConfigTypeDefinition> = {
  host: {
    schemaName: 'Host',
    writable: {
      name: HOST_NAME,
      ip: { kind: 'string', pattern: /^\S{1,255}$/, patternHint: 'a host name or address without spaces' },
      alias: { kind: 'string', nullable: true },
      hostgroup: { kind: 'ref', target: 'hostgroup' },
      hosttemplates: { kind: 'refs', target: 'hosttemplate' },
      icon: { kind: 'icon' },
      check_attempts: { kind: 'integer' },
      check_interval: { kind: 'integer' },
      retry_check_interval: { kind: 'integer' },
      notification_interval: { kind: 'integer' },
      enable_snmp: { kind: 'flag' },
      other_addresses: { kind: 'string', nullable: true },
    },
    readOnly: ['id', 'ref', 'uncommitted', 'monitored_by'],
    required: ['name', 'ip', 'hostgroup'],
    writeAccess: 'CONFIGUREHOSTS',
    readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS', 'VIEWALL', 'VIEWSOME'],
    scopedByHostgroup: true,
  },
  hostgroup: {
    schemaName: 'Hostgroup',
    writable: {
      name: { kind: 'string', pattern: /^[^,]{1,128}$/, patternHint: 'at most 128 characters, no commas' },
      parent: { kind: 'ref', target: 'hostgroup', nullable: true },
    },
    readOnly: ['id', 'ref', 'uncommitted', 'children', 'hosts', 'is_leaf', 'matpath'],
    required: ['name', 'parent'],
    writeAccess: 'CONFIGUREHOSTGROUPS',
    readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTGROUPS', 'CONFIGUREHOSTS', 'VIEWALL', 'VIEWSOME'],
    scopedByHostgroup: true,
  },
  hosttemplate: {
    schemaName: 'Hosttemplate',
    writable: {
      name: { kind: 'string', pattern: /^.{1,128}$/, patternHint: 'at most 128 characters' },
      description: { kind: 'string', nullable: true },
      servicechecks: { kind: 'servicechecks' },
    },
    readOnly: ['id', 'ref', 'uncommitted', 'hosts'],
    required: ['name'],
    writeAccess: 'CONFIGUREHOSTS',
    readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS', 'VIEWALL', 'VIEWSOME'],
    scopedByHostgroup: false,
  },
  contact: {
    schemaName: 'Contact',
    writable: {
      name: { kind: 'string', pattern: /^[\w.@-]{1,128}$/, patternHint: 'letters, digits, ".", "@", "_" or "-"' },
      fullname: { kind: 'string' },
      description: { kind: 'string', nullable: true },
      realm: { kind: 'enum', values: ['local', 'ldap'] },
      language: { kind: 'string' },
      role: { kind: 'ref', target: 'role' },
      password: { kind: 'password' },
    },
    readOnly: ['id', 'ref', 'uncommitted'],
    required: ['name', 'role'],
    writeAccess: 'CONFIGURECONTACTS',
    readAccess: ['CONFIGURECONTACTS', 'ADMINACCESS'],
    scopedByHostgroup: false,
  },
  role: {
    schemaName: 'Role',
    writable: {
      name: { kind: 'string', pattern: /^.{1,128}$/, patternHint: 'at most 128 characters' },
      description: { kind: 'string', nullable: true },
      priority: { kind: 'integer' },
      accesses: { kind: 'accesses' },
      all_hostgroups: { kind: 'flag' },
      access_hostgroups: { kind: 'refs', target: 'hostgroup' },
    },
    readOnly: ['id', 'ref', 'uncommitted', 'contacts'],
    required: ['name'],
    writeAccess: 'CONFIGUREROLES',
    readAccess: ['CONFIGUREROLES', 'ADMINACCESS'],
    scopedByHostgroup: false,
  },
}

export function isConfigTypeName(name: string): name is ConfigTypeName {
  return Object.hasOwn(CONFIG_TYPES, name)
}

/** A reference as clients send it: `{"name": ...}`, `{"id": ...}`, `{"ref": ...}` or a bare name. */
export type RefSelector = { name?: string; id?: string }

export function parseRefSelector(value: unknown): RefSelector | undefined {
  if (typeof value === 'string') return { name: value }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const raw = value as Record<string, unknown>
  if (typeof raw.ref === 'string') {
    const id = /\/([0-9]+)$/.exec(raw.ref)?.[1]
    if (id) return { id }
  }
  if (typeof raw.id === 'string' || typeof raw.id === 'number') return { id: String(raw.id) }
  if (typeof raw.name === 'string') return { name: raw.name }
  return undefined
}

export function parseAccesses(value: unknown): Array<{ name: string; ref: string }> | string {
  if (!Array.isArray(value)) return 'must be a list of accesses'
  const result: Array<{ name: string; ref: string }> = []
  for (const item of value) {
    const name = typeof item === 'string' ? item : (item as { name?: unknown } | null)?.name
    if (typeof name !== 'string' || !isAccessName(name)) return `has an unknown access ${JSON.stringify(name ?? item)}`
    if (!result.some((access) => access.name === name)) result.push(accessRef(name))
  }
  return result.sort((a, b) => a.name.localeCompare(b.name))
}
