// `npm test`: everything CI checks, in order, ending with one "N passed, N failed" line.
//   spec lint → generated files fresh → formatting → typecheck → build server → vitest (unit + contract) → docs → Playwright e2e
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const reports = '.reports'
mkdirSync(reports, { recursive: true })
let passed = 0
let failed = 0
let skipped = 0

function step(name, command, args, options = {}) {
  process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...options.env } })
  const ok = result.status === 0
  if (options.counted === false) {
    if (ok) passed++
    else failed++
  }
  if (!ok) process.stdout.write(`=== ${name} FAILED (exit ${result.status})\n`)
  return ok
}

step('lint spec', 'npx', ['--no-install', 'redocly', 'lint'], { counted: false })
step('generated files are fresh', 'npm', ['run', '--silent', 'check:generated'], { counted: false })
step('formatting', 'npx', ['--no-install', 'prettier', '--check', '.'], { counted: false })
step('typecheck', 'npx', ['--no-install', 'tsc', '-p', '.'], { counted: false })
const built = step('build server', 'npm', ['run', '--silent', 'build:server'], { counted: false })

if (built) {
  rmSync(`${reports}/coverage`, { recursive: true, force: true })
  step('vitest', 'npx', [
    '--no-install',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reports}/vitest.json`,
  ])
  if (existsSync(`${reports}/vitest.json`)) {
    const report = JSON.parse(readFileSync(`${reports}/vitest.json`, 'utf8'))
    passed += report.numPassedTests
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0)
    skipped += report.numPendingTests + report.numTodoTests
  } else failed++
  step('every documented status is exercised', process.execPath, ['scripts/coverage-report.mjs'], { counted: false })

  step('docs', 'npm', ['run', '--silent', 'docs'], { counted: false })
  execFileSync(process.execPath, ['scripts/ensure-chromium.mjs'], { stdio: 'inherit' })
  step('e2e', 'npx', ['--no-install', 'playwright', 'test'])
  if (existsSync(`${reports}/playwright.json`)) {
    const { stats } = JSON.parse(readFileSync(`${reports}/playwright.json`, 'utf8'))
    passed += stats.expected + stats.flaky
    failed += stats.unexpected
    skipped += stats.skipped
  } else failed++
}

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed ? 1 : 0)
