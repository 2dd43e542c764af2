import spec from '../../mocks/generated/opmanager.openapi.json'
import { createOpmanagerMock } from '../../mocks/opmanager'
import { opmanagerContracts, OPMANAGER_MOCK_CREDENTIALS } from '../../contracts/opmanager'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { mswTarget } from '../support/targets'

opmanagerContracts(
  mswTarget({
    vendor: 'opmanager',
    spec: spec as unknown as BundledSpec,
    credentials: OPMANAGER_MOCK_CREDENTIALS,
    create: () => createOpmanagerMock(),
  }),
)
