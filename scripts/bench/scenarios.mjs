// What the benchmark loads per vendor: each scenario logs in (or picks a key) and returns the request to repeat.
const json = { 'content-type': 'application/json' }

async function opsviewToken(url) {
  const response = await fetch(`${url}/rest/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: 'admin', password: 'initial' }),
  })
  return (await response.json()).token
}

async function opscenterSession(url) {
  const response = await fetch(`${url}/login`, { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'admin' }) })
  return (await response.json()).sessionid
}

// The seeded full-access OpManager key (mocks/opmanager/seed.ts), the one the captured clients used.
const OPMANAGER_ADMIN_KEY = 'test-api-key-0123456789abcdef'

const opsviewLogin = {
  method: 'POST',
  path: '/rest/login',
  headers: json,
  body: JSON.stringify({ username: 'admin', password: 'initial' }),
}

export const SCENARIOS = [
  {
    vendor: 'opsview',
    name: 'opsview GET /rest/user (authenticated)',
    bar: 0.25,
    coldStartProbe: '/rest',
    prepare: async (url) => ({
      method: 'GET',
      path: '/rest/user',
      headers: { 'x-opsview-username': 'admin', 'x-opsview-token': await opsviewToken(url) },
    }),
    afterLogins: { login: async () => opsviewLogin },
  },
  {
    vendor: 'opsview',
    name: 'opsview POST /rest/login',
    bar: 0.25,
    coldStartProbe: '/rest',
    prepare: async () => opsviewLogin,
  },
  {
    vendor: 'opscenter',
    name: 'opscenter GET /Test_Cluster/nodes (session)',
    coldStartProbe: '/meta',
    coldStartStatus: 401,
    prepare: async (url) => ({ method: 'GET', path: '/Test_Cluster/nodes', headers: { 'opscenter-session': await opscenterSession(url) } }),
  },
  {
    vendor: 'opmanager',
    name: 'opmanager GET listAlarms (apiKey header)',
    coldStartProbe: `/api/json/device/listDevices?apiKey=${OPMANAGER_ADMIN_KEY}`,
    prepare: async () => ({ method: 'GET', path: '/api/json/alarm/listAlarms', headers: { apiKey: OPMANAGER_ADMIN_KEY } }),
  },
]
