import { MockError } from '../core/mock-error'
import { actionInput } from '../core/state-control'
import type { OpmanagerStore } from './store'
import { severityNumber } from './world-file'

const stringOr = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback)

/**
 * Scenario changes without a restart: `/__opsmocks/world/{action}` and `opmanager.world.<action>(...)`.
 * Alarms are raised and cleared through events, as OpManager does, so the event log, device status,
 * business views and availability all follow (and unmanaged or maintained devices raise none).
 */
export function opmanagerWorldActions(store: OpmanagerStore) {
  const deviceOf = (name: unknown) => {
    if (typeof name !== 'string') throw new MockError('BAD_REQUEST', 'Name the device: "device": "<name, display name or IP>"')
    return store.devices.get(name)
  }
  const alarmView = (entity: string) => {
    const alarm = store.alarms.find(entity)
    return alarm ? { entity, alarmId: alarm.id, severity: alarm.severity, message: alarm.message } : { entity, suppressed: true }
  }
  return {
    /** Raises (or changes) an alarm through an event: `{ device, severity, message, alarmCode?, entity? }`. */
    async fireAlarm(value: unknown) {
      const { device, severity, message, alarmCode, entity, eventType } = actionInput(value, 'fireAlarm')
      const record = deviceOf(device)
      const level = severityNumber(severity ?? 1)
      const code = stringOr(alarmCode, 'OPSMOCKS')
      const key = stringOr(entity, `${record.moid}_${code}`)
      await store.addEvent({
        source: record.deviceName,
        severity: level,
        message: stringOr(message, `${record.displayName}: ${code} raised by opsmocks`),
        alarmCode: code,
        entity: key,
        eventType: stringOr(eventType, 'Threshold Down'),
      })
      return alarmView(key)
    },
    /** Clears an alarm by entity (a Clear event, as a recovering monitor sends). */
    async clearAlarm(value: unknown) {
      const { entity, message } = actionInput(value, 'clearAlarm')
      const alarm = store.alarms.get(String(entity))
      await store.addEvent({
        source: alarm.deviceName,
        severity: 5,
        message: stringOr(message, `${alarm.message.split(':')[0]} is back to normal`),
        alarmCode: alarm.alarmcode,
        entity: alarm.entity,
        eventType: alarm.eventType,
      })
      return alarmView(alarm.entity)
    },
    /** down: a critical DEVICE-DOWN alarm; up: clears it; managed / unmanaged: OpManager's manage switch. */
    async setDeviceState(value: unknown) {
      const { device, state } = actionInput(value, 'setDeviceState')
      const record = deviceOf(device)
      if (state === 'managed' || state === 'unmanaged') {
        await store.devices.setManaged(record, state === 'managed')
      } else if (state === 'down' || state === 'up') {
        const entity = `${record.moid}_DEVICE-DOWN`
        if (state === 'down' || store.alarms.find(entity))
          await store.addEvent({
            source: record.deviceName,
            severity: state === 'down' ? 1 : 5,
            message:
              state === 'down' ? `Device ${record.displayName} is down: no response to ping` : `Device ${record.displayName} is back up`,
            alarmCode: 'DEVICE-DOWN',
            entity,
            eventType: 'Device Down',
          })
      } else throw new MockError('BAD_REQUEST', 'setDeviceState needs a "state" of up, down, managed or unmanaged')
      const current = store.devices.get(record.deviceName)
      return {
        device: current.displayName,
        deviceName: current.deviceName,
        status: store.deviceStatus(current),
        down: store.isDown(current),
        managed: current.managed,
      }
    },
  }
}
