import { Alarms } from './alarms'
import { BusinessViews } from './business-views'
import { Devices } from './devices'
import { Downtimes } from './downtimes'
import { Events } from './events'
import { Groups } from './groups'
import { Interfaces } from './interfaces'
import { Keys } from './keys'
import { MONITOR_TEMPLATES } from './monitor-templates'
import { Monitors } from './monitors'
import { Probes } from './probes'
import { Users } from './users'
import { VirtualInventory } from './virtual'
import { BusinessRules } from './business-rules'
import { NotificationProfiles } from './notification-profiles'
import { ServiceMonitors } from './service-monitors'
import { Settings } from './settings'
import { Wireless } from './wireless'
import { DiscoveryProfiles } from './discovery-profiles'
import { Ncm } from './ncm'
import { SwitchPortMapper } from './switch-port-mapper'

/**
 * The one list of OpManager resources. Each module owns its records and rules; store.ts joins them
 * into one network; handlers shape them into the vendor's bodies. A resource not listed here does
 * not exist for the mock (and `clear` would miss it).
 */
export const RESOURCE_NAMES = [
  'devices',
  'interfaces',
  'monitors',
  'alarms',
  'events',
  'businessViews',
  'groups',
  'downtimes',
  'probes',
  'users',
  'keys',
  'virtual',
  'notificationProfiles',
  'businessRules',
  'wireless',
  'settings',
  'serviceMonitors',
  'discoveryProfiles',
  'ncm',
  'switchPortMapper',
] as const

type ResourceName = (typeof RESOURCE_NAMES)[number]

export function createResources() {
  return {
    devices: new Devices(),
    interfaces: new Interfaces(),
    monitors: new Monitors(MONITOR_TEMPLATES),
    alarms: new Alarms(),
    events: new Events(),
    businessViews: new BusinessViews(),
    groups: new Groups(),
    downtimes: new Downtimes(),
    probes: new Probes(),
    users: new Users(),
    keys: new Keys(),
    virtual: new VirtualInventory(),
    notificationProfiles: new NotificationProfiles(),
    businessRules: new BusinessRules(),
    wireless: new Wireless(),
    settings: new Settings(),
    serviceMonitors: new ServiceMonitors(),
    discoveryProfiles: new DiscoveryProfiles(),
    ncm: new Ncm(),
    switchPortMapper: new SwitchPortMapper(),
  } satisfies Record<ResourceName, { clear(): void }>
}

export type OpmanagerResources = ReturnType<typeof createResources>
