import type { OptionSpec, ResolvedOptions } from './options'
import { startCommand } from './start-command'
import { contractCommand } from './contract-command'
import { docsCommand } from './docs-command'
import { proxyCommand } from './proxy-command'

/**
 * A subcommand of `opsmocks`: its options (rows the parser, the config file and `--help` all read) and
 * what it does. A new subcommand is one more row in COMMANDS; nothing else in the CLI changes.
 */
export interface Command {
  name: string
  summary: string
  usage: string
  options: readonly OptionSpec[]
  /** Environment variables with `{VENDOR}` are resolved per vendor by the command itself. */
  run(options: ResolvedOptions, context: CommandContext): Promise<number | void>
}

export interface CommandContext {
  /** The command's raw arguments, for commands that resolve options once per vendor. */
  argv: readonly string[]
  config: { path: string; values: Readonly<Record<string, unknown>> } | undefined
}

/** Options every command takes. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'config',
    type: 'string',
    placeholder: 'FILE',
    env: 'OPSMOCKS_CONFIG',
    defaultText: 'opsmocks.config.json when present',
    description: 'JSON file of option values (keys as the flag names)',
    noFile: true,
  },
  { name: 'help', type: 'boolean', description: 'print this help', noFile: true },
]

export const COMMANDS: readonly Command[] = [startCommand, contractCommand, docsCommand, proxyCommand]

export const DEFAULT_COMMAND = startCommand
