import { X509Certificate } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { uniqueName } from '../support/target'
import { call, dropCookieSession, loginAs, type OpscenterSession, type OpscenterTarget } from './target'

const KINDS = [
  {
    kind: 'repositories',
    type: 'repository',
    body: { 'use-proxy': false, comment: 'Created by opsmocks', 'repo-url': null, 'repo-key-url': null },
  },
  {
    kind: 'machine_credentials',
    type: 'machine_credential',
    body: {
      'login-user': 'ubuntu',
      'login-password': 'pw',
      'become-user': 'root',
      'become-password': 'pw',
      'become-mode': 'sudo',
      'ssh-private-key': null,
      'use-ssh-keys': false,
    },
  },
  {
    kind: 'config_profiles',
    type: 'config_profile',
    body: { 'datastax-version': '6.8.35', json: { 'cassandra-yaml': { num_tokens: 8 } } },
  },
  { kind: 'clusters', type: 'cluster', body: { comment: null } },
] as const

export function lcmContract(target: OpscenterTarget): void {
  let admin: OpscenterSession
  beforeAll(async () => {
    admin = await loginAs(target, target.credentials.admin)
  })

  describe.each(KINDS)('LCM $kind', ({ kind, type, body }) => {
    const base = `/api/v2/lcm/${kind}/`

    it('lists objects as {"results": [...]}', async () => {
      const result = await call(target, 'GET', base, { session: admin })
      expect(result.status).toBe(200)
      expect(result.json.results).toEqual(expect.any(Array))
    })

    it.runIf(target.allowWrites)('creates an object with an id, reads it back and deletes it', async () => {
      const name = uniqueName('opsmocks')
      const created = await call(target, 'POST', base, {
        session: admin,
        body: JSON.stringify({ name, ...body }),
        headers: { 'Content-Type': 'application/json' },
      })
      expect(created.status).toBe(201)
      expect(created.json).toEqual(expect.objectContaining({ id: expect.any(String), name, type }))
      expect((await call(target, 'GET', `${base}${created.json.id}/`, { session: admin })).json).toEqual(created.json)
      expect((await call(target, 'GET', base, { session: admin })).json.results.map((item: any) => item.id)).toContain(created.json.id)
      expect((await call(target, 'DELETE', `${base}${created.json.id}/`, { session: admin })).status).toBe(200)
      expect((await call(target, 'GET', `${base}${created.json.id}/`, { session: admin })).status).toBe(404)
    })

    it.runIf(target.kind === 'mock')('never returns passwords or keys', async () => {
      const created = await call(target, 'POST', base, { session: admin, body: JSON.stringify({ name: uniqueName('secret'), ...body }) })
      expect(Object.keys(created.json)).not.toEqual(expect.arrayContaining(['login-password']))
      expect(created.json).not.toHaveProperty('become-password')
    })

    it.runIf(target.allowWrites)('answers 400 and creates nothing without a name', async () => {
      const before = (await call(target, 'GET', base, { session: admin })).json.results.length
      const result = await call(target, 'POST', base, { session: admin, body: JSON.stringify(body) })
      expect(result.status).toBe(400)
      expect(result.json.type).toBe('BadRequest')
      expect((await call(target, 'GET', base, { session: admin })).json.results).toHaveLength(before)
    })

    it('answers 404 for an id that does not exist', async () => {
      expect((await call(target, 'GET', `${base}00000000-0000-4000-8000-000000000000/`, { session: admin })).status).toBe(404)
    })

    it.runIf(target.allowWrites)('answers 404 when deleting an id that does not exist', async () => {
      expect((await call(target, 'DELETE', `${base}00000000-0000-4000-8000-000000000000/`, { session: admin })).status).toBe(404)
    })

    it('answers 401 without a session', async () => {
      await dropCookieSession(target)
      expect((await call(target, 'GET', base)).status).toBe(401)
    })

    it.runIf(target.allowWrites)('changes only the fields sent, keeping id, href and type', async () => {
      const created = (
        await call(target, 'POST', base, { session: admin, body: JSON.stringify({ name: uniqueName('opsmocks'), ...body }) })
      ).json
      const changed = await call(target, 'PUT', `${base}${created.id}/`, {
        session: admin,
        body: JSON.stringify({ comment: 'changed', id: 'x' }),
      })
      expect(changed.status).toBe(200)
      expect(changed.json).toEqual({ ...created, comment: 'changed' })
      expect((await call(target, 'PUT', `${base}${created.id}/`, { session: admin, body: '{"name": ""}' })).status).toBe(400)
      expect((await call(target, 'GET', `${base}${created.id}/`, { session: admin })).json.comment).toBe('changed')
      expect(
        (await call(target, 'PUT', `${base}00000000-0000-4000-8000-000000000000/`, { session: admin, body: '{"comment":"x"}' })).status,
      ).toBe(404)
      await call(target, 'DELETE', `${base}${created.id}/`, { session: admin })
    })

    it.runIf(target.kind === 'mock')('answers 401 to a non-admin', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect((await call(target, 'GET', base, { session: viewer })).status).toBe(401)
    })
  })
}

