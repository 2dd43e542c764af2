import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * The package as a user gets it: `npm pack` (whose prepack builds dist/) in a copy of this checkout, the
 * tarball installed into a fresh project, and everything used from there: `npx opsmocks start`, the
 * handlers under setupServer, a NodeNext typecheck of every export, `npx opsmocks contract`.
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url))
const FIXTURE = fileURLToPath(new URL('./fixture/', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'opsmocks-package-'))
const project = join(work, 'project')
const rootPackage = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'))

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

function npx(args: string[], env: Record<string, string> = {}) {
  return run('npx', ['--no-install', ...args], project, env)
}

/** The copy the tarball is packed from: sources only, this checkout's node_modules linked for the build tools. */
function copyCheckout(): string {
  const copy = join(work, 'checkout')
  const skip = new Set(['node_modules', 'dist', '.git', '.reports', 'test-results'])
  cpSync(REPO, copy, { recursive: true, filter: (source) => !skip.has(basename(source)) || source === REPO })
  symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'), 'dir')
  return copy
}

let server: ChildProcess | undefined
let urls: Record<string, string> = {}

beforeAll(async () => {
  const checkout = copyCheckout()
  const pack = run('npm', ['pack', '--silent', '--pack-destination', work], checkout)
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.output}`)
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))!
  cpSync(FIXTURE, project, { recursive: true })
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'opsmocks-user', private: true, type: 'module' }))
  // The same versions this repository tests with, so the install is served from npm's cache.
  const devVersion = (name: string) => `${name}@${rootPackage.devDependencies[name]}`
  const install = run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      join(work, tarball),
      devVersion('vitest'),
      devVersion('typescript'),
      devVersion('@types/node'),
    ],
    project,
  )
  if (install.status !== 0) throw new Error(`npm install of ${tarball} failed:\n${install.output}`)
}, 600_000)

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve))
    // npx runs opsmocks as its child: stop the whole process group.
    process.kill(-server.pid!, 'SIGTERM')
    await exited
  }
  rmSync(work, { recursive: true, force: true })
})

describe('the packed opsmocks package, installed into a fresh project', () => {
  it('ships built JavaScript, declarations, specs and docs, not the TypeScript sources', () => {
    const installed = join(project, 'node_modules', 'opsmocks')
    for (const file of [
      'dist/server/cli.js',
      'dist/lib/index.js',
      'dist/types/mocks/index.d.ts',
      'dist/specs/opsview.openapi.json',
      'dist/docs/index.html',
    ])
      expect(existsSync(join(installed, file)), file).toBe(true)
    expect(existsSync(join(installed, 'mocks'))).toBe(false)
    // msw is the app's: one copy, the peer the handlers register with.
    expect(existsSync(join(installed, 'node_modules', 'msw'))).toBe(false)
  })

  it('answers --version and --help through npx', () => {
    expect(npx(['opsmocks', '--version']).output.trim()).toBe(rootPackage.version)
    const help = npx(['opsmocks', '--help'])
    expect(help.status).toBe(0)
    expect(help.output).toContain('--opsview-port N')
    expect(help.output).toContain('OPSVIEW_PORT')
  })

  it('serves the three seeded mocks with npx opsmocks start', async () => {
    server = spawn('npx', ['--no-install', 'opsmocks', 'start', '--opsview-port', '0', '--opscenter-port', '0', '--opmanager-port', '0'], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let banner = ''
    await new Promise<void>((resolve, reject) => {
      server!.stdout!.on('data', (chunk: Buffer) => {
        banner += chunk.toString()
        if (banner.includes('opsmocks ready')) resolve()
      })
      server!.stderr!.on('data', (chunk: Buffer) => (banner += chunk.toString()))
      server!.once('exit', (code) => reject(new Error(`npx opsmocks start exited with ${code}:\n${banner}`)))
    })
    urls = Object.fromEntries(
      ['Opsview', 'OpsCenter', 'OpManager'].map((title) => [title, new RegExp(`${title}\\s+(http://\\S+)`).exec(banner)![1]!]),
    )
    const login = await fetch(`${urls.Opsview}/rest/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'initial' }),
    })
    expect(login.status).toBe(200)
    const alarms = await fetch(`${urls.OpManager}/api/json/alarm/listAlarms`, { headers: { apiKey: 'test-api-key-0123456789abcdef' } })
    expect(Array.isArray(await alarms.json())).toBe(true)
    expect((await fetch(`${urls.OpsCenter}/__opsmocks/health`)).status).toBe(200)
  })

  it("runs a Vitest suite with the package's handlers under setupServer", () => {
    const result = npx(['vitest', 'run', 'handlers.test.ts'])
    expect(result.output).toMatch(/Tests\s+.*2 passed/)
    expect(result.status).toBe(0)
  })

  it('typechecks a file importing every export with tsc --module nodenext', () => {
    const result = npx(['tsc', '-p', 'tsconfig.json'])
    expect(result.output).toBe('')
    expect(result.status).toBe(0)
  })

  it('runs npx opsmocks contract against the started server, with JUnit, fidelity and coverage reports', () => {
    expect(urls.Opsview, 'the start test ran first').toBeDefined()
    const args = ['opsmocks', 'contract', '--vendor', 'opsview', '--target', urls.Opsview!, '--out', 'reports', '--name', 'ci']
    const first = npx([...args, '--username', 'admin', '--password', 'initial'])
    expect(first.status, first.output).toBe(0)
    // Credentials from the environment; the second run never overwrites the first one's reports.
    const second = npx(args, { OPSVIEW_USERNAME: 'admin', OPSVIEW_PASSWORD: 'initial' })
    expect(second.status, second.output).toBe(0)
    const reports = readdirSync(join(project, 'reports')).sort()
    expect(reports).toEqual([
      'ci-2.coverage.json',
      'ci-2.fidelity.json',
      'ci-2.junit.xml',
      'ci.coverage.json',
      'ci.fidelity.json',
      'ci.junit.xml',
    ])
    const fidelity = JSON.parse(readFileSync(join(project, 'reports', 'ci.fidelity.json'), 'utf8'))
    expect(fidelity.differences).toEqual([])
    const coverage = JSON.parse(readFileSync(join(project, 'reports', 'ci.coverage.json'), 'utf8'))
    expect(coverage.seen).toContain('login 200')
    expect(readFileSync(join(project, 'reports', 'ci.junit.xml'), 'utf8')).toContain('<testsuites')
  })

  it('refuses a real-target run without credentials, naming what is missing, unless --allow-skip', () => {
    const env = { OPSVIEW_URL: '', OPSVIEW_USERNAME: '', OPSVIEW_PASSWORD: '' }
    const missing = npx(['opsmocks', 'contract', '--vendor', 'opsview', '--target', 'real'], env)
    expect(missing.status).toBe(1)
    expect(missing.output.trim()).toBe(
      'opsmocks: Opsview contract not run: missing OPSVIEW_URL (or --target URL), OPSVIEW_USERNAME (or --username), OPSVIEW_PASSWORD (or --password)',
    )
    const skipped = npx(['opsmocks', 'contract', '--vendor', 'opsview', '--target', 'real', '--allow-skip'], env)
    expect(skipped.status).toBe(0)
    expect(skipped.output).toContain('skipped: --allow-skip')
  })

  it('writes the offline API reference with npx opsmocks docs', () => {
    const result = npx(['opsmocks', 'docs', '--out', 'api-docs'])
    expect(result.status, result.output).toBe(0)
    expect(readdirSync(join(project, 'api-docs')).sort()).toEqual(['index.html', 'opmanager.html', 'opscenter.html', 'opsview.html'])
  })
})
