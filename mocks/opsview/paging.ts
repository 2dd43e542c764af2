import { MockError } from '../core/mock-error'

/**
 * Opsview's `rows`/`page` paging, shared by configuration lists, status views and downtimes.
 * Summaries carry every number as a string.
 */
const DEFAULT_ROWS = 50

/** One page of `items` by `rows` (a number, `all`, or 0 for none) and `page`, with the summary's paging fields. */
export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  defaultRows: number | 'all' = DEFAULT_ROWS,
): { items: T[]; rows: string; page: string; totalpages: string } {
  return paginateWindow(items.length, (start, end) => items.slice(start, end), query, defaultRows)
}

/** `paginate` over `total` items that `window(start, end)` hands out, so a caller never materialises more than a page. */
export function paginateWindow<T>(
  total: number,
  window: (start: number, end: number) => T[],
  query: URLSearchParams,
  defaultRows: number | 'all' = DEFAULT_ROWS,
): { items: T[]; rows: string; page: string; totalpages: string } {
  const { rows, page } = paging(query, defaultRows)
  const perPage = rows === 'all' ? Math.max(total, 1) : rows
  const slice = rows === 0 ? [] : window(Math.min((page - 1) * perPage, total), Math.min(page * perPage, total))
  return {
    items: slice,
    rows: String(slice.length),
    page: String(page),
    totalpages: String(rows === 0 ? 0 : Math.ceil(total / perPage)),
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
