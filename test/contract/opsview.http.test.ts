import spec from '../../mocks/generated/opsview.openapi.json'
import { opsviewContracts, OPSVIEW_MOCK_CREDENTIALS } from '../../contracts/opsview'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { httpTarget } from '../support/targets'

opsviewContracts(httpTarget({ vendor: 'opsview', spec: spec as unknown as BundledSpec, credentials: OPSVIEW_MOCK_CREDENTIALS }))
