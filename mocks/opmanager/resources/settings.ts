import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

export interface CredentialRecord {
  id: string
  name: string
  /** `SNMP v1`, `SNMP v2`, `SNMP v3`, `WMI`, `SSH`, `Telnet`, `VMware` … */
  type: string
  description: string
}

export interface DomainRecord {
  id: string
  name: string
  domainController: string
}

/** Discovery credentials and Windows domains, the settings other resources refer to by name. */
export class Settings {
  readonly credentials = new Table<CredentialRecord>(recordSchema('credential'))
  readonly domains = new Table<DomainRecord>(recordSchema('domain'))

  clear(): void {
    this.credentials.clear()
    this.domains.clear()
  }

  credential(name: string): CredentialRecord {
    const credential = this.credentials.find((item) => item.name === name)
    if (!credential)
      throw opmError('NOT_FOUND', 'CREDENTIAL_NOT_FOUND', `No credential named '${name}'; listCredentials shows the known ones.`)
    return credential
  }

  async addCredential(values: Omit<CredentialRecord, 'id'>): Promise<CredentialRecord> {
    return this.credentials.insert({ ...values, id: this.credentials.nextId() })
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
