// `npm test`: everything CI checks, in order, ending with one "N passed, N failed" line.
//   spec lint → generated files fresh → formatting → typecheck → unused code (knip) → build server → vitest (unit + contract)
//   → the real-vendor suites against the built server → the fuzz suite → the npm package (pack, install, use) → status coverage
//   → docs → Playwright e2e
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const reports = '.reports'
mkdirSync(reports, { recursive: true })
let passed = 0
let failed = 0
let skipped = 0

function countVitest(file) {
  if (!existsSync(file)) return void failed++
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0)
  skipped += report.numPendingTests + report.numTodoTests
}

/**
 * The real-vendor runners, pointed at `npm start`'s server as a stand-in vendor: proves the path a user
 * takes against a real Opsview/OpsCenter/OpManager works, and that the mock shows no fidelity differences.
 */
async function realSuitesAgainstTheServer() {
  const server = spawn(process.execPath, ['dist/server/cli.js', '--opsview-port', '0', '--opscenter-port', '0', '--opmanager-port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // Behave like OpsCenter 5.x towards Basic-only requests, as the real-vendor suite expects of a real server.
    env: { ...process.env, OPSCENTER_BASIC_AUTH: 'reject' },
  })
  let banner = ''
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => (banner += chunk) && banner.includes('opsmocks ready') && resolve())
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${banner}`)))
  })
  const url = (title) => new RegExp(`${title}\\s+(http://\\S+)`).exec(banner)[1]
  const env = {
    OPSVIEW_URL: url('Opsview'),
    OPSVIEW_USERNAME: 'admin',
    OPSVIEW_PASSWORD: 'initial',
    OPSVIEW_ALLOW_WRITES: '1',
    OPSCENTER_URL: url('OpsCenter'),
    OPSCENTER_USERNAME: 'admin',
    OPSCENTER_PASSWORD: 'admin',
    OPSCENTER_ALLOW_WRITES: '1',
    OPMANAGER_URL: url('OpManager'),
    OPMANAGER_API_KEY: 'test-api-key-0123456789abcdef',
  }
  const files = ['opsview', 'opscenter', 'opmanager'].map((vendor) => `test/contract/${vendor}.real.test.ts`)
  step(
    'real-vendor suites against npm start',
    'npx',
    [
      '--no-install',
      'vitest',
      'run',
      '--project',
      'contract',
      ...files,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/vitest-real.json`,
    ],
    { env },
  )
  countVitest(`${reports}/vitest-real.json`)
  server.kill('SIGTERM')
}

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
step('no unused files, exports or dependencies (knip)', 'npx', ['--no-install', 'knip'], { counted: false })
const built = step('build server', 'npm', ['run', '--silent', 'build:server'], { counted: false })

if (built) {
  execFileSync(process.execPath, ['scripts/ensure-debian-packages.mjs'], { stdio: 'inherit' })
  rmSync(`${reports}/coverage`, { recursive: true, force: true })
  step('vitest', 'npx', [
    '--no-install',
    'vitest',
    'run',
    '--project',
    'unit',
    '--project',
    'contract',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reports}/vitest.json`,
  ])
  countVitest(`${reports}/vitest.json`)
  await realSuitesAgainstTheServer()
  // Its own step, so its CPU does not compete with the timed server-start tests of the step above.
  step('fuzz: every operation of the three specs (seeded, bounded)', 'npx', [
    '--no-install',
    'vitest',
    'run',
    '--project',
    'fuzz',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reports}/vitest-fuzz.json`,
  ])
  countVitest(`${reports}/vitest-fuzz.json`)
  step('the npm package: pack, install into a fresh project, use', 'npx', [
    '--no-install',
    'vitest',
    'run',
    '--project',
    'package',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reports}/vitest-package.json`,
  ])
  countVitest(`${reports}/vitest-package.json`)
  step('every documented status is exercised', process.execPath, ['scripts/coverage-report.mjs'], { counted: false })

  step('docs', 'npm', ['run', '--silent', 'docs'], { counted: false })
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
