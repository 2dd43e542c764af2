import type { Operation } from '../../core/service'
import { ALARM_OPERATIONS } from './alarms'
import { AVAILABILITY_OPERATIONS } from './availability'
import { BUSINESS_VIEW_OPERATIONS } from './business-views'
import { DASHBOARD_OPERATIONS } from './dashboard'
import { DEVICE_OPERATIONS } from './devices'
import { DISCOVERY_OPERATIONS } from './discovery'
import { DOWNTIME_OPERATIONS } from './downtimes'
import { ENTERPRISE_OPERATIONS } from './enterprise'
import { EVENT_OPERATIONS } from './events'
import { GROUP_OPERATIONS } from './groups'
import { HEADER_ONLY_OPERATIONS } from './header-only'
import { INTERFACE_OPERATIONS } from './interfaces'
import { MONITOR_OPERATIONS } from './monitors'
import type { OpmanagerContext } from './operation'
import { USER_OPERATIONS } from './users'
import { VIRTUALIZATION_OPERATIONS } from './virtualization'
import { NOTIFICATION_OPERATIONS } from './notifications'
import { REPORT_OPERATIONS } from './reports'
import { SERVICE_MONITOR_OPERATIONS } from './service-monitors'
import { SETTINGS_OPERATIONS } from './settings'
import { WIRELESS_OPERATIONS } from './wireless'

export type { OpmanagerContext } from './operation'

/** The OpManager operation table, by the vendor's modules: one row per spec operation, named by its operationId. */
export const OPMANAGER_OPERATIONS: readonly Operation<OpmanagerContext>[] = [
  ...ALARM_OPERATIONS,
  ...AVAILABILITY_OPERATIONS,
  ...BUSINESS_VIEW_OPERATIONS,
  ...DASHBOARD_OPERATIONS,
  ...DEVICE_OPERATIONS,
  ...DISCOVERY_OPERATIONS,
  ...DOWNTIME_OPERATIONS,
  ...ENTERPRISE_OPERATIONS,
  ...EVENT_OPERATIONS,
  ...GROUP_OPERATIONS,
  ...INTERFACE_OPERATIONS,
  ...MONITOR_OPERATIONS,
  ...USER_OPERATIONS,
  ...VIRTUALIZATION_OPERATIONS,
  ...NOTIFICATION_OPERATIONS,
  ...REPORT_OPERATIONS,
  ...SERVICE_MONITOR_OPERATIONS,
  ...SETTINGS_OPERATIONS,
  ...WIRELESS_OPERATIONS,
  ...HEADER_ONLY_OPERATIONS,
]
