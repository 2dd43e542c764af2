import spec from '../../mocks/generated/opsview.openapi.json'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { createOpsviewService } from '../../mocks/opsview/service'
import { call } from '../support/call'
import { fuzzVendor, storeState } from './spec-fuzz'

fuzzVendor({
  vendor: 'opsview',
  spec: spec as unknown as BundledSpec,
  create: async () => {
    const { service, store, sessions } = await createOpsviewService()
    return { service, state: () => [storeState(store), sessions.size] }
  },
  credentials: async (service) => {
    const login = await call(service, 'POST', '/rest/login', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'initial' }),
    })
    return { 'x-opsview-username': 'admin', 'x-opsview-token': (login.json as { token: string }).token }
  },
})
