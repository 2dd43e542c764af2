import spec from '../../mocks/generated/opscenter.openapi.json'
import { createOpscenterMock } from '../../mocks/opscenter'
import { opscenterAuthDisabledContracts, opscenterContracts, OPSCENTER_MOCK_CREDENTIALS } from '../../contracts/opscenter'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { mswTarget } from '../support/targets'

const bundled = spec as unknown as BundledSpec

opscenterContracts(
  mswTarget({ vendor: 'opscenter', spec: bundled, credentials: OPSCENTER_MOCK_CREDENTIALS, create: () => createOpscenterMock() }),
)
opscenterAuthDisabledContracts(
  mswTarget({
    vendor: 'opscenter-noauth',
    spec: bundled,
    credentials: OPSCENTER_MOCK_CREDENTIALS,
    create: () => createOpscenterMock({ authEnabled: false }),
  }),
)
