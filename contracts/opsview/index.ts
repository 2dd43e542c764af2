import { afterAll, beforeAll, describe } from 'vitest'
import { accessContract } from './access.contract'
import { authContract } from './auth.contract'
import { configReadContract } from './config-read.contract'
import { configWriteContract } from './config-write.contract'
import { configTypesContract } from './config-types.contract'
import { reloadContract } from './reload.contract'
import { runtimeContract } from './runtime.contract'
import { monitoringContract } from './monitoring.contract'
import { uploadsContract } from './uploads.contract'
import { statusContract } from './status.contract'
import { infoContract } from './info.contract'
import spec from '../../mocks/generated/opsview.openapi.json'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { faultsContract } from '../support/faults.contract'
import { journalContract } from '../support/journal.contract'
import { stateContract } from '../support/state.contract'
import { robustnessContract } from '../support/robustness.contract'
import { loginAs, rawCall, type OpsviewSession, type OpsviewTarget } from './target'

/** Every Opsview contract, registered against one target. */
export function opsviewContracts(target: OpsviewTarget): void {
  describe(`Opsview contract [${target.name}]`, () => {
    beforeAll(() => target.start(), 30_000)
    afterAll(() => target.stop())
    infoContract(target)
    authContract(target)
    configReadContract(target)
    configWriteContract(target)
    configTypesContract(target)
    reloadContract(target)
    statusContract(target)
    runtimeContract(target)
    monitoringContract(target)
    uploadsContract(target)
    accessContract(target)
    faultsContract(target, { method: 'GET', path: '/rest', messageOf: (json) => json.message })
    let session: OpsviewSession | undefined
    journalContract(target, {
      prepare: async () => void (session = await loginAs(target, target.credentials.admin)),
      call: () => rawCall(target, '/rest/user', { headers: session!.headers }),
      operationId: 'getUser',
      secretHeader: 'x-opsview-token',
      unmatchedPath: '/rest/opsmocks-not-served',
    })
    stateContract(target, {
      vendor: 'opsview',
      read: async () => {
        const { headers } = await loginAs(target, target.credentials.admin)
        return (await rawCall(target, '/rest/config/hostgroup?rows=all', { headers })).json.list
      },
      change: async () => {
        const { headers } = await loginAs(target, target.credentials.admin)
        const body = JSON.stringify({ name: 'Branch Offices', parent: { name: 'Opsview' } })
        await rawCall(target, '/rest/config/hostgroup', {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body,
        })
      },
    })
    robustnessContract(target, {
      spec: spec as unknown as BundledSpec,
      credentials: async () => (await loginAs(target, target.credentials.admin)).headers,
    })
  })
}

export const OPSVIEW_MOCK_CREDENTIALS = {
  admin: { username: 'admin', password: 'initial' },
  operator: { username: 'operator', password: 'operator' },
  viewer: { username: 'viewer', password: 'viewer' },
}
