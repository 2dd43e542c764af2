import { MockError } from './mock-error'

/**
 * A small `multipart/form-data` reader for upload endpoints: the parts of a body as text, with their
 * field name and, for files, the file name. Bodies arrive as text, so binary content is only good for
 * checks that do not need its bytes (presence, size, a text header such as a `#!` line).
 */
export interface MultipartPart {
  name: string
  filename?: string
  content: string
}

export function parseMultipart(body: string, contentType: string): MultipartPart[] {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const marker = boundary?.[1] ?? boundary?.[2]
  if (!marker) throw new MockError('BAD_REQUEST', 'multipart/form-data without a boundary')
  const parts: MultipartPart[] = []
  for (const chunk of body.split(`--${marker}`).slice(1)) {
    if (chunk.startsWith('--')) break
    const headerEnd = chunk.indexOf('\r\n\r\n')
    if (headerEnd < 0) continue
    const headers = chunk.slice(0, headerEnd)
    const disposition = /content-disposition:\s*form-data([^\r\n]*)/i.exec(headers)?.[1] ?? ''
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1]
    if (name === undefined) continue
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1]
    const content = chunk.slice(headerEnd + 4).replace(/\r\n$/, '')
    parts.push(filename === undefined ? { name, content } : { name, filename, content })
  }
  return parts
}
