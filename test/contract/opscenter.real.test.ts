import spec from '../../mocks/generated/opscenter.openapi.json'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { describe, it } from 'vitest'
import { opscenterContracts } from '../../contracts/opscenter'
import { realTarget } from '../support/targets'

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
  console.info(
    '[contract] real OpsCenter skipped: set OPSCENTER_URL, OPSCENTER_USERNAME and OPSCENTER_PASSWORD to run the suite against one (OPSCENTER_ALLOW_WRITES=1 to let it create and delete its own objects)',
  )
  describe.skip('OpsCenter contract [real]', () => {
    it('needs OPSCENTER_URL, OPSCENTER_USERNAME and OPSCENTER_PASSWORD', () => {})
  })
}
