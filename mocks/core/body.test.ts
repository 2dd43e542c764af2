import { describe, expect, it } from 'vitest'
import { FORM_MEDIA_TYPE, isJsonMediaType, isPlainObject, mediaType, paramsToFields, parseFormText, parseJsonText } from './body'
import type { MockRequest } from './exchange'
import { MockError } from './mock-error'

function withContentType(contentType: string | undefined): MockRequest {
  return {
    method: 'POST',
    path: '/',
    query: new URLSearchParams(),
    header: (name) => (name === 'content-type' ? contentType : undefined),
    body: '',
  }
}

function parseError(text: string, relaxed = false): MockError {
  try {
    parseJsonText(text, { relaxed })
  } catch (error) {
    if (error instanceof MockError) return error
    throw error
  }
  throw new Error(`parsed without an error: ${text}`)
}

describe('body', () => {
  it('reads the media type without parameters, trimmed and lower-cased', () => {
    expect(mediaType(withContentType('Application/JSON; charset=UTF-8'))).toBe('application/json')
    expect(mediaType(withContentType('  text/plain  '))).toBe('text/plain')
    expect(mediaType(withContentType('application/x-www-form-urlencoded ;charset=utf-8'))).toBe(FORM_MEDIA_TYPE)
  })

  it('gives an empty media type when the request has no content type', () => {
    expect(mediaType(withContentType(undefined))).toBe('')
    expect(mediaType(withContentType(''))).toBe('')
  })

  it('recognises application/json, text/json and any +json suffix as JSON', () => {
    expect(isJsonMediaType('application/json')).toBe(true)
    expect(isJsonMediaType('text/json')).toBe(true)
    expect(isJsonMediaType('application/vnd.api+json')).toBe(true)
  })

  it('does not take other media types for JSON', () => {
    expect(isJsonMediaType('')).toBe(false)
    expect(isJsonMediaType('text/plain')).toBe(false)
    expect(isJsonMediaType('application/jsonp')).toBe(false)
    expect(isJsonMediaType(FORM_MEDIA_TYPE)).toBe(false)
  })

  it('parses valid JSON text', () => {
    expect(parseJsonText('{"a":[1,"two",null],"b":{"c":true}}')).toEqual({ a: [1, 'two', null], b: { c: true } })
    expect(parseJsonText('"text"')).toBe('text')
  })

  it('rejects malformed JSON with a BAD_REQUEST that says what was wrong', () => {
    const error = parseError('{"a": 1')
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message).toMatch(/^malformed JSON string: \S/)
  })

  it('rejects trailing commas unless the parse is relaxed', () => {
    expect(parseError('{"a": [1, 2,],}').code).toBe('BAD_REQUEST')
    expect(parseJsonText('{"a": [1, 2,],}', { relaxed: true })).toEqual({ a: [1, 2] })
  })

  it('accepts trailing commas followed by whitespace and newlines when relaxed', () => {
    expect(parseJsonText('{\n  "a": [\n    1,\n  ],\n  "b": 2,\n}\n', { relaxed: true })).toEqual({ a: [1], b: 2 })
  })

  it('keeps commas inside strings when removing trailing commas', () => {
    expect(parseJsonText('{"a": "x,}", "b": ",]", "c": [1,],}', { relaxed: true })).toEqual({ a: 'x,}', b: ',]', c: [1] })
  })

  it('keeps commas inside strings that contain escaped quotes and backslashes', () => {
    expect(parseJsonText('{"a": "say \\"hi,}\\"", "b": "c:\\\\", "d": ",]",}', { relaxed: true })).toEqual({
      a: 'say "hi,}"',
      b: 'c:\\',
      d: ',]',
    })
  })

  it('still rejects a real syntax error when relaxed, with the message of the original text', () => {
    const strict = parseError('{"a": tru,}')
    const relaxed = parseError('{"a": tru,}', true)
    expect(relaxed.code).toBe('BAD_REQUEST')
    expect(relaxed.message).toBe(strict.message)
    expect(parseError('{"a": 1,, }', true).code).toBe('BAD_REQUEST')
  })

  it('does not take a comma right after an opening bracket for a trailing comma when relaxed', () => {
    expect(parseError('[,]', true).code).toBe('BAD_REQUEST')
    expect(parseError('{ , }', true).code).toBe('BAD_REQUEST')
    expect(parseError('{"a": [\n , ]}', true).code).toBe('BAD_REQUEST')
    expect(parseJsonText('{"a": [[],{},],}', { relaxed: true })).toEqual({ a: [[], {}] })
  })

  it('reads a form body, decoding plus signs and percent escapes', () => {
    expect(parseFormText('username=admin&password=a%26b+c')).toEqual({ username: 'admin', password: 'a&b c' })
  })

  it('turns a repeated form field into an array in the order sent', () => {
    expect(parseFormText('hst.hostname=a&comment=x&hst.hostname=b&hst.hostname=c')).toEqual({
      'hst.hostname': ['a', 'b', 'c'],
      comment: 'x',
    })
  })

  it('reads an empty form as no fields and keeps empty values', () => {
    expect(parseFormText('')).toEqual({})
    expect(parseFormText('a=&b')).toEqual({ a: '', b: '' })
  })

  it('turns URLSearchParams into fields the same way', () => {
    const params = new URLSearchParams()
    params.append('x', '1')
    params.append('y', '2')
    params.append('x', '3')
    expect(paramsToFields(params)).toEqual({ x: ['1', '3'], y: '2' })
  })

  it('treats only non-null, non-array objects as plain objects', () => {
    expect(isPlainObject({})).toBe(true)
    expect(isPlainObject(null)).toBe(false)
    expect(isPlainObject([])).toBe(false)
    expect(isPlainObject('x')).toBe(false)
  })
})
