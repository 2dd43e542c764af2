import { opmError } from '../errors'
import type { Params } from '../params'
import type { DiscoveryProfileRecord, DiscoveryRange } from '../resources/discovery-profiles'
import { ipv4ToNumber, networkOf, numberToIpv4 } from '../resources/settings'
import type { OpmanagerStore } from '../store'
import { NCM_OPERATIONS } from './ncm'
import { discoveredSubnetKey } from './settings'
import { operation, result } from './operation'

/**
 * The header-only URLs OpManager lists besides listAlarms (decisions/085), outside NCM (ncm.ts).
 * auth.ts refuses a key sent as a parameter; with a header key each one does its job. Their parameters
 * and answers are not published, so the parameters are the fields of the vendor's forms and the
 * answers the write envelope of the documented add operations (decisions/090).
 */

// ---- admin/addLinuxCredential ------------------------------------------------------------------------------

const CLI_PROTOCOLS = ['SSH', 'Telnet'] as const

const addLinuxCredential = operation(
  'addLinuxCredential',
  async ({ store }, _caller, params) => {
    const name = params.required('credentialName', { maxLength: 100 })
    const protocol = params.oneOf('protocol', CLI_PROTOCOLS) ?? 'SSH'
    const userName = params.required('userName', { maxLength: 100 })
    // A password, or the name of an SSH key imported with ncmsettings/importSSHKey; neither is echoed or kept.
    const keyName = params.optional('sshKeyName', { maxLength: 100 })
    if (keyName !== undefined && !store.ncm.sshKeys.find((key) => key.name.toLowerCase() === keyName.toLowerCase()))
      throw opmError('NOT_FOUND', 'SSH_KEY_NOT_FOUND', `No SSH key named '${keyName}'; import it with ncmsettings/importSSHKey.`)
    if (keyName === undefined) params.required('password', { maxLength: 256 })
    const port = params.integer('port', { min: 1, max: 65535 }) ?? (protocol === 'SSH' ? 22 : 23)
    const timeout = params.integer('timeout', { min: 1, max: 300 }) ?? 5
    const prompt = params.optional('prompt', { maxLength: 20 }) ?? '$'
    const description = params.optional('description', { maxLength: 1000 }) ?? ''
    await store.settings.addCredential({ name, type: protocol, description, cli: { userName, port, prompt, timeout } })
    return result('Credential has been successfully added.')
  },
  { adminOnly: true },
)

// ---- discovery profiles (v1 and v2) ------------------------------------------------------------------------

const DISCOVERY_TYPES = ['IPRange', 'CIDR', 'CSV'] as const
/** The most addresses one profile may sweep (a /16), so a typo cannot ask for the whole Internet. */
const MAX_ADDRESSES = 65_536

function address(params: Params, name: string): number {
  const text = params.required(name, { maxLength: 15 })
  const value = ipv4ToNumber(text)
  if (value === undefined)
    throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `The parameter '${name}' must be an IPv4 address; '${text}' is not.`)
  return value
}

function rangeFrom(params: Params, type: (typeof DISCOVERY_TYPES)[number]): DiscoveryRange {
  if (type === 'IPRange') {
    const start = address(params, 'startIp')
    const end = address(params, 'endIp')
    if (end < start) throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', "The parameter 'endIp' must not be before 'startIp'.")
    if (end - start + 1 > MAX_ADDRESSES)
      throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `A discovery range can hold at most ${MAX_ADDRESSES} addresses.`)
    return { type, startIp: numberToIpv4(start), endIp: numberToIpv4(end) }
  }
  if (type === 'CIDR') {
    const text = params.required('cidr', { maxLength: 18 })
    const [network, bits] = text.split('/')
    const value = ipv4ToNumber(network ?? '')
    const prefix = Number(bits)
    if (value === undefined || !/^\d{1,2}$/.test(bits ?? '') || prefix < 16 || prefix > 32)
      throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `The parameter 'cidr' must be a network as a.b.c.d/16 to /32; '${text}' is not.`)
    return { type, network: numberToIpv4(networkOf(value, prefix)), prefix }
  }
  const addresses = params
    .required('ipList', { maxLength: 100_000 })
    .split(/[\s,]+/)
    .filter(Boolean)
  const bad = addresses.find((item) => ipv4ToNumber(item) === undefined)
  if (bad !== undefined)
    throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `The parameter 'ipList' holds '${bad}', which is not an IPv4 address.`)
  if (addresses.length > MAX_ADDRESSES)
    throw opmError('BAD_REQUEST', 'MORE_THAN_MAX_OCCURANCE', `The parameter 'ipList' can hold at most ${MAX_ADDRESSES} addresses.`)
  return { type, addresses: [...new Set(addresses)] }
}

