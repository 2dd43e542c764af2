import { MockError } from '../../core/mock-error'
import { flag, integer, objects, oneOf, ref, refs, text } from './kinds'
import { backrefs, CONFIG_READERS, refId, type ConfigReader, type ConfigTypeModule } from './module'

const SNMP_FLAGS = ['snmp_extended_throughput_data', 'snmp_use_getnext', 'snmp_use_ifname'] as const

/** A monitored host with the full 6.8 field set (recorded 6.8.8 responses, decisions/050). */
export const host: ConfigTypeModule = {
  schemaName: 'Host',
  identity: 'id',
  fields: {
    name: text({ pattern: /^[\w.-]{1,63}$/, hint: 'letters, digits, ".", "_" or "-" (at most 63)' }),
    ip: text({ pattern: /^\S{1,255}$/, hint: 'a host name or address without spaces' }),
    alias: text(),
    hostgroup: ref('hostgroup'),
    hosttemplates: refs('hosttemplate'),
    monitored_by: ref('monitoringcluster'),
    icon: { kind: 'icon' },
    check_command: ref('hostcheckcommand', true),
    check_period: ref('timeperiod'),
    check_interval: integer(),
    check_attempts: integer(),
    retry_check_interval: integer(),
    notification_period: ref('timeperiod'),
    notification_options: text({ nullable: true, pattern: /^([udrfs](,[udrfs])*)?$/, hint: 'comma-separated u, d, r, f, s' }),
    flap_detection_enabled: flag(),
    event_handler: text(),
    event_handler_always_exec: flag(),
    parents: refs('host'),
    keywords: refs('keyword'),
    servicechecks: { kind: 'attachments' },
    hostattributes: { kind: 'hostattributes' },
    other_addresses: text(),
    enable_snmp: flag(),
    snmp_version: oneOf(['1', '2c', '3']),
    snmp_port: integer(),
    snmp_max_msg_size: integer(),
    ...Object.fromEntries(SNMP_FLAGS.map((field) => [field, flag()])),
    snmpv3_username: text(),
    snmpv3_authprotocol: oneOf(['md5', 'sha'], true),
    snmpv3_privprotocol: oneOf(['des', 'aes', 'aes128'], true),
    snmpinterfaces: objects(),
    tidy_ifdescr_level: integer(),
    use_rancid: flag(),
    rancid_vendor: ref('rancidvendor', true),
    rancid_username: text({ nullable: true }),
    rancid_connection_type: oneOf(['ssh', 'telnet']),
    rancid_autoenable: flag(),
    // Write-only secrets Opsview accepts and never shows.
    snmp_community: { kind: 'ignored' },
    snmpv3_authpassword: { kind: 'ignored' },
    snmpv3_privpassword: { kind: 'ignored' },
    rancid_password: { kind: 'ignored' },
  },
  required: ['name', 'ip', 'hostgroup'],
  defaults: (reader) => ({
    alias: '',
    hosttemplates: [],
    monitored_by: named(reader, 'monitoringcluster', 'Master Monitoring Server'),
    icon: { name: 'SYMBOL - Server', path: '/static/images/logos/server.png' },
    check_command: named(reader, 'hostcheckcommand', 'ping') ?? null,
    check_period: named(reader, 'timeperiod', '24x7'),
    check_interval: '300',
    check_attempts: '2',
    retry_check_interval: '60',
    notification_period: named(reader, 'timeperiod', '24x7'),
    notification_options: 'u,d,r',
    flap_detection_enabled: '1',
    event_handler: '',
    event_handler_always_exec: '0',
    parents: [],
    keywords: [],
    servicechecks: [],
    hostattributes: [],
    other_addresses: '',
    enable_snmp: '0',
    snmp_version: '2c',
    snmp_port: '161',
    snmp_max_msg_size: '0',
    ...Object.fromEntries(SNMP_FLAGS.map((field) => [field, '0'])),
    snmpv3_username: '',
    snmpv3_authprotocol: null,
    snmpv3_privprotocol: null,
    snmpinterfaces: [],
    tidy_ifdescr_level: '0',
    use_rancid: '0',
    rancid_vendor: null,
    rancid_username: null,
    rancid_connection_type: 'ssh',
    rancid_autoenable: '0',
  }),
  onRequest: ['snmpinterfaces'],
  derived: {
    business_components: backrefs('bsmcomponent', 'hosts', 'host'),
  },
  stamp(record, now) {
    record.last_updated = String(now)
  },
  checkIntegrity(record, reader) {
    const groupId = refId(record.hostgroup)!
    if (reader.referrers('hostgroup', 'parent', 'hostgroup', groupId).length) {
      const group = reader.get('hostgroup', groupId)!
      throw new MockError('BAD_REQUEST', `Host group '${group.name}' is not a leaf: hosts can only be in host groups without children`)
    }
    if ((record.parents as Array<{ ref: string }>).some((parent) => parent.ref === record.ref)) {
      throw new MockError('BAD_REQUEST', `Host '${record.name}' cannot be its own parent`)
    }
  },
  visibleTo: (record, scope) =>
    !scope.hostgroups ||
    scope.hostgroups.has(refId(record.hostgroup)!) ||
    (scope.keywords !== undefined && (record.keywords as Array<{ ref: string }>).some((keyword) => scope.keywords!.has(refId(keyword)!))),
  readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS', 'VIEWALL', 'VIEWSOME'],
  writeAccess: 'CONFIGUREHOSTS',
}

function named(reader: ConfigReader, type: 'monitoringcluster' | 'hostcheckcommand' | 'timeperiod', name: string) {
  const record = reader.byName(type, name)
  return record ? reader.refTo(type, record) : undefined
}
