import { flag, text } from './kinds'
import { backrefs, CONFIG_READERS, type ConfigTypeModule } from './module'

const FLAGS = [
  'activated',
  'passive',
  'active_host_checks_enabled',
  'active_service_checks_enabled',
  'event_handlers_enabled',
  'network_topology_enabled',
  'remotely_managed',
  'cloudops_owned',
] as const
const ON_BY_DEFAULT = new Set(['activated', 'active_host_checks_enabled', 'active_service_checks_enabled', 'event_handlers_enabled'])

/** A monitoring cluster (the orchestrator's own is "Master Monitoring Server"); hosts name it in `monitored_by`. */
export const monitoringcluster: ConfigTypeModule = {
  schemaName: 'Monitoringcluster',
  identity: 'id',
  fields: {
    name: text({ pattern: /^[\w .-]{1,64}$/, hint: 'letters, digits, spaces, ".", "_" or "-"' }),
    ...Object.fromEntries(FLAGS.map((field) => [field, flag()])),
  },
  required: ['name'],
  defaults: () => Object.fromEntries(FLAGS.map((field) => [field, ON_BY_DEFAULT.has(field) ? '1' : '0'])),
  derived: {
    collectors: backrefs('collector', 'monitoringcluster', 'monitoringcluster'),
    monitors: backrefs('host', 'monitored_by', 'monitoringcluster'),
    roles: backrefs('role', 'monitoringservers', 'monitoringcluster'),
  },
  deleteGuard: (record) => (record.id === '1' ? 'it is the master monitoring cluster' : undefined),
  readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS'],
  writeAccess: 'ADMINACCESS',
}
