import { startOpsmocksWorker } from '../../../mocks/browser'

/** A tiny front-end that talks to the mocked APIs as an app would: plain fetch to each vendor's base URL. */
await startOpsmocksWorker({ quiet: true })
document.querySelector('#status')!.textContent = 'mocking enabled'

const opsview = { headers: {} as Record<string, string> }
const result = document.querySelector('#opsview-result')!

function show(text: string, isError = false): void {
  result.textContent = text
  result.className = isError ? 'error' : ''
}

document.querySelector<HTMLFormElement>('#opsview-login')!.addEventListener('submit', async (event) => {
  event.preventDefault()
  const form = new FormData(event.target as HTMLFormElement)
  const response = await fetch('/opsview/rest/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
  })
  const body = await response.json()
  if (!response.ok) return show(`login failed: ${response.status} ${body.message}`, true)
  opsview.headers = { 'X-Opsview-Username': String(form.get('username')), 'X-Opsview-Token': body.token }
  document.querySelector('#opsview-session')!.textContent = `logged in as ${form.get('username')}`
})

async function listHosts(): Promise<void> {
  const response = await fetch('/opsview/rest/config/host?rows=all&order=name', { headers: opsview.headers })
  const body = await response.json()
  if (!response.ok) return show(`listing hosts failed: ${response.status} ${body.message}`, true)
  const rows = body.list.map(
    (host: { id: string; name: string; ip: string; hostgroup: { name: string } }) =>
      `<tr data-host="${host.name}"><td>${host.id}</td><td>${host.name}</td><td>${host.ip}</td><td>${host.hostgroup.name}</td></tr>`,
  )
  document.querySelector('#opsview-hosts tbody')!.innerHTML = rows.join('')
  show(`${body.summary.totalrows} hosts`)
}

document.querySelector('#opsview-list-hosts')!.addEventListener('click', () => void listHosts())

document.querySelector<HTMLFormElement>('#opsview-create-host')!.addEventListener('submit', async (event) => {
  event.preventDefault()
  const form = new FormData(event.target as HTMLFormElement)
  const response = await fetch('/opsview/rest/config/host', {
    method: 'POST',
    headers: { ...opsview.headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: form.get('name'), ip: form.get('ip'), hostgroup: { name: form.get('hostgroup') } }),
  })
  const body = await response.json()
  if (!response.ok) return show(`create failed: ${response.status} ${body.message}`, true)
  await listHosts()
  show(`created host ${body.object.name} (id ${body.object.id})`)
})

// ---- OpsCenter: session id in the opscenter-session header -------------------------------------------

let opscenterSession = ''
const opscenterResult = document.querySelector('#opscenter-result')!

document.querySelector('#opscenter-login')!.addEventListener('click', async () => {
  const response = await fetch('/opscenter/login', { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'admin' }) })
  const body = await response.json()
  opscenterSession = body.sessionid ?? ''
  opscenterResult.textContent = response.ok ? 'logged in to OpsCenter' : `login failed: ${response.status} ${body.message}`
})

document.querySelector('#opscenter-nodes')!.addEventListener('click', async () => {
  const response = await fetch('/opscenter/Test_Cluster/nodes', { headers: { 'opscenter-session': opscenterSession } })
  const body = await response.json()
  if (!response.ok) {
    opscenterResult.textContent = `${response.status} ${body.message}`
    return
  }
  document.querySelector('#opscenter-node-list')!.innerHTML = body.map((node: { node_ip: string }) => `<li>${node.node_ip}</li>`).join('')
  opscenterResult.textContent = `${body.length} nodes`
})

// ---- OpManager: apiKey header; errors come back as HTTP 200 with {"error": ...} ----------------------

const opmanagerResult = document.querySelector('#opmanager-result')!
const apiKey = () => document.querySelector<HTMLInputElement>('#opmanager-key')!.value
let firstEntity = ''

async function listAlarms(): Promise<void> {
  const response = await fetch('/opmanager/api/json/alarm/listAlarms?severity=1', { headers: { apiKey: apiKey() } })
  const body = await response.json()
  if (!Array.isArray(body)) {
    opmanagerResult.textContent = `error ${body.error?.errorcode}: ${body.error?.message}`
    return
  }
  firstEntity = body[0]?.entity ?? ''
  document.querySelector('#opmanager-alarm-list')!.innerHTML = body
    .map(
      (alarm: { entity: string; displayName: string; who: string }) =>
        `<li data-entity="${alarm.entity}">${alarm.displayName}: ${alarm.who}</li>`,
    )
    .join('')
  opmanagerResult.textContent = `${body.length} critical alarms`
}

document.querySelector('#opmanager-alarms')!.addEventListener('click', () => void listAlarms())

document.querySelector('#opmanager-ack')!.addEventListener('click', async () => {
  const response = await fetch(`/opmanager/api/json/alarm/acknowledgeAlarm?entity=${encodeURIComponent(firstEntity)}`, {
    method: 'POST',
    headers: { apiKey: apiKey() },
  })
  const body = await response.json()
  await listAlarms()
  opmanagerResult.textContent = body.result?.message ?? `error ${body.error?.errorcode}: ${body.error?.message}`
})
