import type { MockService } from '../core/service'
import { VENDORS, type VendorEntry } from '../vendors'
import type { Command } from './commands'
import { corsPolicy, withCors } from './cors'
import { listen, type RequestListener, type RunningServer } from './node-adapter'
import { UsageError, type OptionSpec, type ResolvedOptions } from './options'
import { withRequestLog, type LogFormat } from './request-log'
import { generateTlsFiles, readTlsFiles, type TlsFiles } from './tls'
import { latestReports } from './reports'
import { readWorldFiles } from './world-files'

const VENDOR_NAMES = VENDORS.map((vendor) => vendor.name)

const START_OPTIONS: OptionSpec[] = [
  { name: 'host', type: 'string', placeholder: 'ADDRESS', env: 'OPSMOCKS_HOST', default: '127.0.0.1', description: 'address to bind' },
  {
    name: 'allowed-hosts',
    type: 'list',
    placeholder: 'NAME,…|*',
    env: 'OPSMOCKS_ALLOWED_HOSTS',
    defaultText: 'loopback names, IP literals and --host',
    description: 'more names the Host header may carry (DNS-rebinding defence; * allows any)',
  },
  {
    name: 'only',
    type: 'list',
    placeholder: VENDOR_NAMES.join(','),
    env: 'OPSMOCKS_ONLY',
    defaultText: 'every vendor',
    description: 'serve only these vendors',
  },
  ...VENDORS.map((vendor): OptionSpec => ({
    name: `${vendor.name}-port`,
    type: 'port',
    env: vendor.portEnv,
    default: vendor.defaultPort,
    description: `${vendor.title} port (0 picks a free one)`,
  })),
  ...VENDORS.flatMap((vendor) => vendor.options),
  {
    name: 'world',
    type: 'list',
    variadic: true,
    placeholder: 'FILE…',
    env: 'OPSMOCKS_WORLD',
    defaultText: 'the built-in seeds (worlds/*.seed.yaml)',
    description: 'start from these world files (YAML or JSON, each naming its vendor; later files override earlier ones)',
  },
  {
    name: 'cors',
    type: 'list',
    variadic: true,
    placeholder: 'ORIGIN…|loopback|*|off',
    env: 'OPSMOCKS_CORS',
    default: ['loopback'],
    description: 'browser origins allowed to call the mocks (preflights answered, vendor auth headers allowed)',
  },
  { name: 'log', type: 'boolean', env: 'OPSMOCKS_LOG', default: false, description: 'print one line per request (secrets redacted)' },
  {
    name: 'log-format',
    type: 'choice',
    values: ['text', 'json'],
    env: 'OPSMOCKS_LOG_FORMAT',
    default: 'text',
    description: 'request log format; setting it turns the log on',
  },
  { name: 'tls', type: 'boolean', env: 'OPSMOCKS_TLS', default: false, description: 'serve HTTPS with a certificate generated at start' },
  {
    name: 'cert',
    type: 'string',
    placeholder: 'FILE',
    env: 'OPSMOCKS_TLS_CERT',
    description: 'serve HTTPS with this PEM certificate (with --key)',
  },
  { name: 'key', type: 'string', placeholder: 'FILE', env: 'OPSMOCKS_TLS_KEY', description: 'the PEM private key of --cert' },
  {
    name: 'tls-dir',
    type: 'string',
    placeholder: 'DIR',
    env: 'OPSMOCKS_TLS_DIR',
    defaultText: 'a new temporary folder',
    description: 'where --tls writes its CA and certificate (a CA already there is reused)',
  },
]

/** `opsmocks start`: every vendor mock on its own port, seeded, until Ctrl-C. */
export const startCommand: Command = {
  name: 'start',
  summary: 'serve the seeded Opsview, OpsCenter and OpManager mocks (the default command)',
  usage: 'opsmocks start [--only opsview,opscenter,opmanager] [--opsview-port N] [--cors ORIGIN…|off] [--log] [--tls] [options]',
  options: START_OPTIONS,
  run: start,
}

