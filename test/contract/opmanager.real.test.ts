import spec from '../../mocks/generated/opmanager.openapi.json'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { opmanagerContracts } from '../../contracts/opmanager'
import { realTarget, skipRealVendor } from '../support/targets'

const { OPMANAGER_URL, OPMANAGER_API_KEY } = process.env

// Strictly read-only against a real OpManager: every write and control-API test is mock-only.
if (OPMANAGER_URL && OPMANAGER_API_KEY) {
  opmanagerContracts(
    realTarget({
      vendor: 'opmanager',
      spec: spec as unknown as BundledSpec,
      baseUrl: OPMANAGER_URL,
      credentials: { adminKey: OPMANAGER_API_KEY },
      allowWrites: false,
    }),
  )
} else {
  skipRealVendor('OpManager', ['OPMANAGER_URL', 'OPMANAGER_API_KEY'], 'read-only')
}
