import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { AddressInfo } from 'node:net'
import { createSpecValidator } from '../../contracts/support/spec-validator'
import { Journal, redactBody } from '../core/journal'
import { Router } from '../core/router'
import { specRoutes } from '../core/spec-routes'
import { resolveWorlds, worldToYaml, WorldError, type WorldProblem } from '../core/world'
import type { VendorEntry } from '../vendors'

/**
 * The record-through proxy: forwards every request to a real vendor, answers with the real answer,
 * checks each answer against the spec as it passes (the fidelity report of `--target real` runs,
 * live), and writes what it learned as a world file plus a recording of the exchanges.
 */
export interface ProxyOptions {
  vendor: VendorEntry
  /** The real vendor's base URL, e.g. https://opsview.example.com. */
  target: string
  port?: number
  host?: string
  /** Where to write the learned world (YAML); none when absent. */
  worldOut?: string
  /** Where to write the exchanges (JSON, secrets redacted); default `<worldOut>.recording.json`. */
  recordingOut?: string
  /** Where to write the fidelity report; default `.reports/fidelity-<vendor>.json`. */
  fidelityOut?: string
  /** One line per exchange; default none. */
  log?: (line: string) => void
}

interface Difference {
  request: string
  problems: string[]
}

export interface RunningProxy {
  url: string
  readonly differences: readonly Difference[]
  /** Writes the world, recording and fidelity report now (also done after every exchange, debounced). */
  flush(): void
  close(): Promise<void>
}

/** Headers that belong to one connection, not to the message (RFC 9110 §7.6.1), and what fetch recomputes. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'content-length',
  'content-encoding',
])

export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const { vendor } = options
  const target = options.target.replace(/\/$/, '')
  const targetPath = new URL(target).pathname.replace(/\/$/, '')
  const validator = createSpecValidator(vendor.spec)
  const operations = new Router(specRoutes(vendor.spec))
  // Only a proxy that writes a world pays for learning.
  const learner = options.worldOut ? vendor.learner() : undefined
  const journal = new Journal(10_000)
  const differences: Difference[] = []
  const responses = new Map<number, { status: number; body: unknown }>()
  const recordingOut = options.recordingOut ?? (options.worldOut ? `${options.worldOut}.recording.json` : undefined)
  const fidelityOut = options.fidelityOut ?? `.reports/fidelity-${vendor.name}.json`
  let timer: NodeJS.Timeout | undefined

  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    write(fidelityOut, `${JSON.stringify({ vendor: vendor.name, baseUrl: target, source: 'proxy', differences }, null, 1)}\n`)
    if (recordingOut) {
      const exchanges = journal.entries().map((entry) => ({ ...entry, response: responses.get(entry.seq) }))
      write(recordingOut, `${JSON.stringify({ vendor: vendor.name, target, exchanges }, null, 1)}\n`)
    }
    if (options.worldOut && learner) write(options.worldOut, learnedWorldText(vendor, learner.world(), target))
  }
  const scheduleFlush = () => {
    timer ??= setTimeout(flush, 200)
  }

  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now()
    const url = req.url ?? '/'
    const queryStart = url.indexOf('?')
    const path = queryStart === -1 ? url : url.slice(0, queryStart)
    const query = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1))
    const method = req.method ?? 'GET'
    const body = await readBody(req)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || HOP_BY_HOP.has(name)) continue
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
    }
    let upstream: Response
    try {
      upstream = await fetch(`${target}${url}`, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : new Uint8Array(body),
        redirect: 'manual',
      })
    } catch (error) {
      res.writeHead(502, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `opsmocks proxy: ${target} did not answer: ${(error as Error).message}` }))
      options.log?.(`${method} ${url} → 502 (${(error as Error).message})`)
      return
    }
    const payload = Buffer.from(await upstream.arrayBuffer())
    const responseHeaders = new Map<string, string | string[] | number>()
    upstream.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'set-cookie') responseHeaders.set(name, value)
    })
    const cookies = upstream.headers.getSetCookie()
    if (cookies.length) responseHeaders.set('set-cookie', cookies)
    responseHeaders.set('content-length', payload.length)
    res.writeHead(upstream.status, Object.fromEntries(responseHeaders))
    res.end(method === 'HEAD' ? undefined : payload)

    // After the client has its answer: judge it against the spec and learn from it.
    const text = payload.toString('utf8')
    const specPath = path.slice(targetPath.length && path.startsWith(targetPath) ? targetPath.length : 0) || '/'
    const problems = validator.check({
      method,
      path: specPath,
      status: upstream.status,
      contentType: upstream.headers.get('content-type'),
      body: text,
    })
    if (problems.length) differences.push({ request: `${method} ${url}`, problems })
    const match = operations.match(method === 'HEAD' ? 'GET' : method, specPath)
    const operationId = match.kind === 'matched' ? match.route.operationId : null
    let json: unknown
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    const lowerHeaders = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]))
    if (operationId && learner) {
      learner.learn({
        operationId,
        params: match.kind === 'matched' ? match.params : {},
        query,
        headers: lowerHeaders,
        requestBody: body.toString('utf8'),
        status: upstream.status,
        json,
      })
    }
    journal.record({
      at: Date.now(),
      method,
      path,
      query,
      headers: req.headers,
      body: body.toString('utf8'),
      status: upstream.status,
      durationMs: performance.now() - started,
      operationId,
      matched: operationId !== null,
      fault: undefined,
    })
    const last = journal.entries({ limit: 1 })[0]
    // Tokens and session ids in answers (a login's) are redacted in the recording too.
    if (last) responses.set(last.seq, { status: upstream.status, body: json === undefined ? text : JSON.parse(redactBody(text)) })
    options.log?.(
      `${method} ${url} → ${upstream.status} ${operationId ?? '(not in the spec)'} ${problems.length ? `✗ ${problems.length} difference${problems.length === 1 ? '' : 's'} from the spec: ${problems[0]}` : '✓'}`,
    )
    scheduleFlush()
  }

  const server = createServer((req, res) => {
    forward(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `opsmocks proxy failed: ${String(error)}` }))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    differences,
    flush,
    close: () =>
      new Promise<void>((resolve, reject) => {
        flush()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

/** The learned world as YAML; when it would not load as it is (an object refers to one never read), the header says why. */
function learnedWorldText(vendor: VendorEntry, world: Record<string, unknown>, target: string): string {
  let problems: WorldProblem[] = []
  try {
    resolveWorlds(vendor.world, [world])
  } catch (error) {
    if (error instanceof WorldError) problems = error.problems
    else throw error
  }
  const header = [
    `yaml-language-server: $schema=https://opsmocks.dev/schemas/${vendor.name}.world.json`,
    `What opsmocks learned from ${target} through the record-through proxy (${new Date().toISOString()}).`,
    'It holds the credentials the client used. Load it with: npm start -- --world <this file>',
    ...(problems.length
      ? [
          '',
          `It does not load yet (${problems.length} problem${problems.length === 1 ? '' : 's'}): read the objects it refers to too, or edit it:`,
          ...problems.slice(0, 20).map((problem) => `  ${problem.path}: ${problem.message}`),
        ]
      : []),
  ].join('\n')
  return worldToYaml(world, header)
}

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
