import { request as httpRequest } from 'node:http'
import { readFileSync } from 'node:fs'

/**
 * Replays requests captured from real clients (test/fixtures/wire/<vendor>.http) byte for byte:
 * same method, path, header names in their case and order, and body. Credentials captured against a
 * throwaway listener are swapped for live ones by `substitutions`.
 */
export interface CapturedRequest {
  method: string
  target: string
  headers: Array<[string, string]>
  body: string
}

export interface CapturedClient {
  name: string
  requests: CapturedRequest[]
}

export function loadCapturedClients(vendor: string): CapturedClient[] {
  const text = readFileSync(new URL(`../fixtures/wire/${vendor}.http`, import.meta.url), 'utf8')
  return text
    .split(/^### client: /m)
    .slice(1)
    .map((block) => {
      const [name, ...rest] = block.split('\n')
      const requests = rest
        .join('\n')
        .split(/^-----$/m)
        .map((chunk) => chunk.replace(/^\n+/, ''))
        .filter((chunk) => chunk.trim() !== '')
        .map(parseRequest)
      return { name: name!.trim(), requests }
    })
}

function parseRequest(chunk: string): CapturedRequest {
  const separator = chunk.indexOf('\n\n')
  const head = separator === -1 ? chunk.trimEnd() : chunk.slice(0, separator)
  const body = separator === -1 ? '' : chunk.slice(separator + 2).replace(/\n$/, '')
  const [requestLine, ...headerLines] = head.split('\n')
  const [method, target] = requestLine!.split(' ')
  const headers = headerLines.map((line): [string, string] => {
    const colon = line.indexOf(':')
    return [line.slice(0, colon), line.slice(colon + 1).trim()]
  })
  return { method: method!, target: target!, headers, body }
}

export interface ReplayResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: any
}

/** Sends one captured request to `baseUrl`, replacing each key of `substitutions` with its value. */
export function replay(baseUrl: string, captured: CapturedRequest, substitutions: Record<string, string> = {}): Promise<ReplayResponse> {
  const swap = (value: string) => Object.entries(substitutions).reduce((text, [from, to]) => text.split(from).join(to), value)
  const url = new URL(baseUrl)
  const body = swap(captured.body)
  const headers: Record<string, string> = {}
  for (const [name, value] of captured.headers) {
    if (name.toLowerCase() === 'host') headers[name] = url.host
    else if (name.toLowerCase() === 'content-length') headers[name] = String(Buffer.byteLength(body))
    else headers[name] = swap(value)
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: captured.method, path: swap(captured.target), headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let json: unknown
          try {
            json = JSON.parse(text)
          } catch {
            json = undefined
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
        })
      },
    )
    req.on('error', reject)
    req.end(body === '' ? undefined : body)
  })
}
