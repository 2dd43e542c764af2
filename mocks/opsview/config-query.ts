import { MockError } from '../core/mock-error'
import { parseJsonText, isPlainObject } from '../core/body'
import { likeMatcher } from '../core/like'
import { ownValue } from '../core/own'
import { paginate, paginateWindow } from './paging'
import type { ListSummary } from './spec-types'

/**
 * `/rest/config/{type}` list parameters: rows/page paging, `cols`, `order`, `s.<column>` searches
 * and SQL::Abstract-style `json_filter`. Unknown columns in cols/order/json_filter are a 400;
 * unknown `s.` columns are ignored, as Opsview documents.
 */
export interface ListResult {
  list: Array<Record<string, unknown>>
  summary: ListSummary
}

/** How a list reads its records: a column's value (for searching and sorting) and the record as answered. */
export interface ListSource<R> {
  value(record: R, column: string): unknown
  /** The answered object with the default columns plus `extra` (columns only returned when asked for). */
  present(record: R, extra: ReadonlySet<string>): Record<string, unknown>
  /** Columns a record has but answers only with `cols=+column`. */
  onRequest?: ReadonlySet<string>
  /**
   * The records already in id order, read a window at a time: a list without searches or another order
   * then costs one page, whatever the table size.
   */
  inIdOrder?: { size: number; window(start: number, end: number): R[] }
}

const PLAIN: ListSource<unknown> = {
  value: (record, column) => ownValue(record as Record<string, unknown>, column),
  present: (record) => record as Record<string, unknown>,
}

type Record_ = unknown
type Predicate = (record: Record_) => boolean
type ValueOf = (record: Record_, column: string) => unknown

export function listConfig<R>(
  records: () => readonly R[],
  columns: readonly string[],
  query: URLSearchParams,
  source: ListSource<R> = PLAIN as ListSource<R>,
): ListResult {
  const known = new Set(columns)
  const order = query.get('order')
  if (
    source.inIdOrder &&
    !hasSearch(query, known) &&
    !query.get('json_filter') &&
    known.has('id') &&
    (order === null || /^id( asc)?$/i.test(order.trim()))
  ) {
    const { extra, project } = projection(query.get('cols'), known, source.onRequest ?? new Set())
    const ordered = source.inIdOrder
    const { items, rows, page, totalpages } = paginateWindow(ordered.size, (start, end) => ordered.window(start, end), query)
    const total = String(ordered.size)
    return {
      list: items.map((record) => project(source.present(record, extra))),
      summary: { rows, allrows: total, page, totalrows: total, totalpages },
    }
  }
  return listAll(records(), known, query, source)
}

function hasSearch(query: URLSearchParams, known: Set<string>): boolean {
  for (const key of query.keys()) if (key.startsWith('s.') && known.has(key.slice(2))) return true
  return false
}

function listAll<R>(records: readonly R[], known: Set<string>, query: URLSearchParams, source: ListSource<R>): ListResult {
  const value = source.value as ValueOf
  const predicates = [searchPredicate(query, known, value), jsonFilterPredicate(query.get('json_filter'), known, value)]
  const matching = records.filter((record) => predicates.every((predicate) => predicate(record)))
  sortRecords(matching, query.get('order'), known, value)
  const { extra, project } = projection(query.get('cols'), known, source.onRequest ?? new Set())
  const { items, rows, page, totalpages } = paginate(matching, query)
  return {
    list: items.map((record) => project(source.present(record, extra))),
    summary: { rows, allrows: String(records.length), page, totalrows: String(matching.length), totalpages },
  }
}

/** The comparable text of a field: strings as they are, references by name. */
function fieldText(record: Record_, column: string, valueOf: ValueOf): string[] {
  const value = valueOf(record, column)
  if (value === null || value === undefined) return ['']
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.map((item) => (isPlainObject(item) ? String(item.name ?? '') : String(item)))
  if (isPlainObject(value)) return [String(value.name ?? '')]
  return [String(value)]
}

