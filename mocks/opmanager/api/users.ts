import { opmError } from '../errors'
import type { UserRecord } from '../resources/users'
import type { Privilege, User } from '../spec-types'
import { matching } from './discovery'
import { ok, operation, result } from './operation'

export function wireUser(user: UserRecord): User {
  const { id, ...rest } = user
  return { userId: id, ...rest }
}

const listUsers = operation('listUsers', ({ store }) => ok(store.users.all().map(wireUser)), { adminOnly: true })

/** The API's plural privilege names; the web UI's singular ones are accepted too (decisions/035). */
const PRIVILEGES = new Map<string, Privilege>([
  ['Administrators', 'Administrators'],
  ['Administrator', 'Administrators'],
  ['Operators', 'Operators'],
  ['Operator', 'Operators'],
])

function password(value: string): string {
  if (value.length < 5)
    throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_LENGTH', "The parameter 'password' must be at least 5 characters long.")
  return value
}

const addUser = operation(
  'addUser',
  async ({ store }, _caller, params) => {
    const userName = params.required('userName', { maxLength: 100 })
    matching('userName', userName, /^[A-Za-z0-9._@-]+$/, 'letters, digits, ".", "_", "-" or "@"')
    const secret = password(params.required('password', { maxLength: 100 }))
    const privilege = PRIVILEGES.get(params.oneOf('privilege', [...PRIVILEGES.keys()]) ?? params.required('privilege'))!
    const emailId = params.optional('emailId', { maxLength: 250 })
    matching('emailId', emailId, /^[^@\s]+@[^@\s]+$/, 'an e-mail address')
    await store.users.insert({
      userName,
      password: secret,
      privilege,
      emailId,
      landLine: params.optional('landLine', { maxLength: 50 }),
      mobileNo: params.optional('mobileNo', { maxLength: 50 }),
      tZone: params.optional('tZone', { maxLength: 100 }),
      allDevices: params.oneOf('allDevices', ['true', 'false'] as const) !== 'false',
    })
    return result('User has been successfully added.')
  },
  { adminOnly: true },
)

const deleteUser = operation(
  'deleteUser',
  ({ store }, caller, params) => {
    const user = store.users.get(params.required('userName'))
    if (user.userName === caller.user.userName)
      throw opmError('BAD_REQUEST', 'USER_DELETE_SELF', 'A user cannot delete the account the API key belongs to.')
    store.keys.deleteOfUser(user.userName)
    store.users.remove(user)
    return result('User has been successfully deleted.')
  },
  { adminOnly: true },
)

const changePassword = operation('changePassword', ({ store }, caller, params) => {
  const userName = params.optional('userName') ?? caller.user.userName
  const user = store.users.get(userName)
  if (user.userName !== caller.user.userName && caller.user.privilege !== 'Administrators')
    throw opmError('FORBIDDEN', 'USER_PRIVILEGE_DENIED', "Only Administrators can change another user's password.")
  const current = params.required('oldPassword', { maxLength: 100 })
  if (!store.users.passwordMatches(user, current))
    throw opmError('BAD_REQUEST', 'INVALID_PASSWORD', `The old password given for '${user.userName}' is wrong.`)
  store.users.setPassword(user, password(params.required('newPassword', { maxLength: 100 })))
  return result('Password has been successfully changed.')
})

const updateContactDetails = operation('updateContactDetails', async ({ store }, caller, params) => {
  const user = store.users.get(params.optional('userName') ?? caller.user.userName)
  if (user.userName !== caller.user.userName && caller.user.privilege !== 'Administrators')
    throw opmError('FORBIDDEN', 'USER_PRIVILEGE_DENIED', "Only Administrators can change another user's contact details.")
  const emailId = params.optional('emailId', { maxLength: 250 })
  matching('emailId', emailId, /^[^@\s]+@[^@\s]+$/, 'an e-mail address')
  const landLine = params.optional('landLine', { maxLength: 50 })
  const mobileNo = params.optional('mobileNo', { maxLength: 50 })
  await store.users.update(user, {
    ...(emailId === undefined ? {} : { emailId }),
    ...(landLine === undefined ? {} : { landLine }),
    ...(mobileNo === undefined ? {} : { mobileNo }),
  })
  return result('Contact details have been successfully updated.')
})

export const USER_OPERATIONS = [listUsers, addUser, deleteUser, changePassword, updateContactDetails]
