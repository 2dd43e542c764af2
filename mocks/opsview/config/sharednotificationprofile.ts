import { ref, text } from './kinds'
import { CONFIG_READERS, type ConfigTypeModule } from './module'
import { PROFILE_FIELDS, profileDefaults } from './profile-fields'

/** A notification profile shared by the contacts of a role. */
export const sharednotificationprofile: ConfigTypeModule = {
  schemaName: 'Sharednotificationprofile',
  identity: 'id',
  fields: { name: text(), role: ref('role'), ...PROFILE_FIELDS },
  required: ['name', 'role'],
  defaults: profileDefaults,
  readAccess: [...CONFIG_READERS, 'CONFIGUREPROFILES'],
  writeAccess: 'CONFIGUREPROFILES',
}
