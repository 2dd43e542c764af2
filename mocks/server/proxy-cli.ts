import { parseArgs } from 'node:util'
import { VENDORS } from '../vendors'
import { startProxy } from './proxy'

/**
 * `opsmocks proxy --vendor opsview --target https://opsview.example --world-out my-world.yaml`
 * (until the CLI has a command table: `npm run proxy -- ...`). Runs until Ctrl-C, then writes
 * everything once more and prints the fidelity summary.
 */
export async function runProxyCli(args: string[]): Promise<never> {
  const { values } = parseArgs({
    args,
    options: {
      vendor: { type: 'string' },
      target: { type: 'string' },
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'world-out': { type: 'string' },
      recording: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  })
  const usage = `usage: opsmocks proxy --vendor ${VENDORS.map((vendor) => vendor.name).join('|')} --target URL [--world-out FILE] [--recording FILE] [--port N] [--host H]`
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  const vendor = VENDORS.find((entry) => entry.name === values.vendor)
  if (!vendor || !values.target || !/^https?:\/\//.test(values.target)) {
    console.error(
      `[opsmocks] ${!vendor ? `--vendor must be one of ${VENDORS.map((entry) => entry.name).join(', ')}` : '--target must be an http(s) URL'}\n${usage}`,
    )
    process.exit(2)
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`[opsmocks] invalid --port "${values.port}"`)
    process.exit(2)
  }
  const proxy = await startProxy({
    vendor,
    target: values.target,
    port,
    host: values.host,
    worldOut: values['world-out'],
    recordingOut: values.recording,
    log: (line) => console.log(line),
  })
  console.log(`${vendor.title} proxy ${proxy.url} → ${values.target}`)
  if (values['world-out'])
    console.log(`learning a world into ${values['world-out']}; fidelity report in .reports/fidelity-${vendor.name}.json`)
  console.log('opsmocks proxy ready. Ctrl-C to stop.')
  const stop = async (signal: string) => {
    await proxy.close()
    console.log(`opsmocks proxy stopped (${signal}): ${proxy.differences.length} answers differed from the spec`)
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  return new Promise<never>(() => {})
}
