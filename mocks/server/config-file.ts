import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { UsageError } from './options'

const DEFAULT_CONFIG_FILE = 'opsmocks.config.json'

export interface ConfigFile {
  path: string
  values: Readonly<Record<string, unknown>>
}

/**
 * The config file: `--config FILE` (or OPSMOCKS_CONFIG) must exist; otherwise `opsmocks.config.json` in the
 * working directory is read when present. Its keys are option names as on the command line
 * (`{"opsview-port": 4011, "cors": ["http://localhost:5173"], "log": true}`); a section named after a
 * command (`{"contract": {"out": "reports"}}`) holds values for that command only and wins over the top
 * level. A key no command knows is a usage error, so a typo never goes unnoticed.
 */
export function loadConfigFile(
  explicit: string | undefined,
  commands: ReadonlyMap<string, ReadonlySet<string>>,
  command: string,
  cwd = process.cwd(),
): ConfigFile | undefined {
  const path = resolve(cwd, explicit ?? DEFAULT_CONFIG_FILE)
  if (!explicit && !existsSync(path)) return undefined
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`config file ${path} is not valid JSON: ${(error as Error).message}`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new UsageError(`config file ${path} must hold a JSON object of option names and values`)
  const file = parsed as Record<string, unknown>
  const anyCommand = new Set([...commands.values()].flatMap((options) => [...options]))
  const values: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(file)) {
    if (key === '$schema') continue
    const section = commands.get(key)
    if (section) {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new UsageError(`config file ${path}: "${key}" must be an object of ${key} options`)
      for (const name of Object.keys(value)) {
        if (!section.has(name)) throw new UsageError(`config file ${path}: "${key}" has unknown option "${name}"`)
      }
    } else if (!anyCommand.has(key)) throw new UsageError(`config file ${path}: unknown option "${key}"`)
    else values[key] = value
  }
  const own = file[command]
  if (typeof own === 'object' && own !== null) Object.assign(values, own)
  return { path, values }
}
