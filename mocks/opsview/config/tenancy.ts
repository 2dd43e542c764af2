import { integer, ref, text } from './kinds'
import { CONFIG_READERS, type ConfigTypeModule } from './module'

/** A tenancy: a customer's slice of the system, led by its primary role. */
export const tenancy: ConfigTypeModule = {
  schemaName: 'Tenancy',
  identity: 'id',
  fields: { name: text(), description: text(), primary_role: ref('role'), priority: integer() },
  required: ['name', 'primary_role'],
  defaults: () => ({ description: '', priority: '1000' }),
  readAccess: [...CONFIG_READERS, 'CONFIGURETENANCIES'],
  writeAccess: 'CONFIGURETENANCIES',
}
