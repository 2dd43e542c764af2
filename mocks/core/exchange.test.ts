import { describe, expect, it } from 'vitest'
import { serializeBody } from './exchange'

describe('serializeBody', () => {
  it('writes JSON, text and empty bodies with their content types', () => {
    expect(serializeBody({ status: 200, json: { a: 1 } })).toEqual({ contentType: 'application/json; charset=utf-8', payload: '{"a":1}' })
    expect(serializeBody({ status: 200, text: 'hi' })).toEqual({ contentType: 'text/plain; charset=utf-8', payload: 'hi' })
    expect(serializeBody({ status: 204 })).toEqual({ contentType: undefined, payload: '' })
  })

  it('serialises a list of frozen items exactly as JSON.stringify does, mixed items included', () => {
    const items = [Object.freeze({ id: '1', tags: ['x'] }), { id: '2' }, null, Object.freeze({ id: '3' })]
    expect(serializeBody({ status: 200, json: items }).payload).toBe(JSON.stringify(items))
    expect(serializeBody({ status: 200, json: items }).payload).toBe(JSON.stringify(items))
  })

  it('does not cache items that are not frozen, so later changes show', () => {
    const item = { id: '1', name: 'before' }
    const list = [Object.freeze({ id: '0' }), item]
    serializeBody({ status: 200, json: list })
    item.name = 'after'
    expect(serializeBody({ status: 200, json: list }).payload).toContain('"after"')
  })
})
