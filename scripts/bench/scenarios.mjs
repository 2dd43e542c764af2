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
    // The metric catalogue at work: ten keys of every family, an hour per node, combined per datacenter.
    vendor: 'opscenter',
    name: 'opscenter GET new-metrics (10 keys, 1 h, session)',
    prepare: async (url) => ({
      method: 'GET',
      path:
        '/Test_Cluster/new-metrics?node_group=DC1&step=60&start=1700000000&end=1700003600&metrics=' +
        'write-ops,read-latency-op,heap-used,key-cache-hits,pending-read-stage,os-cpu-idle,os-memory-free,os-disk-used,os-net-sent,cf-read-ops' +
        '&columnfamilies=shop.orders',
      headers: { 'opscenter-session': await opscenterSession(url) },
    }),
  },
  {
    vendor: 'opmanager',
    name: 'opmanager GET listAlarms (apiKey header)',
    coldStartProbe: `/api/json/device/listDevices?apiKey=${OPMANAGER_ADMIN_KEY}`,
    prepare: async () => ({ method: 'GET', path: '/api/json/alarm/listAlarms', headers: { apiKey: OPMANAGER_ADMIN_KEY } }),
  },
]
