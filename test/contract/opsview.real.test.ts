import spec from '../../mocks/generated/opsview.openapi.json'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { describe, it } from 'vitest'
import { opsviewContracts } from '../../contracts/opsview'
import { realTarget } from '../support/targets'

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
  console.info('[contract] real Opsview skipped: set OPSVIEW_URL, OPSVIEW_USERNAME and OPSVIEW_PASSWORD to run the suite against one')
  describe.skip('Opsview contract [real]', () => {
    it('needs OPSVIEW_URL, OPSVIEW_USERNAME and OPSVIEW_PASSWORD', () => {})
  })
}
