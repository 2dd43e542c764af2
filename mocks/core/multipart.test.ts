import { describe, expect, it } from 'vitest'
import { parseMultipart } from './multipart'

const body = [
  '--XyZ',
  'Content-Disposition: form-data; name="filename"; filename="check_thing"',
  'Content-Type: application/octet-stream',
  '',
  '#!/bin/sh\necho OK',
  '--XyZ',
  'Content-Disposition: form-data; name="note"',
  '',
  'hello',
  '--XyZ--',
  '',
].join('\r\n')

describe('parseMultipart', () => {
  it('reads file and field parts with their names', () => {
    expect(parseMultipart(body, 'multipart/form-data; boundary=XyZ')).toEqual([
      { name: 'filename', filename: 'check_thing', content: '#!/bin/sh\necho OK' },
      { name: 'note', content: 'hello' },
    ])
  })

  it('accepts a quoted boundary', () => {
    expect(parseMultipart(body, 'multipart/form-data; boundary="XyZ"')).toHaveLength(2)
  })

  it('rejects a body without a boundary as a bad request', () => {
    expect(() => parseMultipart(body, 'multipart/form-data')).toThrow(/boundary/)
  })
})
