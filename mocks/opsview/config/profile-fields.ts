import { decimal, flag, integer, ref, refs, text, type FieldKind } from './kinds'
import type { ConfigReader } from './module'

/** The fields personal and shared notification profiles have in common. */
export const PROFILE_FIELDS: Record<string, FieldKind> = {
  notification_period: ref('timeperiod'),
  host_notification_options: text({ pattern: /^([udrfs](,[udrfs])*)?$/, hint: 'comma-separated u, d, r, f, s' }),
  service_notification_options: text({ pattern: /^([wcruf](,[wcruf])*)?$/, hint: 'comma-separated w, c, r, u, f' }),
  notification_level: integer(),
  notification_level_stop: integer(),
  renotification_interval_seconds: integer(),
  notificationmethods: refs('notificationmethod'),
  all_hostgroups: flag(),
  hostgroups: refs('hostgroup'),
  all_servicegroups: flag(),
  servicegroups: refs('servicegroup'),
  all_keywords: flag(),
  keywords: refs('keyword'),
  all_business_services: flag(),
  business_services: refs('bsmservice'),
  business_service_options: text(),
  business_service_availability_below: decimal(),
  all_business_components: flag(),
  business_components: refs('bsmcomponent'),
  business_component_options: text(),
  business_component_availability_below: decimal(),
  include_service_notes: flag(),
  include_component_notes: flag(),
}

export function profileDefaults(reader: ConfigReader): Record<string, unknown> {
  const period = reader.byName('timeperiod', '24x7')
  return {
    notification_period: period && reader.refTo('timeperiod', period),
    host_notification_options: 'u,d,r,f',
    service_notification_options: 'w,c,r,f',
    notification_level: '1',
    notification_level_stop: '0',
    renotification_interval_seconds: '1800',
    notificationmethods: [],
    all_hostgroups: '1',
    hostgroups: [],
    all_servicegroups: '1',
    servicegroups: [],
    all_keywords: '0',
    keywords: [],
    all_business_services: '0',
    business_services: [],
    business_service_options: 'o,i',
    business_service_availability_below: '99.999',
    all_business_components: '0',
    business_components: [],
    business_component_options: 'f,i',
    business_component_availability_below: '99.999',
    include_service_notes: '0',
    include_component_notes: '0',
  }
}
