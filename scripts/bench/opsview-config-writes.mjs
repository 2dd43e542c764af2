// Opsview configuration writes at scale: creates BENCH_WRITE_HOSTS hosts (default 10,000; 10 services each,
// from one host template) through list writes of 500 into a running mock, then changes them all with list
// PUTs. Prints the creation rate and, as a ratio, the rate of the last quarter of the batches against the
// first (into the seed estate): 1.0 means a write costs the same whatever the table size.
const HOSTS = Number(process.env.BENCH_WRITE_HOSTS ?? 10_000)
const BATCH = 500
const json = { 'content-type': 'application/json' }

async function call(url, headers, method, path, body) {
  const response = await fetch(`${url}${path}`, { method, headers: { ...headers, ...json }, body: body && JSON.stringify(body) })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`)
  return JSON.parse(text)
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Seconds per batch of `write(first, count)` over HOSTS objects. */
async function batches(write) {
  const seconds = []
  for (let first = 0; first < HOSTS; first += BATCH) {
    const started = performance.now()
    await write(first, Math.min(BATCH, HOSTS - first))
    seconds.push((performance.now() - started) / 1000)
  }
  return seconds
}

/** Rate of the last quarter of the batches over the first quarter (the first batches also pay for JIT warm-up). */
function growth(seconds) {
  const quarter = Math.max(1, Math.floor(seconds.length / 4))
  const first = BATCH / median(seconds.slice(0, quarter))
  const last = BATCH / median(seconds.slice(-quarter))
  return { first, last, ratio: last / first }
}

export async function benchOpsviewConfigWrites(url, fmt) {
  const { token } = await call(url, {}, 'POST', '/rest/login', { username: 'admin', password: 'initial' })
  const headers = { 'x-opsview-username': 'admin', 'x-opsview-token': token }
  const checks = Array.from({ length: 10 }, (_, index) => ({ name: `Write Bench ${index + 1}`, servicegroup: { name: 'OS - Unix Base' } }))
  await call(url, headers, 'POST', '/rest/config/servicecheck', { list: checks })
  await call(url, headers, 'POST', '/rest/config/hosttemplate', {
    name: 'Write Bench',
    servicechecks: checks.map(({ name }) => ({ name })),
  })
  const name = (index) => `write-bench-${index + 1}`
  const created = await batches((first, count) =>
    call(url, headers, 'POST', '/rest/config/host', {
      list: Array.from({ length: count }, (_, offset) => ({
        name: name(first + offset),
        ip: `10.${100 + ((first + offset) >> 16)}.${((first + offset) >> 8) & 255}.${(first + offset) & 255}`,
        hostgroup: { name: 'Application Servers' },
        hosttemplates: [{ name: 'Write Bench' }],
      })),
    }),
  )
  const updated = await batches((first, count) =>
    call(url, headers, 'PUT', '/rest/config/host', {
      list: Array.from({ length: count }, (_, offset) => ({ name: name(first + offset), alias: 'changed by the bench' })),
    }),
  )
  const total = created.reduce((sum, value) => sum + value, 0)
  console.log(`\nopsview config writes: ${fmt(HOSTS)} hosts (10 services each) in list writes of ${BATCH}`)
  console.log(`  created in ${total.toFixed(1)} s = ${fmt(HOSTS / total)} hosts/s`)
  for (const [label, seconds] of [
    ['creation', created],
    ['list update (PUT by name)', updated],
  ]) {
    const { first, last, ratio } = growth(seconds)
    console.log(
      `  ${label} rate, last quarter vs first (seed estate): ${fmt(last)} vs ${fmt(first)} objects/s = ${ratio.toFixed(2)}× (bar ≥ 0.5×: ${ratio >= 0.5 ? 'met' : 'MISSED'})`,
    )
  }
}
