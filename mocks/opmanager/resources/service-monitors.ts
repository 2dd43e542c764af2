import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

export type ServiceMonitorKind = 'service' | 'windowsService' | 'process' | 'url'

export interface ServiceMonitorRecord {
  id: string
  kind: ServiceMonitorKind
  /** The device it runs against (deviceName); URL monitors may have none (''). */
  deviceName: string
  /** `Web(80)`, `Spooler`, `sqlservr.exe`, a URL monitor's name. */
  name: string
  displayName: string
  /** Port, Windows service name, process path or URL. */
  detail: string
}

/** TCP services, Windows services, processes and URLs (availability monitors) watched on devices. */
export const TCP_SERVICES = [
  'DNS(53)',
  'FTP(21)',
  'HTTPS(443)',
  'IMAP(143)',
  'LDAP(389)',
  'MSSQL(1433)',
  'MySQL(3306)',
  'Oracle(1521)',
  'SMTP(25)',
  'SSH(22)',
  'Telnet(23)',
  'Web(80)',
] as const

export interface ProcessTemplate {
  templateId: string
  templateName: string
  displayName: string
  description: string
  protocol: 'WMI' | 'CLI'
  path: string
}

export const PROCESS_TEMPLATES: readonly ProcessTemplate[] = [
  {
    templateId: '1',
    templateName: 'sqlservr.exe',
    displayName: 'MSSQL',
    description: 'Process Template for MSSQL',
    protocol: 'WMI',
    path: 'C:\\Program Files\\Microsoft SQL Server\\MSSQL\\Binn\\sqlservr.exe',
  },
  {
    templateId: '2',
    templateName: 'httpd',
    displayName: 'httpd',
    description: 'Process Template for httpd',
    protocol: 'CLI',
    path: '/usr/sbin/httpd',
  },
  {
    templateId: '3',
    templateName: 'nginx',
    displayName: 'nginx',
    description: 'Process Template for nginx',
    protocol: 'CLI',
    path: '/usr/sbin/nginx',
  },
  {
    templateId: '4',
    templateName: 'java',
    displayName: 'Java',
    description: 'Process Template for Java applications',
    protocol: 'CLI',
    path: '/usr/bin/java',
  },
]

export class ServiceMonitors {
  readonly table = new Table<ServiceMonitorRecord>(recordSchema('service monitor'))
  #created = 0

  clear(): void {
    this.table.clear()
    this.#created = 0
  }

  of(kind: ServiceMonitorKind, deviceName?: string): ServiceMonitorRecord[] {
    return this.table.filter((record) => record.kind === kind && (deviceName === undefined || record.deviceName === deviceName))
  }

  async associate(values: Omit<ServiceMonitorRecord, 'id'>): Promise<ServiceMonitorRecord> {
    const existing = this.table.find(
      (record) => record.kind === values.kind && record.deviceName === values.deviceName && record.name === values.name,
    )
    return existing ?? this.table.insert({ ...values, id: String(601 + this.#created++) })
  }

  static service(name: string): string {
    const service = TCP_SERVICES.find((item) => item === name || item.startsWith(`${name}(`))
    if (!service)
      throw opmError('NOT_FOUND', 'SERVICE_NOT_FOUND', `No service monitor named '${name}'; use one of ${TCP_SERVICES.join(', ')}.`)
    return service
  }

  static processTemplate(id: string): ProcessTemplate {
    const template = PROCESS_TEMPLATES.find((item) => item.templateId === id || item.templateName === id)
    if (!template) throw opmError('NOT_FOUND', 'PROCESS_TEMPLATE_NOT_FOUND', `No process template with the id or name '${id}'.`)
    return template
  }

  removeOfDevice(deviceName: string): void {
    for (const record of this.table.filter((item) => item.deviceName === deviceName)) this.table.delete(record.id)
  }
}
