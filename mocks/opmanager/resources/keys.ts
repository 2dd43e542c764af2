import { randomHex } from '../../core/random'
import { Table } from '../../core/table'
import { opmError } from '../errors'
import type { ApiKey } from '../spec-types'

import { recordSchema } from './record-schema'

export type KeyLookup = { status: 'active'; key: ApiKey } | { status: 'retired'; reason: 'regenerated' | 'deleted' } | { status: 'unknown' }

/**
 * API keys (the control API's own records, so stored in its shape). Lookups by value are O(1): the
 * benchmark authenticates every request through `lookup`. Retired values are remembered so a
 * regenerated or deleted key gets its own answer (decisions/032).
 */
export class Keys {
  readonly table = new Table<ApiKey>(recordSchema('API key'))
  readonly #idByValue = new Map<string, string>()
  readonly #retired = new Map<string, 'regenerated' | 'deleted'>()

  clear(): void {
    this.table.clear()
    this.#idByValue.clear()
    this.#retired.clear()
  }

  all(): readonly ApiKey[] {
    return this.table.all()
  }

  lookup(value: string): KeyLookup {
    const id = this.#idByValue.get(value)
    const key = id === undefined ? undefined : this.table.get(id)
    if (key) return { status: 'active', key }
    const reason = this.#retired.get(value)
    return reason ? { status: 'retired', reason } : { status: 'unknown' }
  }

  get(id: string): ApiKey {
    const key = this.table.get(id)
    if (!key) throw opmError('NOT_FOUND', 'CONTROL_NOT_FOUND', `No API key with id ${id}`)
    return key
  }

  async insert(input: Omit<ApiKey, 'id' | 'value' | 'createdTime'> & { value?: string }, now: number): Promise<ApiKey> {
    const value = input.value ?? this.#freshValue()
    if (this.#idByValue.has(value)) throw opmError('CONFLICT', 'CONTROL_CONFLICT', 'Another API key already has that value')
    const id = this.table.nextId()
    const key = await this.table.insert({ ...input, id, value, createdTime: new Date(now).toISOString() })
    this.#idByValue.set(value, id)
    this.#retired.delete(value)
    return key
  }

  async update(id: string, changes: Partial<Omit<ApiKey, 'id' | 'value' | 'userName' | 'createdBy' | 'createdTime'>>): Promise<ApiKey> {
    this.get(id)
    return this.table.update(id, (draft) => void Object.assign(draft, changes))
  }

  /** A new value; the old one fails from now on with API_KEY_REGENERATED. */
  async regenerate(id: string): Promise<ApiKey> {
    const previous = this.get(id)
    const value = this.#freshValue()
    const key = await this.table.update(id, (draft) => void (draft.value = value))
    this.#idByValue.delete(previous.value)
    this.#retired.set(previous.value, 'regenerated')
    this.#idByValue.set(value, id)
    return key
  }

  delete(id: string): ApiKey {
    const key = this.get(id)
    this.table.delete(id)
    this.#idByValue.delete(key.value)
    this.#retired.set(key.value, 'deleted')
    return key
  }

  /** Deletes every key of a user (deleteUser). */
  deleteOfUser(userName: string): void {
    for (const key of this.table.filter((item) => item.userName === userName)) this.delete(key.id)
  }

  /** 32 lower-case hex characters from the CSPRNG, like the keys OpManager shows (decisions/032). */
  #freshValue(): string {
    let value = randomHex(32)
    while (this.#idByValue.has(value) || this.#retired.has(value)) value = randomHex(32)
    return value
  }
}