/** The LCM topology (cluster > datacenter > node), its referential rules, jobs in mock time and definitions. */
export function lcmTopologyContract(target: OpscenterTarget): void {
  let admin: OpscenterSession
  const CLUSTER = '5d4c3b2a-6e7f-4a8b-9c0d-1e2f3a4b5c6d'
  const DATACENTER = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
  const REPOSITORY = '3c1e8d0e-2b7a-4c51-9a8e-5a0c9d1f2e3b'
  const CREDENTIAL = '9b2f4d6a-1c3e-4f5a-8b7c-0d1e2f3a4b5c'
  const PROFILE = '0b6e1f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b'
  const NONE = '00000000-0000-4000-8000-000000000000'
  const lcm = (method: string, path: string, body?: unknown) =>
    call(target, method, `/api/v2/lcm/${path}`, { session: admin, body: body === undefined ? undefined : JSON.stringify(body) })

  beforeAll(async () => {
    await target.control!.reset()
    admin = await loginAs(target, target.credentials.admin)
  })

  describe('getLcmClusterCacert', () => {
    it("answers LCM's CA as a PEM certificate: self-signed, a CA, 2048-bit RSA, the same for every cluster", async () => {
      const result = await lcm('GET', `clusters/${CLUSTER}/cacert`)
      expect(result.status).toBe(200)
      expect(result.headers.get('content-type')).toContain('application/x-pem-file')
      const certificate = new X509Certificate(result.text)
      expect(certificate.ca).toBe(true)
      expect(certificate.issuer).toBe(certificate.subject)
      expect(certificate.verify(certificate.publicKey)).toBe(true)
      expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048)
      const other = await lcm('POST', 'clusters/', { name: 'ca-check', 'repository-id': REPOSITORY, 'machine-credential-id': CREDENTIAL })
      expect((await lcm('GET', `clusters/${other.json.id}/cacert`)).text).toBe(result.text)
      await lcm('DELETE', `clusters/${other.json.id}/`)
    })

    it('answers 404 for a cluster that does not exist and 401 to a non-admin', async () => {
      expect((await lcm('GET', `clusters/${NONE}/cacert`)).status).toBe(404)
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect((await call(target, 'GET', `/api/v2/lcm/clusters/${CLUSTER}/cacert`, { session: viewer })).status).toBe(401)
    })
  })

  describe('datacenters and nodes', () => {
    it('lists the seeded topology, nested by owner', async () => {
      expect((await lcm('GET', `clusters/${CLUSTER}/datacenters/`)).json.results.map((item: any) => item.id)).toEqual([DATACENTER])
      expect((await lcm('GET', `clusters/${CLUSTER}/nodes/`)).json.count).toBe(2)
      expect((await lcm('GET', `datacenters/${DATACENTER}/nodes/`)).json.results.map((item: any) => item.name)).toEqual([
        'cass-dc1-1',
        'cass-dc1-2',
      ])
      expect((await lcm('GET', 'datacenters/')).json.count).toBe(1)
      expect((await lcm('GET', 'nodes/')).json.count).toBe(2)
    })

    it('answers 404 for the nested lists of a parent that does not exist', async () => {
      for (const path of [
        `clusters/${NONE}/datacenters/`,
        `clusters/${NONE}/nodes/`,
        `clusters/${NONE}/jobs/`,
        `datacenters/${NONE}/nodes/`,
      ])
        expect((await lcm('GET', path)).status, path).toBe(404)
    })

    it('creates a datacenter in a cluster and a node in it; both need their parent (400 otherwise)', async () => {
      const datacenter = await lcm('POST', 'datacenters/', { name: 'DC2', 'cluster-id': CLUSTER })
      expect(datacenter.status).toBe(201)
      expect(datacenter.json).toEqual(expect.objectContaining({ type: 'datacenter', 'cluster-id': CLUSTER, 'job-status': null }))
      const node = await lcm('POST', 'nodes/', { name: 'n3', 'datacenter-id': datacenter.json.id, 'ssh-management-address': '10.0.2.11' })
      expect(node.status).toBe(201)
      expect((await lcm('GET', `datacenters/${datacenter.json.id}/`)).json.name).toBe('DC2')
      expect((await lcm('GET', `nodes/${node.json.id}/`)).json['ssh-management-address']).toBe('10.0.2.11')
      expect((await lcm('POST', 'datacenters/', { name: 'DC9', 'cluster-id': NONE })).status).toBe(400)
      expect((await lcm('POST', 'nodes/', { name: 'n9', 'datacenter-id': datacenter.json.id })).status).toBe(400)
      expect((await lcm('POST', 'nodes/', { name: 'n9', 'datacenter-id': NONE, 'ssh-management-address': '10.9.9.9' })).status).toBe(400)
      expect((await lcm('PUT', `nodes/${node.json.id}/`, { rack: 'RAC9' })).json.rack).toBe('RAC9')
      expect((await lcm('PUT', `nodes/${node.json.id}/`, { 'datacenter-id': NONE })).status).toBe(400)
      expect((await lcm('PUT', `datacenters/${datacenter.json.id}/`, { comment: 'second' })).json.comment).toBe('second')
      expect((await lcm('PUT', `datacenters/${datacenter.json.id}/`, { 'cluster-id': NONE })).status).toBe(400)
      const spare = (
        await lcm('POST', 'nodes/', { name: 'n4', 'datacenter-id': datacenter.json.id, 'ssh-management-address': '10.0.2.12' })
      ).json
      expect((await lcm('DELETE', `nodes/${spare.id}/`)).json).toEqual({})
      expect((await lcm('GET', `datacenters/${datacenter.json.id}/nodes/`)).json.count).toBe(1)
      expect((await lcm('DELETE', `datacenters/${datacenter.json.id}/`)).json).toEqual({})
      expect((await lcm('GET', `nodes/${node.json.id}/`)).status).toBe(404)
    })

    it('answers 404 for a datacenter or node that does not exist', async () => {
      for (const kind of ['datacenters', 'nodes']) {
        expect((await lcm('GET', `${kind}/${NONE}/`)).status).toBe(404)
        expect((await lcm('PUT', `${kind}/${NONE}/`, { comment: 'x' })).status).toBe(404)
        expect((await lcm('DELETE', `${kind}/${NONE}/`)).status).toBe(404)
      }
    })

    it('answers 409 for deleting a repository, credential or profile in use, and deletes nothing', async () => {
      expect((await lcm('DELETE', `repositories/${REPOSITORY}/`)).status).toBe(409)
      expect((await lcm('DELETE', `machine_credentials/${CREDENTIAL}/`)).status).toBe(409)
      const conflict = await lcm('DELETE', `config_profiles/${PROFILE}/`)
      expect(conflict.status).toBe(409)
      expect(conflict.json.message).toContain(CLUSTER)
      expect((await lcm('GET', `config_profiles/${PROFILE}/`)).status).toBe(200)
    })
  })

  describe('jobs and actions', () => {
    it('lists the job types and the definitions of a DSE version', async () => {
      expect(Object.keys((await lcm('GET', 'actions/')).json)).toEqual(['install', 'configure', 'upgrade', 'restart', 'terminate'])
      const versions = (await lcm('GET', 'definitions/')).json
      expect(versions['6.8.35'].href).toBe('/api/v2/lcm/definitions/6.8.35/')
      expect((await lcm('GET', 'definitions/6.8.35/')).json.files['cassandra-yaml'].num_tokens.default).toBe(8)
      expect((await lcm('GET', 'definitions/1.0.0/')).status).toBe(404)
    })

    it('runs an install: PENDING behind a running job, RUNNING 30 s per node, then COMPLETE', async () => {
      const first = await lcm('POST', 'actions/install', { 'cluster-id': CLUSTER })
      expect(first.status).toBe(202)
      expect(first.json).toEqual(expect.objectContaining({ 'job-type': 'install', status: 'RUNNING', 'cluster-name': 'Test_Cluster' }))
      const second = (await lcm('POST', 'actions/configure', { 'node-id': '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' })).json
      expect(second.status).toBe('PENDING')
      expect((await lcm('GET', `clusters/${CLUSTER}/`)).json['job-status']).toBe('RUNNING')
      await target.control!.advanceClock(45)
      expect((await lcm('GET', `jobs/${first.json.id}/nodes/`)).json.results.map((item: any) => item.status)).toEqual([
        'COMPLETE',
        'RUNNING',
      ])
      await target.control!.advanceClock(20)
      expect((await lcm('GET', `jobs/${first.json.id}/`)).json.status).toBe('COMPLETE')
      expect((await lcm('GET', `jobs/${second.id}/`)).json.status).toBe('RUNNING')
      await target.control!.advanceClock(30)
      expect((await lcm('GET', `jobs/${second.id}/`)).json).toEqual(
        expect.objectContaining({ status: 'COMPLETE', 'finished-on': expect.any(String) }),
      )
      const events = (await lcm('GET', `jobs/${first.json.id}/events/`)).json.results.map((event: any) => event['event-type'])
      expect(events).toEqual(['job-started', 'node-started', 'node-finished', 'node-started', 'node-finished', 'job-finished'])
      expect((await lcm('GET', `clusters/${CLUSTER}/jobs/`)).json.count).toBe(2)
      expect((await lcm('GET', 'jobs/')).json.count).toBe(2)
      expect((await lcm('GET', `nodes/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f/`)).json['last-job-id']).toBe(second.id)
    })

    it('terminates a running job', async () => {
      const job = (await lcm('POST', 'actions/upgrade', { 'datacenter-id': DATACENTER })).json
      const stop = await lcm('POST', 'actions/terminate', { 'job-id': job.id })
      expect(stop.status).toBe(202)
      expect((await lcm('GET', `jobs/${job.id}/`)).json.status).toBe('TERMINATED')
      expect((await lcm('POST', 'actions/terminate', { 'job-id': job.id })).status).toBe(400)
    })

    it('answers 400 for an action without exactly one target, 404 for a missing target, job or action', async () => {
      expect((await lcm('POST', 'actions/install', {})).status).toBe(400)
      expect((await lcm('POST', 'actions/install', { 'cluster-id': CLUSTER, 'node-id': NONE })).status).toBe(400)
      expect((await lcm('POST', 'actions/install', { 'cluster-id': NONE })).status).toBe(404)
      expect((await lcm('POST', 'actions/explode', { 'cluster-id': CLUSTER })).status).toBe(404)
      for (const path of [`jobs/${NONE}/`, `jobs/${NONE}/events/`, `jobs/${NONE}/nodes/`])
        expect((await lcm('GET', path)).status, path).toBe(404)
    })

    it('deletes a cluster with its datacenters and nodes', async () => {
      expect((await lcm('DELETE', `clusters/${CLUSTER}/`)).status).toBe(200)
      expect((await lcm('GET', `datacenters/${DATACENTER}/`)).status).toBe(404)
      expect((await lcm('GET', 'nodes/')).json.count).toBe(0)
    })
  })
}
