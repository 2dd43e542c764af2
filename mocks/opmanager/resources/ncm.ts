import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

/** A device under Network Configuration Manager: an inventory device imported into NCM. */
export interface NcmDeviceRecord {
  id: string
  /** The inventory device's deviceName. */
  deviceName: string
  /** The host name NCM shows (the display name until a host-name import changes it). */
  hostName: string
  credential: string
  /** Custom column values as [column, value] pairs (editCustomColfromFileImp); pairs, as column names come from files. */
  customColumns: ReadonlyArray<readonly [string, string]>
}

export interface SshKeyRecord {
  id: string
  name: string
  /** `RSA PRIVATE KEY`, `OPENSSH PRIVATE KEY`, `ssh-ed25519` …: what the key file says it is; the key itself is not kept. */
  keyType: string
}

/** A configlet file uploaded and waiting to be previewed or imported. */
export interface ConfigletFileRecord {
  id: string
  fileName: string
  content: string
}

export interface ConfigletRecord {
  id: string
  name: string
  description: string
  commands: readonly string[]
  /** The `%NAME%` variables its commands use, in order of first use. */
  variables: readonly string[]
}

export interface NcmDeviceGroupRecord {
  id: string
  name: string
  /** NCM device names. */
  members: readonly string[]
}

const byName = (wanted: string) => (record: { name: string }) => record.name.toLowerCase() === wanted.toLowerCase()

/**
 * Network Configuration Manager settings the header-only NCM URLs write (decisions/090): the devices
 * imported into NCM, SSH keys, configlet files and configlets, and NCM device groups.
 */
export class Ncm {
  readonly devices = new Table<NcmDeviceRecord>(recordSchema('NCM device'))
  readonly sshKeys = new Table<SshKeyRecord>(recordSchema('SSH key'))
  readonly configletFiles = new Table<ConfigletFileRecord>(recordSchema('configlet file'))
  readonly configlets = new Table<ConfigletRecord>(recordSchema('configlet'))
  readonly deviceGroups = new Table<NcmDeviceGroupRecord>(recordSchema('NCM device group'))

  clear(): void {
    this.devices.clear()
    this.sshKeys.clear()
    this.configletFiles.clear()
    this.configlets.clear()
    this.deviceGroups.clear()
  }

  device(deviceName: string): NcmDeviceRecord | undefined {
    return this.devices.find((record) => record.deviceName === deviceName)
  }

  /** The NCM record of an inventory device, or NCM_DEVICE_NOT_FOUND naming where it was asked for. */
  ncmDevice(deviceName: string, where: string): NcmDeviceRecord {
    const record = this.device(deviceName)
    if (!record)
      throw opmError(
        'NOT_FOUND',
        'NCM_DEVICE_NOT_FOUND',
        `${where}: the device '${deviceName}' is not in NCM; import it with importDevices first.`,
      )
    return record
  }

  async addDevice(values: Omit<NcmDeviceRecord, 'id'>): Promise<NcmDeviceRecord> {
    return this.devices.insert({ ...values, id: this.devices.nextId() })
  }

  async updateDevice(record: NcmDeviceRecord, changes: Partial<Omit<NcmDeviceRecord, 'id' | 'deviceName'>>): Promise<NcmDeviceRecord> {
    return this.devices.update(record.id, (draft) => Object.assign(draft, changes))
  }

  async addSshKey(values: Omit<SshKeyRecord, 'id'>): Promise<SshKeyRecord> {
    if (this.sshKeys.find(byName(values.name)))
      throw opmError('CONFLICT', 'SSH_KEY_ALREADY_EXISTS', `An SSH key named '${values.name}' already exists.`)
    return this.sshKeys.insert({ ...values, id: this.sshKeys.nextId() })
  }

  /** Uploading a file of a name already waiting replaces it, as a re-upload does. */
  async stageConfigletFile(fileName: string, content: string): Promise<ConfigletFileRecord> {
    const previous = this.configletFiles.find((file) => file.fileName === fileName)
    if (previous) return this.configletFiles.update(previous.id, (draft) => Object.assign(draft, { content }))
    return this.configletFiles.insert({ id: this.configletFiles.nextId(), fileName, content })
  }

  configletFile(fileName: string): ConfigletFileRecord {
    const file = this.configletFiles.find((item) => item.fileName === fileName)
    if (!file)
      throw opmError(
        'NOT_FOUND',
        'CONFIGLET_FILE_NOT_FOUND',
        `No uploaded configlet file named '${fileName}'; upload it with uploadConfigletFile.`,
      )
    return file
  }

  /** Turns an uploaded file into a configlet; the upload is consumed. */
  async importConfiglet(file: ConfigletFileRecord, values: Omit<ConfigletRecord, 'id'>): Promise<ConfigletRecord> {
    if (this.configlets.find(byName(values.name)))
      throw opmError('CONFLICT', 'CONFIGLET_ALREADY_EXISTS', `A configlet named '${values.name}' already exists.`)
    const configlet = await this.configlets.insert({ ...values, id: this.configlets.nextId() })
    this.configletFiles.delete(file.id)
    return configlet
  }

  async addDeviceGroup(values: Omit<NcmDeviceGroupRecord, 'id'>): Promise<NcmDeviceGroupRecord> {
    if (this.deviceGroups.find(byName(values.name)))
      throw opmError('CONFLICT', 'NCM_GROUP_ALREADY_EXISTS', `An NCM device group named '${values.name}' already exists.`)
    return this.deviceGroups.insert({ ...values, id: this.deviceGroups.nextId() })
  }
}

/** A configlet's commands (non-empty lines, `#` comments dropped) and its `%NAME%` variables. */
export function parseConfiglet(content: string): { commands: string[]; variables: string[] } {
  const commands = content
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'))
  const variables = [...new Set(commands.flatMap((line) => [...line.matchAll(/%([A-Za-z][A-Za-z0-9_]*)%/g)].map((match) => match[1]!)))]
  return { commands, variables }
}
