import spec from '../../mocks/generated/opsview.openapi.json'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { opsviewContracts } from '../../contracts/opsview'
import { realTarget, skipRealVendor } from '../support/targets'

const { OPSVIEW_URL, OPSVIEW_USERNAME, OPSVIEW_PASSWORD, OPSVIEW_ALLOW_WRITES } = process.env

if (OPSVIEW_URL && OPSVIEW_USERNAME && OPSVIEW_PASSWORD) {
  opsviewContracts(
    realTarget({
      vendor: 'opsview',
      spec: spec as unknown as BundledSpec,
      baseUrl: OPSVIEW_URL,
      credentials: { admin: { username: OPSVIEW_USERNAME, password: OPSVIEW_PASSWORD } },
      allowWrites: OPSVIEW_ALLOW_WRITES === '1',
    }),
  )
} else {
  skipRealVendor(
    'Opsview',
    ['OPSVIEW_URL', 'OPSVIEW_USERNAME', 'OPSVIEW_PASSWORD'],
    'OPSVIEW_ALLOW_WRITES=1 lets it create and delete its own objects',
  )
}
