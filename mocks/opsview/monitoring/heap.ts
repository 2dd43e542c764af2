/** A binary min-heap ordered by `at`, then by `key` so equal times always pop in the same order. */
export interface Due {
  at: number
  key: string
}

export class DueHeap<T extends Due> {
  readonly #items: T[] = []

  get size(): number {
    return this.#items.length
  }

  peek(): T | undefined {
    return this.#items[0]
  }

  push(item: T): void {
    const items = this.#items
    items.push(item)
    for (let index = items.length - 1; index > 0;) {
      const parent = (index - 1) >> 1
      if (!before(items[index]!, items[parent]!)) break
      ;[items[index], items[parent]] = [items[parent]!, items[index]!]
      index = parent
    }
  }

  pop(): T | undefined {
    const items = this.#items
    const top = items[0]
    const last = items.pop()
    if (!items.length || last === undefined) return top
    items[0] = last
    for (let index = 0; ;) {
      const left = index * 2 + 1
      const right = left + 1
      let smallest = index
      if (left < items.length && before(items[left]!, items[smallest]!)) smallest = left
      if (right < items.length && before(items[right]!, items[smallest]!)) smallest = right
      if (smallest === index) break
      ;[items[index], items[smallest]] = [items[smallest]!, items[index]!]
      index = smallest
    }
    return top
  }

  clear(): void {
    this.#items.length = 0
  }
}

function before(a: Due, b: Due): boolean {
  return a.at < b.at || (a.at === b.at && a.key < b.key)
}
