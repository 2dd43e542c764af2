// Merges .reports/coverage/*.json (written by the mock contract runs) into one line per vendor:
// how many documented operationId × status pairs some contract test produced, and which it did not.
// Exits 1 when a documented pair was never produced.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'

const dir = '.reports/coverage'
const runs = existsSync(dir)
  ? readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')))
  : []
// A vendor may run extra instances (e.g. opscenter-noauth); they count towards the vendor.
for (const run of runs) run.vendor = run.vendor.split('-')[0]
const vendors = [...new Set(runs.map((run) => run.vendor))].sort()
const summary = {}
for (const vendor of vendors) {
  const own = runs.filter((run) => run.vendor === vendor)
  const documented = [...new Set(own.flatMap((run) => run.documented))]
  const seen = new Set(own.flatMap((run) => run.seen))
  const covered = (pair) => {
    const [operationId, status] = pair.split(' ')
    return status.includes('X') ? [...seen].some((item) => item.startsWith(`${operationId} ${status[0]}`)) : seen.has(pair)
  }
  const missing = documented.filter((pair) => !covered(pair))
  summary[vendor] = { documented: documented.length, covered: documented.length - missing.length, missing }
  console.log(
    `contract coverage ${vendor}: ${documented.length - missing.length}/${documented.length} documented operation×status pairs exercised`,
  )
  for (const pair of missing) console.log(`  not exercised: ${pair}`)
}
writeFileSync('.reports/coverage.json', JSON.stringify(summary, null, 1))
if (!runs.length) console.log('contract coverage: no mock contract runs recorded')
// Every documented status must have a contract test that produces it (see decisions/004).
process.exit(Object.values(summary).some((vendor) => vendor.missing.length) || !runs.length ? 1 : 0)
