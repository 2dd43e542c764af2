import { MockError } from './mock-error'
import type { MockRequest } from './exchange'

/** The media type of a request without parameters, lower-cased; '' when absent. */
export function mediaType(request: MockRequest): string {
  const header = request.header('content-type')
  if (!header) return ''
  const semicolon = header.indexOf(';')
  return (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase()
}

export function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json') || type === 'text/json'
}

export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded'

export interface JsonParseOptions {
  /** Accept trailing commas, as Opsview's "relaxed" JSON parser does. */
  relaxed?: boolean
}

/**
 * Deepest nesting of arrays and objects a JSON body or filter may have. Deeper documents are refused before
 * parsing: walking them (schema validation, filter compilation, structuredClone) recursed until the stack
 * overflowed and answered 500 (issue 8). Real payloads of all three vendors stay under 10 levels.
 */
const MAX_JSON_DEPTH = 64

/** Parses JSON text or throws a BAD_REQUEST MockError that says what was wrong and where. */
export function parseJsonText(text: string, options: JsonParseOptions = {}): unknown {
  assertJsonDepth(text)
  try {
    return JSON.parse(text)
  } catch (error) {
    if (options.relaxed) {
      const withoutTrailingCommas = stripTrailingCommas(text)
      if (withoutTrailingCommas !== text) {
        try {
          return JSON.parse(withoutTrailingCommas)
        } catch {
          // fall through to the original error, which points at the real problem
        }
      }
    }
    throw new MockError('BAD_REQUEST', `malformed JSON string: ${(error as Error).message}`)
  }
}

/** Throws a BAD_REQUEST MockError when the JSON text nests deeper than `MAX_JSON_DEPTH`; strings are skipped. */
export function assertJsonDepth(text: string, maxDepth = MAX_JSON_DEPTH): void {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x22 /* " */) {
      // Skip the string, escapes included; an unterminated one is left for JSON.parse to report.
      for (i++; i < text.length; i++) {
        const inner = text.charCodeAt(i)
        if (inner === 0x5c /* \ */) i++
        else if (inner === 0x22) break
      }
    } else if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
      if (++depth > maxDepth) throw new MockError('BAD_REQUEST', `JSON nested deeper than ${maxDepth} levels`)
    } else if (code === 0x5d /* ] */ || code === 0x7d /* } */) {
      depth--
    }
  }
}

/**
 * Removes commas that directly precede `}` or `]`, ignoring anything inside strings. A comma that
 * follows `[` or `{` (`[,]`) is not a trailing one and is kept, so the parse still fails as Perl's does.
 */
function stripTrailingCommas(text: string): string {
  let out = ''
  let inString = false
  let previous = ''
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (inString) {
      out += char
      if (char === '\\') out += text[++i] ?? ''
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') inString = true
    if (char === ',' && previous !== '[' && previous !== '{') {
      let j = i + 1
      while (j < text.length && /\s/.test(text[j]!)) j++
      if (text[j] === '}' || text[j] === ']') continue
    }
    out += char
    if (!/\s/.test(char)) previous = char
  }
  return out
}

/** Form fields; a field sent more than once becomes an array, like Catalyst and Tornado do. */
export type FormFields = Record<string, string | string[]>

export function parseFormText(text: string): FormFields {
  return paramsToFields(new URLSearchParams(text))
}

/**
 * Fields by name in an object without a prototype, so a field called `__proto__`, `constructor` or `toString`
 * is just a field: it neither finds an inherited value nor changes the object's prototype.
 */
export function paramsToFields(params: URLSearchParams): FormFields {
  const fields = Object.create(null) as FormFields
  for (const [key, value] of params) {
    const previous = Object.hasOwn(fields, key) ? fields[key] : undefined
    if (previous === undefined) fields[key] = value
    else if (Array.isArray(previous)) previous.push(value)
    else fields[key] = [previous, value]
  }
  return fields
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