async function start(options: ResolvedOptions): Promise<void> {
  if (options.positionals.length) throw new UsageError(`unexpected argument "${options.positionals[0]}"`)
  const only = options.get<string[]>('only')
  const unknown = only?.filter((name) => !VENDOR_NAMES.includes(name as VendorEntry['name']))
  if (unknown?.length) throw new UsageError(`--only: unknown vendor "${unknown[0]}"; known: ${VENDOR_NAMES.join(', ')}`)
  const selected = VENDORS.filter((vendor) => !only || only.includes(vendor.name))
  const host = options.get<string>('host')!
  const wrapFor = listenerWrapper(options)
  const tls = tlsFiles(options, host)
  const settings = (name: string) => options.values.get(name)

  const running: RunningServer[] = []
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    await Promise.all(running.map((server) => server.close()))
    console.log(`opsmocks stopped (${signal})`)
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))

  // Every mock is built (and its worlds checked) before any port opens: a bad world starts nothing.
  const worlds = readWorldFiles(
    options.get<string[]>('world') ?? [],
    VENDORS.map((vendor) => vendor.name),
  )
  const services = new Map<VendorEntry, MockService>()
  for (const vendor of selected) {
    const world = worlds.get(vendor.name)
    const { service } = await vendor.create(settings, world ? { world } : {})
    service.reports = () => latestReports(vendor.name)
    services.set(vendor, service)
  }

  try {
    for (const vendor of selected) {
      const service = services.get(vendor)!
      const world = worlds.get(vendor.name)
      const port = options.get<number>(`${vendor.name}-port`)!
      const server = await listen(service, {
        host,
        port,
        allowedHosts: options.get<string[]>('allowed-hosts') ?? [],
        tls,
        wrap: wrapFor(vendor.name),
      }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EADDRINUSE') throw error
        throw new Error(`port ${port} for ${vendor.name} is in use; pick another with --${vendor.name}-port or ${vendor.portEnv}`)
      })
      running.push(server)
      console.log(`${vendor.title.padEnd(10)} ${server.url}${world ? `  (world: ${world.map((file) => file.source).join(' + ')})` : ''}`)
      for (const line of vendor.describe(server.url, settings)) console.log(`           ${line}`)
    }
    if (tls?.caPath) console.log(`TLS CA     ${tls.caPath} (trust it: curl --cacert ${tls.caPath}, or NODE_EXTRA_CA_CERTS=${tls.caPath})`)
    console.log('opsmocks ready (console and control API at /__opsmocks/ on each port). Ctrl-C to stop.')
  } catch (error) {
    await Promise.all(running.map((server) => server.close()))
    throw error
  }
}

/**
 * What sits in front of each vendor's service: the request log, then CORS (so the log shows preflights
 * too). With both off, nothing does: the service's own listener is the server's.
 */
function listenerWrapper(options: ResolvedOptions): (vendor: string) => ((listener: RequestListener) => RequestListener) | undefined {
  let cors
  try {
    cors = corsPolicy(options.get<string[]>('cors')!)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const logOn = options.get<boolean>('log') === true || options.sources.get('log-format') !== 'default'
  const format = options.get<LogFormat>('log-format')!
  // A closed stdout (`opsmocks start --log | head`) ends the log, never the server.
  let stdoutOpen = true
  if (logOn) process.stdout.on('error', () => (stdoutOpen = false))
  const write = (chunk: string) => void (stdoutOpen && process.stdout.write(chunk))
  if (!cors && !logOn) return () => undefined
  return (vendor) => (listener) => {
    const withCorsHeaders = cors ? withCors(cors, listener) : listener
    return logOn ? withRequestLog(vendor, format, write, withCorsHeaders) : withCorsHeaders
  }
}

function tlsFiles(options: ResolvedOptions, host: string): TlsFiles | undefined {
  const cert = options.get<string>('cert')
  const key = options.get<string>('key')
  if (cert || key) {
    if (!cert || !key) throw new UsageError(`--${cert ? 'key' : 'cert'} is needed with --${cert ? 'cert' : 'key'}`)
    return readTlsFiles(cert, key)
  }
  if (!options.get<boolean>('tls')) return undefined
  return generateTlsFiles(host, options.get<string>('tls-dir'))
}
