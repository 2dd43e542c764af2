import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Clock } from './clock'
import { DEFAULT_MAX_SESSIONS_PER_SUBJECT, SessionStore } from './sessions'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

let clock: Clock

function counterTokens(prefix = 't'): () => string {
  let n = 0
  return () => `${prefix}${++n}`
}

function store(ttlMs: number | undefined, sliding = true, newToken = counterTokens()): SessionStore {
  return new SessionStore({ clock, ttlMs, sliding, newToken })
}

beforeEach(() => {
  // Freeze wall-clock time so only clock.advance() moves the mock clock.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2030, 0, 1) })
  clock = new Clock()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('SessionStore', () => {
  it('creates a session for a subject with a token from newToken and an expiry one ttl ahead', () => {
    const sessions = store(60 * MINUTE)
    const session = sessions.create('admin')
    expect(session).toEqual({ token: 't1', subject: 'admin', expiresAt: Date.UTC(2030, 0, 1) + 60 * MINUTE })
    expect(sessions.size).toBe(1)
  })

  it('draws a new token when newToken repeats one already in use', () => {
    const tokens = ['same', 'same', 'same', 'other']
    const sessions = store(MINUTE, true, () => tokens.shift()!)
    expect(sessions.create('a').token).toBe('same')
    expect(sessions.create('b').token).toBe('other')
    expect(sessions.lookup('same')).toMatchObject({ status: 'active', session: { subject: 'a' } })
  })

  it('finds an active session by its token', () => {
    const sessions = store(MINUTE)
    const session = sessions.create('admin')
    expect(sessions.lookup(session.token)).toEqual({ status: 'active', session })
  })

  it('answers unknown for a token it never issued', () => {
    expect(store(MINUTE).lookup('nope')).toEqual({ status: 'unknown' })
  })

  it('expires a session exactly ttl after its last use', () => {
    const sessions = store(MINUTE, false)
    const { token } = sessions.create('admin')
    clock.advance(MINUTE - 1)
    expect(sessions.lookup(token).status).toBe('active')
    clock.advance(1)
    expect(sessions.lookup(token)).toMatchObject({ status: 'expired', session: { token, subject: 'admin' } })
  })

  it('slides the expiry forward on every successful lookup when sliding', () => {
    const sessions = store(MINUTE, true)
    const { token } = sessions.create('admin')
    clock.advance(MINUTE - 1)
    expect(sessions.lookup(token).status).toBe('active')
    clock.advance(MINUTE - 1)
    expect(sessions.lookup(token).status).toBe('active')
    clock.advance(MINUTE)
    expect(sessions.lookup(token).status).toBe('expired')
  })

  it('does not slide the expiry when sliding is off', () => {
    const sessions = store(MINUTE, false)
    const { token } = sessions.create('admin')
    clock.advance(MINUTE / 2)
    expect(sessions.lookup(token).status).toBe('active')
    clock.advance(MINUTE / 2)
    expect(sessions.lookup(token).status).toBe('expired')
  })

  it('does not revive an expired session when it is looked up', () => {
    const sessions = store(MINUTE, true)
    const { token } = sessions.create('admin')
    clock.advance(MINUTE)
    expect(sessions.lookup(token).status).toBe('expired')
    expect(sessions.lookup(token).status).toBe('expired')
  })

  it('never expires sessions when ttl is undefined', () => {
    const sessions = store(undefined)
    const session = sessions.create('admin')
    expect(session.expiresAt).toBe(Number.POSITIVE_INFINITY)
    clock.advance(10 * 365 * DAY)
    expect(sessions.lookup(session.token)).toEqual({ status: 'active', session })
    expect(session.expiresAt).toBe(Number.POSITIVE_INFINITY)
  })

  it('forgets a revoked session and says whether there was one', () => {
    const sessions = store(MINUTE)
    const { token } = sessions.create('admin')
    expect(sessions.revoke(token)).toBe(true)
    expect(sessions.revoke(token)).toBe(false)
    expect(sessions.lookup(token)).toEqual({ status: 'unknown' })
    expect(sessions.size).toBe(0)
  })

  it('revokes every session of one subject and leaves the others', () => {
    const sessions = store(MINUTE)
    const a1 = sessions.create('alice').token
    const b = sessions.create('bob').token
    const a2 = sessions.create('alice').token
    sessions.revokeSubject('alice')
    expect(sessions.lookup(a1).status).toBe('unknown')
    expect(sessions.lookup(a2).status).toBe('unknown')
    expect(sessions.lookup(b).status).toBe('active')
    expect(sessions.size).toBe(1)
  })

  it('drops every session on clear', () => {
    const sessions = store(MINUTE)
    const { token } = sessions.create('admin')
    sessions.create('viewer')
    sessions.clear()
    expect(sessions.size).toBe(0)
    expect(sessions.lookup(token).status).toBe('unknown')
  })

  it('sweeps sessions expired for over a day once the store has doubled, and keeps recently expired ones', () => {
    const sessions = store(MINUTE, false)
    const old = sessions.create('old').token
    clock.advance(MINUTE + DAY) // `old` expired exactly one day ago: due to be forgotten
    const recent = sessions.create('recent').token
    clock.advance(MINUTE + 1) // `recent` expired a moment ago: must still say "expired"
    while (sessions.size < 2048) sessions.create(`filler${sessions.size}`)
    // Not swept yet: the sweep runs when a create finds the store at twice its size after the last sweep (1024).
    expect(sessions.lookup(old).status).toBe('expired')
    sessions.create('trigger')
    expect(sessions.lookup(old)).toEqual({ status: 'unknown' })
    expect(sessions.lookup(recent).status).toBe('expired')
    expect(sessions.size).toBe(2048)
  })

  it('keeps a session that expired just under a day ago through a sweep', () => {
    const sessions = store(MINUTE, false)
    const token = sessions.create('almost').token
    clock.advance(MINUTE + DAY - 1)
    while (sessions.size < 2049) sessions.create(`filler${sessions.size}`)
    expect(sessions.lookup(token).status).toBe('expired')
  })

  it('does not sweep again until the store has doubled since the last sweep', () => {
    const sessions = store(MINUTE, false)
    while (sessions.size < 2049) sessions.create(`filler${sessions.size}`) // first sweep at 2048 finds nothing to forget
    clock.advance(MINUTE + DAY) // every session so far is now forgettable
    const late = sessions.create('late').token
    while (sessions.size < 4096) sessions.create(`filler${sessions.size}`)
    expect(sessions.size).toBe(4096)
    sessions.create('trigger')
    expect(sessions.size).toBe(4096 - 2049 + 1)
    expect(sessions.lookup(late).status).toBe('active')
  })

  it('caps the sessions of one subject, ending the least recently used one first (defect 8)', () => {
    const sessions = new SessionStore({ clock, ttlMs: undefined, sliding: true, newToken: counterTokens(), maxPerSubject: 3 })
    const [first, second, third] = [sessions.create('admin'), sessions.create('admin'), sessions.create('admin')]
    const other = sessions.create('viewer')
    expect(sessions.lookup(first.token).status).toBe('active') // now the most recently used
    const fourth = sessions.create('admin')
    expect(sessions.lookup(second.token)).toEqual({ status: 'unknown' })
    for (const kept of [first, third, fourth, other]) expect(sessions.lookup(kept.token).status).toBe('active')
    expect(sessions.countFor('admin')).toBe(3)
    expect(sessions.size).toBe(4)
  })

  it('keeps a client that logs in on every call within the default cap (defect 8)', () => {
    const sessions = store(undefined)
    for (let i = 0; i < DEFAULT_MAX_SESSIONS_PER_SUBJECT * 3; i++) sessions.create('admin')
    expect(sessions.size).toBe(DEFAULT_MAX_SESSIONS_PER_SUBJECT)
    sessions.clear()
    expect(sessions.size).toBe(0)
    expect(sessions.countFor('admin')).toBe(0)
  })

  it('forgets revoked sessions in the per-subject bookkeeping too', () => {
    const sessions = new SessionStore({ clock, ttlMs: MINUTE, sliding: true, newToken: counterTokens(), maxPerSubject: 2 })
    const a = sessions.create('admin')
    sessions.revoke(a.token)
    sessions.create('admin')
    sessions.create('admin')
    expect(sessions.countFor('admin')).toBe(2)
    sessions.revokeSubject('admin')
    expect(sessions.countFor('admin')).toBe(0)
    expect(sessions.size).toBe(0)
  })
})
