import { describe, expect, it } from 'vitest'
import { MockError } from '../core/mock-error'
import { likeMatcher } from '../core/like'
import { listConfig, type ListResult } from './config-query'

interface Row {
  id: string
  ref: string
  name: string
  ip: string
  notes: string | null
  hostgroup: { name: string; ref: string }
  hosttemplates: Array<{ name: string; ref: string }>
}

const COLUMNS = ['id', 'ref', 'name', 'ip', 'notes', 'hostgroup', 'hosttemplates']

function row(id: string, name: string, ip: string, group: string, templates: string[] = [], notes: string | null = null): Row {
  return {
    id,
    ref: `/rest/config/host/${id}`,
    name,
    ip,
    notes,
    hostgroup: { name: group, ref: '/rest/config/hostgroup/1' },
    hosttemplates: templates.map((template, index) => ({ name: template, ref: `/rest/config/hosttemplate/${index + 1}` })),
  }
}

// Ids out of order and past 9, so id order is numeric, not insertion or string order.
const ROWS: Row[] = [
  row('10', 'web02', '10.0.0.12', 'UK Web Servers', ['Web'], 'backup'),
  row('2', 'opsview', '10.0.0.1', 'Monitoring Servers', ['Base', 'Web']),
  row('9', 'web01', '10.0.0.11', 'UK Web Servers', ['Web']),
  row('3', 'db01', '10.0.0.21', 'Databases', ['Base', 'DB'], ''),
  row('1', 'Web03', '10.0.0.13', 'US Web Servers', []),
]

function list(query: string, rows: Row[] = ROWS): ListResult {
  return listConfig(() => rows, COLUMNS, new URLSearchParams(query))
}

const ids = (query: string, rows?: Row[]) => list(query, rows).list.map((item) => item.id)

function badRequest(query: string): string {
  try {
    list(query)
  } catch (error) {
    if (error instanceof MockError && error.code === 'BAD_REQUEST') return error.message
    throw error
  }
  throw new Error(`no BAD_REQUEST for ${query}`)
}

