import { startOpsmocksWorker } from '../../../mocks/browser'

/** A tiny front-end that talks to the mocked APIs exactly as an app would: plain fetch, same origin. */
await startOpsmocksWorker()
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
  const response = await fetch('/rest/login', {
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
  const response = await fetch('/rest/config/host?rows=all&order=name', { headers: opsview.headers })
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
  const response = await fetch('/rest/config/host', {
    method: 'POST',
    headers: { ...opsview.headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: form.get('name'), ip: form.get('ip'), hostgroup: { name: form.get('hostgroup') } }),
  })
  const body = await response.json()
  if (!response.ok) return show(`create failed: ${response.status} ${body.message}`, true)
  await listHosts()
  show(`created host ${body.object.name} (id ${body.object.id})`)
})
