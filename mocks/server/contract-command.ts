import { spawn } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CONTRACT_VENDORS, REAL_VENDOR_NEEDS, type ContractVendor } from '../../contracts/support/real-vendors'
import type { Command, CommandContext } from './commands'
import { resolveOptions, UsageError, type OptionSpec, type ResolvedOptions } from './options'

const CONTRACT_OPTIONS: OptionSpec[] = [
  {
    name: 'vendor',
    type: 'list',
    placeholder: `${CONTRACT_VENDORS.join('|')}|all`,
    env: 'OPSMOCKS_CONTRACT_VENDOR',
    description: 'which vendor suites to run (required)',
  },
  {
    name: 'target',
    type: 'string',
    placeholder: 'URL|real',
    env: '{VENDOR}_URL',
    description: "the server's base URL (real: take it from the environment)",
  },
  { name: 'username', type: 'string', env: '{VENDOR}_USERNAME', description: 'Opsview / OpsCenter user for the suite' },
  { name: 'password', type: 'string', env: '{VENDOR}_PASSWORD', description: "that user's password" },
  { name: 'api-key', type: 'string', env: '{VENDOR}_API_KEY', description: 'OpManager API key' },
  {
    name: 'allow-writes',
    type: 'boolean',
    env: '{VENDOR}_ALLOW_WRITES',
    default: false,
    description: 'let the suite create and delete its own opsmocks-… objects (never on OpManager)',
  },
  {
    name: 'out',
    type: 'string',
    placeholder: 'DIR',
    env: 'OPSMOCKS_REPORT_DIR',
    default: 'opsmocks-reports',
    description: 'report folder',
  },
  {
    name: 'name',
    type: 'string',
    placeholder: 'NAME',
    env: 'OPSMOCKS_REPORT_NAME',
    defaultText: '<vendor>-<UTC time>',
    description: 'report name; an existing one gets a -2, -3… suffix, so no report is overwritten',
  },
  {
    name: 'allow-skip',
    type: 'boolean',
    env: 'OPSMOCKS_ALLOW_SKIP',
    default: false,
    description: 'exit 0 instead of 1 when the URL or a credential is missing',
  },
]

/**
 * `opsmocks contract --vendor opsview --target URL`: the vendor's contract suite against any server (a
 * real Opsview, or an opsmocks server), read-only unless writes are allowed. Writes `<name>.junit.xml`,
 * `<name>.fidelity.json` (responses that differ from the spec) and `<name>.coverage.json` (documented
 * operation × status pairs seen) to the report folder. Missing URL or credentials end the run with exit 1
 * and one line naming them, unless `--allow-skip`.
 */
export const contractCommand: Command = {
  name: 'contract',
  summary: "run a vendor's contract suite against a server, with JUnit, fidelity and coverage reports",
  usage: 'opsmocks contract --vendor opsview|opscenter|opmanager|all --target URL [--username U --password P | --api-key K] [--out DIR]',
  options: CONTRACT_OPTIONS,
  run: runContracts,
}

async function runContracts(options: ResolvedOptions, context: CommandContext): Promise<number> {
  if (options.positionals.length) throw new UsageError(`unexpected argument "${options.positionals[0]}"`)
  const vendors = chosenVendors(options.get<string[]>('vendor'))
  const out = resolve(options.get<string>('out')!)
  let status = 0
  for (const vendor of vendors) {
    // {VENDOR} environment variables differ per vendor, so each vendor resolves the options again.
    const perVendor = resolveOptions(CONTRACT_OPTIONS, context.argv, process.env, context.config, vendor)
    const run = vendorRun(vendor, perVendor)
    if ('missing' in run) {
      const line = `${REAL_VENDOR_NEEDS[vendor].title} contract not run: missing ${run.missing.join(', ')}`
      if (perVendor.get<boolean>('allow-skip')) {
        console.log(`opsmocks: ${line} (skipped: --allow-skip)`)
        continue
      }
      console.error(`opsmocks: ${line}`)
      status = 1
      continue
    }
    mkdirSync(out, { recursive: true })
    const base = freeReportBase(out, perVendor.get<string>('name') ?? `${vendor}-${timestamp()}`, vendors.length > 1 ? vendor : undefined)
    const code = await runSuite(vendor, run, base)
    console.log(`reports: ${base}.junit.xml, ${base}.fidelity.json, ${base}.coverage.json`)
    if (code !== 0) status = code
  }
  return status
}

