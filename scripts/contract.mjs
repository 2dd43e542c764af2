// `npm run contract -- [--vendor opsview|opscenter|opmanager|all] [--target msw|http|wire|real|all] [--junit FILE]`
// Runs the contract suites against the chosen targets (default: every vendor, msw + http + wire) with a JUnit report.
// real: reads <VENDOR>_URL and credentials from the environment (see README), and is skipped with one line without them.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'

const VENDORS = ['opsview', 'opscenter', 'opmanager']
const TARGETS = ['msw', 'http', 'wire', 'real']
const { values } = parseArgs({
  options: {
    vendor: { type: 'string', default: 'all' },
    target: { type: 'string', default: 'msw,http,wire' },
    junit: { type: 'string', default: '.reports/contract-junit.xml' },
  },
})
const pick = (value, all, what) => {
  const chosen = value === 'all' ? all : value.split(',')
  for (const item of chosen) if (!all.includes(item)) throw new Error(`unknown ${what} "${item}"; choose from ${all.join(', ')} or all`)
  return chosen
}
const vendors = pick(values.vendor, VENDORS, 'vendor')
const targets = pick(values.target, TARGETS, 'target')
const files = vendors
  .flatMap((vendor) => targets.map((target) => `test/contract/${vendor}.${target}.test.ts`))
  .filter((file) => existsSync(file))
if (targets.some((target) => target === 'http' || target === 'wire')) {
  const build = spawnSync('npm', ['run', '--silent', 'build:server'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const result = spawnSync(
  'npx',
  [
    '--no-install',
    'vitest',
    'run',
    '--project',
    'contract',
    ...files,
    '--reporter=default',
    '--reporter=junit',
    `--outputFile.junit=${values.junit}`,
  ],
  { stdio: 'inherit' },
)
console.log(`JUnit report: ${values.junit}`)
process.exit(result.status ?? 1)
