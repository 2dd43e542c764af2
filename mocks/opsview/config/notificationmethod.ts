import { flag, text } from './kinds'
import { backrefs, CONFIG_READERS, type ConfigTypeModule } from './module'

/** A way of sending notifications (email, SMS, Slack...), with the contact variables it needs. */
export const notificationmethod: ConfigTypeModule = {
  schemaName: 'Notificationmethod',
  identity: 'id',
  fields: {
    name: text(),
    active: flag(),
    command: text(),
    namespace: text(),
    master: flag(),
    contact_variables: text({ nullable: true }),
    variables: { kind: 'namevalues' },
  },
  required: ['name', 'command'],
  defaults: () => ({ active: '1', namespace: '', master: '1', contact_variables: null, variables: [] }),
  derived: {
    notificationprofiles: backrefs('notificationprofile', 'notificationmethods', 'notificationmethod'),
    sharednotificationprofiles: backrefs('sharednotificationprofile', 'notificationmethods', 'notificationmethod'),
  },
  readAccess: [...CONFIG_READERS, 'CONFIGUREPROFILES'],
  writeAccess: 'ADMINACCESS',
}
