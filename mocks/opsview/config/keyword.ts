import { flag, oneOf, text } from './kinds'
import { backrefs, CONFIG_READERS, type ConfigTypeModule } from './module'

/** A hashtag: hosts and service checks carry it (`keywords` on them); viewports and access lists use it. */
export const keyword: ConfigTypeModule = {
  schemaName: 'Keyword',
  identity: 'id',
  fields: {
    name: text({ pattern: /^[\w-]{1,128}$/, hint: 'letters, digits, "_" or "-"' }),
    description: text(),
    enabled: flag(),
    all_hosts: flag(),
    all_servicechecks: flag(),
    public: flag(),
    exclude_handled: flag(),
    calculate_hard_states: flag(),
    show_contextual_menus: flag(),
    style: oneOf(['group_by_host', 'group_by_service', 'host_summary', 'performance', 'list_summary', 'errors_and_host_cells'], true),
  },
  required: ['name'],
  defaults: () => ({
    description: '',
    enabled: '1',
    all_hosts: '0',
    all_servicechecks: '0',
    public: '0',
    exclude_handled: '0',
    calculate_hard_states: '0',
    show_contextual_menus: '1',
    style: null,
  }),
  derived: {
    hosts: backrefs('host', 'keywords', 'keyword'),
    servicechecks: backrefs('servicecheck', 'keywords', 'keyword'),
    roles: backrefs('role', 'access_keywords', 'keyword'),
  },
  visibleTo: (record, scope) => !scope.keywords || scope.keywords.has(record.id),
  readAccess: [...CONFIG_READERS, 'CONFIGUREKEYWORDS', 'VIEWALL', 'VIEWSOME'],
  writeAccess: 'CONFIGUREKEYWORDS',
}
