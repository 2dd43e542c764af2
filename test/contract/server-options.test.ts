import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { COMMANDS, COMMON_OPTIONS } from '../../mocks/server/commands'

/** The CLI's options as a user meets them: help, mistakes, config file and precedence, log, CORS, TLS. */
const CLI = fileURLToPath(new URL('../../dist/server/cli.js', import.meta.url))
const running: ChildProcess[] = []

afterEach(async () => {
  await Promise.all(
    running.splice(0).map(async (child) => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await once(child, 'exit')
    }),
  )
})

function run(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  )
}

/** Starts the server and resolves with its banner once it is ready; stopped after the test. */
async function start(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.push(child)
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('opsmocks ready')) resolve()
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  const url = (title: string) => new RegExp(`${title}\\s+(https?://\\S+)`).exec(output)?.[1]
  return { child, banner: () => output, url }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  server.close()
  await once(server, 'close')
  return port
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'opsmocks-cli-'))

describe('opsmocks --help and mistakes', () => {
  it('lists every option of every command with its environment variable and default', async () => {
    const { code, stdout } = await run(['--help'])
    expect(code).toBe(0)
    for (const command of COMMANDS) {
      const heading = `opsmocks ${command.name} options:`
      expect(stdout).toContain(heading)
      const section = stdout.slice(stdout.indexOf(heading)).split('\n\n')[0]!.split('\n')
      for (const option of [...command.options, ...COMMON_OPTIONS]) {
        const line = section.find(
          (candidate) => candidate.trimStart().startsWith(`--${option.name} `) || candidate.trim() === `--${option.name}`,
        )
        expect(line, option.name).toBeDefined()
        if (option.env) expect(line).toContain(`env ${option.env}`)
        if (option.default !== undefined || option.defaultText) expect(line).toContain('default ')
      }
    }
  })

  it('exits 2 with one line naming an unknown option, then the usage, and no stack trace', async () => {
    const { code, stdout, stderr } = await run(['start', '--opsveiw-port', '0'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    const lines = stderr.trim().split('\n')
    expect(lines[0]).toBe('opsmocks: unknown option --opsveiw-port')
    expect(lines[1]).toMatch(/^usage: opsmocks start /)
    expect(lines).toHaveLength(2)
  })

  it('exits 2 naming a malformed value, its environment variable, or an unknown command', async () => {
    expect((await run(['--log-format', 'xml'])).stderr).toContain('opsmocks: --log-format: "xml" is not one of text, json')
    const fromEnv = await run([], { env: { OPSCENTER_SESSION_TTL: 'soon' } })
    expect(fromEnv.code).toBe(2)
    expect(fromEnv.stderr).toContain('opsmocks: OPSCENTER_SESSION_TTL: "soon" is not a positive number of seconds')
    const command = await run(['serve'])
    expect(command.code).toBe(2)
    expect(command.stderr).toContain('opsmocks: unknown command "serve"')
    expect((await run(['--opsview-port'])).stderr).toContain('opsmocks: option --opsview-port needs a value')
  })
})

describe('config file and precedence', () => {
  it('takes options from opsmocks.config.json, the environment over it, and flags over both', async () => {
    const [fromFile, fromEnv, fromFlag] = [await freePort(), await freePort(), await freePort()]
    const cwd = tempDir()
    writeFileSync(join(cwd, 'opsmocks.config.json'), JSON.stringify({ only: ['opsview'], 'opsview-port': fromFile }))
    expect((await start([], { cwd })).url('Opsview')).toBe(`http://127.0.0.1:${fromFile}`)
    const env = { OPSVIEW_PORT: String(fromEnv) }
    expect((await start([], { cwd, env })).url('Opsview')).toBe(`http://127.0.0.1:${fromEnv}`)
    expect((await start(['--opsview-port', String(fromFlag)], { cwd, env })).url('Opsview')).toBe(`http://127.0.0.1:${fromFlag}`)
  })

  it('reads --config FILE, where a command section wins over the top level', async () => {
    const file = join(tempDir(), 'mocks.json')
    writeFileSync(file, JSON.stringify({ only: 'opscenter', 'opscenter-port': 1, start: { 'opscenter-port': 0, 'opscenter-auth': 'off' } }))
    const server = await start(['--config', file])
    expect(server.banner()).toContain('auth:  off')
    expect(server.url('Opsview')).toBeUndefined()
    expect(server.url('OpsCenter')).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/)
  })

  it('exits 2 naming the file and key for an unknown option, and naming a missing file', async () => {
    const cwd = tempDir()
    writeFileSync(join(cwd, 'opsmocks.config.json'), JSON.stringify({ 'opsview-prot': 4011 }))
    const typo = await run([], { cwd })
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain(`opsmocks: config file ${join(cwd, 'opsmocks.config.json')}: unknown option "opsview-prot"`)
    const missing = await run(['--config', join(cwd, 'nope.json')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(`cannot read config file ${join(cwd, 'nope.json')}: ENOENT`)
  })
})

describe('request log', () => {
  it('is off by default', async () => {
    const server = await start(['--only', 'opsview', '--opsview-port', '0'])
    await fetch(`${server.url('Opsview')}/rest`)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(server.banner()).not.toContain('GET /rest')
  })

  it('prints one line per request with --log, secrets in the query replaced by ***', async () => {
    const server = await start(['--only', 'opsview,opmanager', '--opsview-port', '0', '--opmanager-port', '0', '--log'])
    await fetch(`${server.url('Opsview')}/rest/login?username=admin&password=initial`, { method: 'POST' })
    await fetch(`${server.url('OpManager')}/api/json/device/listDevices?apiKey=test-api-key-0123456789abcdef`)
    await expect.poll(() => server.banner()).toContain('listDevices')
    expect(server.banner()).toMatch(/^\S+Z opsview POST \/rest\/login\?username=admin&password=\*\*\* 200 [0-9.]+ms$/m)
    expect(server.banner()).toMatch(/^\S+Z opmanager GET \/api\/json\/device\/listDevices\?apiKey=\*\*\* 200 [0-9.]+ms$/m)
    expect(server.banner()).not.toContain('initial 200')
    expect(server.banner()).not.toContain('0123456789abcdef 200')
  })

  it('prints JSON lines with --log-format json', async () => {
    const server = await start(['--only', 'opscenter', '--opscenter-port', '0', '--log-format', 'json'])
    await fetch(`${server.url('OpsCenter')}/login`, { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'admin' }) })
    await expect.poll(() => server.banner()).toContain('"vendor":"opscenter"')
    const line = server
      .banner()
      .split('\n')
      .find((candidate) => candidate.startsWith('{'))!
    expect(JSON.parse(line)).toEqual({
      time: expect.any(String),
      vendor: 'opscenter',
      method: 'POST',
      path: '/login',
      status: 200,
      ms: expect.any(Number),
    })
  })
})

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/rest/login`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'x-opsview-token,x-opsview-username',
      },
    })

  it('answers preflights from loopback origins by default, allowing the vendors’ auth headers', async () => {
    const url = (await start(['--only', 'opsview', '--opsview-port', '0'])).url('Opsview')!
    const response = await preflight(url, 'http://localhost:5173')
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    for (const header of ['X-Opsview-Token', 'X-Opsview-Username', 'opscenter-session', 'apiKey'])
      expect(response.headers.get('access-control-allow-headers')).toContain(header)
    const call = await fetch(`${url}/rest`, { headers: { Origin: 'http://127.0.0.1:3000' } })
    expect(call.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000')
    expect((await preflight(url, 'https://app.example')).headers.get('access-control-allow-origin')).toBeNull()
  })

  it('allows exactly the origins given with --cors, and none with --cors off', async () => {
    const listed = (
      await start(['--only', 'opsview', '--opsview-port', '0', '--cors', 'https://app.example', 'http://other.example:8080'])
    ).url('Opsview')!
    expect((await preflight(listed, 'https://app.example')).status).toBe(204)
    expect((await preflight(listed, 'http://other.example:8080')).status).toBe(204)
    expect((await preflight(listed, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull()
    const off = (await start(['--only', 'opsview', '--opsview-port', '0', '--cors', 'off'])).url('Opsview')!
    const response = await preflight(off, 'http://localhost:5173')
    expect(response.status).toBe(405)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('TLS', () => {
  function get(url: string, ca?: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpsRequest(url, { ca }, (response) => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString()))
        response.on('end', () => resolve({ status: response.statusCode!, body }))
      })
      request.on('error', reject)
      request.end()
    })
  }

  it('serves HTTPS with --tls, trusted through the CA it generated, and reuses that CA from --tls-dir', async () => {
    const dir = tempDir()
    const server = await start(['--only', 'opscenter', '--opscenter-port', '0', '--tls', '--tls-dir', dir])
    const url = server.url('OpsCenter')!
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:[0-9]+$/)
    expect(server.banner()).toContain(`TLS CA     ${join(dir, 'ca.pem')}`)
    const ca = readFileSync(join(dir, 'ca.pem'), 'utf8')
    expect(await get(`${url}/__opsmocks/health`, ca)).toMatchObject({ status: 200 })
    await expect(get(`${url}/__opsmocks/health`)).rejects.toThrow(/self-signed|unable to verify|self signed/)
    const localhost = url.replace('127.0.0.1', 'localhost')
    expect((await get(`${localhost}/__opsmocks/health`, ca)).status).toBe(200)

    const again = await start(['--only', 'opscenter', '--opscenter-port', '0', '--tls', '--tls-dir', dir])
    expect(readFileSync(join(dir, 'ca.pem'), 'utf8')).toBe(ca)
    expect((await get(`${again.url('OpsCenter')}/__opsmocks/health`, ca)).status).toBe(200)
  })

  it('serves a given certificate with --cert and --key, and names a half-given pair', async () => {
    const dir = tempDir()
    await start(['--only', 'opsview', '--opsview-port', '0', '--tls', '--tls-dir', dir])
    const server = await start([
      '--only',
      'opsview',
      '--opsview-port',
      '0',
      '--cert',
      join(dir, 'server.pem'),
      '--key',
      join(dir, 'server-key.pem'),
    ])
    expect((await get(`${server.url('Opsview')}/rest`, readFileSync(join(dir, 'ca.pem'), 'utf8'))).status).toBe(200)
    const half = await run(['--cert', join(dir, 'server.pem')])
    expect(half.code).toBe(2)
    expect(half.stderr).toContain('opsmocks: --key is needed with --cert')
  })
})
