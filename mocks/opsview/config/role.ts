import { flag, refs, text } from './kinds'
import { backrefs, type ConfigTypeModule } from './module'

const ALL_FLAGS = [
  'all_hostgroups',
  'all_servicegroups',
  'all_keywords',
  'all_bsm_view',
  'all_bsm_edit',
  'all_bsm_components',
  'all_monitoringservers',
  'all_remotely_managed_clusters',
] as const

/** A role: the accesses it grants and the access lists that scope what its contacts see. */
export const role: ConfigTypeModule = {
  schemaName: 'Role',
  identity: 'id',
  fields: {
    name: text({ pattern: /^.{1,128}$/, hint: 'at most 128 characters' }),
    description: text({ nullable: true }),
    accesses: { kind: 'accesses' },
    ...Object.fromEntries(ALL_FLAGS.map((field) => [field, flag()])),
    access_hostgroups: refs('hostgroup'),
    access_servicegroups: refs('servicegroup'),
    access_keywords: refs('keyword'),
    hostgroups: refs('hostgroup'),
    monitoringservers: refs('monitoringcluster'),
    remotely_managed_clusters: refs('monitoringcluster'),
  },
  required: ['name'],
  defaults: () => ({
    description: '',
    accesses: [],
    ...Object.fromEntries(ALL_FLAGS.map((field) => [field, '0'])),
    access_hostgroups: [],
    access_servicegroups: [],
    access_keywords: [],
    hostgroups: [],
    monitoringservers: [],
    remotely_managed_clusters: [],
  }),
  derived: { contacts: backrefs('contact', 'role', 'role') },
  readAccess: ['CONFIGUREROLES', 'ADMINACCESS'],
  writeAccess: 'CONFIGUREROLES',
}
