import {
  assertJsonDepth,
  FORM_MEDIA_TYPE,
  isJsonMediaType,
  isPlainObject,
  mediaType,
  paramsToFields,
  parseFormText,
  type FormFields,
} from '../core/body'
import type { MockRequest } from '../core/exchange'
import { MockError } from '../core/mock-error'
import { parseMultipart } from '../core/multipart'
import { opmError } from './errors'

/**
 * An OpManager call's parameters: the query string plus, on POST, a form body (or a JSON object,
 * which some clients send). Values are checked here with OpManager's documented error codes, so
 * every handler rejects bad input the same way and before it changes anything.
 */
export class Params {
  readonly #fields: FormFields
  readonly #files: ReadonlyMap<string, UploadedFile>

  constructor(fields: FormFields, files: ReadonlyMap<string, UploadedFile> = new Map()) {
    this.#fields = fields
    this.#files = files
  }

  static from(request: MockRequest): Params {
    const fields = paramsToFields(request.query)
    const files = new Map<string, UploadedFile>()
    if (request.method !== 'GET' && request.body.trim() !== '') {
      const body = mediaType(request) === MULTIPART ? readMultipart(request, files) : readBody(request)
      for (const [name, value] of Object.entries(body)) {
        const previous = fields[name]
        fields[name] = previous === undefined ? value : [...[previous].flat(), ...[value].flat()]
      }
    }
    return new Params(fields, files)
  }

  /** A file part of a multipart/form-data body, by field name. */
  file(name: string): UploadedFile | undefined {
    return this.#files.get(name)
  }

  /**
   * An upload's text: the file part `fileField` (the vendor's UI uploads files), else the first file part,
   * else the form field `textField` (clients that cannot send multipart). LESS_THAN_MIN_OCCURANCE without one.
   */
  upload(fileField: string, textField: string, limits: { maxLength: number }): UploadedFile {
    const file = this.#files.get(fileField) ?? this.#files.values().next().value
    if (file) {
      if (file.content.length > limits.maxLength)
        throw opmError(
          'BAD_REQUEST',
          'MORE_THAN_MAX_LENGTH',
          `The file '${file.filename}' can be at most ${limits.maxLength} characters long.`,
        )
      if (file.content.trim() === '') throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_LENGTH', `The file '${file.filename}' is empty.`)
      return file
    }
    const text = this.optional(textField, limits)
    if (text === undefined)
      throw opmError(
        'BAD_REQUEST',
        'LESS_THAN_MIN_OCCURANCE',
        `Send the file as the multipart part '${fileField}' or its text as the parameter '${textField}'.`,
      )
    return { filename: this.optional('fileName', { maxLength: 255 }) ?? textField, content: text }
  }

  /** The raw value(s) of a field; used by authentication for `apiKey`. */
  raw(name: string): string | string[] | undefined {
    return this.#fields[name]
  }

  optional(name: string, limits: { maxLength?: number } = {}): string | undefined {
    const value = this.#fields[name]
    if (Array.isArray(value)) throw opmError('BAD_REQUEST', 'MORE_THAN_MAX_OCCURANCE', `The parameter '${name}' can be sent only once.`)
    if (value === undefined || value === '') return undefined
    if (limits.maxLength !== undefined && value.length > limits.maxLength) {
      throw opmError('BAD_REQUEST', 'MORE_THAN_MAX_LENGTH', `The parameter '${name}' can be at most ${limits.maxLength} characters long.`)
    }
    return value
  }

  required(name: string, limits: { maxLength?: number } = {}): string {
    const value = this.optional(name, limits)
    if (value === undefined)
      throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', `The parameter '${name}' is mandatory and was not sent.`)
    return value
  }

