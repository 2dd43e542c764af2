/**
 * Ties handler results to the generated spec types: a handler for operation `Op` may only
 * return a status the spec lists for it, with a body of that status's JSON schema.
 */
type JsonBodyOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never

export type ReplyOf<Op> = Op extends { responses: infer Responses }
  ? {
      [Status in keyof Responses & number]: {
        status: Status
        json: JsonBodyOf<Responses[Status]>
        headers?: Record<string, string | string[]>
      }
    }[keyof Responses & number]
  : never
