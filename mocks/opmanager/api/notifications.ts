import { opmError } from '../errors'
import type { NotificationProfileRecord } from '../resources/notification-profiles'
import { ok, operation, result } from './operation'

function listItem(profile: NotificationProfileRecord) {
  return {
    profileID: profile.id,
    profileName: profile.name,
    profileType: profile.type,
    profileLabel: profile.type,
    status: String(profile.enabled),
    isDevice: !profile.global,
    hasAssociated: profile.global || profile.devices.length > 0,
    hasCriteria: false,
    hasSubProfiles: false,
  }
}

const listNotificationProfiles = operation(
  'listNotificationProfiles',
  ({ store }, _caller, params) => {
    const isGlobal = params.oneOf('isGlobal', ['true', 'false'] as const)
    const deviceName = params.optional('deviceName')
    const device = deviceName === undefined ? undefined : store.devices.get(deviceName)
    const filter = params.optional('profileFilter')?.toLowerCase()
    return ok(
      (device ? store.notificationProfiles.ofDevice(device.deviceName) : store.notificationProfiles.all())
        .filter((profile) => isGlobal === undefined || String(profile.global) === isGlobal)
        .filter(
          (profile) => filter === undefined || profile.name.toLowerCase().includes(filter) || profile.type.toLowerCase().includes(filter),
        )
        .map(listItem),
    )
  },
  { module: 'Settings' },
)

const getNotificationProfiles = operation('getNotificationProfiles', ({ store }, _caller, params) => {
  const device = store.devices.get(params.required('name'))
  return ok(
    store.notificationProfiles.ofDevice(device.deviceName).map((profile) => ({
      profileId: profile.id,
      profileName: profile.name,
      profileLabel: profile.type,
      actionName: profile.type,
      actionDisplayName: profile.type,
      criteriaId: String(Number(profile.id) + 1000),
      isGlobal: profile.global,
      status: String(profile.enabled),
    })),
  )
})

const associateNotificationProfiles = operation(
  'associateNotificationProfiles',
  async ({ store }, _caller, params) => {
    const device = store.devices.get(params.required('deviceName'))
    const profiles = params
      .required('profiles', { maxLength: 4000 })
      .split(',')
      .map((item) => store.notificationProfiles.get(item.trim()))
    for (const profile of profiles) await store.notificationProfiles.associate(profile, device.deviceName)
    return result('Notification Profile has been associated successfully')
  },
  { module: 'Settings' },
)

const updateNotificationProfileStatus = operation(
  'updateNotificationProfileStatus',
  async ({ store }, _caller, params) => {
    const profile = store.notificationProfiles.get(params.optional('profileId') ?? params.required('profileName'))
    const name = params.optional('profileName')
    if (name !== undefined && name !== profile.name)
      throw opmError('BAD_REQUEST', 'PROFILE_MISMATCH', `The profile ${profile.id} is named '${profile.name}', not '${name}'.`)
    const status = params.oneOf('status', ['enable', 'disable', 'true', 'false'] as const)
    if (status === undefined)
      throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', "The parameter 'status' is mandatory and was not sent.")
    const enabled = status === 'enable' || status === 'true'
    await store.notificationProfiles.setEnabled(profile, enabled)
    // The vendor answers this one without the result wrapper (its sample: {"message": …}).
    return ok({ message: `Notification Profile(s) ${enabled ? 'enabled' : 'disabled'} successfully` })
  },
  { module: 'Settings' },
)

export const NOTIFICATION_OPERATIONS = [
  listNotificationProfiles,
  getNotificationProfiles,
  associateNotificationProfiles,
  updateNotificationProfileStatus,
]
