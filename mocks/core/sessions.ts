import type { Clock } from './clock'

export interface Session {
  readonly token: string
  readonly subject: string
  expiresAt: number
}

export type SessionLookup = { status: 'active'; session: Session } | { status: 'expired'; session: Session } | { status: 'unknown' }

export interface SessionStoreOptions {
  clock: Clock
  /** Lifetime in ms; `undefined` means sessions never expire. */
  ttlMs: number | undefined
  /** Every successful lookup pushes the expiry forward by `ttlMs` (Opsview's sliding hour). */
  sliding: boolean
  newToken: () => string
  /** Most sessions one subject may hold; a login past it ends that subject's least recently used session. */
  maxPerSubject?: number
}

/**
 * Default cap per subject: far above what parallel test workers sharing one user need, and low enough that a
 * client logging in on every call cannot grow the mock without bound (600,000 logins once took 260 MB).
 */
export const DEFAULT_MAX_SESSIONS_PER_SUBJECT = 1000

/** How long an expired session is remembered, so its owner hears "expired" rather than "invalid". */
const EXPIRED_MEMORY_MS = 24 * 60 * 60 * 1000

/**
 * Token → session in a `Map`, so a lookup stays O(1) however many sessions exist
 * (the mswjs data collections scan linearly; see decisions/001).
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>()
  /** Each subject's tokens, least recently used first (a Set keeps insertion order; use re-inserts). */
  readonly #bySubject = new Map<string, Set<string>>()
  readonly #options: SessionStoreOptions
  readonly #maxPerSubject: number
  #sizeAtLastSweep = 1024

  constructor(options: SessionStoreOptions) {
    this.#options = options
    this.#maxPerSubject = options.maxPerSubject ?? DEFAULT_MAX_SESSIONS_PER_SUBJECT
  }

  get size(): number {
    return this.#sessions.size
  }

  create(subject: string): Session {
    this.#sweepWhenGrown()
    let token = this.#options.newToken()
    while (this.#sessions.has(token)) token = this.#options.newToken()
    const session: Session = { token, subject, expiresAt: this.#expiryFromNow() }
    let tokens = this.#bySubject.get(subject)
    if (!tokens) this.#bySubject.set(subject, (tokens = new Set()))
    while (tokens.size >= this.#maxPerSubject) this.revoke(tokens.values().next().value!)
    this.#sessions.set(token, session)
    tokens.add(token)
    return session
  }

  lookup(token: string): SessionLookup {
    const session = this.#sessions.get(token)
    if (!session) return { status: 'unknown' }
    const now = this.#options.clock.now()
    if (session.expiresAt <= now) return { status: 'expired', session }
    if (this.#options.sliding && this.#options.ttlMs !== undefined) session.expiresAt = now + this.#options.ttlMs
    const tokens = this.#bySubject.get(session.subject)
    if (tokens) {
      tokens.delete(token)
      tokens.add(token)
    }
    return { status: 'active', session }
  }

  revoke(token: string): boolean {
    const session = this.#sessions.get(token)
    if (!session) return false
    this.#sessions.delete(token)
    const tokens = this.#bySubject.get(session.subject)
    tokens?.delete(token)
    if (tokens?.size === 0) this.#bySubject.delete(session.subject)
    return true
  }

  /** Ends every session of a subject, e.g. when the user is deleted or loses API access. */
  revokeSubject(subject: string): void {
    for (const token of this.#bySubject.get(subject) ?? []) this.#sessions.delete(token)
    this.#bySubject.delete(subject)
  }

  /** Number of sessions a subject holds (active or remembered as expired). */
  countFor(subject: string): number {
    return this.#bySubject.get(subject)?.size ?? 0
  }

  clear(): void {
    this.#sessions.clear()
    this.#bySubject.clear()
    this.#sizeAtLastSweep = 1024
  }

  #expiryFromNow(): number {
    return this.#options.ttlMs === undefined ? Number.POSITIVE_INFINITY : this.#options.clock.now() + this.#options.ttlMs
  }

  /** Amortised clean-up: a full pass only after the map has doubled since the last one. */
  #sweepWhenGrown(): void {
    if (this.#sessions.size < this.#sizeAtLastSweep * 2) return
    const forgetBefore = this.#options.clock.now() - EXPIRED_MEMORY_MS
    for (const [token, session] of this.#sessions) if (session.expiresAt <= forgetBefore) this.revoke(token)
    this.#sizeAtLastSweep = Math.max(1024, this.#sessions.size)
  }
}
