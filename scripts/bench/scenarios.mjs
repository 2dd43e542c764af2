// What the benchmark loads per vendor: each scenario logs in (or picks a key) and returns the request to repeat.
const json = { 'content-type': 'application/json' }

async function opsviewToken(url) {
  const response = await fetch(`${url}/rest/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: 'initial' }) })
  return (await response.json()).token
}

const opsviewLogin = { method: 'POST', path: '/rest/login', headers: json, body: JSON.stringify({ username: 'admin', password: 'initial' }) }

export const SCENARIOS = [
  {
    vendor: 'opsview',
    name: 'opsview GET /rest/user (authenticated)',
    bar: 0.25,
    coldStartProbe: '/rest',
    prepare: async (url) => ({ method: 'GET', path: '/rest/user', headers: { 'x-opsview-username': 'admin', 'x-opsview-token': await opsviewToken(url) } }),
    afterLogins: { login: async () => opsviewLogin },
  },
  {
    vendor: 'opsview',
    name: 'opsview POST /rest/login',
    bar: 0.25,
    coldStartProbe: '/rest',
    prepare: async () => opsviewLogin,
  },
]