  integer(name: string, range: { min?: number; max?: number } = {}): number | undefined {
    const value = this.optional(name)
    if (value === undefined) return undefined
    if (!/^-?[0-9]+$/.test(value)) throw opmError('BAD_REQUEST', 'DATATYPE_NOT_MATCHED', `The parameter '${name}' must be of integer type.`)
    const number = Number(value)
    if ((range.min !== undefined && number < range.min) || (range.max !== undefined && number > range.max)) {
      throw opmError(
        'BAD_REQUEST',
        'PATTERN_NOT_MATCHED',
        `The parameter '${name}' must be between ${range.min ?? '-∞'} and ${range.max ?? '∞'}.`,
      )
    }
    return number
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.optional(name)
    if (value === undefined) return undefined
    if (!(allowed as readonly string[]).includes(value)) throw notOneOf(name, allowed)
    return value as T
  }

  /** A single integer or a comma-separated list of them (`severity=1,2,3`), each one of `allowed`. */
  integerList<T extends number>(name: string, allowed: readonly T[]): Set<T> | undefined {
    const value = this.optional(name)
    if (value === undefined) return undefined
    const items = value.split(',').map((item) => item.trim())
    if (items.some((item) => !/^[0-9]+$/.test(item))) {
      throw opmError(
        'BAD_REQUEST',
        'DATATYPE_NOT_MATCHED',
        `The parameter '${name}' must be an integer or a comma-separated list of integers.`,
      )
    }
    const numbers = items.map(Number)
    if (numbers.some((number) => !(allowed as readonly number[]).includes(number))) throw notOneOf(name, allowed.map(String))
    return new Set(numbers as T[])
  }
}

export interface UploadedFile {
  filename: string
  content: string
}

const MULTIPART = 'multipart/form-data'

/** A multipart/form-data body: text parts become fields, file parts go to `files`. */
function readMultipart(request: MockRequest, files: Map<string, UploadedFile>): FormFields {
  let parts
  try {
    parts = parseMultipart(request.body, request.header('content-type') ?? '')
  } catch (error) {
    if (!(error instanceof MockError)) throw error
    throw opmError('BAD_REQUEST', 'UNABLE_TO_PARSE_DATA_TYPE', `The multipart/form-data body cannot be read: ${error.message}.`)
  }
  const fields = Object.create(null) as FormFields
  for (const part of parts) {
    if (part.filename !== undefined) {
      if (!files.has(part.name)) files.set(part.name, { filename: part.filename, content: part.content })
      continue
    }
    const previous = fields[part.name]
    fields[part.name] = previous === undefined ? part.content : [...[previous].flat(), part.content]
  }
  return fields
}

function notOneOf(name: string, allowed: readonly string[]) {
  return opmError('BAD_REQUEST', 'PATTERN_NOT_MATCHED', `The parameter '${name}' must be one of ${allowed.join(', ')}.`)
}

/** A form body (also when untyped), or a JSON object whose scalar values become strings. */
function readBody(request: MockRequest): FormFields {
  const type = mediaType(request)
  if (type === '' || type === FORM_MEDIA_TYPE) return parseFormText(request.body)
  if (isJsonMediaType(type)) {
    let parsed: unknown
    try {
      assertJsonDepth(request.body)
      parsed = JSON.parse(request.body)
    } catch (error) {
      throw opmError('BAD_REQUEST', 'UNABLE_TO_PARSE_DATA_TYPE', `The request body is not valid JSON: ${(error as Error).message}`)
    }
    if (!isPlainObject(parsed))
      throw opmError('BAD_REQUEST', 'UNABLE_TO_PARSE_DATA_TYPE', 'The request body must be a JSON object of parameters.')
    const fields = Object.create(null) as FormFields
    for (const [name, value] of Object.entries(parsed)) {
      if (value === null || typeof value === 'object')
        throw opmError('BAD_REQUEST', 'DATATYPE_NOT_MATCHED', `The parameter '${name}' must be a string, number or boolean.`)
      fields[name] = String(value)
    }
    return fields
  }
  throw opmError(
    'UNSUPPORTED_MEDIA_TYPE',
    'UNSUPPORTED_CONTENT_TYPE',
    `Content-Type ${type} is not supported; send parameters in the query string or as ${FORM_MEDIA_TYPE}.`,
  )
}
