import spec from '../../mocks/generated/opmanager.openapi.json'
import { opmanagerContracts, OPMANAGER_MOCK_CREDENTIALS } from '../../contracts/opmanager'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { httpTarget } from '../support/targets'

opmanagerContracts(httpTarget({ vendor: 'opmanager', spec: spec as unknown as BundledSpec, credentials: OPMANAGER_MOCK_CREDENTIALS }))
