import { describe, expect, it } from 'vitest'
import opsviewSpec from './generated/opsview.openapi.json'
import opscenterSpec from './generated/opscenter.openapi.json'
import opmanagerSpec from './generated/opmanager.openapi.json'
import { OPSVIEW_OPERATIONS } from './opsview/operations'
import { OPSCENTER_OPERATIONS } from './opscenter/operations'
import { OPMANAGER_OPERATIONS } from './opmanager/api'
import { OPMANAGER_CONTROL_OPERATIONS } from './opmanager/control'

/**
 * The spec is the truth: every operation it documents has exactly one row in the vendor's operation
 * table with the same operationId, method and path, and the table serves nothing the spec does not document.
 */
const METHODS = ['get', 'put', 'post', 'delete', 'patch']
const normalise = (path: string) => (path.length > 1 ? path.replace(/\/$/, '') : path)

function documented(spec: { paths: Record<string, Record<string, { operationId?: string }>> }): string[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => `${item[method]!.operationId} ${method.toUpperCase()} ${normalise(path)}`),
  )
}

const served = (operations: ReadonlyArray<{ operationId: string; method: string; path: string }>) =>
  operations.map((operation) => `${operation.operationId} ${operation.method.toUpperCase()} ${normalise(operation.path)}`)

describe('operation tables', () => {
  it.each([
    ['opsview', opsviewSpec, served(OPSVIEW_OPERATIONS)],
    ['opscenter', opscenterSpec, served(OPSCENTER_OPERATIONS)],
    ['opmanager', opmanagerSpec, [...served(OPMANAGER_OPERATIONS), ...served(OPMANAGER_CONTROL_OPERATIONS)]],
  ])('%s serves exactly the operations its spec documents, under the same operationIds', (_vendor, spec, table) => {
    expect([...table].sort()).toEqual(documented(spec as never).sort())
  })
})
