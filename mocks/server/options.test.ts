import { describe, expect, it } from 'vitest'
import { describeOptions, parseFlags, resolveOptions, UsageError, type OptionSpec } from './options'

const SPECS: OptionSpec[] = [
  { name: 'port', type: 'port', env: 'APP_PORT', default: 4010, description: 'port' },
  { name: 'log', type: 'boolean', env: 'APP_LOG', default: false, description: 'log' },
  { name: 'cors', type: 'list', variadic: true, env: 'APP_CORS', default: ['loopback'], description: 'origins' },
  { name: 'user', type: 'string', env: '{VENDOR}_USERNAME', description: 'user' },
  { name: 'mode', type: 'choice', values: ['on', 'off'], default: 'on', description: 'mode' },
]

describe('resolveOptions', () => {
  const file = { path: 'opsmocks.config.json', values: { port: 3000, log: true, cors: ['http://a.test'] } }

  it('takes a flag over the environment over the config file over the default, and says which', () => {
    const resolved = resolveOptions(SPECS, ['--port', '1'], { APP_PORT: '2' }, file)
    expect(resolved.get('port')).toBe(1)
    expect(resolveOptions(SPECS, [], { APP_PORT: '2' }, file).get('port')).toBe(2)
    expect(resolveOptions(SPECS, [], {}, file).get('port')).toBe(3000)
    const defaults = resolveOptions(SPECS, [], {}, undefined)
    expect(defaults.get('port')).toBe(4010)
    expect(defaults.sources.get('port')).toBe('default')
    expect(resolved.sources.get('port')).toBe('flag')
  })

  it('treats an empty environment variable as unset', () => {
    expect(resolveOptions(SPECS, [], { APP_PORT: '' }, file).get('port')).toBe(3000)
  })

  it('reads list options comma-separated, repeated, or as the words after a variadic flag', () => {
    expect(resolveOptions(SPECS, ['--cors', 'http://a.test,http://b.test'], {}, undefined).get('cors')).toEqual([
      'http://a.test',
      'http://b.test',
    ])
    expect(resolveOptions(SPECS, ['--cors', 'http://a.test', 'http://b.test', '--log'], {}, undefined).get('cors')).toEqual([
      'http://a.test',
      'http://b.test',
    ])
    expect(resolveOptions(SPECS, ['--cors=off'], {}, undefined).get('cors')).toEqual(['off'])
  })

  it('fills {VENDOR} in environment variable names per vendor', () => {
    expect(resolveOptions(SPECS, [], { OPSVIEW_USERNAME: 'admin' }, undefined, 'opsview').get('user')).toBe('admin')
    expect(resolveOptions(SPECS, [], { OPSVIEW_USERNAME: 'admin' }, undefined, 'opscenter').get('user')).toBeUndefined()
  })

  it('names the flag, variable or file key of a malformed value', () => {
    expect(() => resolveOptions(SPECS, ['--port', '70000'], {}, undefined)).toThrow(
      new UsageError('--port: "70000" is not a port (0-65535; 0 picks a free one)'),
    )
    expect(() => resolveOptions(SPECS, [], { APP_LOG: 'maybe' }, undefined)).toThrow('APP_LOG: "maybe" is not a boolean')
    expect(() => resolveOptions(SPECS, [], {}, { path: 'f.json', values: { log: 'yes please' } })).toThrow(
      'f.json: "log": "yes please" is not a boolean',
    )
    expect(() => resolveOptions(SPECS, ['--mode', 'auto'], {}, undefined)).toThrow('--mode: "auto" is not one of on, off')
  })

  it('does not treat inherited names in the config file as options', () => {
    const values = Object.create({ port: 1 }) as Record<string, unknown>
    expect(resolveOptions(SPECS, [], {}, { path: 'f.json', values }).get('port')).toBe(4010)
  })
})

describe('parseFlags', () => {
  it('rejects unknown options and options without their value', () => {
    expect(() => parseFlags(SPECS, ['--prot', '1'])).toThrow('unknown option --prot')
    expect(() => parseFlags(SPECS, ['--port'])).toThrow('option --port needs a value')
    expect(() => parseFlags(SPECS, ['--port', '--log'])).toThrow('option --port needs a value')
    expect(() => parseFlags(SPECS, ['--constructor'])).toThrow('unknown option --constructor')
  })
})

describe('describeOptions', () => {
  it('shows every option with its placeholder, environment variable and default', () => {
    const lines = describeOptions(SPECS)
    expect(lines[0]).toMatch(/^ {2}--port N +port \[env APP_PORT; default 4010\]$/)
    expect(lines[2]).toContain('default loopback')
    expect(lines[4]).toContain('--mode on|off')
  })
})
