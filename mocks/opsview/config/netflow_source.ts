import { flag, integer, oneOf, ref, text } from './kinds'
import { CONFIG_READERS, type ConfigTypeModule } from './module'

/** A device sending flows to a collector, tied to the host it is. */
export const netflow_source: ConfigTypeModule = {
  schemaName: 'NetflowSource',
  identity: 'id',
  fields: {
    name: text(),
    ip: text({ pattern: /^\S{1,255}$/, hint: 'an address' }),
    flowtype: oneOf(['netflow', 'sflow']),
    active: flag(),
    ip_override: flag(),
    collector: ref('netflow_collector'),
    host: ref('host'),
    port: integer(),
  },
  required: ['name', 'ip', 'collector', 'host'],
  defaults: () => ({ flowtype: 'netflow', active: '1', ip_override: '0', port: '0' }),
  readAccess: [...CONFIG_READERS, 'CONFIGURENETFLOW', 'NETFLOW'],
  writeAccess: 'CONFIGURENETFLOW',
}
