import { ref, text } from './kinds'
import { CONFIG_READERS, type ConfigTypeModule } from './module'
import { PROFILE_FIELDS, profileDefaults } from './profile-fields'

/** A contact's personal notification profile (shown inside the contact, too). */
export const notificationprofile: ConfigTypeModule = {
  schemaName: 'Notificationprofile',
  identity: 'id',
  fields: { name: text(), contact: ref('contact'), ...PROFILE_FIELDS },
  required: ['name', 'contact'],
  defaults: profileDefaults,
  readAccess: [...CONFIG_READERS, 'CONFIGUREPROFILES', 'CONFIGURECONTACTS'],
  writeAccess: 'CONFIGUREPROFILES',
}
