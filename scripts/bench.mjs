// `npm run bench`: throughput of the standalone mock against a bare node:http baseline measured in the
// same run (autocannon, 50 connections), so the ratios hold on a shared, noisy machine.
// Also: Opsview GET rate after 100,000 logins, the server's memory with those sessions, and cold start.
//   BENCH_SECONDS=3  BENCH_ROUNDS=3  BENCH_LOGINS=100000  BENCH_HOSTS=10000  npm run bench
// Opsview scale: paged reads on the seed estate vs BENCH_HOSTS hosts × 10 services (BENCH_ONLY=scale for just that).
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { SCENARIOS } from './bench/scenarios.mjs'
import { PAGED_READS, growEstate, opsviewSession } from './bench/estate.mjs'
import { benchOpsviewConfigWrites } from './bench/opsview-config-writes.mjs'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3)
const LOGINS = Number(process.env.BENCH_LOGINS ?? 100_000)
const CONNECTIONS = 50

function startProcess(args) {
  const started = performance.now()
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk) => {
      output += chunk
      const url = /(http:\/\/127\.0\.0\.1:[0-9]+)/.exec(output)?.[1]
      if (!url || !output.includes('opsmocks ready')) return
      // From here on stdout (the request log, when on) is read and dropped, as a terminal would take it.
      child.stdout.off('data', onData)
      child.stdout.resume()
      resolve({ child, url, started })
    }
    child.stdout.on('data', onData)
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)))
  })
}

const stop = (child) =>
  new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM'))))
const startVendor = (vendor, extra = []) => startProcess(['dist/server/cli.js', '--only', vendor, `--${vendor}-port`, '0', ...extra])
const startBaseline = () => startProcess(['scripts/bench/baseline-server.mjs'])

async function load(url, request, options = {}) {
  const result = await autocannon({
    url: `${url}${request.path}`,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections: CONNECTIONS,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? SECONDS }),
  })
  const bad = result.non2xx + result.errors + result.timeouts
  if (bad)
    throw new Error(
      `${request.method} ${request.path}: ${bad} of ${result.requests.total} requests failed (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`,
    )
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total }
}

/** CPU time (user + system) a process has used, in ms: unlike req/s, barely moved by other load on the machine. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime + stime, in clock ticks of 1/100 s
}

function rssMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((row) => row.startsWith('VmRSS:'))
  return Number(line.split(/\s+/)[1]) / 1024
}

async function coldStart(start, probe, expectedStatus = 200, samples = 3) {
  const times = []
  for (let i = 0; i < samples; i++) {
    const { child, url, started } = await start()
    for (;;) {
      const response = await fetch(`${url}${probe}`).catch(() => undefined)
      if (response?.status === expectedStatus) break
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    times.push(performance.now() - started)
    await stop(child)
  }
  return times.sort((a, b) => a - b)[Math.floor(samples / 2)]
}

const fmt = (n) => Math.round(n).toLocaleString('en-US')
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)

/**
 * Alternates baseline and mock measurements (ROUNDS each) and takes medians, so a burst of load from
 * elsewhere on the machine hits both sides instead of skewing one.
 */
async function compare(baselineUrl, mockUrl, request) {
  const baselineRequest = { ...request, path: '/' }
  const baseline = []
  const mock = []
  for (let round = 0; round < ROUNDS; round++) {
    baseline.push(await load(baselineUrl, baselineRequest))
    mock.push(await load(mockUrl, request))
  }
  const rps = median(mock.map((result) => result.rps))
  const baselineRps = median(baseline.map((result) => result.rps))
  return {
    rps,
    baselineRps,
    mockRequests: mock.reduce((sum, result) => sum + result.total, 0),
    ratio: rps / baselineRps,
    p50: median(mock.map((result) => result.p50)),
    p99: median(mock.map((result) => result.p99)),
  }
}

function report(name, result, bar) {
  const verdict = bar === undefined ? '' : `  (bar ≥ ${bar}×: ${result.ratio >= bar ? 'met' : 'MISSED'})`
  console.log(
    `${name.padEnd(48)} ${fmt(result.rps).padStart(8)} req/s vs baseline ${fmt(result.baselineRps).padStart(8)}  = ${result.ratio.toFixed(2)}×  p50 ${result.p50} ms  p99 ${result.p99} ms${verdict}`,
  )
}

console.log(
  `opsmocks benchmark: autocannon, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s, medians; Node ${process.version}`,
)
console.log('baseline = a bare node:http server answering fixed JSON, measured in the same rounds\n')

// BENCH_ONLY=scale runs just the Opsview scale part below.
const ONLY_SCALE = process.env.BENCH_ONLY === 'scale'
const baselineServer = await startBaseline()
try {
  for (const scenario of ONLY_SCALE ? [] : SCENARIOS) {
    const server = await startVendor(scenario.vendor)
    try {
      const request = await scenario.prepare(server.url)
      await load(server.url, request, { seconds: 1 }) // warm-up
      const before = await compare(baselineServer.url, server.url, request)
      report(scenario.name, before, scenario.bar)
      if (scenario.afterLogins) {
        const login = await scenario.afterLogins.login(server.url)
        const started = performance.now()
        const logins = await load(server.url, login, { amount: LOGINS })
        const seconds = (performance.now() - started) / 1000
        console.log(
          `  … ${fmt(logins.total)} logins in ${seconds.toFixed(1)} s; server RSS with those sessions: ${rssMiB(server.child.pid).toFixed(0)} MiB`,
        )
        const after = await compare(baselineServer.url, server.url, request)
        report(`${scenario.name} after ${fmt(LOGINS)} logins`, after)
        const change = after.ratio / before.ratio
        console.log(
          `  … ${(change * 100).toFixed(0)}% of the empty-store rate, relative to baseline (bar: within 10%: ${change >= 0.9 ? 'met' : 'MISSED'})`,
        )
      }
    } finally {
      await stop(server.child)
    }
  }
} finally {
  await stop(baselineServer.child)
}

