import type { ApiKey, ModuleName } from './spec-types'

/**
 * What an OpManager operation needs from an API key: its module and whether it reads or writes
 * (for Module keys), its Specific-API name, whether the key must come in the header, and whether
 * only Administrators may call it. Pure functions, unit-tested in scope.test.ts.
 */
export interface OperationScope {
  module: ModuleName
  access: 'read' | 'write'
  /** `v1/alarm/listAlarms`, as the Specific API list names endpoints. */
  endpoint: string
  headerOnly: boolean
  adminOnly: boolean
}

/** URL segment after `/api/json[/v2]/` → module (decisions/034). */
const MODULE_OF_SEGMENT: ReadonlyMap<string, ModuleName> = new Map<string, ModuleName>([
  ['alarm', 'Alarms'],
  ['events', 'Events'],
  ['device', 'Inventory'],
  ['discovery', 'Discovery'],
  ['admin', 'UserManagement'],
  ['businessview', 'BusinessViews'],
  ['dashboard', 'Dashboard'],
  ['reports', 'Reports'],
  ['wireless', 'Wireless'],
  ['ipam', 'Settings'],
  ['spm', 'Settings'],
  ['ncmsettings', 'NCM'],
  ['ncmdevice', 'NCM'],
])

/** The URLs OpManager's API-key page lists as header-only, as Specific-API names. */
const HEADER_ONLY_ENDPOINTS: ReadonlySet<string> = new Set([
  'v1/alarm/listAlarms',
  'v1/admin/addLinuxCredential',
  'v1/discovery/addDiscoveryProfile',
  'v1/discovery/editDiscoveryProfile',
  'v2/discovery/addDiscoveryProfile',
  'v2/discovery/editDiscoveryProfile',
  'v1/ncmsettings/importSSHKey',
  'v1/ncmsettings/importDevices',
  'v1/ncmsettings/uploadConfigletFile',
  'v1/ncmsettings/uploadConfigletPreView',
  'v1/ncmsettings/importConfiglets',
  'v1/ncmdevice/updateHostNamefromFileImp',
  'v1/ncmdevice/editCustomColfromFileImp',
  'v1/ncmdevice/importDG',
  'v1/ipam/addSubnet',
  'v1/spm/addSwitch',
])

const API_PATH = /^\/api\/json\/(?:(v2)\/)?([A-Za-z]+)\/([A-Za-z]+)$/
const ENDPOINT_NAME = /^(?:\/?api\/json\/)?(?:(v[12])\/)?([A-Za-z]+)\/([A-Za-z]+)$/

/** `/api/json/alarm/listAlarms` → `v1/alarm/listAlarms`; `/api/json/v2/device/listDevices` → `v2/device/listDevices`. */
export function endpointOfPath(path: string): string {
  const match = API_PATH.exec(path)
  if (!match) throw new Error(`[opsmocks] not an OpManager API path: ${path}`)
  return `${match[1] ?? 'v1'}/${match[2]}/${match[3]}`
}

/** Accepts `v1/alarm/listAlarms`, `alarm/listAlarms` or `/api/json/alarm/listAlarms`; undefined if none of those. */
export function normaliseEndpoint(input: string): string | undefined {
  const match = ENDPOINT_NAME.exec(input.trim())
  return match ? `${match[1] ?? 'v1'}/${match[2]}/${match[3]}` : undefined
}

export function scopeOf(method: string, path: string, options: { adminOnly?: boolean; module?: ModuleName } = {}): OperationScope {
  const endpoint = endpointOfPath(path)
  const module = options.module ?? MODULE_OF_SEGMENT.get(endpoint.split('/')[1]!)
  if (!module) throw new Error(`[opsmocks] no OpManager module for ${path}`)
  return {
    module,
    access: method === 'GET' ? 'read' : 'write',
    endpoint,
    headerOnly: HEADER_ONLY_ENDPOINTS.has(endpoint),
    adminOnly: options.adminOnly ?? false,
  }
}

export type ScopeDecision = { allowed: true } | { allowed: false; errorcode: string; message: string }

const ALLOWED: ScopeDecision = { allowed: true }

/** Whether a key's access type lets it call an operation. */
export function checkKeyScope(key: Pick<ApiKey, 'name' | 'accessType' | 'modules' | 'apis'>, scope: OperationScope): ScopeDecision {
  if (key.accessType === 'All') return ALLOWED
  if (key.accessType === 'SpecificAPI') {
    return key.apis.includes(scope.endpoint)
      ? ALLOWED
      : {
          allowed: false,
          errorcode: 'API_KEY_API_NOT_ALLOWED',
          message: `The API key '${key.name}' is not allowed to call ${scope.endpoint}; it is limited to specific APIs.`,
        }
  }
  const level = key.modules[scope.module] ?? 'NoAccess'
  if (level === 'NoAccess') {
    return {
      allowed: false,
      errorcode: 'API_KEY_MODULE_NO_ACCESS',
      message: `The API key '${key.name}' has no access to the ${scope.module} module.`,
    }
  }
  if (scope.access === 'write' && level !== 'ReadWrite') {
    return {
      allowed: false,
      errorcode: 'API_KEY_MODULE_READ_ONLY',
      message: `The API key '${key.name}' has read-only access to the ${scope.module} module; ${scope.endpoint} changes data.`,
    }
  }
  return ALLOWED
}
