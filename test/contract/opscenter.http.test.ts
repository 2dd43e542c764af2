import spec from '../../mocks/generated/opscenter.openapi.json'
import { opscenterAuthDisabledContracts, opscenterContracts, OPSCENTER_MOCK_CREDENTIALS } from '../../contracts/opscenter'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { httpTarget } from '../support/targets'

const bundled = spec as unknown as BundledSpec

opscenterContracts(httpTarget({ vendor: 'opscenter', spec: bundled, credentials: OPSCENTER_MOCK_CREDENTIALS }))
opscenterAuthDisabledContracts(
  httpTarget({ vendor: 'opscenter', spec: bundled, credentials: OPSCENTER_MOCK_CREDENTIALS, env: { OPSCENTER_AUTH: 'off' } }),
)