function chosenVendors(values: string[] | undefined): ContractVendor[] {
  if (!values) throw new UsageError(`--vendor is required (${CONTRACT_VENDORS.join(', ')} or all)`)
  if (values.includes('all')) return [...CONTRACT_VENDORS]
  for (const value of values)
    if (!(CONTRACT_VENDORS as string[]).includes(value))
      throw new UsageError(`--vendor: unknown vendor "${value}"; known: ${CONTRACT_VENDORS.join(', ')}, all`)
  return values as ContractVendor[]
}

interface VendorRun {
  url: string
  values: Record<string, string>
  allowWrites: boolean
}

function vendorRun(vendor: ContractVendor, options: ResolvedOptions): VendorRun | { missing: string[] } {
  const needs = REAL_VENDOR_NEEDS[vendor]
  const missing: string[] = []
  let target = options.get<string>('target')
  // `--target real` (or no target) means: the URL comes from the environment.
  if (target === 'real') target = process.env[needs.urlEnv] || undefined
  if (!target) missing.push(`${needs.urlEnv} (or --target URL)`)
  else if (!/^https?:\/\/[^/]/.test(target)) throw new UsageError(`--target: "${target}" is not an http(s) URL or real`)
  const values: Record<string, string> = {}
  for (const credential of needs.credentials) {
    const value = options.get<string>(credential.option)
    if (value) values[credential.option] = value
    else missing.push(`${credential.env} (or --${credential.option})`)
  }
  if (missing.length) return { missing }
  const writes = options.get<boolean>('allow-writes') === true && 'writesEnv' in needs
  return { url: target!, values, allowWrites: writes }
}

/** `<out>/<name>`, or `<name>-2`, `-3`… when a report of that name is already there. */
function freeReportBase(out: string, name: string, vendorSuffix: string | undefined): string {
  const stem = join(out, vendorSuffix && !name.startsWith(vendorSuffix) ? `${name}-${vendorSuffix}` : name)
  const taken = (base: string) => ['.junit.xml', '.fidelity.json', '.coverage.json'].some((ext) => existsSync(`${base}${ext}`))
  if (!taken(stem)) return stem
  for (let index = 2; ; index++) if (!taken(`${stem}-${index}`)) return `${stem}-${index}`
}

function timestamp(): string {
  return new Date()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')
}

/** The package's built contract suites (dist/lib) run by the Vitest installed next to the package. */
function runSuite(vendor: ContractVendor, run: VendorRun, base: string): Promise<number> {
  const lib = fileURLToPath(new URL('../lib/', import.meta.url))
  let vitest: string
  try {
    vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs')
  } catch {
    throw new Error('opsmocks contract runs the suites with Vitest, which is not installed here: npm install --save-dev vitest')
  }
  if (!existsSync(join(lib, 'contract-run.js'))) throw new Error(`the built contract suites are missing from ${lib} (run npm run build)`)
  const args = [
    vitest,
    'run',
    '--root',
    lib,
    '--config',
    join(lib, 'contract-run.config.js'),
    '--reporter=default',
    '--reporter=junit',
    `--outputFile.junit=${base}.junit.xml`,
  ]
  const env = {
    ...process.env,
    OPSMOCKS_CONTRACT_VENDOR: vendor,
    OPSMOCKS_CONTRACT_URL: run.url,
    OPSMOCKS_CONTRACT_CREDENTIALS: JSON.stringify(run.values),
    OPSMOCKS_CONTRACT_ALLOW_WRITES: run.allowWrites ? '1' : '0',
    OPSMOCKS_CONTRACT_REPORT: base,
  }
  console.log(
    `opsmocks: ${REAL_VENDOR_NEEDS[vendor].title} contract against ${run.url}${run.allowWrites ? ' (writes allowed)' : ' (read-only)'}`,
  )
  const child = spawn(process.execPath, args, { stdio: 'inherit', env })
  return new Promise((resolveCode) => child.once('exit', (code) => resolveCode(code ?? 1)))
}
