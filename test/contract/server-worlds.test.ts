import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/** `npm start -- --world FILE...`: worlds compose per vendor, and a bad one starts nothing. */
const CLI = fileURLToPath(new URL('../../dist/server/cli.js', import.meta.url))

function start(args: string[]) {
  const child = spawn(process.execPath, [CLI, '--opsview-port', '0', '--opscenter-port', '0', '--opmanager-port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const ready = new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('opsmocks ready')) resolve(output)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.once('exit', (code) => reject(Object.assign(new Error(`exited ${code}`), { code, output })))
  })
  return { child, ready, output: () => output }
}

function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'opsmocks-world-'))
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('npm start --world', () => {
  it('starts each vendor from its worlds, later files overriding earlier ones', async () => {
    const override = file('web05-up.yaml', 'vendor: opsview\nhosts:\n  - name: web05\n    state: up\n    output: PING OK - fixed\n')
    const server = start(['--world', 'worlds/opsview.seed.yaml', '--world', override])
    const banner = await server.ready
    try {
      expect(banner).toContain(`(world: worlds/opsview.seed.yaml + ${override})`)
      const url = /Opsview\s+(http:\/\/\S+)/.exec(banner)![1]!
      const login = await fetch(`${url}/rest/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'initial' }),
      }).then((response) => response.json())
      const status = await fetch(`${url}/rest/status/host?hostname=web05`, {
        headers: { 'X-Opsview-Username': 'admin', 'X-Opsview-Token': login.token },
      }).then((response) => response.json())
      expect(status.list[0]).toMatchObject({ name: 'web05', state: 'up', output: 'PING OK - fixed' })
    } finally {
      server.child.kill('SIGTERM')
    }
  })

  it('starts OpsCenter and OpManager from their worlds too', async () => {
    const nodeDown = file(
      'node-down.yaml',
      'vendor: opscenter\nclusters:\n  - name: Prod_Cluster\n    nodes:\n      - { ip: 10.1.1.12, state: down }\n',
    )
    const shop = file(
      'shop.yaml',
      [
        'vendor: opmanager',
        'devices: [{ name: till-01, ip: 192.168.7.1 }]',
        'alarms: [{ device: till-01, severity: Critical }]',
        'users: [{ userName: ana, password: secret, privilege: Administrators, restApiAccess: true }]',
        'keys: [{ userName: ana, value: ana-key-0123456789 }]',
      ].join('\n'),
    )
    const server = start(['--world', 'worlds/opscenter.seed.yaml', '--world', nodeDown, '--world', shop])
    const banner = await server.ready
    try {
      const opscenter = /OpsCenter\s+(http:\/\/\S+)/.exec(banner)![1]!
      const opmanager = /OpManager\s+(http:\/\/\S+)/.exec(banner)![1]!
      const login = await fetch(`${opscenter}/login`, {
        method: 'POST',
        body: JSON.stringify({ username: 'admin', password: 'admin' }),
      }).then((response) => response.json())
      const nodes = await fetch(`${opscenter}/Prod_Cluster/nodes`, { headers: { 'opscenter-session': login.sessionid } }).then((response) =>
        response.json(),
      )
      // The override names one node of the cluster: the others and the node's other fields come from the seed file.
      expect(nodes.map((node: { node_ip: string; node_name: string; mode: string }) => [node.node_ip, node.node_name, node.mode])).toEqual([
        ['10.1.1.11', 'cass-us-east-1.example.com', 'normal'],
        ['10.1.1.12', 'cass-us-east-2.example.com', 'unknown'],
        ['10.1.1.13', 'cass-us-east-3.example.com', 'normal'],
      ])
      const devices = await fetch(`${opmanager}/api/json/device/listDevices`, { headers: { apiKey: 'ana-key-0123456789' } }).then(
        (response) => response.json(),
      )
      expect(devices.map((device: { displayName: string; statusStr: string }) => [device.displayName, device.statusStr])).toEqual([
        ['till-01', 'Critical'],
      ])
    } finally {
      server.child.kill('SIGTERM')
    }
  })

  it('refuses a bad world with every problem by file and line, and opens no port', async () => {
    const bad = file('bad.yaml', 'vendor: opsview\nhostgroups:\n  - name: Estate\n    colour: red\nhosts:\n  - { name: web01 }\n')
    const failure = await start(['--world', bad]).ready.then(
      () => undefined,
      (error: { code: number; output: string }) => error,
    )
    expect(failure?.code).toBe(1)
    expect(failure?.output).toContain(`${bad}:4 /hostgroups/0/colour: unknown field 'colour'`)
    expect(failure?.output).toContain(`${bad}:6 /hosts/0: missing required field 'ip'`)
    expect(failure?.output).not.toContain('http://')
  })
})