function searchPredicate(query: URLSearchParams, known: Set<string>, valueOf: ValueOf): Predicate {
  const searches = new Map<string, Array<(text: string) => boolean>>()
  for (const [key, value] of query) {
    if (!key.startsWith('s.')) continue
    const column = key.slice(2)
    if (!known.has(column)) continue
    const matchers = searches.get(column) ?? []
    // Exact and LIKE searches are both case-insensitive, as MySQL's default collation compares.
    matchers.push(value.includes('%') ? likeMatcher(value) : (text) => text.toLowerCase() === value.toLowerCase())
    searches.set(column, matchers)
  }
  return (record) =>
    [...searches].every(([column, matchers]) =>
      fieldText(record, column, valueOf).some((text) => matchers.some((matches) => matches(text))),
    )
}

/** Longest `json_filter` accepted; its nesting is capped by parseJsonText (MAX_JSON_DEPTH). */
const MAX_JSON_FILTER_LENGTH = 16 * 1024

function jsonFilterPredicate(raw: string | null, known: Set<string>, valueOf: ValueOf): Predicate {
  if (raw === null || raw === '') return () => true
  if (raw.length > MAX_JSON_FILTER_LENGTH) {
    throw new MockError('BAD_REQUEST', `Invalid json_filter: ${raw.length} characters, at most ${MAX_JSON_FILTER_LENGTH}`)
  }
  let filter: unknown
  try {
    filter = parseJsonText(raw)
  } catch (error) {
    throw new MockError('BAD_REQUEST', `Invalid json_filter: ${(error as Error).message}`)
  }
  return compileFilter(filter, known, valueOf)
}

function compileFilter(filter: unknown, known: Set<string>, valueOf: ValueOf): Predicate {
  if (Array.isArray(filter)) {
    const parts = filter.map((item) => compileFilter(item, known, valueOf))
    return (record) => parts.some((part) => part(record))
  }
  if (!isPlainObject(filter)) throw new MockError('BAD_REQUEST', 'Invalid json_filter: expected an object or a list')
  const parts: Predicate[] = Object.entries(filter).map(([key, condition]) => {
    if (key === '-or' || key === '-and') {
      const list = Array.isArray(condition)
        ? condition
        : isPlainObject(condition)
          ? Object.entries(condition).map(([k, v]) => ({ [k]: v }))
          : undefined
      if (!list) throw new MockError('BAD_REQUEST', `Invalid json_filter: ${key} needs a list`)
      const inner = list.map((item) => compileFilter(item, known, valueOf))
      return key === '-or' ? (record) => inner.some((part) => part(record)) : (record) => inner.every((part) => part(record))
    }
    if (!known.has(key)) throw new MockError('BAD_REQUEST', `Invalid json_filter: unknown column '${key}'`)
    return columnCondition(key, condition, valueOf)
  })
  return (record) => parts.every((part) => part(record))
}

function columnCondition(column: string, condition: unknown, valueOf: ValueOf): Predicate {
  const texts = (record: Record_) => fieldText(record, column, valueOf)
  if (condition === null) return (record) => texts(record).every((text) => text === '')
  if (typeof condition === 'string' || typeof condition === 'number') return (record) => texts(record).includes(String(condition))
  if (Array.isArray(condition)) return (record) => texts(record).some((text) => condition.map(String).includes(text))
  if (!isPlainObject(condition)) throw new MockError('BAD_REQUEST', `Invalid json_filter condition on '${column}'`)
  const tests = Object.entries(condition).map(([operator, operand]): ((text: string) => boolean) => {
    const values = (Array.isArray(operand) ? operand : [operand]).map(String)
    switch (operator.toLowerCase()) {
      case '=':
      case '-eq':
        return (text) => text === values[0]
      case '!=':
      case '<>':
      case '-ne':
        return (text) => text !== values[0]
      case '-like': {
        const like = likeMatcher(values[0] ?? '')
        return like
      }
      case '-not_like': {
        const like = likeMatcher(values[0] ?? '')
        return (text) => !like(text)
      }
      case '-in':
        return (text) => values.includes(text)
      case '-not_in':
        return (text) => !values.includes(text)
      case '<':
        return (text) => compare(text, values[0]!) < 0
      case '<=':
        return (text) => compare(text, values[0]!) <= 0
      case '>':
        return (text) => compare(text, values[0]!) > 0
      case '>=':
        return (text) => compare(text, values[0]!) >= 0
      default:
        throw new MockError('BAD_REQUEST', `Invalid json_filter: unknown operator '${operator}' on '${column}'`)
    }
  })
  return (record) => texts(record).some((text) => tests.every((test) => test(text)))
}

