import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import spec from '../../mocks/generated/opscenter.openapi.json'
import { uniqueName } from '../support/target'
import { call, loginAs, NO_PERMISSION, type OpscenterSession, type OpscenterTarget } from './target'

const enc = encodeURIComponent

/** Every cluster-scoped operation of the spec, with its path parameters filled with names the seed does not use. */
const CLUSTER_OPERATIONS = Object.entries(spec.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(([path, item]) =>
  path.startsWith('/{cluster_id}/')
    ? (['get', 'put', 'post', 'delete'] as const)
        .filter((method) => item[method]?.operationId)
        .map((method) => ({ operationId: item[method]!.operationId!, method: method.toUpperCase(), path }))
    : [],
)
const fill = (path: string, cluster: string) => path.replace('{cluster_id}', cluster).replace(/\{[^}]+\}/g, 'opsmocks_probe')

/**
 * Writes a role with View Cluster alone may make: dashboard presets are UI state, a restore point check only reads,
 * and schedules and bulk operations check each job's own permission from the body (decisions/106, 103).
 */
const VIEW_ONLY_WRITES = new Set([
  'checkPitRestore',
  'putDashboardPreset',
  'deleteDashboardPreset',
  'setDefaultDashboardPreset',
  'createJobSchedule',
  'updateJobSchedule',
  'deleteJobSchedule',
  'runBulkOperation',
])

