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
import { robustnessContract } from '../support/robustness.contract'
import { loginAs, type OpsviewTarget } from './target'

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