function compare(a: string, b: string): number {
  const numeric = /^-?[0-9]+(\.[0-9]+)?$/
  return numeric.test(a) && numeric.test(b) ? Number(a) - Number(b) : a.localeCompare(b)
}

/** By `order`, else by id, or by name for types addressed by name (plugins, host icons). */
function sortRecords<R>(records: R[], order: string | null, known: Set<string>, valueOf: ValueOf): void {
  const keys = (order ?? (known.has('id') ? 'id' : 'name'))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      let column = part
      let descending = false
      if (column.startsWith('-')) [column, descending] = [column.slice(1), true]
      const spaced = /^(\S+)\s+(asc|desc)$/i.exec(column)
      if (spaced) [column, descending] = [spaced[1]!, spaced[2]!.toLowerCase() === 'desc']
      if (!known.has(column)) throw new MockError('BAD_REQUEST', `Invalid order: unknown column '${column}'`)
      return { column, descending }
    })
  // Each record's sort keys are computed once, not once per comparison: sorting a large estate stays n log n cheap compares.
  const decorated = records.map((record) => ({
    record,
    texts: keys.map(({ column }) => sortKey(fieldText(record, column, valueOf).join(','))),
  }))
  if (!isSorted(decorated, keys)) decorated.sort((a, b) => compareKeys(a.texts, b.texts, keys))
  decorated.forEach((item, index) => (records[index] = item.record))
}

type SortKey = { text: string; number: number | undefined }

function sortKey(text: string): SortKey {
  return { text, number: /^-?[0-9]+(\.[0-9]+)?$/.test(text) ? Number(text) : undefined }
}

function compareKeys(a: SortKey[], b: SortKey[], keys: Array<{ descending: boolean }>): number {
  for (const [index, { descending }] of keys.entries()) {
    const x = a[index]!
    const y = b[index]!
    const result = x.number !== undefined && y.number !== undefined ? x.number - y.number : x.text.localeCompare(y.text)
    if (result !== 0) return descending ? -result : result
  }
  return 0
}

/** Records usually arrive in id order already (the store keeps creation order); then sorting is skipped. */
function isSorted(items: Array<{ texts: SortKey[] }>, keys: Array<{ descending: boolean }>): boolean {
  for (let index = 1; index < items.length; index++) if (compareKeys(items[index - 1]!.texts, items[index]!.texts, keys) > 0) return false
  return true
}

/**
 * `cols`: plain names answer only those columns; `-name` leaves a column out; `+name` adds a column
 * answered only on request (e.g. a host's `snmpinterfaces`). `id` and `ref` always come back.
 */
function projection(
  cols: string | null,
  known: Set<string>,
  onRequest: ReadonlySet<string>,
): { extra: Set<string>; project: (record: Record<string, unknown>) => Record<string, unknown> } {
  const requested = (cols ?? '')
    .split(',')
    .map((column) => column.trim())
    .filter(Boolean)
  const excluded = requested.filter((column) => column.startsWith('-')).map((column) => column.slice(1))
  const added = requested.filter((column) => column.startsWith('+')).map((column) => column.slice(1))
  const only = requested.filter((column) => !column.startsWith('-') && !column.startsWith('+'))
  for (const column of [...excluded, ...added, ...only]) {
    if (!known.has(column)) throw new MockError('BAD_REQUEST', `Invalid cols: unknown column '${column}'`)
  }
  const extra = new Set([...added, ...only].filter((column) => onRequest.has(column)))
  if (!requested.length) return { extra, project: (record) => record }
  const kept = (key: string) => !excluded.includes(key) || key === 'id' || key === 'ref'
  return {
    extra,
    project: (record) => {
      const keys = only.length ? ['id', 'ref', ...only, ...added] : Object.keys(record)
      return Object.fromEntries(keys.flatMap((key) => (Object.hasOwn(record, key) && kept(key) ? [[key, record[key]]] : [])))
    },
  }
}
