import { text } from './kinds'
import { backrefs, CONFIG_READERS, type ConfigTypeModule } from './module'

/** A service group; every service check belongs to exactly one. */
export const servicegroup: ConfigTypeModule = {
  schemaName: 'Servicegroup',
  identity: 'id',
  fields: { name: text({ pattern: /^.{1,128}$/, hint: 'at most 128 characters' }) },
  required: ['name'],
  defaults: () => ({}),
  // Writable in pyopsview's 6.2 servicegroup schema (not readonly): listing a check moves it into the group.
  mirrors: { servicechecks: { from: 'servicecheck', field: 'servicegroup' } },
  derived: { servicechecks: backrefs('servicecheck', 'servicegroup', 'servicegroup') },
  visibleTo: (record, scope) => !scope.servicegroups || scope.servicegroups.has(record.id),
  readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS', 'VIEWALL', 'VIEWSOME'],
  writeAccess: 'CONFIGUREHOSTS',
}
