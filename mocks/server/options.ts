/**
 * The CLI's option model: every option of every subcommand is one row (name, kind, environment variable,
 * default, help), and one resolver applies the documented precedence to all of them:
 *   command-line flag  >  environment variable  >  config file (opsmocks.config.json)  >  default.
 * `--help` is printed from the same rows, so what is documented is what is parsed.
 */

type OptionKind =
  | { type: 'boolean' }
  | { type: 'string'; placeholder?: string }
  | { type: 'port' }
  | { type: 'seconds' }
  | { type: 'choice'; values: readonly string[] }
  /** Comma-separated, or the flag repeated; `--cors a b` also takes the words that follow. */
  | { type: 'list'; placeholder?: string; variadic?: boolean }

export type OptionValue = string | number | boolean | readonly string[]

export type OptionSpec = OptionKind & {
  name: string
  /** Environment variable; `{VENDOR}` is replaced by the vendor's name in capitals where a command runs per vendor. */
  env?: string
  default?: OptionValue
  /** Shown instead of the default in `--help` when the default is computed. */
  defaultText?: string
  description: string
  /** Not read from the config file (e.g. `--config` itself). */
  noFile?: boolean
}

/** A mistake in how the CLI was called: printed as one line plus the usage, exit code 2. */
export class UsageError extends Error {
  /** The usage line to print after the message; the CLI fills in the command's own. */
  usage?: string
}

type Source = 'flag' | 'env' | 'file' | 'default'

export interface ResolvedOptions {
  readonly values: ReadonlyMap<string, OptionValue | undefined>
  readonly sources: ReadonlyMap<string, Source>
  get<T extends OptionValue>(name: string): T | undefined
  /** Arguments that were not options (e.g. a subcommand's operands). */
  readonly positionals: readonly string[]
}

/** Splits argv into flag values by option name; unknown options and missing values are usage errors. */
export function parseFlags(specs: readonly OptionSpec[], argv: readonly string[]): { flags: Map<string, string[]>; positionals: string[] } {
  const byName = new Map(specs.map((spec) => [spec.name, spec]))
  const flags = new Map<string, string[]>()
  const positionals: string[] = []
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!
    if (!token.startsWith('--') || token === '--') {
      positionals.push(token)
      continue
    }
    const equals = token.indexOf('=')
    const name = token.slice(2, equals === -1 ? undefined : equals)
    const spec = byName.get(name)
    if (!spec) throw new UsageError(`unknown option ${token.slice(0, equals === -1 ? undefined : equals)}`)
    const values = flags.get(name) ?? []
    flags.set(name, values)
    if (equals !== -1) {
      values.push(token.slice(equals + 1))
    } else if (spec.type === 'boolean') {
      values.push('true')
    } else {
      const next = argv[index + 1]
      if (next === undefined || next.startsWith('--')) throw new UsageError(`option --${name} needs a value`)
      values.push(next)
      index++
      if (spec.type === 'list' && spec.variadic) {
        while (argv[index + 1] !== undefined && !argv[index + 1]!.startsWith('-')) values.push(argv[++index]!)
      }
    }
  }
  return { flags, positionals }
}

/**
 * Every option's value and where it came from. `env` is the process environment, `file` the parsed config
 * file (already checked for unknown keys), `vendor` fills `{VENDOR}` in environment variable names.
 */
export function resolveOptions(
  specs: readonly OptionSpec[],
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  file: { path: string; values: Readonly<Record<string, unknown>> } | undefined,
  vendor?: string,
): ResolvedOptions {
  const { flags, positionals } = parseFlags(specs, argv)
  const values = new Map<string, OptionValue | undefined>()
  const sources = new Map<string, Source>()
  for (const spec of specs) {
    const flag = flags.get(spec.name)
    const envName = envNameFor(spec, vendor)
    const envValue = envName ? env[envName] : undefined
    if (flag) {
      values.set(spec.name, convert(spec, spec.type === 'list' ? flag.join(',') : flag[flag.length - 1]!, `--${spec.name}`))
      sources.set(spec.name, 'flag')
    } else if (envName && envValue !== undefined && envValue !== '') {
      values.set(spec.name, convert(spec, envValue, envName))
      sources.set(spec.name, 'env')
    } else if (file && !spec.noFile && Object.hasOwn(file.values, spec.name)) {
      values.set(spec.name, convertFileValue(spec, file.values[spec.name], `${file.path}: "${spec.name}"`))
      sources.set(spec.name, 'file')
    } else {
      values.set(spec.name, spec.default)
      sources.set(spec.name, 'default')
    }
  }
  return { values, sources, positionals, get: <T extends OptionValue>(name: string) => values.get(name) as T | undefined }
}

