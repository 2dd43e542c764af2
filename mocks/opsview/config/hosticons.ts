import { text } from './kinds'
import { CONFIG_READERS, type ConfigTypeModule } from './module'

/** The icons hosts can show, addressed by name; read-only. */
export const hosticons: ConfigTypeModule = {
  schemaName: 'Hosticon',
  identity: 'name',
  fields: { name: text(), img_prefix: text() },
  required: ['name', 'img_prefix'],
  defaults: () => ({}),
  readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS'],
  writeAccess: undefined,
}
