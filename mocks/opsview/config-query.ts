import { MockError } from '../core/mock-error'
import { parseJsonText, isPlainObject } from '../core/body'
import { likeMatcher } from '../core/like'
import type { AnyConfigObject, ListSummary } from './spec-types'

/**
 * `/rest/config/{type}` list parameters: rows/page paging, `cols`, `order`, `s.<column>` searches
 * and SQL::Abstract-style `json_filter`. Unknown columns in cols/order/json_filter are a 400;
 * unknown `s.` columns are ignored, as Opsview documents.
 */
const DEFAULT_ROWS = 50

export interface ListResult {
  list: Array<Record<string, unknown>>
  summary: ListSummary
}

export function listConfig(records: readonly AnyConfigObject[], columns: readonly string[], query: URLSearchParams): ListResult {
  const known = new Set(columns)
  const predicates = [searchPredicate(query, known), jsonFilterPredicate(query.get('json_filter'), known)]
  const matching = records.filter((record) => predicates.every((predicate) => predicate(record)))
  sortRecords(matching, query.get('order'), known)
  const project = projection(query.get('cols'), known)
  const { items, rows, page, totalpages } = paginate(matching, query)
  return {
    list: items.map(project),
    summary: { rows, allrows: String(records.length), page, totalrows: String(matching.length), totalpages },
  }
}

/**
 * One page of `items` by Opsview's `rows` (a number, `all`, or 0 for none) and `page` parameters,
 * with the paging fields of a summary, all strings.
 */
export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  defaultRows: number | 'all' = DEFAULT_ROWS,
): { items: T[]; rows: string; page: string; totalpages: string } {
  const { rows, page } = paging(query, defaultRows)
  const perPage = rows === 'all' ? Math.max(items.length, 1) : rows
  const slice = rows === 0 ? [] : items.slice((page - 1) * perPage, page * perPage)
  return {
    items: slice,
    rows: String(slice.length),
    page: String(page),
    totalpages: String(rows === 0 ? 0 : Math.ceil(items.length / perPage)),
  }
}

export function paging(query: URLSearchParams, defaultRows: number | 'all' = DEFAULT_ROWS): { rows: number | 'all'; page: number } {
  const rowsParam = query.get('rows') ?? String(defaultRows)
  const pageParam = query.get('page') ?? '1'
  if (rowsParam !== 'all' && !/^[0-9]+$/.test(rowsParam))
    throw new MockError('BAD_REQUEST', `Invalid rows '${rowsParam}': use a number or 'all'`)
  if (!/^[1-9][0-9]*$/.test(pageParam)) throw new MockError('BAD_REQUEST', `Invalid page '${pageParam}': pages start at 1`)
  // Past 2^53 a number loses digits and prints as "1.2e+29", which no summary field may hold.
  const page = Number(pageParam)
  if (!Number.isSafeInteger(page))
    throw new MockError('BAD_REQUEST', `Invalid page '${pageParam.slice(0, 40)}': at most ${Number.MAX_SAFE_INTEGER}`)
  const rows = rowsParam === 'all' ? 'all' : Number(rowsParam)
  if (rows !== 'all' && !Number.isSafeInteger(rows))
    throw new MockError('BAD_REQUEST', `Invalid rows '${rowsParam.slice(0, 40)}': at most ${Number.MAX_SAFE_INTEGER}`)
  return { rows, page }
}

/** The comparable text of a field: strings as they are, references by name. */
function fieldText(record: AnyConfigObject, column: string): string[] {
  const value = (record as unknown as Record<string, unknown>)[column]
  if (value === null || value === undefined) return ['']
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.map((item) => (isPlainObject(item) ? String(item.name ?? '') : String(item)))
  if (isPlainObject(value)) return [String(value.name ?? '')]
  return [String(value)]
}

function searchPredicate(query: URLSearchParams, known: Set<string>): (record: AnyConfigObject) => boolean {
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
    [...searches].every(([column, matchers]) => fieldText(record, column).some((text) => matchers.some((matches) => matches(text))))
}

type Predicate = (record: AnyConfigObject) => boolean

/** Longest `json_filter` accepted; its nesting is capped by parseJsonText (MAX_JSON_DEPTH). */
export const MAX_JSON_FILTER_LENGTH = 16 * 1024

function jsonFilterPredicate(raw: string | null, known: Set<string>): Predicate {
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
  return compileFilter(filter, known)
}

function compileFilter(filter: unknown, known: Set<string>): Predicate {
  if (Array.isArray(filter)) {
    const parts = filter.map((item) => compileFilter(item, known))
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
      const inner = list.map((item) => compileFilter(item, known))
      return key === '-or' ? (record) => inner.some((part) => part(record)) : (record) => inner.every((part) => part(record))
    }
    if (!known.has(key)) throw new MockError('BAD_REQUEST', `Invalid json_filter: unknown column '${key}'`)
    return columnCondition(key, condition)
  })
  return (record) => parts.every((part) => part(record))
}

function columnCondition(column: string, condition: unknown): Predicate {
  const texts = (record: AnyConfigObject) => fieldText(record, column)
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

function sortRecords(records: AnyConfigObject[], order: string | null, known: Set<string>): void {
  const keys = (order ?? 'id')
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
  records.sort((a, b) => {
    for (const { column, descending } of keys) {
      const result = compare(fieldText(a, column).join(','), fieldText(b, column).join(','))
      if (result !== 0) return descending ? -result : result
    }
    return 0
  })
}

function projection(cols: string | null, known: Set<string>): (record: AnyConfigObject) => Record<string, unknown> {
  if (cols === null || cols === '') return (record) => record as unknown as Record<string, unknown>
  const requested = cols
    .split(',')
    .map((column) => column.trim())
    .filter(Boolean)
  const excluded = requested.filter((column) => column.startsWith('-')).map((column) => column.slice(1))
  const included = requested.filter((column) => !column.startsWith('-')).map((column) => column.replace(/^\+/, ''))
  for (const column of [...excluded, ...included]) {
    if (!known.has(column)) throw new MockError('BAD_REQUEST', `Invalid cols: unknown column '${column}'`)
  }
  return (record) => {
    const source = record as unknown as Record<string, unknown>
    const keys = included.length ? ['id', 'ref', ...included] : Object.keys(source)
    const result: Record<string, unknown> = {}
    for (const key of keys) if (!excluded.includes(key) || key === 'id' || key === 'ref') result[key] = source[key]
    return result
  }
}
