import { opmError } from '../errors'
import type { Params } from '../params'
import { parseConfiglet } from '../resources/ncm'
import type { OpmanagerStore } from '../store'
import { ok, operation, result } from './operation'

/**
 * The header-only NCM URLs (decisions/085, 090): imports of devices, host names, custom columns,
 * device groups and SSH keys from files, and the configlet upload → preview → import chain. Files
 * come as a multipart part `file` (what the vendor's UI uploads) or as text in a form field. Every
 * file is checked whole before anything changes; an error names the line.
 */

const MAX_FILE = 1_000_000
const MAX_ROWS = 5000
const admin = { adminOnly: true }

/** The rows of a CSV upload: cells trimmed, empty lines dropped, a header row dropped when `header` matches it. */
function rows(params: Params, textField: string, header?: RegExp): Array<{ line: number; cells: string[] }> {
  const file = params.upload('file', textField, { maxLength: MAX_FILE })
  const out = file.content
    .split(/\r?\n/)
    .map((text, index) => ({ line: index + 1, cells: text.split(',').map((cell) => cell.trim()) }))
    .filter((row) => row.cells.some((cell) => cell !== ''))
  if (header && out[0] && header.test(out[0].cells[0]!)) out.shift()
  if (!out.length) throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', `The file '${file.filename}' holds no rows.`)
  if (out.length > MAX_ROWS) throw opmError('BAD_REQUEST', 'MORE_THAN_MAX_OCCURANCE', `A file can hold at most ${MAX_ROWS} rows.`)
  return out
}

/** The inventory device a row names (by any of its names), with the line in the error. */
function deviceOf(store: OpmanagerStore, name: string, line: number): string {
  const device = store.devices.find(name)
  if (!device) throw opmError('NOT_FOUND', 'DEVICE_NOT_FOUND', `Line ${line}: no device named '${name}'.`)
  return device.deviceName
}

const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})*$/

const importDevices = operation(
  'importDevices',
  async ({ store }, _caller, params) => {
    const wanted = rows(params, 'deviceList', /^device\s*name$/i).map(({ line, cells }) => {
      const deviceName = deviceOf(store, cells[0]!, line)
      const credential = cells[1] ? store.settings.credential(cells[1]).name : undefined
      return { deviceName, credential }
    })
    const fallback = store.settings.credentials.find((item) => item.type === 'SSH' || item.type === 'Telnet')?.name ?? ''
    let added = 0
    const seen = new Set<string>()
    for (const { deviceName, credential } of wanted) {
      if (seen.has(deviceName) || store.ncm.device(deviceName)) continue
      seen.add(deviceName)
      const device = store.devices.get(deviceName)
      await store.ncm.addDevice({ deviceName, hostName: device.displayName, credential: credential ?? fallback, customColumns: [] })
      added++
    }
    return result(`${added} device(s) imported into Network Configuration Manager; ${wanted.length - added} already there.`)
  },
  admin,
)

const updateHostNamefromFileImp = operation(
  'updateHostNamefromFileImp',
  async ({ store }, _caller, params) => {
    const changes = rows(params, 'hostNames', /^(device\s*name|ip\s*address)$/i).map(({ line, cells }) => {
      const record = store.ncm.ncmDevice(deviceOf(store, cells[0]!, line), `Line ${line}`)
      const hostName = cells[1] ?? ''
      if (!HOST_NAME.test(hostName))
        throw opmError(
          'BAD_REQUEST',
          'PATTERN_NOT_MATCHED',
          `Line ${line}: '${hostName}' is not a host name (letters, digits, dots and hyphens).`,
        )
      return { record, hostName }
    })
    for (const { record, hostName } of changes) await store.ncm.updateDevice(store.ncm.device(record.deviceName)!, { hostName })
    return result(`Host names updated for ${changes.length} device(s).`)
  },
  admin,
)

const editCustomColfromFileImp = operation(
  'editCustomColfromFileImp',
  async ({ store }, _caller, params) => {
    const [header, ...body] = rows(params, 'customColumns')
    const columns = header!.cells.slice(1)
    if (!/^(device\s*name|ip\s*address)$/i.test(header!.cells[0]!) || !columns.length || columns.some((column) => column === ''))
      throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', "The first row must be 'DeviceName' followed by the custom column names.")
    if (!body.length) throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', 'The file holds column names but no device rows.')
    const changes = body.map(({ line, cells }) => {
      const record = store.ncm.ncmDevice(deviceOf(store, cells[0]!, line), `Line ${line}`)
      return { record, values: new Map(columns.map((column, index) => [column, cells[index + 1] ?? ''])) }
    })
    for (const { record, values } of changes) {
      const current = store.ncm.device(record.deviceName)!
      const merged = new Map(current.customColumns)
      for (const [column, value] of values) merged.set(column, value)
      await store.ncm.updateDevice(current, { customColumns: [...merged] })
    }
    return result(`Custom column values updated for ${changes.length} device(s).`)
  },
  admin,
)