export function permissionsContract(target: OpscenterTarget): void {
  const mockOnly = target.kind === 'mock'
  let admin: OpscenterSession
  let cluster: string
  const roles: string[] = []

  async function createRole(permissions: object): Promise<string> {
    const role = uniqueName('opsmocks-role')
    const result = await call(target, 'POST', `/permissions/roles/${enc(role)}`, { session: admin, body: JSON.stringify(permissions) })
    expect(result.status).toBe(200)
    roles.push(role)
    return role
  }

  beforeAll(async () => {
    admin = await loginAs(target, target.credentials.admin)
    cluster = Object.keys((await call(target, 'GET', '/cluster-configs', { session: admin })).json)[0] ?? 'Test_Cluster'
  })
  afterAll(async () => {
    if (target.allowWrites) for (const role of roles) await call(target, 'DELETE', `/permissions/roles/${enc(role)}`, { session: admin })
  })

  describe('getUserPermissions', () => {
    it('answers a permission map per cluster', async () => {
      const result = await call(target, 'GET', '/permissions/user', { session: admin })
      expect(result.status).toBe(200)
      for (const permissions of Object.values(result.json))
        for (const granted of Object.values(permissions as object)) expect(typeof granted).toBe('boolean')
    })

    it.runIf(mockOnly)('shows a user only the clusters their roles grant something on', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect((await call(target, 'GET', '/permissions/user', { session: viewer })).json).toEqual({ Test_Cluster: { 'View Cluster': true } })
    })

    it.runIf(mockOnly)('merges the permissions of every role a user holds', async () => {
      const ops = await loginAs(target, target.credentials.multiRole!)
      const result = await call(target, 'GET', '/permissions/user', { session: ops })
      expect(result.json.Test_Cluster).toEqual({ 'View Cluster': true, 'Manage Alerts': true, 'Best Practice Service': true })
      expect(Object.keys(result.json).sort()).toEqual(['Prod_Cluster', 'Test_Cluster'])
    })
  })

  describe('listRoles', () => {
    it('lists role names without the built-in admin role', async () => {
      const result = await call(target, 'GET', '/permissions/roles', { session: admin })
      expect(result.status).toBe(200)
      expect(result.json.roles).not.toContain('admin')
      if (mockOnly) expect(result.json.roles).toEqual(expect.arrayContaining(['user', 'operator']))
    })

    it.runIf(mockOnly)('answers 401 with the permission text to a non-admin', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect((await call(target, 'GET', '/permissions/roles', { session: viewer })).json).toEqual(NO_PERMISSION)
    })
  })

  describe('getRolePermissions', () => {
    it.runIf(mockOnly)('answers the seeded user role: View Cluster on Test_Cluster only', async () => {
      expect((await call(target, 'GET', '/permissions/roles/user', { session: admin })).json).toEqual({
        Test_Cluster: { 'View Cluster': true },
      })
    })

    it('answers 404 for a role that does not exist', async () => {
      expect((await call(target, 'GET', `/permissions/roles/${uniqueName('no-role')}`, { session: admin })).status).toBe(404)
    })
  })

  describe.runIf(target.allowWrites)('createRole', () => {
    it('creates a role whose permissions read back', async () => {
      const role = await createRole({ [cluster]: { 'View Cluster': true } })
      expect((await call(target, 'GET', `/permissions/roles/${enc(role)}`, { session: admin })).json).toEqual({
        [cluster]: { 'View Cluster': true },
      })
      expect((await call(target, 'GET', '/permissions/roles', { session: admin })).json.roles).toContain(role)
    })

    it('accepts UTF-8 role names', async () => {
      const role = `${uniqueName('rôle')}-運用`
      expect((await call(target, 'POST', `/permissions/roles/${enc(role)}`, { session: admin, body: '{}' })).status).toBe(200)
      roles.push(role)
    })

    it('answers 409 for an existing role', async () => {
      const role = await createRole({})
      expect((await call(target, 'POST', `/permissions/roles/${enc(role)}`, { session: admin, body: '{}' })).status).toBe(409)
    })

    it.each([
      ['an unknown cluster', { No_Such_Cluster_x: { 'View Cluster': true } }],
      ['a non-boolean permission', { CLUSTER: { 'View Cluster': 'yes' } }],
      ['a list instead of a map', [{ 'View Cluster': true }]],
    ])('answers 400 and creates nothing for %s', async (_case, body) => {
      const role = uniqueName('opsmocks-bad')
      const text = JSON.stringify(body).replace('CLUSTER', cluster)
      expect((await call(target, 'POST', `/permissions/roles/${enc(role)}`, { session: admin, body: text })).status).toBe(400)
      expect((await call(target, 'GET', `/permissions/roles/${enc(role)}`, { session: admin })).status).toBe(404)
    })
  })

  describe.runIf(target.allowWrites)('updateRolePermissions', () => {
    it('replaces all permissions, and a cluster with none granted disappears', async () => {
      const role = await createRole({ [cluster]: { 'View Cluster': true } })
      expect(
        (
          await call(target, 'PUT', `/permissions/roles/${enc(role)}`, {
            session: admin,
            body: JSON.stringify({ [cluster]: { 'View Cluster': false } }),
          })
        ).status,
      ).toBe(200)
      expect((await call(target, 'GET', `/permissions/roles/${enc(role)}`, { session: admin })).json).toEqual({})
    })

    it('answers 400 for the built-in admin role', async () => {
      expect((await call(target, 'PUT', '/permissions/roles/admin', { session: admin, body: '{}' })).status).toBe(400)
    })

    it('answers 400 for a bad body and keeps the permissions', async () => {
      const role = await createRole({ [cluster]: { 'View Cluster': true } })
      expect((await call(target, 'PUT', `/permissions/roles/${enc(role)}`, { session: admin, body: '{"x": ' })).status).toBe(400)
      expect((await call(target, 'GET', `/permissions/roles/${enc(role)}`, { session: admin })).json).toEqual({
        [cluster]: { 'View Cluster': true },
      })
    })

    it('answers 404 for a role that does not exist', async () => {
      expect((await call(target, 'PUT', `/permissions/roles/${uniqueName('no-role')}`, { session: admin, body: '{}' })).status).toBe(404)
    })
  })

  describe.runIf(target.allowWrites)('deleteRole', () => {
    it('deletes a role', async () => {
      const role = await createRole({})
      expect((await call(target, 'DELETE', `/permissions/roles/${enc(role)}`, { session: admin })).json).toEqual({})
      expect((await call(target, 'GET', `/permissions/roles/${enc(role)}`, { session: admin })).status).toBe(404)
    })

    it('answers 400 for the built-in admin role', async () => {
      expect((await call(target, 'DELETE', '/permissions/roles/admin', { session: admin })).status).toBe(400)
    })

    it.runIf(mockOnly)('answers 409 for a role users still hold', async () => {
      expect((await call(target, 'DELETE', '/permissions/roles/user', { session: admin })).status).toBe(409)
      expect((await call(target, 'GET', '/permissions/roles/user', { session: admin })).status).toBe(200)
    })

    it('answers 404 for a role that does not exist', async () => {
      expect((await call(target, 'DELETE', `/permissions/roles/${uniqueName('no-role')}`, { session: admin })).status).toBe(404)
    })
  })

  describe.runIf(mockOnly)('enforcement on cluster endpoints', () => {
    it('hides clusters the role has no permission on from listClusterConfigs', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect(Object.keys((await call(target, 'GET', '/cluster-configs', { session: viewer })).json)).toEqual(['Test_Cluster'])
    })

    it('answers 401 with the permission text on a cluster the role cannot view', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      for (const path of [
        '/Prod_Cluster/nodes',
        '/Prod_Cluster/keyspaces',
        '/cluster-configs/Prod_Cluster',
        '/Prod_Cluster/alerts/fired',
      ]) {
        const result = await call(target, 'GET', path, { session: viewer })
        expect(result.status, path).toBe(401)
        expect(result.json).toEqual(NO_PERMISSION)
      }
    })

    it('answers 401 with the permission text to every cluster operation on a cluster the role cannot view', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect(CLUSTER_OPERATIONS.length).toBeGreaterThan(90)
      for (const { operationId, method, path } of CLUSTER_OPERATIONS) {
        const result = await call(target, method, fill(path, 'Prod_Cluster'), {
          session: viewer,
          body: method === 'GET' ? undefined : '{}',
        })
        expect(result.status, operationId).toBe(401)
        expect(result.json, operationId).toEqual(NO_PERMISSION)
      }
    })

    it('answers 401 with the permission text to every write that needs more than View Cluster, before reading the body', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      const writes = CLUSTER_OPERATIONS.filter(({ method, operationId }) => method !== 'GET' && !VIEW_ONLY_WRITES.has(operationId))
      expect(writes.length).toBeGreaterThan(35)
      for (const { operationId, method, path } of writes) {
        const result = await call(target, method, fill(path, 'Test_Cluster'), { session: viewer, body: 'not json' })
        expect(result.status, operationId).toBe(401)
        expect(result.json, operationId).toEqual(NO_PERMISSION)
      }
    })

    it("answers 401 when the role can view but lacks the operation's permission", async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      expect((await call(target, 'POST', '/Test_Cluster/bestpractice/run/use-oracle-java', { session: viewer })).status).toBe(401)
      expect(
        (await call(target, 'PUT', '/cluster-configs/Test_Cluster', { session: viewer, body: '{"cassandra":{"seed_hosts":"x"}}' })).status,
      ).toBe(401)
    })

    it('applies a role change to existing sessions at once', async () => {
      const viewer = await loginAs(target, target.credentials.viewer!)
      await call(target, 'PUT', '/permissions/roles/user', {
        session: admin,
        body: JSON.stringify({ Prod_Cluster: { 'View Cluster': true } }),
      })
      expect((await call(target, 'GET', '/Test_Cluster/nodes', { session: viewer })).status).toBe(401)
      expect((await call(target, 'GET', '/Prod_Cluster/nodes', { session: viewer })).status).toBe(200)
      await call(target, 'PUT', '/permissions/roles/user', {
        session: admin,
        body: JSON.stringify({ Test_Cluster: { 'View Cluster': true } }),
      })
    })
  })
}
