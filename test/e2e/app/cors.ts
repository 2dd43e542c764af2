/**
 * A page on another origin than the standalone mocks, calling them as a browser app would: JSON bodies and
 * the vendors' auth headers, so every call is preflighted. No service worker here: these are real requests.
 */
const urls = new URLSearchParams(location.search)
const show = (vendor: string, text: string) => (document.querySelector(`#${vendor}`)!.textContent = text)

async function opsview(base: string): Promise<string> {
  const login = await fetch(`${base}/rest/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'initial' }),
  })
  const { token } = await login.json()
  const hosts = await fetch(`${base}/rest/config/host?rows=5`, { headers: { 'X-Opsview-Username': 'admin', 'X-Opsview-Token': token } })
  return `${(await hosts.json()).summary.allrows} hosts`
}

async function opscenter(base: string): Promise<string> {
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin' }),
  })
  const { sessionid } = await login.json()
  const nodes = await fetch(`${base}/Test_Cluster/nodes`, { headers: { 'opscenter-session': sessionid } })
  return `${(await nodes.json()).length} nodes`
}

async function opmanager(base: string): Promise<string> {
  const alarms = await fetch(`${base}/api/json/alarm/listAlarms`, { headers: { apiKey: 'test-api-key-0123456789abcdef' } })
  return `${(await alarms.json()).length} alarms`
}

const calls = { opsview, opscenter, opmanager }
document.querySelector('#run')!.addEventListener('click', () => {
  for (const [vendor, call] of Object.entries(calls)) {
    call(urls.get(vendor)!).then(
      (text) => show(vendor, text),
      (error: Error) => show(vendor, `failed: ${error.message}`),
    )
  }
})
