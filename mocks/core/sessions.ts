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
}

/** How long an expired session is remembered, so its owner hears "expired" rather than "invalid". */
const EXPIRED_MEMORY_MS = 24 * 60 * 60 * 1000

/**
 * Token → session in a `Map`, so a lookup stays O(1) however many sessions exist
 * (the mswjs data collections scan linearly; see decisions/001).
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>()
  readonly #options: SessionStoreOptions
  #sizeAtLastSweep = 1024

  constructor(options: SessionStoreOptions) {
    this.#options = options
  }

  get size(): number {
    return this.#sessions.size
  }

  create(subject: string): Session {
    this.#sweepWhenGrown()
    let token = this.#options.newToken()
    while (this.#sessions.has(token)) token = this.#options.newToken()
    const session: Session = { token, subject, expiresAt: this.#expiryFromNow() }
    this.#sessions.set(token, session)
    return session
  }

  lookup(token: string): SessionLookup {
    const session = this.#sessions.get(token)
    if (!session) return { status: 'unknown' }
    const now = this.#options.clock.now()
    if (session.expiresAt <= now) return { status: 'expired', session }
    if (this.#options.sliding && this.#options.ttlMs !== undefined) session.expiresAt = now + this.#options.ttlMs
    return { status: 'active', session }
  }

  revoke(token: string): boolean {
    return this.#sessions.delete(token)
  }

  /** Ends every session of a subject, e.g. when the user is deleted or loses API access. */
  revokeSubject(subject: string): void {
    for (const [token, session] of this.#sessions) if (session.subject === subject) this.#sessions.delete(token)
  }

  clear(): void {
    this.#sessions.clear()
  }

  #expiryFromNow(): number {
    return this.#options.ttlMs === undefined ? Number.POSITIVE_INFINITY : this.#options.clock.now() + this.#options.ttlMs
  }

  /** Amortised clean-up: a full pass only after the map has doubled since the last one. */
  #sweepWhenGrown(): void {
    if (this.#sessions.size < this.#sizeAtLastSweep * 2) return
    const forgetBefore = this.#options.clock.now() - EXPIRED_MEMORY_MS
    for (const [token, session] of this.#sessions) if (session.expiresAt <= forgetBefore) this.#sessions.delete(token)
    this.#sizeAtLastSweep = Math.max(1024, this.#sessions.size)
  }
}
