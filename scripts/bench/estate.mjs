// The Opsview scale benchmark: paged status and config reads on the seeded estate, then on an estate
// of BENCH_HOSTS hosts (default 10,000) with 10 services each, created through list writes and
// applied with a reload. Read rates are printed as ratios to the seed estate's (aim: within 2×).
const json = { 'content-type': 'application/json' }
const HOSTS = Number(process.env.BENCH_HOSTS ?? 10_000)
const CHUNK = 500
const LEAF_GROUPS = ['3', '4', '6', '7', '8']

// Pages of 10 hosts, so a page is the same size in the seed estate (20 hosts) and the large one.
export const PAGED_READS = [
  '/rest/status/hostgroup',
  '/rest/status/host?rows=10&page=2',
  '/rest/status/service?rows=10&page=2',
  '/rest/status/viewport',
  '/rest/event?rows=50',
  '/rest/config/host?rows=10&page=2',
]

async function call(url, path, headers, init = {}) {
  const response = await fetch(`${url}${path}`, { ...init, headers: { ...json, ...headers } })
  const body = await response.json()
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`)
  return body
}

export async function opsviewSession(url) {
  const { token } = await call(url, '/rest/login', {}, { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'initial' }) })
  return { 'x-opsview-username': 'admin', 'x-opsview-token': token }
}

/** Creates the estate; returns seconds for the writes and for the reload. */
export async function growEstate(url, headers) {
  const checks = Array.from({ length: 10 }, (_, index) => ({ name: `Bench check ${index + 1}` }))
  await call(url, '/rest/config/servicegroup', headers, { method: 'POST', body: JSON.stringify({ name: 'Bench' }) })
  const list = checks.map((check) => ({ ...check, servicegroup: { name: 'Bench' } }))
  await call(url, '/rest/config/servicecheck', headers, { method: 'POST', body: JSON.stringify({ list }) })
  await call(url, '/rest/config/hosttemplate', headers, {
    method: 'POST',
    body: JSON.stringify({ name: 'Bench - 10 checks', servicechecks: checks }),
  })
  const started = performance.now()
  for (let first = 0; first < HOSTS; first += CHUNK) {
    const list = Array.from({ length: Math.min(CHUNK, HOSTS - first) }, (_, offset) => {
      const index = first + offset
      return {
        name: `bench-${String(index).padStart(5, '0')}`,
        ip: `10.${100 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}`,
        hostgroup: { id: LEAF_GROUPS[index % LEAF_GROUPS.length] },
        hosttemplates: [{ name: 'Bench - 10 checks' }],
      }
    })
    await call(url, '/rest/config/host', headers, { method: 'POST', body: JSON.stringify({ list }) })
  }
  const created = (performance.now() - started) / 1000
  const reloadStarted = performance.now()
  await call(url, '/rest/reload', headers, { method: 'POST' })
  return { hosts: HOSTS, created, reload: (performance.now() - reloadStarted) / 1000 }
}
