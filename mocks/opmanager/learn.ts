import { isPlainObject } from '../core/body'
import { bodyFields, NamedRecords, type LearnedExchange, type WorldLearner } from '../core/learner'
import { ownValue } from '../core/own'
import type { World } from '../core/world'

/**
 * What the proxy learns from a real OpManager (decisions/126): devices from the device lists, their
 * interfaces from getInterfaces, alarms from listAlarms, users from listUsers (with the password of an
 * addUser seen), and the API key the client used, so the client keeps working against the learned world.
 */
type Entry = Record<string, unknown>

/** `1 G`, `100 M`, `10 K` (getInterfaces) in bits per second. */
function bitsPerSecond(text: unknown): number | undefined {
  const match = /^([0-9.]+)\s*([KMG])/.exec(String(text))
  if (!match) return undefined
  return Math.round(Number(match[1]) * { K: 1e3, M: 1e6, G: 1e9 }[match[2] as 'K' | 'M' | 'G'])
}

const entityNumber = (name: unknown) => Number(/^IF-(\d+)$/.exec(String(name))?.[1] ?? 0)

export function opmanagerLearner(): WorldLearner {
  const devices = new NamedRecords<Entry>()
  /** deviceName → display name, for alarms and interfaces that name the device by its managed name. */
  const displayNames = new Map<string, string>()
  const interfaces = new Map<string, Entry[]>()
  /** An interface's entity (`IF-3`) → its device and ifName. */
  const interfaceRefs = new Map<string, { device: string; interface: string }>()
  const alarms = new NamedRecords<Entry>()
  const users = new NamedRecords<Entry>()
  const passwords = new Map<string, string>()
  const keys = new Set<string>()
  const nameOf = (deviceName: unknown) => displayNames.get(String(deviceName)) ?? String(deviceName)
  const addDevice = (device: Entry) => {
    const name = String(device.displayName)
    displayNames.set(String(device.deviceName), name)
    devices.merge(name, {
      order: Number(device.id),
      name,
      ip: device.ipaddress,
      ...(device.deviceName === device.ipaddress ? {} : { deviceName: device.deviceName }),
      ...(typeof device.moid === 'number' ? { moid: device.moid } : {}),
      category: device.category,
      type: device.type,
      vendorName: device.vendorName,
      managed: String(device.statusNum) !== '7',
      ...(typeof device.isSNMP === 'boolean' ? { isSNMP: device.isSNMP } : {}),
      ...(typeof device.isNew === 'boolean' ? { isNew: device.isNew } : {}),
    })
  }
  return {
    learn({ operationId, query, headers, requestBody, status, json }: LearnedExchange) {
      if (status >= 300) return
      const key = ownValue(headers, 'apikey')
      // OpManager answers errors with HTTP 200 and an {error} envelope: only a real answer proves a key works.
      if (key && !(isPlainObject(json) && json.error)) keys.add(key)
      if (operationId === 'listDevices') {
        const rows = Array.isArray(json) ? json : isPlainObject(json) && Array.isArray(json.rows) ? json.rows : []
        for (const device of rows) if (isPlainObject(device) && typeof device.displayName === 'string') addDevice(device)
      } else if (operationId === 'getInterfaces' && isPlainObject(json) && Array.isArray(json.interfaces)) {
        const device = nameOf(query.get('name'))
        interfaces.set(
          device,
          [...(json.interfaces as Entry[])]
            .sort((a, b) => entityNumber(a.name) - entityNumber(b.name))
            .map((item) => {
              // getInterfaces shows `<ifDescr>-<ifName>`; interface names rarely hold a '-', descriptions may.
              const shown = String(item.displayName)
              const cut = shown.lastIndexOf('-')
              const ifName = cut > 0 ? shown.slice(cut + 1) : shown
              interfaceRefs.set(String(item.name), { device, interface: ifName })
              const speed = bitsPerSecond(item.inSpeed)
              return {
                ifName,
                ifDescr: cut > 0 ? shown.slice(0, cut) : shown,
                ifIndex: Number(item.ifIndexNum ?? item.ifIndex),
                ifType: item.ifType,
                adminUp: String(item.ifAdminStatus) === '1',
                ...(speed === undefined ? {} : { speedBps: speed }),
              }
            }),
        )
      } else if (operationId === 'listAlarms' && Array.isArray(json)) {
        for (const alarm of json as Entry[]) {
          alarms.merge(String(alarm.entity), {
            entity: alarm.entity,
            deviceName: alarm.deviceName,
            alarmcode: alarm.alarmcode,
            severity: alarm.numericSeverity,
            message: alarm.message,
            ...(alarm.alertType === undefined ? {} : { alertType: alarm.alertType }),
            ...(alarm.eventType === undefined ? {} : { eventType: alarm.eventType }),
            modTimeLong: alarm.modTimeLong,
            ...(alarm.who && alarm.who !== 'Unacknowledged' ? { acknowledgedBy: alarm.who } : {}),
          })
        }
      } else if (operationId === 'listUsers' && Array.isArray(json)) {
        for (const user of json as Entry[]) {
          const { userId: _userId, authentication: _authentication, ...fields } = user
          users.merge(String(user.userName), fields)
        }
      } else if (operationId === 'addUser') {
        const fields = bodyFields(requestBody, query)
        if (typeof fields.userName === 'string' && typeof fields.password === 'string') passwords.set(fields.userName, fields.password)
      }
    },
    world(): World {
      // Alarm times are instants in the answers; the world holds them relative to its `at`, the moment it is written.
      const now = Date.now()
      const learnedUsers = users.values()
      // The key's owner is not on the wire: it is given to the first administrator seen (or a new `admin`).
      const owner = String(learnedUsers.find((user) => user.privilege === 'Administrators')?.userName ?? 'admin')
      if (keys.size && !users.get(owner)) learnedUsers.push({ userName: owner, privilege: 'Administrators', restApiAccess: true })
      return {
        vendor: 'opmanager',
        at: new Date(now).toISOString(),
        // Devices and interfaces in the order the vendor numbered them, so a loaded world numbers them alike (IF-1 stays IF-1).
        devices: devices
          .values()
          .sort((a, b) => Number(a.order) - Number(b.order))
          .map(({ order: _order, ...device }) => ({ ...device, interfaces: interfaces.get(String(device.name)) ?? [] })),
        alarms: alarms.values().map(({ entity, deviceName, modTimeLong, ...alarm }) => {
          const ref = interfaceRefs.get(String(entity))
          return {
            device: ref?.device ?? nameOf(deviceName),
            ...(ref ? { interface: ref.interface } : { entity }),
            ...alarm,
            secondsAgo: Math.max(0, now - Number(modTimeLong)) / 1000,
          }
        }),
        users: learnedUsers.map((user) => ({
          ...user,
          password: passwords.get(String(user.userName)) ?? '',
          ...(user.userName === owner && keys.size ? { restApiAccess: true } : {}),
        })),
        keys: [...keys].map((value, index) => ({ userName: owner, value, name: `Key ${index + 1} seen by the proxy` })),
      }
    },
  }
}
