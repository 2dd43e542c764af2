import { Collection } from '@msw/data'
import type { StandardSchemaV1 } from '@standard-schema/spec'

/**
 * One resource collection: an @msw/data `Collection` for records and queries, plus an
 * id → record `Map` so lookups by id stay O(1) (the collection itself scans linearly).
 * Ids are decimal strings handed out in order, as Opsview and OpManager do.
 */
export class Table<T extends { id: string }> {
  readonly #collection: Collection<StandardSchemaV1<T, T>>
  readonly #byId = new Map<string, T>()
  #lastId = 0

  constructor(schema: StandardSchemaV1<T, T>) {
    this.#collection = new Collection({ schema })
  }

  get size(): number {
    return this.#byId.size
  }

  nextId(): string {
    return String(this.#lastId + 1)
  }

  async insert(values: T): Promise<T> {
    if (this.#byId.has(values.id)) throw new Error(`[opsmocks] duplicate id ${values.id}`)
    const record = (await this.#collection.create(values)) as T
    this.#byId.set(record.id, record)
    this.#lastId = Math.max(this.#lastId, Number(record.id) || 0)
    return record
  }

  get(id: string): T | undefined {
    return this.#byId.get(id)
  }

  /** Records in insertion order. */
  all(): readonly T[] {
    return this.#collection.all() as T[]
  }

  filter(predicate: (record: T) => boolean): T[] {
    return this.all().filter(predicate)
  }

  find(predicate: (record: T) => boolean): T | undefined {
    return this.all().find(predicate)
  }

  /** Applies `mutate` to a draft of the record and stores the result as a new object. */
  async update(id: string, mutate: (draft: T) => void): Promise<T> {
    const previous = this.#byId.get(id)
    if (!previous) throw new Error(`[opsmocks] no record with id ${id}`)
    const next = (await this.#collection.update(previous as never, { data: mutate as never })) as T
    this.#byId.set(id, next)
    return next
  }

  delete(id: string): T | undefined {
    const record = this.#byId.get(id)
    if (!record) return undefined
    this.#collection.delete(record as never)
    this.#byId.delete(id)
    return record
  }

  /** The records and id counter as they are now, for `restore`. */
  snapshot(): { records: T[]; lastId: number } {
    return { records: [...this.all()], lastId: this.#lastId }
  }

  /** Puts the table back exactly as it was at `snapshot()` time, ids to come included. */
  async restore(snapshot: { records: T[]; lastId: number }): Promise<void> {
    this.clear()
    // Spread copies drop the collection's hidden keys, so each record can be created afresh.
    for (const record of snapshot.records) await this.insert({ ...record })
    this.#lastId = snapshot.lastId
  }

  clear(): void {
    this.#collection.clear()
    this.#byId.clear()
    this.#lastId = 0
  }
}
