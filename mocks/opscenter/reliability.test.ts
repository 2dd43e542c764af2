import { beforeEach, describe, expect, it } from 'vitest'
import spec from '../generated/opscenter.openapi.json'
import { createSpecValidator } from '../../contracts/support/spec-validator'
import type { BundledSpec } from '../core/spec-schema'
import { basic, call, type CallInit, type CallResult } from '../testing/call'
import { createOpscenterService, type OpscenterService } from './service'

/** Issue 8's OpsCenter defects, each reproduced as it was reported. */
const validator = createSpecValidator(spec as unknown as BundledSpec)
const PROTOTYPE_NAMES = ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__', '__defineGetter__', 'isPrototypeOf']
let opscenter: OpscenterService

beforeEach(async () => {
  opscenter = await createOpscenterService()
})

async function as(user: 'admin' | 'testuser', method: string, path: string, init: CallInit = {}): Promise<CallResult> {
  const result = await call(opscenter.service, method, path, { ...init, headers: { ...basic(user, user), ...init.headers } })
  const problems = validator.check({
    method,
    path: path.split('?')[0]!,
    status: result.status,
    contentType: result.contentType,
    body: result.body,
  })
  expect(problems, `${method} ${path.slice(0, 80)} answered ${result.status} ${result.body.slice(0, 200)}`).toEqual([])
  return result
}

describe('names of Object.prototype members are just names (defects 1 and 5)', () => {
  it('answers GET /{cluster}/keyspaces/toString and friends with 404', async () => {
    for (const name of PROTOTYPE_NAMES) {
      const result = await as('testuser', 'GET', `/Test_Cluster/keyspaces/${encodeURIComponent(name)}`)
      expect(result.status, name).toBe(404)
    }
  })

  it('answers POST /{cluster}/bestpractice/run/constructor and friends with 404 and writes nothing', async () => {
    const before = await as('admin', 'GET', '/Test_Cluster/bestpractice/results/latest')
    for (const name of PROTOTYPE_NAMES) {
      const result = await as('admin', 'POST', `/Test_Cluster/bestpractice/run/${encodeURIComponent(name)}`)
      expect(result.status, name).toBe(404)
    }
    const after = await as('admin', 'GET', '/Test_Cluster/bestpractice/results/latest')
    expect(after.json).toEqual(before.json)
  })
})

describe('deep nesting is a 400, not a stack overflow (defect 6)', () => {
  const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels)

  it('refuses role permissions nested 10,000 deep', async () => {
    const body = `{"Test_Cluster": ${deep(10_000)}}`
    expect((await as('admin', 'PUT', '/permissions/roles/user', { body })).status).toBe(400)
    expect((await as('admin', 'POST', '/permissions/roles/deep', { body })).status).toBe(400)
    expect((await as('admin', 'GET', '/permissions/roles/deep')).status).toBe(404)
  })

  it('refuses a cluster configuration nested 10,000 deep', async () => {
    const body = `{"cassandra": {"seed_hosts": "10.0.0.1"}, "extra": ${deep(10_000)}}`
    expect((await as('admin', 'POST', '/cluster-configs', { body })).status).toBe(400)
    expect((await as('admin', 'PUT', '/cluster-configs/Test_Cluster', { body })).status).toBe(400)
  })

  it('refuses LCM extra fields nested 3,200 deep', async () => {
    const body = `{"name": "opsmocks-deep", "extra": ${deep(3200)}}`
    expect((await as('admin', 'POST', '/api/v2/lcm/repositories', { body })).status).toBe(400)
    const list = await as('admin', 'GET', '/api/v2/lcm/repositories')
    expect(JSON.stringify(list.json)).not.toContain('opsmocks-deep')
  })
})
