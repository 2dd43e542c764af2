import { beforeEach, describe, expect, it } from 'vitest'
import { Journal, filterFromQuery, redactBody } from './journal'
import { journalMatchers } from './journal-matchers'

expect.extend(journalMatchers)

function record(journal: Journal, overrides: Partial<Parameters<Journal['record']>[0]> = {}): void {
  journal.record({
    at: Date.UTC(2030, 0, 1),
    method: 'GET',
    path: '/rest/user',
    query: new URLSearchParams(),
    headers: { 'x-opsview-username': 'admin', 'x-opsview-token': 'a'.repeat(40) },
    body: '',
    status: 200,
    durationMs: 1.23456,
    operationId: 'getUser',
    matched: true,
    fault: undefined,
    ...overrides,
  })
}

describe('Journal', () => {
  let journal: Journal
  beforeEach(() => {
    journal = new Journal(3)
  })

  it('keeps only the newest entries up to its size, oldest first', () => {
    for (const path of ['/a', '/b', '/c', '/d']) record(journal, { path })
    expect(journal.size).toBe(3)
    expect(journal.entries().map((entry) => [entry.seq, entry.path])).toEqual([
      [2, '/b'],
      [3, '/c'],
      [4, '/d'],
    ])
    journal.clear()
    expect(journal.entries()).toEqual([])
    record(journal, { path: '/e' })
    expect(journal.entries().map((entry) => entry.seq)).toEqual([5])
  })

  it('redacts credentials in headers, query and bodies (JSON at any depth and forms)', () => {
    record(journal, {
      method: 'POST',
      path: '/rest/login',
      headers: { cookie: 'opscenter-session=abc', apikey: 'k', 'content-type': 'application/json', authorization: 'Basic x' },
      query: new URLSearchParams('apiKey=secret&severity=1&password=p'),
      body: JSON.stringify({ username: 'admin', password: 'initial', nested: { 'login-password': 'x', token: 't' } }),
    })
    const [entry] = journal.entries()
    expect(entry!.headers).toEqual({
      cookie: '[redacted]',
      apikey: '[redacted]',
      'content-type': 'application/json',
      authorization: '[redacted]',
    })
    expect(entry!.query).toEqual({ apiKey: '[redacted]', severity: '1', password: '[redacted]' })
    expect(JSON.parse(entry!.body)).toEqual({
      username: 'admin',
      password: '[redacted]',
      nested: { 'login-password': '[redacted]', token: '[redacted]' },
    })
    expect(redactBody('username=admin&password=a%26b')).toBe('username=admin&password=[redacted]')
    expect(redactBody('{"password": "broken json')).toBe('{"password": "broken json')
  })

  it('filters by operationId, method, path prefix, status class, since, after and unmatched', () => {
    journal = new Journal(10)
    record(journal, { at: 1000 })
    record(journal, { at: 2000, method: 'POST', path: '/rest/config/host', operationId: 'createConfigObject', status: 400 })
    record(journal, { at: 3000, path: '/rest/nothing', operationId: null, matched: false, status: 404 })
    expect(journal.entries({ operationId: 'createConfigObject' })).toHaveLength(1)
    expect(journal.entries({ method: 'post' })).toHaveLength(1)
    expect(journal.entries({ path: '/rest/config/*' })).toHaveLength(1)
    expect(journal.entries({ status: '4xx' })).toHaveLength(2)
    expect(journal.entries({ status: 404 })).toHaveLength(1)
    expect(journal.entries({ since: new Date(2000).toISOString() })).toHaveLength(2)
    expect(journal.entries({ after: 2 }).map((entry) => entry.path)).toEqual(['/rest/nothing'])
    expect(journal.entries({ unmatched: true }).map((entry) => entry.path)).toEqual(['/rest/nothing'])
    expect(journal.entries({ limit: 1 }).map((entry) => entry.seq)).toEqual([3])
    expect(journal.unmatched()).toEqual([{ method: 'GET', path: '/rest/nothing', count: 1, lastStatus: 404 }])
  })

  it('reads filters from a query string and rejects malformed ones', () => {
    expect(filterFromQuery(new URLSearchParams('operationId=login&status=5xx&after=3&unmatched=false'))).toEqual({
      operationId: 'login',
      status: '5xx',
      after: 3,
      unmatched: false,
    })
    expect(() => filterFromQuery(new URLSearchParams('status=teapot'))).toThrow(/status/)
    expect(() => filterFromQuery(new URLSearchParams('since=yesterday'))).toThrow(/since/)
    expect(() => filterFromQuery(new URLSearchParams('limit=-1'))).toThrow(/limit/)
  })

  it('verifies calls with toHaveCalled and explains a failure with the latest requests', () => {
    record(journal, { operationId: 'login', method: 'POST', path: '/rest/login' })
    record(journal)
    expect(journal).toHaveCalled('getUser', { times: 1 })
    expect(journal).toHaveCalled('login')
    expect(journal).not.toHaveCalled('createConfigObject')
    expect(() => expect(journal).toHaveCalled('getUser', { times: 2 })).toThrow(/called 1 time\.\nLatest requests:\n {2}POST \/rest\/login/)
    expect(journal.calls('getUser', { status: 200 })).toHaveLength(1)
  })
})