if (!ONLY_SCALE) {
  const writesServer = await startVendor('opsview')
  try {
    await benchOpsviewConfigWrites(writesServer.url, fmt)
  } finally {
    await stop(writesServer.child)
  }
}

// Scale: the same paged reads on a seed-estate server and on one grown to BENCH_HOSTS hosts × 10 services,
// measured in alternating rounds (as against the baseline) so machine noise hits both, as ratios.
{
  const seedServer = await startVendor('opsview')
  const largeServer = await startVendor('opsview')
  try {
    console.log('\nOpsview scale (paged reads, req/s; aim: the large estate within 2× of the seed estate)')
    const seedHeaders = await opsviewSession(seedServer.url)
    const largeHeaders = await opsviewSession(largeServer.url)
    const grown = await growEstate(largeServer.url, largeHeaders)
    console.log(
      `  created ${fmt(grown.hosts)} hosts × 10 services in ${grown.created.toFixed(1)} s (${fmt(grown.hosts / grown.created)} hosts/s); reload ${grown.reload.toFixed(2)} s; RSS ${rssMiB(largeServer.child.pid).toFixed(0)} MiB`,
    )
    for (const path of PAGED_READS) {
      const seedRequest = { method: 'GET', path, headers: seedHeaders }
      const largeRequest = { method: 'GET', path, headers: largeHeaders }
      // Warm-up: compiles the handlers and fills the view caches on both servers.
      await load(seedServer.url, seedRequest, { seconds: 1 })
      await load(largeServer.url, largeRequest, { seconds: 1 })
      const seed = []
      const large = []
      for (let round = 0; round < ROUNDS; round++) {
        seed.push((await load(seedServer.url, seedRequest)).rps)
        large.push((await load(largeServer.url, largeRequest)).rps)
      }
      const ratio = median(large) / median(seed)
      console.log(
        `  ${path.padEnd(40)} seed ${fmt(median(seed)).padStart(7)}  large ${fmt(median(large)).padStart(7)}  = ${ratio.toFixed(2)}× of seed (${ratio >= 0.5 ? 'within 2×' : 'MISSED 2×'})`,
      )
    }
  } finally {
    await stop(seedServer.child)
    await stop(largeServer.child)
  }
}

/**
 * What CORS and the request log cost on the hot path: the same authenticated Opsview GET with nothing in
 * front of the service (--cors off), with the default CORS (requests without Origin, as from curl or a
 * backend), with CORS answering a browser Origin, and with the request log on.
 */
if (!ONLY_SCALE) {
  console.log('\nCORS and request log (opsview GET /rest/user, authenticated):')
  const [hotPath] = SCENARIOS
  const variants = [
    { name: '--cors off, no log', args: ['--cors', 'off'] },
    { name: 'default (CORS for loopback), no Origin', args: [] },
    { name: 'default, browser Origin header', args: [], headers: { origin: 'http://localhost:5173' } },
    { name: '--log (text)', args: ['--log'] },
    { name: '--log-format json', args: ['--log-format', 'json'] },
  ]
  const baselineForVariants = await startBaseline()
  let offRatio
  let offCpu
  try {
    for (const variant of variants) {
      const server = await startVendor(hotPath.vendor, variant.args)
      try {
        const request = await hotPath.prepare(server.url)
        request.headers = { ...request.headers, ...variant.headers }
        await load(server.url, request, { seconds: 1 })
        const cpuBefore = cpuMs(server.child.pid)
        const result = await compare(baselineForVariants.url, server.url, request)
        const cpuPerRequest = ((cpuMs(server.child.pid) - cpuBefore) * 1000) / result.mockRequests
        offRatio ??= result.ratio
        offCpu ??= cpuPerRequest
        report(`  ${variant.name}`, result)
        console.log(
          `  … ${((result.ratio / offRatio) * 100).toFixed(0)}% of the --cors off rate relative to baseline; server CPU ${cpuPerRequest.toFixed(0)} µs/request (${((cpuPerRequest / offCpu) * 100).toFixed(0)}% of --cors off)`,
        )
      } finally {
        await stop(server.child)
      }
    }
  } finally {
    await stop(baselineForVariants.child)
  }
}

const baselineCold = ONLY_SCALE ? 0 : await coldStart(startBaseline, '/')
if (!ONLY_SCALE) console.log(`\ncold start to first 200: baseline ${baselineCold.toFixed(0)} ms`)
for (const vendor of ONLY_SCALE ? [] : [...new Set(SCENARIOS.map((scenario) => scenario.vendor))]) {
  const { coldStartProbe, coldStartStatus = 200 } = SCENARIOS.find((scenario) => scenario.vendor === vendor)
  const cold = await coldStart(() => startVendor(vendor), coldStartProbe, coldStartStatus)
  console.log(`cold start to first ${coldStartStatus}: ${vendor} ${cold.toFixed(0)} ms (${(cold / baselineCold).toFixed(1)}× baseline)`)
}
