import type { ConfigTypeName } from '../spec-types'
import { attribute } from './attribute'
import { bsmcomponent } from './bsmcomponent'
import { bsmservice } from './bsmservice'
import { collector } from './collector'
import { contact } from './contact'
import { host } from './host'
import { hostcheckcommand } from './hostcheckcommand'
import { hostgroup } from './hostgroup'
import { hosticons } from './hosticons'
import { hosttemplate } from './hosttemplate'
import { keyword } from './keyword'
import type { ConfigAlias, ConfigTypeModule } from './module'
import { monitoringcluster } from './monitoringcluster'
import { netflow_collector } from './netflow_collector'
import { netflow_source } from './netflow_source'
import { notificationmethod } from './notificationmethod'
import { notificationprofile } from './notificationprofile'
import { plugin } from './plugin'
import { access, checktype, rancidvendor, timezone } from './reference-types'
import { role } from './role'
import { servicecheck } from './servicecheck'
import { servicegroup } from './servicegroup'
import { sharednotificationprofile } from './sharednotificationprofile'
import { snmptraprule } from './snmptraprule'
import { tenancy } from './tenancy'
import { timeperiod } from './timeperiod'

/**
 * The one list of Opsview configuration types. It must name exactly the `objecttype` values the spec
 * documents: a type the spec has and this lacks, or the reverse, does not compile.
 */
export const CONFIG_REGISTRY = {
  host,
  hostgroup,
  hosttemplate,
  servicecheck,
  servicegroup,
  keyword,
  contact,
  role,
  timeperiod,
  hostcheckcommand,
  attribute,
  notificationmethod,
  sharednotificationprofile,
  notificationprofile,
  monitoringcluster,
  monitoringserver: { aliasOf: 'monitoringcluster' },
  bsmservice,
  bsmcomponent,
  tenancy,
  plugin,
  hosticons,
  netflow_collector,
  netflow_source,
  collector,
  access,
  checktype,
  rancidvendor,
  timezone,
  snmptraprule,
} as const satisfies Record<ConfigTypeName, ConfigTypeModule | ConfigAlias>

/** Types with their own objects (aliases excluded). */
export const CONFIG_TYPE_NAMES = (Object.keys(CONFIG_REGISTRY) as ConfigTypeName[]).filter((type) => !('aliasOf' in CONFIG_REGISTRY[type]))

export function moduleFor(type: ConfigTypeName): ConfigTypeModule {
  const entry: ConfigTypeModule | ConfigAlias = CONFIG_REGISTRY[type]
  return 'aliasOf' in entry ? moduleFor(entry.aliasOf) : entry
}
