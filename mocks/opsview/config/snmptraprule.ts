import { flag, oneOf, ref, text } from './kinds'
import { CONFIG_READERS, type ConfigTypeModule } from './module'

/** A rule turning a matching SNMP trap into a result for its service check (shown inside the check too). */
export const snmptraprule: ConfigTypeModule = {
  schemaName: 'Snmptraprule',
  identity: 'id',
  fields: {
    name: text(),
    servicecheck: ref('servicecheck'),
    code: text(),
    alertlevel: oneOf(['0', '1', '2', '3']),
    message: text(),
    process: flag(),
  },
  required: ['name', 'servicecheck', 'code'],
  defaults: () => ({ alertlevel: '0', message: '', process: '1' }),
  readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS'],
  writeAccess: 'CONFIGUREHOSTS',
}
