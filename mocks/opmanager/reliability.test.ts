import { beforeEach, describe, expect, it } from 'vitest'
import spec from '../generated/opmanager.openapi.json'
import { createSpecValidator } from '../../contracts/support/spec-validator'
import { MAX_BODY_BYTES } from '../core/exchange'
import type { BundledSpec } from '../core/spec-schema'
import { call, type CallInit, type CallResult } from '../testing/call'
import { createOpmanagerService, type OpmanagerService } from './service'

/** Issue 8's OpManager defects (the control API's clock and body limits), each reproduced as reported. */
const validator = createSpecValidator(spec as unknown as BundledSpec)
const JSON_TYPE = { 'content-type': 'application/json' }
let opmanager: OpmanagerService

beforeEach(async () => {
  opmanager = await createOpmanagerService()
})

async function send(method: string, path: string, init: CallInit = {}): Promise<CallResult> {
  const result = await call(opmanager.service, method, path, init)
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

async function createKey(): Promise<string> {
  const created = await send('POST', '/__opsmocks/opmanager/keys', { headers: JSON_TYPE, body: JSON.stringify({ userName: 'admin' }) })
  expect(created.status).toBe(201)
  return (created.json as { id: string }).id
}

describe('the control clock stays within the range keys can be dated in (defect 9)', () => {
  it('refuses a move past year 9999 without moving, and keys can still be created', async () => {
    const before = opmanager.service.clock.now()
    const moved = await send('POST', '/__opsmocks/clock?advanceSeconds=99999999999999')
    expect(moved.status).toBe(400)
    expect(Math.abs(opmanager.service.clock.now() - before)).toBeLessThan(60_000)
    await createKey()
  })
})

describe('deletes and regenerations take no body, so an oversized one is no 413 (defect 10)', () => {
  it('deletes and regenerates a key whatever body came with the request', async () => {
    const big = 'x'.repeat(MAX_BODY_BYTES + 1)
    const id = await createKey()
    expect((await send('POST', `/__opsmocks/opmanager/keys/${id}/regenerate`, { body: big })).status).toBe(200)
    expect((await send('DELETE', `/__opsmocks/opmanager/keys/${id}`, { body: big })).status).toBe(200)
  })
})
