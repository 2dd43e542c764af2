import { flag, integer, ref, text } from './kinds'
import { CONFIG_READERS, type ConfigTypeModule } from './module'

/** A collector that registered with the orchestrator, and the cluster it was put in. */
export const collector: ConfigTypeModule = {
  schemaName: 'Collector',
  identity: 'id',
  fields: {
    name: text(),
    hostname: text(),
    ip: text(),
    os: text(),
    version: text(),
    active: flag(),
    last_heartbeat: integer(),
    monitoringcluster: ref('monitoringcluster', true),
    host: ref('host', true),
  },
  required: ['name', 'hostname', 'ip'],
  defaults: () => ({ os: 'ubuntu20', version: '6.8.8', active: '1', last_heartbeat: '0', monitoringcluster: null, host: null }),
  readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS'],
  writeAccess: 'ADMINACCESS',
}
