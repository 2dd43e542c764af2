import { flag, ref, text } from './kinds'
import { backrefs, CONFIG_READERS, type ConfigTypeModule } from './module'

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
const RANGES = /^((\d\d:\d\d-\d\d:\d\d)(,\d\d:\d\d-\d\d:\d\d)*)?$/

/** A time period: comma-separated `HH:MM-HH:MM` ranges per weekday, in a time zone. */
export const timeperiod: ConfigTypeModule = {
  schemaName: 'Timeperiod',
  identity: 'id',
  fields: {
    name: text({ pattern: /^[\w -]{1,128}$/, hint: 'letters, digits, spaces, "_" or "-"' }),
    alias: text(),
    ...Object.fromEntries(DAYS.map((day) => [day, text({ pattern: RANGES, hint: 'ranges like 09:00-17:00,18:00-20:00' })])),
    zone: ref('timezone'),
    object_locked: flag(),
  },
  required: ['name'],
  defaults: (reader) => {
    const zone = reader.byName('timezone', 'SYSTEM')
    return {
      alias: '',
      ...Object.fromEntries(DAYS.map((day) => [day, ''])),
      zone: zone && reader.refTo('timezone', zone),
      object_locked: '0',
    }
  },
  derived: {
    host_check_periods: backrefs('host', 'check_period', 'timeperiod'),
    host_notification_periods: backrefs('host', 'notification_period', 'timeperiod'),
    servicecheck_check_periods: backrefs('servicecheck', 'check_period', 'timeperiod'),
    servicecheck_notification_periods: backrefs('servicecheck', 'notification_period', 'timeperiod'),
  },
  deleteGuard: (record) => (record.object_locked === '1' ? 'it is locked' : undefined),
  readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS'],
  writeAccess: 'CONFIGUREHOSTS',
}
