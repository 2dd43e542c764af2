import { NamedRecords, type LearnedExchange, type WorldLearner } from '../core/learner'
import type { World } from '../core/world'

/**
 * What the proxy learns from a real OpManager: devices and their interfaces, alarms, events, users,
 * and the API key the client used (kept for a user named `recorded`, so the same client works
 * against the mock unchanged).
 */
type Entry = Record<string, unknown>

export function opmanagerLearner(): WorldLearner {
  const devices = new NamedRecords<Entry>()
  const alarms = new NamedRecords<Entry>()
  const users = new NamedRecords<Entry>()
  const events: Entry[] = []
  const keys = new Set<string>()
  const list = (json: unknown) => (Array.isArray(json) ? (json as Entry[]) : [])
  const displayName = (deviceName: unknown) =>
    devices.values().find((device) => device.deviceName === deviceName)?.name ?? String(deviceName)
  return {
    learn({ operationId, query, headers, status, json }: LearnedExchange) {
      if (status >= 300 || (typeof json === 'object' && json !== null && 'error' in json)) return
      const key = headers.apikey ?? query.get('apiKey')
      if (key) keys.add(key)
      switch (operationId) {
        case 'listDevices':
          for (const device of list(json))
            devices.merge(String(device.displayName), {
              id: device.id,
              // `16 Mar 2025 11:48:25 AM UTC`, which Date.parse reads.
              addedAt: Date.parse(String(device.addedTime)),
              interfaceCount: device.interfaceCount,
              name: device.displayName,
              deviceName: device.deviceName,
              ip: device.ipaddress,
              moid: device.moid,
              category: device.category,
              type: device.type,
              vendor: device.vendorName,
              isSNMP: device.isSNMP,
              isNew: device.isNew,
              ...(device.statusNum === '7' ? { managed: false } : {}),
            })
          break
        case 'getInterfaces':
        case 'listInterfaces': {
          const byDevice = new Map<string, Entry[]>()
          for (const item of list(json)) byDevice.set(String(item.deviceName), [...(byDevice.get(String(item.deviceName)) ?? []), item])
          for (const [deviceName, items] of byDevice) {
            const name = String(displayName(deviceName))
            if (!devices.get(name)) continue
            devices.merge(name, {
              interfaces: items.map((item) => ({
                name: item.displayName,
                moid: item.moid,
                ifIndex: item.ifIndex,
                status: item.statusStr,
                ipAddress: item.ipAddress,
                ifSpeed: item.ifSpeed,
                inTraffic: item.inTraffic,
                outTraffic: item.outTraffic,
              })),
            })
          }
          break
        }
        case 'listAlarms':
          for (const alarm of list(json))
            alarms.merge(String(alarm.entity), {
              id: alarm.alarmId,
              device: displayName(alarm.deviceName),
              entity: alarm.entity,
              alarmcode: alarm.alarmcode,
              alertType: alarm.alertType,
              severity: alarm.numericSeverity,
              message: alarm.message,
              ...(alarm.who && alarm.who !== 'Unacknowledged' ? { acknowledgedBy: alarm.who } : {}),
              at: alarm.modTimeLong,
            })
          break
        case 'listEvents':
          events.splice(0, events.length)
          for (const event of list(json))
            events.push({
              device: displayName(event.deviceName),
              source: event.source,
              entity: event.entity,
              alarmCode: event.alarmCode,
              eventType: event.eventType,
              severity: event.numericSeverity,
              message: event.message,
              at: event.modTimeLong,
            })
          break
        case 'listUsers':
          for (const user of list(json)) {
            const { userId: _id, authentication: _authentication, ...fields } = user
            users.merge(String(user.userName), { ...fields, password: '' })
          }
          break
      }
    },
    world(): World {
      // Times are kept as read and written relative to `at`, so the world holds them exactly.
      const now = Date.now()
      const ago = (ms: unknown) => (typeof ms === 'number' && Number.isFinite(ms) ? { secondsAgo: Math.max(0, now - ms) / 1000 } : {})
      const known = new Set(devices.values().flatMap((device) => [device.name, device.deviceName]))
      const byId = (a: Entry, b: Entry) => Number(a.id) - Number(b.id)
      const timed = ({ at, ...entry }: Entry) => ({ ...entry, ...ago(at) })
      const recorded = keys.size ? [{ userName: 'recorded', password: '', privilege: 'Administrators', restApiAccess: true }] : []
      return {
        vendor: 'opmanager',
        at: new Date(now).toISOString(),
        // In id order, so the mock hands out the same ids.
        devices: devices
          .values()
          .sort(byId)
          .map(({ id: _id, addedAt, ...device }) => ({
            ...device,
            ...(typeof addedAt === 'number' ? { secondsSinceAdded: Math.max(0, now - addedAt) / 1000 } : {}),
          })),
        alarms: alarms
          .values()
          .filter((alarm) => known.has(alarm.device))
          .sort(byId)
          .map(timed),
        events: events.filter((event) => known.has(event.device)).map(timed),
        users: [...users.values().filter((user) => user.userName !== 'recorded'), ...recorded],
        keys: [...keys].map((value) => ({ userName: 'recorded', value, name: 'Key the recorded client used' })),
      }
    },
  }
}
