import spec from '../../mocks/generated/opscenter.openapi.json'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { createOpscenterService } from '../../mocks/opscenter/service'
import { basic } from '../support/call'
import { fuzzVendor, storeState } from './spec-fuzz'

fuzzVendor({
  vendor: 'opscenter',
  spec: spec as unknown as BundledSpec,
  create: async () => {
    const { service, store, sessions } = await createOpscenterService()
    return { service, state: () => [storeState(store), sessions.size] }
  },
  credentials: async () => basic('admin', 'admin'),
})
