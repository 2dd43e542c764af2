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

const SAFE_NAME = /^(?!.*\.\.)[A-Za-z0-9_.-]+$/

export class UploadArea {
  readonly #stagedPlugins = new Map<string, string>()
  readonly #stagedOpspacks = new Set<string>()

  clear(): void {
    this.#stagedPlugins.clear()
    this.#stagedOpspacks.clear()
  }

  /** Shipped and imported plugins are both in the plugin configuration. */
  pluginExists(store: OpsviewStore, name: string): boolean {
    return store.config.byName('plugin', name) !== undefined
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

  /** Adds the staged plugin to the plugin list as user-uploaded (`origin_id` 1). */
  async importPlugin(store: OpsviewStore, principal: Principal, request: MockRequest): Promise<UploadResult> {
    requireAnyAccess(principal, ['ADMINACCESS'], 'importing plugins')
    const name = String(readParams(request).filename ?? '')
    if (!name) throw new MockError('BAD_REQUEST', 'import needs a filename parameter')
    if (!this.#stagedPlugins.has(name)) return { success: false, error: `No uploaded plugin named '${name}' to import`, filename: name }
    if (this.pluginExists(store, name)) return { success: false, error: 'Plugin already exists', filename: name }
    await store.config.create('plugin', { name, origin_id: '1' })
    this.#stagedPlugins.delete(name)
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
