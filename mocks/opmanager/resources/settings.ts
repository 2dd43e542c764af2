import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

export interface CredentialRecord {
  id: string
  name: string
  /** `SNMP v1`, `SNMP v2`, `SNMP v3`, `WMI`, `SSH`, `Telnet`, `VMware` … */
  type: string
  description: string
  /** CLI credentials (addLinuxCredential): how to log in; the password is not kept. */
  cli?: { userName: string; port: number; prompt: string; timeout: number }
}

export interface SubnetRecord {
  id: string
  /** The network address, `10.90.0.0`. */
  network: string
  /** Prefix length, 8–30. */
  prefix: number
  description: string
  /** The probe that watches it (its `probeID`), `'0'` without probes. */
  probeId: string
}

export interface DomainRecord {
  id: string
  name: string
  domainController: string
}

/** Discovery credentials, Windows domains and the subnets added to IPAM: settings other resources refer to by name. */
export class Settings {
  readonly credentials = new Table<CredentialRecord>(recordSchema('credential'))
  readonly domains = new Table<DomainRecord>(recordSchema('domain'))
  readonly subnets = new Table<SubnetRecord>(recordSchema('subnet'))

  clear(): void {
    this.credentials.clear()
    this.domains.clear()
    this.subnets.clear()
  }

  credential(name: string): CredentialRecord {
    const credential = this.credentials.find((item) => item.name === name)
    if (!credential)
      throw opmError('NOT_FOUND', 'CREDENTIAL_NOT_FOUND', `No credential named '${name}'; listCredentials shows the known ones.`)
    return credential
  }

  /** Credential names are unique (case-insensitive), as discovery and devices refer to them by name. */
  async addCredential(values: Omit<CredentialRecord, 'id'>): Promise<CredentialRecord> {
    if (this.credentials.find((item) => item.name.toLowerCase() === values.name.toLowerCase()))
      throw opmError('CONFLICT', 'CREDENTIAL_ALREADY_EXISTS', `A credential named '${values.name}' already exists.`)
    return this.credentials.insert({ ...values, id: this.credentials.nextId() })
  }

  /** A subnet added by hand; the same network on the same probe cannot be added twice. */
  async addSubnet(values: Omit<SubnetRecord, 'id'>): Promise<SubnetRecord> {
    if (this.subnets.find((item) => item.network === values.network && item.probeId === values.probeId))
      throw opmError('CONFLICT', 'SUBNET_ALREADY_EXISTS', `The subnet ${values.network}/${values.prefix} is already in IPAM.`)
    return this.subnets.insert({ ...values, id: this.subnets.nextId() })
  }

  async addDomain(values: Omit<DomainRecord, 'id'>): Promise<DomainRecord> {
    if (this.domains.find((domain) => domain.name.toLowerCase() === values.name.toLowerCase()))
      throw opmError('CONFLICT', 'DOMAIN_ALREADY_EXISTS', `The domain '${values.name}' already exists.`)
    return this.domains.insert({ ...values, id: this.domains.nextId() })
  }

  domain(name: string): DomainRecord {
    const domain = this.domains.find((item) => item.name.toLowerCase() === name.toLowerCase())
    if (!domain) throw opmError('NOT_FOUND', 'DOMAIN_NOT_FOUND', `No domain named '${name}'.`)
    return domain
  }
}

/** `10.1.2.3` as a 32-bit number, or undefined when it is not a dotted IPv4 address. */
export function ipv4ToNumber(text: string): number | undefined {
  const parts = text.trim().split('.')
  if (parts.length !== 4 || parts.some((part) => !/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255)) return undefined
  return parts.reduce((sum, part) => sum * 256 + Number(part), 0)
}

export function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.')
}

/** The network address of `ip` under a prefix length. */
export function networkOf(ip: number, prefix: number): number {
  const size = 2 ** (32 - prefix)
  return Math.floor(ip / size) * size
}

/** Whether a device address lies inside a subnet. */
export function subnetContains(subnet: SubnetRecord, ip: string): boolean {
  const address = ipv4ToNumber(ip)
  return address !== undefined && networkOf(address, subnet.prefix) === ipv4ToNumber(subnet.network)
}
