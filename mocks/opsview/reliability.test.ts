import { beforeEach, describe, expect, it } from 'vitest'
import spec from '../generated/opsview.openapi.json'
import { createSpecValidator } from '../../contracts/support/spec-validator'
import type { BundledSpec } from '../core/spec-schema'
import { MAX_BODY_BYTES } from '../core/exchange'
import { call, type CallInit, type CallResult } from '../testing/call'
import { createOpsviewService, type OpsviewService } from './service'

/** Issue 8's Opsview defects, each reproduced as it was reported. */
const validator = createSpecValidator(spec as unknown as BundledSpec)
let opsview: OpsviewService
const tokens = new Map<string, string>()

beforeEach(async () => {
  opsview = await createOpsviewService()
  tokens.clear()
})

async function as(user: 'admin' | 'operator' | 'viewer', method: string, path: string, init: CallInit = {}): Promise<CallResult> {
  let token = tokens.get(user)
  if (!token) {
    const password = user === 'admin' ? 'initial' : user
    const login = await call(opsview.service, 'POST', '/rest/login', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password }),
    })
    token = (login.json as { token: string }).token
    tokens.set(user, token)
  }
  const result = await call(opsview.service, method, path, {
    ...init,
    headers: { 'x-opsview-username': user, 'x-opsview-token': token, ...init.headers },
  })
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

describe('LIKE patterns cannot freeze the mock (defect 2)', () => {
  const manyPercents = '%'.repeat(40) + 'x'

  it('answers an s.<column> search with dozens of % at once', async () => {
    const result = await as('viewer', 'GET', `/rest/config/host?s.alias=${encodeURIComponent(manyPercents)}`)
    expect(result.status).toBe(200)
  })

  it('answers json_filter -like and -not_like with dozens of % at once', async () => {
    for (const operator of ['-like', '-not_like']) {
      const filter = encodeURIComponent(JSON.stringify({ name: { [operator]: manyPercents } }))
      expect((await as('viewer', 'GET', `/rest/config/host?json_filter=${filter}`)).status).toBe(200)
    }
  })

  it('answers downtime and acknowledge selectors with dozens of % at once', async () => {
    const pattern = encodeURIComponent(manyPercents)
    for (const selector of ['hst.hostname', 'svc.hostname', 'svc.servicename', 'hg.name']) {
      const downtime = await as('operator', 'POST', `/rest/downtime?${selector}=${pattern}`, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ starttime: 'now', endtime: '+1h', comment: 'x' }),
      })
      expect(downtime.status).toBe(200)
      const acknowledged = await as('operator', 'POST', `/rest/acknowledge?${selector}=${pattern}`, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ comment: 'x' }),
      })
      expect(acknowledged.status).toBe(200)
    }
  })

  it('refuses a LIKE pattern longer than the cap with a 400', async () => {
    const result = await as('viewer', 'GET', `/rest/config/host?s.alias=${'%'.repeat(1001)}`)
    expect(result.status).toBe(400)
  })
})

describe('a "View some" user sees only its own hosts through host templates (defect 3)', () => {
  const viewerHosts = async () => {
    const hosts = await as('viewer', 'GET', '/rest/config/host?rows=all')
    return new Set((hosts.json as { list: Array<{ name: string }> }).list.map((host) => host.name))
  }

  it('lists only visible hosts in every host template', async () => {
    const visible = await viewerHosts()
    const templates = await as('viewer', 'GET', '/rest/config/hosttemplate?rows=all')
    const listed = (templates.json as { list: Array<{ id: string; hosts: Array<{ name: string }> }> }).list
    const seen = listed.flatMap((template) => template.hosts.map((host) => host.name))
    expect(seen.length).toBeGreaterThan(0)
    for (const name of seen) expect(visible).toContain(name)
    for (const { id } of listed) {
      const single = await as('viewer', 'GET', `/rest/config/hosttemplate/${id}`)
      for (const host of (single.json as { object: { hosts: Array<{ name: string }> } }).object.hosts) expect(visible).toContain(host.name)
    }
  })

  it('finds no template by the name of a host it cannot see', async () => {
    const visible = await viewerHosts()
    const all = await as('admin', 'GET', '/rest/config/host?rows=all')
    const hidden = (all.json as { list: Array<{ name: string }> }).list.map((host) => host.name).find((name) => !visible.has(name))!
    expect(hidden).toBeDefined()
    const asAdmin = await as('admin', 'GET', `/rest/config/hosttemplate?s.hosts=${encodeURIComponent(hidden)}`)
    expect((asAdmin.json as { summary: { totalrows: string } }).summary.totalrows).not.toBe('0')
    const asViewer = await as('viewer', 'GET', `/rest/config/hosttemplate?s.hosts=${encodeURIComponent(hidden)}`)
    expect((asViewer.json as { summary: { totalrows: string } }).summary.totalrows).toBe('0')
  })
})

describe('downtime times are range-checked before anything is stored (defect 4)', () => {
  it('refuses an endtime past year 9999 and keeps GET /rest/downtime working', async () => {
    for (const endtime of ['+99999999999999h', '+9999999999w', '9999/12/32 00:00']) {
      const created = await as('operator', 'POST', '/rest/downtime?hst.hostname=%25', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ starttime: 'now', endtime, comment: 'forever' }),
      })
      expect(created.status, endtime).toBe(400)
    }
    const list = await as('operator', 'GET', '/rest/downtime')
    expect(list.status).toBe(200)
    expect((list.json as { list: unknown[] }).list).toEqual([])
  })
})

describe('deep nesting is a 400, not a stack overflow (defect 6)', () => {
  it('refuses a json_filter nested thousands deep', async () => {
    const deep = '['.repeat(3000) + ']'.repeat(3000)
    const result = await as('viewer', 'GET', `/rest/config/host?json_filter=${encodeURIComponent(deep)}`)
    expect(result.status).toBe(400)
  })

  it('refuses a JSON body nested thousands deep', async () => {
    const deep = '{"name":'.repeat(10_000) + '1' + '}'.repeat(10_000)
    const result = await as('admin', 'POST', '/rest/config/hosttemplate', { headers: { 'content-type': 'application/json' }, body: deep })
    expect(result.status).toBe(400)
  })
})

describe('only answers the spec allows (defect 10)', () => {
  it('answers a page number too long for a number with a 400, never an exponent', async () => {
    const result = await as('viewer', 'GET', '/rest/config/host?page=1234567890123456789012')
    expect(result.status).toBe(400)
    const downtimes = await as('operator', 'GET', '/rest/downtime?page=1234567890123456789012')
    expect(downtimes.status).toBe(400)
  })

  it('ignores an oversized body on deletes that take none, instead of a 413 they do not document', async () => {
    const big = 'x'.repeat(MAX_BODY_BYTES + 1)
    const created = await as('admin', 'POST', '/rest/config/hosttemplate', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'opsmocks-doomed' }),
    })
    const id = (created.json as { object: { id: string } }).object.id
    expect((await as('admin', 'DELETE', `/rest/config/hosttemplate/${id}`, { body: big })).status).toBe(200)
    expect((await as('admin', 'DELETE', '/rest/login', { body: big })).status).toBe(200)
  })

  it('answers deleteDowntimes with a body it cannot read as the spec documents', async () => {
    const result = await as('operator', 'DELETE', '/rest/downtime', { headers: { 'content-type': 'text/plain' }, body: 'hst.hostname=x' })
    expect(result.status).toBe(415)
  })
})
