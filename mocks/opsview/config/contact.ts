import { flag, integer, objects, oneOf, ref, refs, text } from './kinds'
import type { ConfigTypeModule } from './module'

/** A user. The password is a write-only secret; personal notification profiles are embedded. */
export const contact: ConfigTypeModule = {
  schemaName: 'Contact',
  identity: 'id',
  fields: {
    name: text({ pattern: /^[\w.@-]{1,128}$/, hint: 'letters, digits, ".", "@", "_" or "-"' }),
    fullname: text(),
    description: text({ nullable: true }),
    realm: oneOf(['local', 'ldap']),
    language: text(),
    role: ref('role'),
    enable_tips: flag(),
    homepage_id: integer(true),
    mylinks: objects(),
    variables: { kind: 'namevalues' },
    sharednotificationprofiles: refs('sharednotificationprofile'),
    password: { kind: 'secret' },
  },
  required: ['name', 'role'],
  defaults: () => ({
    fullname: '',
    description: '',
    realm: 'local',
    language: '',
    enable_tips: '1',
    homepage_id: null,
    mylinks: [],
    variables: [
      { name: 'EMAIL', value: '' },
      { name: 'PAGER', value: '' },
    ],
    sharednotificationprofiles: [],
  }),
  derived: {
    notificationprofiles: (record, reader) =>
      reader.referrers('notificationprofile', 'contact', 'contact', record.id).map((profile) => {
        const { contact: _owner, id: _id, ...shown } = reader.present('notificationprofile', profile)
        return shown
      }),
  },
  deleteGuard: (record, _reader, actor) => (actor?.contactId === record.id ? 'you cannot delete your own contact' : undefined),
  readAccess: ['CONFIGURECONTACTS', 'ADMINACCESS'],
  writeAccess: 'CONFIGURECONTACTS',
}
