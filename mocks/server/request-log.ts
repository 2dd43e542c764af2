import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestListener } from './node-adapter'

export type LogFormat = 'text' | 'json'

/** Query parameters whose values never reach the log: passwords, tokens, API keys, sessions. */
const SECRET_NAME = /pass|token|key|secret|session|auth|credential/i

/**
 * One line per answered request (time, vendor, method, path, status, milliseconds), as text for people
 * or JSON for machines. Headers and bodies are never logged, and secret-looking query values are
 * replaced by `***`. Lines are written in batches once per event-loop turn, so a busy server makes
 * one write per turn instead of one per request.
 */
export function withRequestLog(vendor: string, format: LogFormat, write: (chunk: string) => void, next: RequestListener): RequestListener {
  let pending: string[] = []
  const flush = () => {
    const lines = pending
    pending = []
    write(lines.join(''))
  }
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now()
    res.once('finish', () => {
      if (!pending.length) setImmediate(flush)
      pending.push(formatLine(format, vendor, req.method ?? 'GET', redactUrl(req.url ?? '/'), res.statusCode, performance.now() - started))
    })
    next(req, res)
  }
}

export function formatLine(format: LogFormat, vendor: string, method: string, path: string, status: number, ms: number): string {
  const time = new Date().toISOString()
  const rounded = Math.round(ms * 10) / 10
  if (format === 'json') return `${JSON.stringify({ time, vendor, method, path, status, ms: rounded })}\n`
  return `${time} ${vendor} ${method} ${path} ${status} ${rounded}ms\n`
}

export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?')
  if (queryStart === -1) return url
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=')
      if (equals === -1) return pair
      let name = pair.slice(0, equals)
      try {
        name = decodeURIComponent(name.replace(/\+/g, ' '))
      } catch {
        // a malformed escape stays as sent; the raw name is still checked
      }
      return SECRET_NAME.test(name) ? `${pair.slice(0, equals)}=***` : pair
    })
  return `${url.slice(0, queryStart)}?${query.join('&')}`
}
