import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/** `npm start` as a user meets it: banner, every vendor, clean Ctrl-C, clear errors for bad options. */
const CLI = fileURLToPath(new URL('../../dist/server/cli.js', import.meta.url))

function run(args: string[], env: Record<string, string> = {}, { interruptWhenReady = false } = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    if (interruptWhenReady && output.includes('opsmocks ready')) child.kill('SIGINT')
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  return new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })))
}

const FREE_PORTS = ['--opsview-port', '0', '--opscenter-port', '0', '--opmanager-port', '0']

describe('npm start', () => {
  it('serves every vendor, prints each URL with its credentials, and stops cleanly on Ctrl-C', async () => {
    const { code, output } = await run(FREE_PORTS, {}, { interruptWhenReady: true })
    expect(code).toBe(0)
    for (const vendor of ['Opsview', 'OpsCenter', 'OpManager'])
      expect(output).toMatch(new RegExp(`${vendor}\\s+http://127\\.0\\.0\\.1:[0-9]+`))
    expect(output).toContain('admin/initial')
    expect(output).toContain('test-api-key-0123456789abcdef')
    expect(output).toContain('opsmocks stopped (SIGINT)')
  })

  it('takes a port from the environment', async () => {
    const { output } = await run(['--only', 'opsview'], { OPSVIEW_PORT: '0' }, { interruptWhenReady: true })
    expect(output).toMatch(/Opsview\s+http:\/\/127\.0\.0\.1:[0-9]+/)
    expect(output).not.toContain(':4010')
  })

  it('exits 2 with the known vendors when --only names an unknown one', async () => {
    const { code, output } = await run(['--only', 'nagios'])
    expect(code).toBe(2)
    expect(output).toContain('known: opsview, opscenter, opmanager')
  })

  it('exits 1 saying which option to change when a port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1')
    await once(blocker, 'listening')
    const { port } = blocker.address() as AddressInfo
    const { code, output } = await run(['--only', 'opsview', '--opsview-port', String(port)])
    blocker.close()
    expect(code).toBe(1)
    expect(output).toContain(`port ${port} for opsview is in use; pick another with --opsview-port or OPSVIEW_PORT`)
  })

  it('exits 2 naming the variable when a port is invalid', async () => {
    const { code, output } = await run(['--only', 'opsview'], { OPSVIEW_PORT: 'eighty' })
    expect(code).toBe(2)
    expect(output).toContain('OPSVIEW_PORT: "eighty" is not a port')
  })
})
