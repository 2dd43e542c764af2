import { mediaType } from '../core/body'
import type { MockRequest } from '../core/exchange'
import { MockError } from '../core/mock-error'
import { parseMultipart, type MultipartPart } from '../core/multipart'
import { requireAnyAccess } from './auth'
import { readParams } from './request-body'
import type { OpsviewStore, Principal } from './store'

/**
 * Plugin upload and import, and Opspack (host template) upload, as far as a mock can honour them:
 * the file is checked and staged; "running" a plugin with `-h` is a check that it is a script.
 * Nothing is executed. Failures are HTTP 200 with `success: false`, as Opsview documents.
 */
export interface UploadResult {
  success: boolean
  error?: string
  filename?: string
  return_code?: string
  stdout?: string
  stderr?: string
}

/** Plugins every Opsview ships (a few of them); an upload may not replace one. */
const BUILT_IN_PLUGINS = ['check_nrpe', 'check_tcp', 'check_http', 'check_ping', 'check_snmp_linkstatus', 'check_ssh']
const SAFE_NAME = /^(?!.*\.\.)[A-Za-z0-9_.-]+$/

export class UploadArea {
  readonly #stagedPlugins = new Map<string, string>()
  readonly #importedPlugins = new Set<string>()
  readonly #stagedOpspacks = new Set<string>()

  clear(): void {
    this.#stagedPlugins.clear()
    this.#importedPlugins.clear()
    this.#stagedOpspacks.clear()
  }

  /** Built-in, imported and (once the store has the type) configured plugin names. */
  pluginExists(store: OpsviewStore, name: string): boolean {
    const tables = store.tables as unknown as Record<string, { all(): ReadonlyArray<{ name?: unknown }> } | undefined>
    const configured = Object.hasOwn(tables, 'plugin') && tables.plugin!.all().some((plugin) => plugin.name === name)
    return BUILT_IN_PLUGINS.includes(name) || this.#importedPlugins.has(name) || configured
  }

  uploadPlugin(store: OpsviewStore, principal: Principal, request: MockRequest): UploadResult {
    requireAnyAccess(principal, ['ADMINACCESS'], 'uploading plugins')
    const file = uploadedFile(request)
    const name = file.filename ?? ''
    if (!SAFE_NAME.test(name)) return { success: false, error: `Invalid plugin name '${name}': letters, digits, ".", "_" or "-" only` }
    if (this.pluginExists(store, name)) return { success: false, error: 'Plugin already exists', filename: name }
    if (!file.content.startsWith('#!')) {
      return {
        success: false,
        error: 'Plugin failed to run with -h',
        filename: name,
        return_code: '126',
        stdout: '',
        stderr: `${name}: cannot execute binary file`,
      }
    }
    this.#stagedPlugins.set(name, file.content)
    return { success: true, filename: name, return_code: '3', stdout: `Usage: ${name} [-h] [-w warning] [-c critical]`, stderr: '' }
  }

  importPlugin(principal: Principal, request: MockRequest): UploadResult {
    requireAnyAccess(principal, ['ADMINACCESS'], 'importing plugins')
    const name = String(readParams(request).filename ?? '')
    if (!name) throw new MockError('BAD_REQUEST', 'import needs a filename parameter')
    if (!this.#stagedPlugins.has(name)) return { success: false, error: `No uploaded plugin named '${name}' to import`, filename: name }
    this.#stagedPlugins.delete(name)
    this.#importedPlugins.add(name)
    return { success: true, filename: name }
  }

  uploadOpspack(principal: Principal, request: MockRequest): UploadResult {
    requireAnyAccess(principal, ['ADMINACCESS'], 'uploading Opspacks')
    const file = uploadedFile(request)
    const name = file.filename ?? ''
    if (!name || name.includes('..') || name.includes('/') || /\s/.test(name))
      return { success: false, error: `Invalid file name '${name}': no "..", "/" or spaces` }
    if (!/\.(tar\.gz|tgz|opspack)$/.test(name) || file.content.length === 0)
      return { success: false, error: 'Opspack must be a non-empty .tar.gz archive', filename: name }
    this.#stagedOpspacks.add(name)
    return { success: true, filename: name }
  }
}

function uploadedFile(request: MockRequest): MultipartPart {
  const type = mediaType(request)
  if (type !== 'multipart/form-data') {
    throw new MockError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Type ${type || '(none)'} is not supported here; upload the file as multipart/form-data`,
    )
  }
  const file = parseMultipart(request.body, request.header('content-type') ?? '').find((part) => part.filename !== undefined)
  if (!file) throw new MockError('BAD_REQUEST', 'No file uploaded: send it as a multipart/form-data file part')
  return file
}
