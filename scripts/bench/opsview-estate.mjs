// The Opsview estate at scale: creates 10,000 hosts (10 services each, from one host template) through
// list writes into a running mock and reports, as ratios to the seed estate:
// - the creation rate of the last batches against the first (1.0 = a write costs the same at any table size),
// - reload time, and paged config and status read rates against the same reads on the seed estate.
//   BENCH_HOSTS=10000 BENCH_BATCH=500
const HOSTS = Number(process.env.BENCH_HOSTS ?? 10_000)
const BATCH = Number(process.env.BENCH_BATCH ?? 500)
const json = { 'content-type': 'application/json' }

async function call(url, headers, method, path, body) {
  const response = await fetch(`${url}${path}`, { method, headers: { ...headers, ...json }, body: body && JSON.stringify(body) })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`)
  return JSON.parse(text)
}

/** Requests per second of `path` over `count` sequential calls (a single client: what one dashboard sees). */
async function readRate(url, headers, path, count = 200) {
  const started = performance.now()
  for (let i = 0; i < count; i++) await call(url, headers, 'GET', path)
  return count / ((performance.now() - started) / 1000)
}

const READS = [
  ['GET /rest/config/host?rows=10', '/rest/config/host?rows=10'],
  ['GET /rest/config/host?rows=10&page=2&order=name', '/rest/config/host?rows=10&page=2&order=name'],
  ['GET /rest/status/host?rows=10', '/rest/status/host?rows=10'],
  ['GET /rest/status/hostgroup?rows=10', '/rest/status/hostgroup?rows=10'],
]

export async function benchOpsviewEstate(url, fmt) {
  const { token } = await call(url, {}, 'POST', '/rest/login', { username: 'admin', password: 'initial' })
  const headers = { 'x-opsview-username': 'admin', 'x-opsview-token': token }
  const seedRates = []
  for (const [, path] of READS) seedRates.push(await readRate(url, headers, path))

  const checks = Array.from({ length: 10 }, (_, index) => ({ name: `Bench Check ${index + 1}`, servicegroup: { name: 'OS - Unix Base' } }))
  await call(url, headers, 'POST', '/rest/config/servicecheck', { list: checks })
  await call(url, headers, 'POST', '/rest/config/hosttemplate', {
    name: 'Bench Template',
    servicechecks: checks.map(({ name }) => ({ name })),
  })
  const batchSeconds = []
  const started = performance.now()
  for (let done = 0; done < HOSTS; done += BATCH) {
    const list = Array.from({ length: Math.min(BATCH, HOSTS - done) }, (_, index) => ({
      name: `bench-${done + index + 1}`,
      ip: `10.${100 + ((done + index) >> 16)}.${((done + index) >> 8) & 255}.${(done + index) & 255}`,
      hostgroup: { name: 'Application Servers' },
      hosttemplates: [{ name: 'Bench Template' }],
    }))
    const batchStarted = performance.now()
    await call(url, headers, 'POST', '/rest/config/host', { list })
    batchSeconds.push((performance.now() - batchStarted) / 1000)
  }
  const total = (performance.now() - started) / 1000
  // Medians of the first and last quarter of the batches (the first batch also pays for JIT warm-up).
  const quarter = Math.max(1, Math.floor(batchSeconds.length / 4))
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const firstRate = BATCH / median(batchSeconds.slice(0, quarter))
  const lastRate = BATCH / median(batchSeconds.slice(-quarter))
  console.log(`\nopsview estate: ${fmt(HOSTS)} hosts with 10 services each, created with list writes of ${BATCH}`)
  console.log(`  created in ${total.toFixed(1)} s = ${fmt(HOSTS / total)} hosts/s`)
  console.log(
    `  creation rate, last quarter of the batches vs the first (into the seed estate): ${fmt(lastRate)} vs ${fmt(firstRate)} hosts/s = ${(lastRate / firstRate).toFixed(2)}× (bar ≥ 0.5×: ${lastRate / firstRate >= 0.5 ? 'met' : 'MISSED'})`,
  )
  const reloadStarted = performance.now()
  await call(url, headers, 'POST', '/rest/reload')
  console.log(`  reload with ${fmt(HOSTS)} new hosts: ${((performance.now() - reloadStarted) / 1000).toFixed(2)} s`)
  for (const [index, [name, path]] of READS.entries()) {
    const rate = await readRate(url, headers, path, 50)
    const ratio = rate / seedRates[index]
    console.log(
      `  ${name.padEnd(48)} ${fmt(rate).padStart(6)} req/s vs seed estate ${fmt(seedRates[index]).padStart(6)} = ${ratio.toFixed(2)}× (bar ≥ 0.5×: ${ratio >= 0.5 ? 'met' : 'MISSED'})`,
    )
  }
}