describe('config-query', () => {
  it('lists everything ordered by numeric id with a string summary by default', () => {
    expect(list('')).toEqual({
      list: [ROWS[4], ROWS[1], ROWS[3], ROWS[2], ROWS[0]],
      summary: { rows: '5', allrows: '5', page: '1', totalrows: '5', totalpages: '1' },
    })
  })

  it('does not reorder the records it was given', () => {
    const rows = [...ROWS]
    list('order=name', rows)
    expect(rows).toEqual(ROWS)
  })

  it('pages 50 rows at a time by default', () => {
    const many = Array.from({ length: 120 }, (_, index) => row(String(index + 1), `h${index + 1}`, '10.0.0.1', 'G'))
    const first = list('', many)
    expect(first.list).toHaveLength(50)
    expect(first.summary).toEqual({ rows: '50', allrows: '120', page: '1', totalrows: '120', totalpages: '3' })
    expect(list('page=3', many).list.map((item) => item.id)).toEqual(Array.from({ length: 20 }, (_, index) => String(index + 101)))
  })

  it('returns the requested page of the requested size', () => {
    expect(list('rows=2&page=2')).toEqual({
      list: [ROWS[3], ROWS[2]],
      summary: { rows: '2', allrows: '5', page: '2', totalrows: '5', totalpages: '3' },
    })
    expect(ids('rows=2&page=3')).toEqual(['10'])
  })

  it('returns every matching row on one page for rows=all', () => {
    expect(list('rows=all').summary).toEqual({ rows: '5', allrows: '5', page: '1', totalrows: '5', totalpages: '1' })
    expect(list('rows=all&s.name=none').summary).toEqual({ rows: '0', allrows: '5', page: '1', totalrows: '0', totalpages: '0' })
  })

  it('returns only the summary for rows=0', () => {
    expect(list('rows=0&s.hostgroup=UK Web Servers')).toEqual({
      list: [],
      summary: { rows: '0', allrows: '5', page: '1', totalrows: '2', totalpages: '0' },
    })
  })

  it('returns an empty page beyond the last one', () => {
    expect(list('rows=2&page=9')).toEqual({
      list: [],
      summary: { rows: '0', allrows: '5', page: '9', totalrows: '5', totalpages: '3' },
    })
  })

  it('rejects rows and page values that are not numbers', () => {
    expect(badRequest('rows=ten')).toBe("Invalid rows 'ten': use a number or 'all'")
    expect(badRequest('rows=-1')).toBe("Invalid rows '-1': use a number or 'all'")
    expect(badRequest('page=0')).toBe("Invalid page '0': pages start at 1")
  })

  it('projects the requested columns and always keeps id and ref', () => {
    expect(list('cols=name,ip&rows=1').list).toEqual([{ id: '1', ref: '/rest/config/host/1', name: 'Web03', ip: '10.0.0.13' }])
    // An unencoded + in a query string is a space, so `cols=+name` asks for name only.
    expect(Object.keys(list('cols=+name&rows=1').list[0]!)).toEqual(['id', 'ref', 'name'])
  })

  it('adds a column answered only on request with an encoded +, keeping the default columns', () => {
    const source = {
      value: (record: Row, column: string) => (record as unknown as Record<string, unknown>)[column],
      present: (record: Row, extra: ReadonlySet<string>) => (extra.has('notes') ? { ...record } : { ...record, notes: undefined }),
      onRequest: new Set(['notes']),
    }
    const shown = listConfig(() => ROWS, COLUMNS, new URLSearchParams('cols=%2Bnotes&rows=1&order=id'), source).list[0]!
    expect(shown).toEqual({ ...ROWS[4], notes: null })
    expect(listConfig(() => ROWS, COLUMNS, new URLSearchParams('rows=1'), source).list[0]!.notes).toBeUndefined()
  })

  it('leaves out columns named with a minus but never id or ref', () => {
    expect(Object.keys(list('cols=-notes,-hosttemplates&rows=1').list[0]!)).toEqual(['id', 'ref', 'name', 'ip', 'hostgroup'])
    expect(Object.keys(list('cols=-id,-ref&rows=1').list[0]!)).toEqual(COLUMNS)
  })

  it('rejects an unknown column in cols', () => {
    expect(badRequest('cols=name,colour')).toBe("Invalid cols: unknown column 'colour'")
    expect(badRequest('cols=-colour')).toBe("Invalid cols: unknown column 'colour'")
  })

  it('orders descending with a leading minus or a desc suffix', () => {
    expect(ids('order=-name')).toEqual(['1', '10', '9', '2', '3'])
    expect(ids('order=name desc')).toEqual(['1', '10', '9', '2', '3'])
    expect(ids('order=name DESC')).toEqual(['1', '10', '9', '2', '3'])
    expect(ids('order=name asc')).toEqual(['3', '2', '9', '10', '1'])
  })

  it('orders by several keys, the later ones breaking ties', () => {
    expect(ids('order=hostgroup,-name')).toEqual(['3', '2', '10', '9', '1'])
    expect(ids('order=hostgroup, id')).toEqual(['3', '2', '9', '10', '1'])
  })

  it('compares numbers numerically and other text as text', () => {
    expect(ids('order=-id')).toEqual(['10', '9', '3', '2', '1'])
    expect(ids('order=ip')).toEqual(['2', '9', '10', '1', '3'])
  })

  it('rejects an unknown column in order', () => {
    expect(badRequest('order=-colour')).toBe("Invalid order: unknown column 'colour'")
  })

  it('searches a column for an exact value with s.<column>', () => {
    expect(ids('s.name=web01')).toEqual(['9'])
    expect(ids('s.name=web0')).toEqual([])
    expect(ids('s.name=WEB01')).toEqual(['9'])
  })

  it('searches with SQL LIKE when the value has a percent sign', () => {
    expect(ids('s.name=web%')).toEqual(['1', '9', '10'])
    expect(ids('s.ip=%.1_')).toEqual(['1', '9', '10'])
  })

  it('ORs repeated searches on one column and ANDs searches on different columns', () => {
    expect(ids('s.name=web01&s.name=db01')).toEqual(['3', '9'])
    expect(ids('s.name=web%&s.hostgroup=UK Web Servers')).toEqual(['9', '10'])
  })

  it('searches references by name, matching any item of a list', () => {
    expect(ids('s.hostgroup=Databases')).toEqual(['3'])
    expect(ids('s.hosttemplates=Base')).toEqual(['2', '3'])
  })

  it('ignores s.<column> for a column the type does not have', () => {
    expect(ids('s.colour=red')).toEqual(['1', '2', '3', '9', '10'])
  })

  it('filters with json_filter -like and -not_like', () => {
    expect(ids(`json_filter=${encodeURIComponent('{"name":{"-like":"web%"}}')}`)).toEqual(['1', '9', '10'])
    expect(ids(`json_filter=${encodeURIComponent('{"name":{"-not_like":"web%"}}')}`)).toEqual(['2', '3'])
  })

  it('filters with json_filter -in, a value list and a plain value', () => {
    expect(ids(`json_filter=${encodeURIComponent('{"id":{"-in":["3","9","99"]}}')}`)).toEqual(['3', '9'])
    expect(ids(`json_filter=${encodeURIComponent('{"id":["1","2"]}')}`)).toEqual(['1', '2'])
    expect(ids(`json_filter=${encodeURIComponent('{"id":10}')}`)).toEqual(['10'])
  })

  it('filters with json_filter = and !=', () => {
    expect(ids(`json_filter=${encodeURIComponent('{"name":{"=":"db01"}}')}`)).toEqual(['3'])
    expect(ids(`json_filter=${encodeURIComponent('{"hostgroup":{"!=":"UK Web Servers"}}')}`)).toEqual(['1', '2', '3'])
  })

  it('filters with json_filter numeric comparisons', () => {
    expect(ids(`json_filter=${encodeURIComponent('{"id":{">":"2","<=":"9"}}')}`)).toEqual(['3', '9'])
  })

  it('ORs the items of a -or list and of a top-level list', () => {
    expect(ids(`json_filter=${encodeURIComponent('{"-or":[{"name":"db01"},{"ip":"10.0.0.12"}]}')}`)).toEqual(['3', '10'])
    expect(ids(`json_filter=${encodeURIComponent('[{"name":"db01"},{"name":"opsview"}]')}`)).toEqual(['2', '3'])
    expect(ids(`json_filter=${encodeURIComponent('{"-or":{"name":"db01","ip":"10.0.0.1"}}')}`)).toEqual(['2', '3'])
  })

  it('ANDs the keys of an object and the items of -and', () => {
    expect(ids(`json_filter=${encodeURIComponent('{"hostgroup":"UK Web Servers","name":"web02"}')}`)).toEqual(['10'])
    expect(ids(`json_filter=${encodeURIComponent('{"-and":[{"name":{"-like":"%0%"}},{"hosttemplates":"Base"}]}')}`)).toEqual(['3'])
  })

  it('matches null, empty and missing values with a null condition', () => {
    expect(ids(`json_filter=${encodeURIComponent('{"notes":null}')}`)).toEqual(['1', '2', '3', '9'])
    expect(ids(`json_filter=${encodeURIComponent('{"hosttemplates":null}')}`)).toEqual(['1'])
  })

  it('rejects a json_filter with an unknown column, an unknown operator or invalid JSON', () => {
    expect(badRequest(`json_filter=${encodeURIComponent('{"colour":"red"}')}`)).toBe("Invalid json_filter: unknown column 'colour'")
    expect(badRequest(`json_filter=${encodeURIComponent('{"name":{"-regex":"w.*"}}')}`)).toBe(
      "Invalid json_filter: unknown operator '-regex' on 'name'",
    )
    expect(badRequest(`json_filter=${encodeURIComponent('{"name":')}`)).toMatch(/^Invalid json_filter: malformed JSON string: /)
    expect(badRequest('json_filter=42')).toBe('Invalid json_filter: expected an object or a list')
    expect(badRequest(`json_filter=${encodeURIComponent('{"-or":"x"}')}`)).toBe('Invalid json_filter: -or needs a list')
  })

  it('treats an empty json_filter as no filter', () => {
    expect(ids('json_filter=')).toEqual(['1', '2', '3', '9', '10'])
  })

  it('matches LIKE patterns with % for any run and _ for exactly one character', () => {
    expect(likeMatcher('web%')('web')).toBe(true)
    expect(likeMatcher('50\\%%')('50% off')).toBe(true)
    expect(likeMatcher('50\\%%')('500 off')).toBe(false)
    expect(likeMatcher('a\\_b')('a_b')).toBe(true)
    expect(likeMatcher('a\\_b')('axb')).toBe(false)
    expect(likeMatcher('web%')('web01')).toBe(true)
    expect(likeMatcher('web%')('aweb01')).toBe(false)
    expect(likeMatcher('%01')('db01')).toBe(true)
    expect(likeMatcher('w_b')('web')).toBe(true)
    expect(likeMatcher('w_b')('wb')).toBe(false)
    expect(likeMatcher('w_b')('weeb')).toBe(false)
    expect(likeMatcher('%')('')).toBe(true)
    expect(likeMatcher('a%b')('a\nb')).toBe(true)
  })

  it('matches LIKE patterns case-insensitively and as a whole', () => {
    expect(likeMatcher('WEB%')('web01')).toBe(true)
    expect(likeMatcher('web')('WEB')).toBe(true)
    expect(likeMatcher('web')('web01')).toBe(false)
  })

  it('takes regular-expression metacharacters in a LIKE pattern literally', () => {
    expect(likeMatcher('10.0.0.1')('10a0b0c1')).toBe(false)
    expect(likeMatcher('10.0.0.1')('10.0.0.1')).toBe(true)
    expect(likeMatcher('a+(b)*[c]?^$|{d}\\\\%')('a+(b)*[c]?^$|{d}\\x')).toBe(true)
    expect(likeMatcher('a+')('aa')).toBe(false)
    expect(likeMatcher('.*')('anything')).toBe(false)
  })
})
