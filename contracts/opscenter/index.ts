import { afterAll, beforeAll, describe } from 'vitest'
import { authContract, authDisabledContract } from './auth.contract'
import { clustersContract } from './clusters.contract'
import { alertsContract } from './alerts.contract'
import { backupsContract } from './backups.contract'
import { clusterSettingsContract } from './cluster-settings.contract'
import { keyspacesContract } from './keyspaces.contract'
import { servicesContract } from './services.contract'
import { lcmContract, lcmTopologyContract } from './lcm.contract'
import { metricsContract } from './metrics.contract'
import { operationsContract } from './operations.contract'
import { permissionsContract } from './permissions.contract'
import spec from '../../mocks/generated/opscenter.openapi.json'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { faultsContract } from '../support/faults.contract'
import { journalContract } from '../support/journal.contract'
import { robustnessContract } from '../support/robustness.contract'
import { call, dropCookieSession, loginAs, type OpscenterCredentials, type OpscenterSession, type OpscenterTarget } from './target'
import { usersContract } from './users.contract'

/** Every OpsCenter contract, registered against one target with authentication enabled. */
export function opscenterContracts(target: OpscenterTarget): void {
  describe(`OpsCenter contract [${target.name}]`, () => {
    beforeAll(() => target.start(), 30_000)
    afterAll(() => target.stop())
    // Each group in its own describe, so its beforeAll logs in just before its tests run.
    describe('authentication', () => authContract(target))
    describe('users', () => usersContract(target))
    describe('permissions', () => permissionsContract(target))
    describe('clusters', () => clustersContract(target))
    describe('lcm', () => lcmContract(target))
    describe.runIf(target.kind === 'mock')('lcm topology and jobs', () => lcmTopologyContract(target))
    describe('keyspaces and tables', () => keyspacesContract(target))
    describe('cluster settings', () => clusterSettingsContract(target))
    describe('services, schedules, presets and agents', () => servicesContract(target))
    describe('metrics', () => metricsContract(target))
    describe('events and alerts', () => alertsContract(target))
    describe.runIf(target.kind === 'mock')('cluster operations', () => operationsContract(target))
    describe.runIf(target.kind === 'mock')('backups, repair and NodeSync', () => backupsContract(target))
    faultsContract(target, { method: 'GET', path: '/meta', messageOf: (json) => json.message })
    let session: OpscenterSession | undefined
    journalContract(target, {
      prepare: async () => void (session = await loginAs(target, target.credentials.admin)),
      call: () => call(target, 'GET', '/cluster-configs', { session }),
      operationId: 'listClusterConfigs',
      secretHeader: 'opscenter-session',
      unmatchedPath: '/opsmocks/not/served/here',
    })
    robustnessContract(target, {
      spec: spec as unknown as BundledSpec,
      credentials: async () => (await loginAs(target, target.credentials.admin)).headers,
      beforeAnonymousCall: () => dropCookieSession(target),
    })
  })
}

/** The contracts of an instance started with authentication disabled (OpsCenter's shipped default). */
export function opscenterAuthDisabledContracts(target: OpscenterTarget): void {
  describe(`OpsCenter contract, auth disabled [${target.name}]`, () => {
    beforeAll(() => target.start(), 30_000)
    afterAll(() => target.stop())
    authDisabledContract(target)
  })
}

export const OPSCENTER_MOCK_CREDENTIALS: OpscenterCredentials = {
  admin: { username: 'admin', password: 'admin' },
  viewer: { username: 'testuser', password: 'testuser' },
  multiRole: { username: 'ops', password: 'ops' },
}
