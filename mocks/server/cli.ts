import { version } from '../../package.json'
import { COMMANDS, COMMON_OPTIONS, DEFAULT_COMMAND, type Command } from './commands'
import { loadConfigFile } from './config-file'
import { describeOptions, parseFlags, resolveOptions, UsageError, type OptionSpec } from './options'

/**
 * `opsmocks <command> [options]` (`npx opsmocks`, `npm start`): start | contract | docs, `--help`, `--version`.
 * A mistake in the call prints one line naming it and the usage, and exits 2; a failure while running
 * prints one line and exits 1. Never a stack trace.
 */
const PRECEDENCE = 'Each option is taken from, in order: the command line, its environment variable, the config file, the default.'

function optionsOf(command: Command): OptionSpec[] {
  return [...command.options, ...COMMON_OPTIONS]
}

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2
  return [
    `opsmocks ${version}: stateful, spec-driven mocks of the Opsview, DataStax OpsCenter and ManageEngine OpManager REST APIs`,
    '',
    'usage: opsmocks <command> [options]        (no command: start)',
    '       opsmocks --help | --version',
    '',
    'commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    ...COMMANDS.flatMap((command) => ['', `opsmocks ${command.name} options:`, ...describeOptions(optionsOf(command))]),
    '',
    PRECEDENCE,
    'The config file is opsmocks.config.json in the working directory, or --config FILE; its keys are the option names,',
    'e.g. {"opsview-port": 4011, "cors": ["http://localhost:5173"], "log": true, "contract": {"out": "reports"}};',
    'a section named after a command holds values for that command only. {VENDOR} is OPSVIEW, OPSCENTER or OPMANAGER.',
  ].join('\n')
}

function commandHelp(command: Command): string {
  return [
    `usage: ${command.usage}`,
    '',
    `${command.summary}.`,
    '',
    'options:',
    ...describeOptions(optionsOf(command)),
    '',
    PRECEDENCE,
  ].join('\n')
}

async function main(argv: readonly string[]): Promise<number> {
  const first = argv[0]
  if (first === '--version' || first === '-v') {
    console.log(version)
    return 0
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    console.log(helpText())
    return 0
  }
  const named = COMMANDS.find((command) => command.name === first)
  if (!named && first !== undefined && !first.startsWith('-')) {
    const error = new UsageError(`unknown command "${first}"`)
    error.usage = `usage: opsmocks <command> [options]; commands: ${COMMANDS.map((each) => each.name).join(', ')}; see opsmocks --help`
    throw error
  }
  const command = named ?? DEFAULT_COMMAND
  const rest = named ? argv.slice(1) : argv
  try {
    const specs = optionsOf(command)
    const { flags } = parseFlags(specs, rest)
    if (flags.has('help')) {
      console.log(commandHelp(command))
      return 0
    }
    const known = new Map(COMMANDS.map((each) => [each.name, new Set(each.options.map((option) => option.name))]))
    const config = loadConfigFile(flags.get('config')?.at(-1) ?? (process.env.OPSMOCKS_CONFIG || undefined), known, command.name)
    const options = resolveOptions(specs, rest, process.env, config)
    return (await command.run(options, { argv: rest, config })) ?? 0
  } catch (error) {
    if (error instanceof UsageError) error.usage ??= `usage: ${command.usage}; see opsmocks ${command.name} --help`
    throw error
  }
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`opsmocks: ${error.message}`)
    console.error(error.usage)
    process.exit(2)
  }
  console.error(`opsmocks: ${(error as Error).message}`)
  process.exit(1)
}
