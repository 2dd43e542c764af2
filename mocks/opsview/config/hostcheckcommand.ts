import { integer, ref, text } from './kinds'
import { backrefs, CONFIG_READERS, type ConfigTypeModule } from './module'

/** How a host's own state is checked: a plugin and its arguments. */
export const hostcheckcommand: ConfigTypeModule = {
  schemaName: 'Hostcheckcommand',
  identity: 'id',
  fields: { name: text(), plugin: ref('plugin'), args: text(), priority: integer() },
  required: ['name', 'plugin'],
  defaults: () => ({ args: '', priority: '1' }),
  derived: { hosts: backrefs('host', 'check_command', 'hostcheckcommand') },
  readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS'],
  writeAccess: 'CONFIGUREHOSTS',
}
