import { integer, text } from './kinds'
import { backrefs, CONFIG_READERS, type ConfigTypeModule } from './module'

/**
 * A monitoring plugin, addressed by name. Plugins arrive by upload (`/rest/config/plugin/upload`), so the
 * generic create, update and clone are refused; list, exists and delete work.
 */
export const plugin: ConfigTypeModule = {
  schemaName: 'Plugin',
  identity: 'name',
  fields: { name: text({ pattern: /^[\w.-]{1,128}$/, hint: 'a file name' }), envvars: text(), origin_id: integer() },
  required: ['name'],
  defaults: () => ({ envvars: '', origin_id: '0' }),
  derived: {
    servicechecks: backrefs('servicecheck', 'plugin', 'plugin'),
    hostcheckcommands: backrefs('hostcheckcommand', 'plugin', 'plugin'),
  },
  readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS'],
  writeAccess: 'ADMINACCESS',
  refuses: ['create', 'update', 'clone'],
}
