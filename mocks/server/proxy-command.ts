import { VENDORS } from '../vendors'
import type { Command } from './commands'
import { UsageError, type ResolvedOptions } from './options'
import { startProxy } from './proxy'

const VENDOR_NAMES = VENDORS.map((vendor) => vendor.name)

/**
 * `opsmocks proxy --vendor opsview --target https://opsview.example --world-out my-world.yaml`: the
 * record-through proxy. Runs until Ctrl-C, then writes everything once more and prints the fidelity summary.
 */
export const proxyCommand: Command = {
  name: 'proxy',
  summary: 'forward to a real vendor, check every answer against the spec live, and record what it serves as a world',
  usage: `opsmocks proxy --vendor ${VENDOR_NAMES.join('|')} --target URL [--world-out FILE] [--recording FILE] [--port N]`,
  options: [
    { name: 'vendor', type: 'choice', values: VENDOR_NAMES, env: 'OPSMOCKS_PROXY_VENDOR', description: 'which vendor the target is' },
    { name: 'target', type: 'string', placeholder: 'URL', env: 'OPSMOCKS_PROXY_TARGET', description: "the real vendor's base URL" },
    { name: 'port', type: 'port', env: 'OPSMOCKS_PROXY_PORT', default: 0, description: 'port to listen on (0 picks a free one)' },
    { name: 'host', type: 'string', placeholder: 'ADDRESS', env: 'OPSMOCKS_HOST', default: '127.0.0.1', description: 'address to bind' },
    {
      name: 'world-out',
      type: 'string',
      placeholder: 'FILE',
      description: 'write what the answers showed as a world file (YAML; holds the credentials the client used)',
    },
    {
      name: 'recording',
      type: 'string',
      placeholder: 'FILE',
      defaultText: '<world-out>.recording.json',
      description: 'write every exchange (secrets redacted) as JSON',
    },
  ],
  run: async (options: ResolvedOptions) => {
    if (options.positionals.length) throw new UsageError(`unexpected argument "${options.positionals[0]}"`)
    const vendor = VENDORS.find((entry) => entry.name === options.get<string>('vendor'))
    if (!vendor) throw new UsageError(`--vendor is needed: one of ${VENDOR_NAMES.join(', ')}`)
    const target = options.get<string>('target')
    if (!target || !/^https?:\/\/[^/]/.test(target)) throw new UsageError('--target must be the http(s) URL of the real vendor')
    const worldOut = options.get<string>('world-out')
    const proxy = await startProxy({
      vendor,
      target,
      port: options.get<number>('port'),
      host: options.get<string>('host'),
      worldOut,
      recordingOut: options.get<string>('recording'),
      log: (line) => console.log(line),
    })
    console.log(`${vendor.title} proxy ${proxy.url} → ${target}`)
    console.log(`${worldOut ? `learning a world into ${worldOut}; ` : ''}fidelity report in .reports/fidelity-${vendor.name}.json`)
    console.log('opsmocks proxy ready. Ctrl-C to stop.')
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        void proxy.close().then(() => {
          console.log(`opsmocks proxy stopped (${signal}): ${proxy.differences.length} answers differed from the spec`)
          resolve()
        })
      }
      process.once('SIGINT', () => stop('SIGINT'))
      process.once('SIGTERM', () => stop('SIGTERM'))
    })
  },
}