function envNameFor(spec: OptionSpec, vendor?: string): string | undefined {
  if (!spec.env) return undefined
  if (!spec.env.includes('{VENDOR}')) return spec.env
  return vendor ? spec.env.replace('{VENDOR}', vendor.toUpperCase()) : undefined
}

const TRUE = new Set(['1', 'true', 'on', 'yes'])
const FALSE = new Set(['0', 'false', 'off', 'no'])

function convert(spec: OptionSpec, raw: string, origin: string): OptionValue {
  const text = raw.trim()
  switch (spec.type) {
    case 'boolean': {
      const lower = text.toLowerCase()
      if (TRUE.has(lower)) return true
      if (FALSE.has(lower)) return false
      throw new UsageError(`${origin}: "${raw}" is not a boolean (use true or false)`)
    }
    case 'port': {
      const port = Number(text)
      if (text === '' || !Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`${origin}: "${raw}" is not a port (0-65535; 0 picks a free one)`)
      return port
    }
    case 'seconds': {
      const seconds = Number(text)
      if (text === '' || !Number.isFinite(seconds) || seconds <= 0)
        throw new UsageError(`${origin}: "${raw}" is not a positive number of seconds`)
      return seconds
    }
    case 'choice': {
      const value = spec.values.find((candidate) => candidate === text.toLowerCase())
      if (!value) throw new UsageError(`${origin}: "${raw}" is not one of ${spec.values.join(', ')}`)
      return value
    }
    case 'list': {
      const items = text
        .split(/[\s,]+/)
        .map((item) => item.trim())
        .filter(Boolean)
      if (!items.length) throw new UsageError(`${origin}: needs at least one value`)
      return items
    }
    case 'string':
      if (text === '') throw new UsageError(`${origin}: needs a value`)
      return text
  }
}

function convertFileValue(spec: OptionSpec, value: unknown, origin: string): OptionValue {
  if (spec.type === 'list' && Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return convert(spec, value.join(','), origin)
  if (
    typeof value === 'string' ||
    (typeof value === 'number' && spec.type !== 'boolean') ||
    (typeof value === 'boolean' && spec.type === 'boolean')
  )
    return convert(spec, String(value), origin)
  throw new UsageError(`${origin}: ${JSON.stringify(value)} is not a valid ${spec.type}`)
}

/** One line per option for `--help`: flag, placeholder, environment variable and default. */
export function describeOptions(specs: readonly OptionSpec[]): string[] {
  const rows = specs.map((spec) => {
    const flag = `--${spec.name}${placeholder(spec)}`
    const details = [
      spec.env ? `env ${spec.env}` : undefined,
      spec.defaultText ? `default ${spec.defaultText}` : spec.default !== undefined ? `default ${formatDefault(spec.default)}` : undefined,
    ].filter(Boolean)
    return { flag, text: `${spec.description}${details.length ? ` [${details.join('; ')}]` : ''}` }
  })
  const width = Math.max(...rows.map((row) => row.flag.length)) + 2
  return rows.map((row) => `  ${row.flag.padEnd(width)}${row.text}`)
}

function placeholder(spec: OptionSpec): string {
  switch (spec.type) {
    case 'boolean':
      return ''
    case 'port':
      return ' N'
    case 'seconds':
      return ' SECONDS'
    case 'choice':
      return ` ${spec.values.join('|')}`
    case 'list':
      return ` ${spec.placeholder ?? 'A,B'}`
    case 'string':
      return ` ${spec.placeholder ?? 'VALUE'}`
  }
}

function formatDefault(value: OptionValue): string {
  if (Array.isArray(value)) return value.join(',')
  return String(value)
}