/** A profile from the request, every field checked against the network; on edit, missing fields keep their value. */
function profileFrom(
  store: OpmanagerStore,
  params: Params,
  version: 1 | 2,
  base?: DiscoveryProfileRecord,
): Omit<DiscoveryProfileRecord, 'id'> {
  const name = base
    ? (params.optional('newProfileName', { maxLength: 100 }) ?? base.name)
    : params.required('profileName', { maxLength: 100 })
  const type = params.oneOf('discoveryType', DISCOVERY_TYPES) ?? base?.range.type ?? 'IPRange'
  // An edit that names no range keeps the profile's.
  const sendsRange = ['discoveryType', 'startIp', 'endIp', 'cidr', 'ipList'].some((key) => params.optional(key) !== undefined)
  const range = base && !sendsRange ? base.range : rangeFrom(params, type)
  const credentialText = base ? params.optional('credentials', { maxLength: 4000 }) : params.required('credentials', { maxLength: 4000 })
  const credentials =
    credentialText === undefined
      ? base!.credentials
      : credentialText
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
          .map((item) => store.settings.credential(item).name)
  if (!credentials.length) throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', 'A discovery profile needs at least one credential.')
  const probeName = params.optional('probeName', { maxLength: 100 })
  if (probeName !== undefined && !store.probes.find(probeName))
    throw opmError('NOT_FOUND', 'PROBE_NOT_FOUND', `No probe named '${probeName}'; listProbes shows the probes.`)
  return {
    name,
    description: params.optional('description', { maxLength: 1000 }) ?? base?.description ?? '',
    range,
    credentials,
    probe: probeName ?? base?.probe ?? '',
    apiVersion: base?.apiVersion ?? version,
  }
}

const addProfile =
  (version: 1 | 2) =>
  async ({ store }: { store: OpmanagerStore }, _caller: unknown, params: Params) => {
    const profile = await store.discoveryProfiles.insert(profileFrom(store, params, version))
    return result(`Discovery profile '${profile.name}' has been successfully added.`)
  }

const editProfile =
  (version: 1 | 2) =>
  async ({ store }: { store: OpmanagerStore }, _caller: unknown, params: Params) => {
    const profile = store.discoveryProfiles.get(params.optional('profileId') ?? params.required('profileName'))
    const changed = await store.discoveryProfiles.replace(profile, profileFrom(store, params, version, profile))
    return result(`Discovery profile '${changed.name}' has been successfully updated.`)
  }

const admin = { adminOnly: true }

// ---- ipam/addSubnet and spm/addSwitch ------------------------------------------------------------------------

/** A mask as dotted quads (`255.255.255.0`) or a prefix length (`24`), as a prefix length 8–30. */
function prefixOf(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text)
  const mask = ipv4ToNumber(text)
  if (mask === undefined) return undefined
  const bits = mask.toString(2).padStart(32, '0')
  return /^1*0*$/.test(bits) ? (bits.indexOf('0') === -1 ? 32 : bits.indexOf('0')) : undefined
}

const addSubnet = operation(
  'addSubnet',
  async ({ store }, _caller, params) => {
    const network = address(params, 'subnetAddress')
    const maskText = params.required('subnetMask', { maxLength: 15 })
    const prefix = prefixOf(maskText)
    if (prefix === undefined || prefix < 8 || prefix > 30)
      throw opmError(
        'BAD_REQUEST',
        'PATTERN_NOT_MATCHED',
        `The parameter 'subnetMask' must be a mask from 255.0.0.0 (/8) to 255.255.255.252 (/30); '${maskText}' is not.`,
      )
    if (networkOf(network, prefix) !== network)
      throw opmError(
        'BAD_REQUEST',
        'PATTERN_NOT_MATCHED',
        `${numberToIpv4(network)} is not the network address of a /${prefix}; use ${numberToIpv4(networkOf(network, prefix))}.`,
      )
    const probeName = params.optional('probeName', { maxLength: 100 })
    const probe = probeName === undefined ? store.probes.all()[0] : store.probes.find(probeName)
    if (probeName !== undefined && !probe)
      throw opmError('NOT_FOUND', 'PROBE_NOT_FOUND', `No probe named '${probeName}'; listProbes shows the probes.`)
    const probeId = probe?.probeID ?? '0'
    const text = numberToIpv4(network)
    if (store.devices.all().some((device) => discoveredSubnetKey(store, device) === `${text}.${probeId}`))
      throw opmError('CONFLICT', 'SUBNET_ALREADY_EXISTS', `The subnet ${text} is already in IPAM: devices were discovered in it.`)
    await store.settings.addSubnet({
      network: text,
      prefix,
      probeId,
      description: params.optional('description', { maxLength: 250 }) ?? '',
    })
    return result('Subnet has been successfully added.')
  },
  admin,
)

const addSwitch = operation(
  'addSwitch',
  async ({ store }, _caller, params) => {
    const device = store.devices.get(params.required('deviceName'))
    if (device.category !== 'Switch')
      throw opmError(
        'BAD_REQUEST',
        'DEVICE_NOT_A_SWITCH',
        `The device '${device.displayName}' is a ${device.category}; Switch Port Mapper maps switches.`,
      )
    const credentialName = params.optional('credentialName', { maxLength: 100 })
    const credential =
      credentialName === undefined
        ? store.settings.credentials.find((item) => item.type.startsWith('SNMP'))
        : store.settings.credential(credentialName)
    if (credential && !credential.type.startsWith('SNMP'))
      throw opmError(
        'BAD_REQUEST',
        'PATTERN_NOT_MATCHED',
        `Switch Port Mapper reads switches over SNMP; '${credential.name}' is a ${credential.type} credential.`,
      )
    await store.switchPortMapper.add({ deviceName: device.deviceName, credential: credential?.name ?? '' })
    return result('Switch has been successfully added to Switch Port Mapper.')
  },
  admin,
)

export const HEADER_ONLY_OPERATIONS = [
  addLinuxCredential,
  operation('addDiscoveryProfile', addProfile(1), admin),
  operation('editDiscoveryProfile', editProfile(1), admin),
  operation('addDiscoveryProfileV2', addProfile(2), admin),
  operation('editDiscoveryProfileV2', editProfile(2), admin),
  addSubnet,
  addSwitch,
  ...NCM_OPERATIONS,
]
