import spec from '../../mocks/generated/opsview.openapi.json'
import { createOpsviewMock } from '../../mocks/opsview'
import { opsviewContracts, OPSVIEW_MOCK_CREDENTIALS } from '../../contracts/opsview'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { mswTarget } from '../support/targets'

opsviewContracts(
  mswTarget({
    vendor: 'opsview',
    spec: spec as unknown as BundledSpec,
    credentials: OPSVIEW_MOCK_CREDENTIALS,
    create: () => createOpsviewMock(),
  }),
)
