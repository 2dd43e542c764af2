import { Table } from '../../core/table'
import { recordSchema } from './record-schema'

export interface ProbeRecord {
  id: string
  /** The vendor's long probeID (10000000001 …). */
  probeID: string
  name: string
  site: string
  ipAddress: string
  natName: string
  natPort: number
  contactPerson: string
  contactEmail: string
  /** Minutes since the probe last contacted the central server, at seed time. */
  lastContactMinutes: number
  connected: boolean
}

/** OpManager Enterprise probes: every device is monitored by one, and listAlarms filters by it. */
export class Probes {
  readonly table = new Table<ProbeRecord>(recordSchema('probe'))

  clear(): void {
    this.table.clear()
  }

  all(): readonly ProbeRecord[] {
    return this.table.all()
  }

  find(name: string): ProbeRecord | undefined {
    return this.table.find((probe) => probe.name === name)
  }

  async insert(values: Omit<ProbeRecord, 'id' | 'probeID'>): Promise<ProbeRecord> {
    const id = this.table.nextId()
    return this.table.insert({ ...values, id, probeID: String(10_000_000_000 + Number(id)) })
  }
}
