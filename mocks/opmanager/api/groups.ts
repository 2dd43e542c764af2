import { opmError } from '../errors'
import { formatOpmTime, severityName, statusImage, statusName } from '../format'
import { Interfaces } from '../resources/interfaces'
import type { GroupRecord } from '../resources/groups'
import type { OpmanagerStore } from '../store'
import type { SeverityNumber } from '../spec-types'
import { ok, operation, result } from './operation'
import { periodParam } from './periods'

/** A group's devices: its members, or the devices owning its interfaces. */
function deviceNamesOf(store: OpmanagerStore, group: GroupRecord): string[] {
  if (group.groupType === 'Device') return [...group.members]
  return [...new Set(group.members.flatMap((name) => store.interfaces.find(name)?.deviceName ?? []))]
}

function groupStatus(store: OpmanagerStore, group: GroupRecord): SeverityNumber {
  if (group.groupType === 'Device') return store.worstStatus(group.members)
  let worst: SeverityNumber = 5
  for (const name of group.members) {
    const record = store.interfaces.find(name)
    const status = record ? store.interfaceStatus(record) : 5
    if (status !== 7 && status < worst) worst = status
  }
  return worst
}

function groupSummary(store: OpmanagerStore, group: GroupRecord) {
  const status = groupStatus(store, group)
  return {
    groupID: group.id,
    groupName: group.groupName,
    groupDisplayName: group.displayName,
    description: group.description || 'No Description',
    groupType: group.groupType,
    displayGroupType: group.groupType,
    count: String(group.members.length),
    status: String(status),
    statusLabel: severityName(status),
    statusImg: statusImage(status),
  }
}

const listAllLogicalGroups = operation(
  'listAllLogicalGroups',
  ({ store }) =>
    ok(
      store.groups.all().map((group) => ({
        ...groupSummary(store, group),
        device_Count: String(deviceNamesOf(store, group).length),
        availability: 'NA',
      })),
    ),
  { module: 'Inventory' },
)

const getLogicalGroupInfo = operation(
  'getLogicalGroupInfo',
  ({ store, clock }, _caller, params) => {
    const group = store.groups.get(params.required('groupName'))
    // `period` narrows the status changes counted (all of them without it).
    const period = params.optional('period') === undefined ? undefined : periodParam(params, clock.now())
    const devices = deviceNamesOf(store, group)
    return ok({
      GroupDetails: {
        ...groupSummary(store, group),
        deviceDevice_Count: String(devices.length),
        alertCount: store.activeAlarmsOf(devices).length,
        statusChangeCount: store.events.newestFirst(
          (event) => devices.includes(event.deviceName) && (!period || (event.at >= period.from && event.at <= period.to)),
        ).length,
      },
    })
  },
  { module: 'Inventory' },
)

const getLogicalGroupAlerts = operation(
  'getLogicalGroupAlerts',
  ({ store }, _caller, params) => {
    const name = params.optional('groupName')
    const groups = name === undefined ? store.groups.all() : [store.groups.get(name)]
    const devices = [...new Set(groups.flatMap((group) => deviceNamesOf(store, group)))]
    return ok(
      store
        .activeAlarmsOf(devices)
        .sort((a, b) => b.modifiedAt - a.modifiedAt)
        .map((alarm) => ({
          alarmId: Number(alarm.id),
          entity: alarm.entity,
          name: alarm.deviceName,
          displayName: store.devices.find(alarm.deviceName)?.displayName ?? alarm.deviceName,
          message: alarm.message,
          severity: severityName(alarm.severity),
          severityString: statusImage(alarm.severity),
          status: alarm.severity,
          modTime: formatOpmTime(alarm.modifiedAt),
          type: 'device',
          groupType: 'device',
        })),
    )
  },
  { module: 'Inventory' },
)

const listLogicalGroupMembers = operation(
  'listLogicalGroupMembers',
  ({ store }, _caller, params) => {
    const name = params.optional('groupName')
    const groups = name === undefined ? store.groups.all() : [store.groups.get(name)]
    return ok(
      groups.flatMap((group) =>
        group.members.flatMap((member) => {
          if (group.groupType === 'Interface') {
            const record = store.interfaces.find(member)
            if (!record) return []
            const status = store.interfaceStatus(record)
            return [
              {
                name: Interfaces.nameOf(record),
                displayname: `${record.ifDescr}-${record.ifName}`,
                moid: String(record.moid),
                type: 'Interface',
                groupType: 'Interface',
                statusStr: statusName(status),
                statusNum: String(status),
              },
            ]
          }
          const device = store.devices.find(member)
          if (!device) return []
          const status = store.deviceStatus(device)
          return [
            {
              name: device.deviceName,
              displayname: device.displayName,
              moid: String(device.moid),
              type: 'Device',
              groupType: 'Device',
              statusStr: statusName(status),
              statusNum: String(status),
            },
          ]
        }),
      ),
    )
  },
  { module: 'Inventory' },
)

const addToGroup = operation('addToGroup', async ({ store }, _caller, params) => {
  const group = store.groups.get(params.required('groupName'))
  const groupType = params.oneOf('groupType', ['Device', 'Interface'] as const)
  if (groupType === undefined)
    throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', "The parameter 'groupType' is mandatory and was not sent.")
  if (groupType !== group.groupType)
    throw opmError(
      'BAD_REQUEST',
      'GROUP_TYPE_MISMATCH',
      `The group '${group.groupName}' holds ${group.groupType} members, not ${groupType}.`,
    )
  const members = params
    .required('selectedMembers', { maxLength: 4000 })
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
  const resolved = members.map((member) => {
    if (groupType === 'Device') return store.devices.get(member).deviceName
    const record = store.interfaces.get(member)
    return Interfaces.nameOf(record)
  })
  await store.groups.addMembers(group, resolved)
  return result(`The ${groupType}(s) have been associated to the group successfully.`)
})

export const GROUP_OPERATIONS = [listAllLogicalGroups, getLogicalGroupInfo, getLogicalGroupAlerts, listLogicalGroupMembers, addToGroup]
