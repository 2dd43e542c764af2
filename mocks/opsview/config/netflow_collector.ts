import { integer, ref, text } from './kinds'
import { backrefs, CONFIG_READERS, type ConfigTypeModule } from './module'

/** A NetFlow collector on a monitoring cluster, listening for NetFlow (`port`) and sFlow (`sport`). */
export const netflow_collector: ConfigTypeModule = {
  schemaName: 'NetflowCollector',
  identity: 'id',
  fields: { name: text(), monitoring_server: ref('monitoringcluster'), port: integer(), sport: integer() },
  required: ['name', 'monitoring_server'],
  defaults: () => ({ port: '9995', sport: '6343' }),
  derived: { sources: backrefs('netflow_source', 'collector', 'netflow_collector') },
  readAccess: [...CONFIG_READERS, 'CONFIGURENETFLOW', 'NETFLOW'],
  writeAccess: 'CONFIGURENETFLOW',
}
