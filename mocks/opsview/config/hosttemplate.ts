import { flag, objects, text } from './kinds'
import { backrefs, CONFIG_READERS, type ConfigTypeModule } from './module'

/** A host template brings its service checks to every host that uses it. */
export const hosttemplate: ConfigTypeModule = {
  schemaName: 'Hosttemplate',
  identity: 'id',
  fields: {
    name: text({ pattern: /^.{1,128}$/, hint: 'at most 128 characters' }),
    description: text({ nullable: true }),
    has_icon: flag(),
    managementurls: objects(),
    servicechecks: { kind: 'attachments' },
  },
  required: ['name'],
  defaults: () => ({ description: '', has_icon: '0', managementurls: [], servicechecks: [] }),
  derived: { hosts: backrefs('host', 'hosttemplates', 'hosttemplate') },
  deleteGuard: (record, reader) =>
    reader.referrers('host', 'hosttemplates', 'hosttemplate', record.id).length ? 'hosts still use it' : undefined,
  readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS', 'VIEWALL', 'VIEWSOME'],
  writeAccess: 'CONFIGUREHOSTS',
}
