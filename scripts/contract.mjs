// `npm run contract -- [--vendor opsview|opscenter|opmanager|all] [--target msw|http|wire|real|all] [--junit FILE] [--allow-skip]`
// Runs the contract suites against the chosen targets (default: every vendor, msw + http + wire) with a JUnit report.
// real: the same run as the package's `opsmocks contract --target real`: URL and credentials from the environment
// (see README), reports in .reports/; a missing variable fails the run with one line naming it, unless --allow-skip.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'

const VENDORS = ['opsview', 'opscenter', 'opmanager']
const TARGETS = ['msw', 'http', 'wire', 'real']
let values
try {
  ;({ values } = parseArgs({
    options: {
      vendor: { type: 'string', default: 'all' },
      target: { type: 'string', default: 'msw,http,wire' },
      junit: { type: 'string', default: '.reports/contract-junit.xml' },
      'allow-skip': { type: 'boolean', default: false },
    },
  }))
} catch (error) {
  console.error(`contract: ${error.message}`)
  process.exit(2)
}
const pick = (value, all, what) => {
  const chosen = value === 'all' ? all : value.split(',')
  for (const item of chosen) {
    if (all.includes(item)) continue
    console.error(`contract: unknown ${what} "${item}"; choose from ${all.join(', ')} or all`)
    process.exit(2)
  }
  return chosen
}
const vendors = pick(values.vendor, VENDORS, 'vendor')
const targets = pick(values.target, TARGETS, 'target')
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1
const build = (script) => {
  const status = run('npm', ['run', '--silent', script])
  if (status !== 0) process.exit(status)
}

let status = 0
const files = vendors
  .flatMap((vendor) => targets.filter((target) => target !== 'real').map((target) => `test/contract/${vendor}.${target}.test.ts`))
  .filter((file) => existsSync(file))
if (targets.some((target) => target === 'http' || target === 'wire' || target === 'real')) build('build:server')
if (files.length) {
  status = run('npx', [
    '--no-install',
    'vitest',
    'run',
    '--project',
    'contract',
    ...files,
    '--reporter=default',
    '--reporter=junit',
    `--outputFile.junit=${values.junit}`,
  ])
  console.log(`JUnit report: ${values.junit}`)
}
if (targets.includes('real')) {
  build('build:lib')
  const args = ['dist/server/cli.js', 'contract', '--vendor', vendors.join(','), '--target', 'real', '--out', '.reports']
  const real = run(process.execPath, values['allow-skip'] ? [...args, '--allow-skip'] : args)
  if (real !== 0) status = real
}
process.exit(status)
