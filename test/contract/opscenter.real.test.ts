import spec from '../../mocks/generated/opscenter.openapi.json'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { opscenterContracts } from '../../contracts/opscenter'
import { realTarget, skipRealVendor } from '../support/targets'

const { OPSCENTER_URL, OPSCENTER_USERNAME, OPSCENTER_PASSWORD, OPSCENTER_ALLOW_WRITES } = process.env

if (OPSCENTER_URL && OPSCENTER_USERNAME && OPSCENTER_PASSWORD) {
  opscenterContracts(
    realTarget({
      vendor: 'opscenter',
      spec: spec as unknown as BundledSpec,
      baseUrl: OPSCENTER_URL,
      credentials: { admin: { username: OPSCENTER_USERNAME, password: OPSCENTER_PASSWORD } },
      allowWrites: OPSCENTER_ALLOW_WRITES === '1',
    }),
  )
} else {
  skipRealVendor(
    'OpsCenter',
    ['OPSCENTER_URL', 'OPSCENTER_USERNAME', 'OPSCENTER_PASSWORD'],
    'OPSCENTER_ALLOW_WRITES=1 lets it create and delete its own objects',
  )
}
