import { text } from './kinds'
import { CONFIG_READERS, type ConfigTypeModule } from './module'

/** Read-only lists other objects point at: accesses, check types, RANCID vendors, time zones. */
function referenceType(schemaName: 'Access' | 'Checktype' | 'Rancidvendor' | 'Timezone', described: boolean): ConfigTypeModule {
  return {
    schemaName,
    identity: 'id',
    fields: described ? { name: text(), description: text() } : { name: text() },
    required: ['name'],
    defaults: () => (described ? { description: '' } : {}),
    readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS'],
    writeAccess: undefined,
  }
}

export const access = referenceType('Access', true)
export const checktype = referenceType('Checktype', true)
export const rancidvendor = referenceType('Rancidvendor', false)
export const timezone = referenceType('Timezone', false)
