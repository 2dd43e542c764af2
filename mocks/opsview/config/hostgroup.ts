import { MockError } from '../../core/mock-error'
import { ref, text } from './kinds'
import { backrefs, CONFIG_READERS, refId, type ConfigReader, type ConfigTypeModule, type StoredRecord } from './module'

/** Host groups form one tree under a single top-level group; hosts live only in leaf groups. */
export const hostgroup: ConfigTypeModule = {
  schemaName: 'Hostgroup',
  identity: 'id',
  fields: {
    name: text({ pattern: /^[^,]{1,128}$/, hint: 'at most 128 characters, no commas' }),
    parent: ref('hostgroup', true),
  },
  required: ['name', 'parent'],
  defaults: () => ({}),
  derived: {
    parent: (record, reader) => {
      const parent = parentOf(record, reader)
      return parent ? { name: parent.name, ref: parent.ref, matpath: matpath(parent, reader) } : null
    },
    children: backrefs('hostgroup', 'parent', 'hostgroup'),
    hosts: backrefs('host', 'hostgroup', 'hostgroup'),
    is_leaf: (record, reader) => (reader.referrers('hostgroup', 'parent', 'hostgroup', record.id).length ? '0' : '1'),
    matpath: (record, reader) => matpath(record, reader),
  },
  checkIntegrity(record, reader) {
    const parent = parentOf(record, reader)
    if (!parent) {
      const root = [...reader.all('hostgroup')].find((group) => group.parent === null && group.id !== record.id)
      if (root) throw new MockError('BAD_REQUEST', `Host group '${record.name}' needs a parent; only '${root.name}' is top-level`)
      return
    }
    if (reader.referrers('host', 'hostgroup', 'hostgroup', parent.id).length) {
      throw new MockError('BAD_REQUEST', `Host group '${parent.name}' contains hosts, so it cannot have child host groups`)
    }
    for (let cursor: StoredRecord | undefined = parent; cursor; cursor = parentOf(cursor, reader)) {
      if (cursor.id === record.id) throw new MockError('BAD_REQUEST', `Host group '${record.name}' cannot be its own ancestor`)
    }
  },
  deleteGuard(record, reader) {
    if (record.parent === null) return 'it is the top-level host group'
    if (reader.referrers('hostgroup', 'parent', 'hostgroup', record.id).length) return 'it has child host groups'
    if (reader.referrers('host', 'hostgroup', 'hostgroup', record.id).length) return 'it still contains hosts'
    return undefined
  },
  visibleTo: (record, scope) => !scope.hostgroups || scope.hostgroups.has(record.id),
  readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTGROUPS', 'CONFIGUREHOSTS', 'VIEWALL', 'VIEWSOME'],
  writeAccess: 'CONFIGUREHOSTGROUPS',
}

function parentOf(record: StoredRecord, reader: ConfigReader): StoredRecord | undefined {
  const id = refId(record.parent)
  return id === undefined ? undefined : reader.get('hostgroup', id)
}

/** Names from the root, comma-terminated: "Opsview,UK,UK Web Servers,". */
function matpath(record: StoredRecord, reader: ConfigReader): string {
  const names: string[] = []
  for (let cursor: StoredRecord | undefined = record, depth = 0; cursor && depth < 64; cursor = parentOf(cursor, reader), depth++) {
    names.unshift(cursor.name)
  }
  return `${names.join(',')},`
}
