import { MockError } from '../../core/mock-error'
import { decimal, flag, ref, refs, text } from './kinds'
import { CONFIG_READERS, refId, type ConfigTypeModule } from './module'

/** A BSM component: hosts that share a host template, available while `quorum_pct` of them are. */
export const bsmcomponent: ConfigTypeModule = {
  schemaName: 'Bsmcomponent',
  identity: 'id',
  fields: {
    name: text({ pattern: /^.{1,128}$/, hint: 'at most 128 characters' }),
    host_template: ref('hosttemplate'),
    hosts: refs('host'),
    quorum_pct: decimal(),
    has_icon: flag(),
  },
  required: ['name', 'host_template'],
  defaults: () => ({ hosts: [], quorum_pct: '100', has_icon: '0' }),
  derived: { host_template_id: (record) => refId(record.host_template) },
  checkIntegrity(record, reader) {
    const templateRef = (record.host_template as { ref: string }).ref
    for (const member of record.hosts as Array<{ ref: string; name: string }>) {
      const host = reader.get('host', refId(member)!)!
      if (!(host.hosttemplates as Array<{ ref: string }>).some((template) => template.ref === templateRef)) {
        throw new MockError('BAD_REQUEST', `Host '${member.name}' does not use the component's host template`)
      }
    }
    const quorum = Number(record.quorum_pct)
    if (quorum <= 0 || quorum > 100)
      throw new MockError('BAD_REQUEST', `Field 'quorum_pct' of bsmcomponent must be above 0 and at most 100`)
  },
  visibleTo: (_record, scope) => scope.bsmView,
  readAccess: [...CONFIG_READERS, 'CONFIGUREBSMCOMPONENT', 'BSM'],
  writeAccess: 'CONFIGUREBSMCOMPONENT',
}
