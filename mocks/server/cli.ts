import { parseArgs } from 'node:util'
import { listen, type RunningServer } from './node-adapter'
import { VENDORS, type VendorEntry } from '../vendors'
import { WorldError } from '../core/world'
import { readWorldFiles } from './world-files'
import { runProxyCli } from './proxy-cli'
import { latestReports } from './reports'

// `opsmocks proxy ...`: the record-through proxy (it runs until Ctrl-C, so nothing below runs).
if (process.argv[2] === 'proxy') await runProxyCli(process.argv.slice(3))

/**
 * `npm start`: every vendor mock on its own port on 127.0.0.1, seeded, until Ctrl-C.
 *   --host 127.0.0.1   --only opsview,opmanager   --<vendor>-port N   (or <VENDOR>_PORT=N; 0 picks a free port)
 */
const options = Object.fromEntries(VENDORS.map((vendor) => [`${vendor.name}-port`, { type: 'string' as const }]))
const { values } = parseArgs({
  options: {
    ...options,
    host: { type: 'string', default: process.env.OPSMOCKS_HOST ?? '127.0.0.1' },
    only: { type: 'string' },
    world: { type: 'string', multiple: true },
    help: { type: 'boolean' },
  },
  strict: true,
})

if (values.help) {
  console.log(
    `usage: npm start -- [--host 127.0.0.1] [--only ${VENDORS.map((vendor) => vendor.name).join(',')}] [--world FILE ...] ${VENDORS.map((vendor) => `[--${vendor.name}-port ${vendor.defaultPort}]`).join(' ')}`,
  )
  process.exit(0)
}

function portFor(vendor: VendorEntry): number {
  const raw =
    (values as unknown as Record<string, string | undefined>)[`${vendor.name}-port`] ??
    process.env[vendor.portEnv] ??
    String(vendor.defaultPort)
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`[opsmocks] invalid port for ${vendor.name}: "${raw}"`)
  return port
}

const only = values.only?.split(',').map((name) => name.trim())
const selected = VENDORS.filter((vendor) => !only || only.includes(vendor.name))
if (!selected.length) {
  console.error(`[opsmocks] --only matched no vendor; known: ${VENDORS.map((vendor) => vendor.name).join(', ')}`)
  process.exit(2)
}

const running: RunningServer[] = []
let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  await Promise.all(running.map((server) => server.close()))
  console.log(`opsmocks stopped (${signal})`)
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))

try {
  const worlds = readWorldFiles(
    values.world ?? [],
    VENDORS.map((vendor) => vendor.name),
  )
  // Every mock is built (and its worlds checked) before any port opens: a bad world starts nothing.
  const services = new Map<VendorEntry, Awaited<ReturnType<VendorEntry['create']>>['service']>()
  for (const vendor of selected) {
    const world = worlds.get(vendor.name)
    const { service } = await vendor.create(world ? { world } : {})
    service.reports = () => latestReports(vendor.name)
    services.set(vendor, service)
  }
  for (const vendor of selected) {
    const world = worlds.get(vendor.name)
    const service = services.get(vendor)!
    const port = portFor(vendor)
    const server = await listen(service, { host: values.host, port }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') throw error
      throw new Error(`port ${port} for ${vendor.name} is in use; pick another with --${vendor.name}-port or ${vendor.portEnv}`)
    })
    running.push(server)
    console.log(`${vendor.title.padEnd(10)} ${server.url}${world ? `  (world: ${world.map((file) => file.source).join(' + ')})` : ''}`)
    for (const line of vendor.describe(server.url)) console.log(`           ${line}`)
  }
  console.log('opsmocks ready (console and control API at /__opsmocks/ on each port). Ctrl-C to stop.')
} catch (error) {
  // A bad world file lists every problem by file, line and path, and nothing starts.
  if (error instanceof WorldError) console.error(`[opsmocks] not started: ${error.message}`)
  else console.error(`[opsmocks] failed to start: ${(error as Error).message}`)
  await Promise.all(running.map((server) => server.close()))
  process.exit(1)
}
