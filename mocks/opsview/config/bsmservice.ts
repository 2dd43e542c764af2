import { refs, text } from './kinds'
import { CONFIG_READERS, type ConfigTypeModule } from './module'

/** A business service: the BSM components it is made of. */
export const bsmservice: ConfigTypeModule = {
  schemaName: 'Bsmservice',
  identity: 'id',
  fields: { name: text({ pattern: /^.{1,128}$/, hint: 'at most 128 characters' }), components: refs('bsmcomponent') },
  required: ['name'],
  defaults: () => ({ components: [] }),
  visibleTo: (_record, scope) => scope.bsmView,
  readAccess: [...CONFIG_READERS, 'CONFIGUREBSM', 'BSM'],
  writeAccess: 'CONFIGUREBSM',
}
