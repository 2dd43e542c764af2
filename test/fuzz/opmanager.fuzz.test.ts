import spec from '../../mocks/generated/opmanager.openapi.json'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { createOpmanagerService, OPMANAGER_ADMIN_API_KEY } from '../../mocks/opmanager/service'
import { fuzzVendor, storeState } from './spec-fuzz'

fuzzVendor({
  vendor: 'opmanager',
  spec: spec as unknown as BundledSpec,
  create: async () => {
    const { service, store } = await createOpmanagerService()
    return { service, state: () => storeState(store) }
  },
  credentials: async () => ({ apikey: OPMANAGER_ADMIN_API_KEY }),
  // OpManager answers vendor errors with HTTP 200 and {"error": {...}} (decisions/031).
  isRejection: (result) =>
    result.status >= 400 || (typeof result.json === 'object' && result.json !== null && Object.hasOwn(result.json, 'error')),
})