const importDG = operation(
  'importDG',
  async ({ store }, _caller, params) => {
    const groups = new Map<string, string[]>()
    for (const { line, cells } of rows(params, 'deviceGroups', /^group\s*name$/i)) {
      const name = cells[0]!
      if (name.length > 100)
        throw opmError('BAD_REQUEST', 'MORE_THAN_MAX_LENGTH', `Line ${line}: a group name can be at most 100 characters long.`)
      const deviceName = store.ncm.ncmDevice(deviceOf(store, cells[1] ?? '', line), `Line ${line}`).deviceName
      if (store.ncm.deviceGroups.find((group) => group.name.toLowerCase() === name.toLowerCase()))
        throw opmError('CONFLICT', 'NCM_GROUP_ALREADY_EXISTS', `Line ${line}: an NCM device group named '${name}' already exists.`)
      const members = groups.get(name) ?? []
      if (!members.includes(deviceName)) members.push(deviceName)
      groups.set(name, members)
    }
    for (const [name, members] of groups) await store.ncm.addDeviceGroup({ name, members })
    return result(`${groups.size} device group(s) imported.`)
  },
  admin,
)

const KEY_HEADER = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY)-----/
const PUBLIC_KEY = /^(ssh-rsa|ssh-ed25519|ssh-dss|ecdsa-sha2-nistp(?:256|384|521)) [A-Za-z0-9+/=]+/

const importSSHKey = operation(
  'importSSHKey',
  async ({ store }, _caller, params) => {
    const name = params.required('keyName', { maxLength: 100 })
    const file = params.upload('file', 'sshKey', { maxLength: 64_000 })
    const keyType = KEY_HEADER.exec(file.content)?.[1] ?? PUBLIC_KEY.exec(file.content.trim())?.[1]
    if (!keyType)
      throw opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `The file '${file.filename}' is not a PEM private key or an OpenSSH public key.`)
    await store.ncm.addSshKey({ name, keyType })
    return result('SSH key has been successfully imported.')
  },
  admin,
)

const uploadConfigletFile = operation(
  'uploadConfigletFile',
  async ({ store }, _caller, params) => {
    const file = params.upload('file', 'fileContent', { maxLength: MAX_FILE })
    const fileName = params.optional('fileName', { maxLength: 255 }) ?? file.filename
    if (!parseConfiglet(file.content).commands.length)
      throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', `The file '${fileName}' holds no commands.`)
    await store.ncm.stageConfigletFile(fileName, file.content)
    return result(`The file '${fileName}' has been uploaded.`)
  },
  admin,
)

const uploadConfigletPreView = operation(
  'uploadConfigletPreView',
  ({ store }, _caller, params) => {
    // An uploaded file by name, or a file sent with the request: the preview stores nothing.
    const staged = params.optional('fileName', { maxLength: 255 })
    const file = staged !== undefined && !params.file('file') ? store.ncm.configletFile(staged) : undefined
    const upload = file ? { filename: file.fileName, content: file.content } : params.upload('file', 'fileContent', { maxLength: MAX_FILE })
    const { commands, variables } = parseConfiglet(upload.content)
    if (!commands.length) throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', `The file '${upload.filename}' holds no commands.`)
    return ok({ fileName: upload.filename, commands, variables })
  },
  admin,
)

const importConfiglets = operation(
  'importConfiglets',
  async ({ store }, _caller, params) => {
    const file = store.ncm.configletFile(params.required('fileName', { maxLength: 255 }))
    const name = params.optional('configletName', { maxLength: 100 }) ?? file.fileName.replace(/\.[^.]*$/, '')
    const { commands, variables } = parseConfiglet(file.content)
    const configlet = await store.ncm.importConfiglet(file, {
      name,
      description: params.optional('description', { maxLength: 1000 }) ?? '',
      commands,
      variables,
    })
    return result(`Configlet '${configlet.name}' has been successfully imported.`)
  },
  admin,
)

export const NCM_OPERATIONS = [
  importSSHKey,
  importDevices,
  uploadConfigletFile,
  uploadConfigletPreView,
  importConfiglets,
  updateHostNamefromFileImp,
  editCustomColfromFileImp,
  importDG,
]
