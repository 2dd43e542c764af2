/**
 * `opsmocks/contracts`: the contract harness and every vendor's suite, to run them from your own Vitest
 * project against any server, e.g.
 *
 *   import { CONTRACT_SUITES, realTarget } from 'opsmocks/contracts'
 *   const opsview = CONTRACT_SUITES.opsview
 *   opsview.register(realTarget({ vendor: 'opsview', spec: opsview.spec, baseUrl: 'https://opsview.example.com',
 *     credentials: { admin: { username: 'admin', password: process.env.OPSVIEW_PASSWORD! } }, allowWrites: false }))
 *
 * (`npx opsmocks contract --vendor opsview --target URL` does exactly this.)
 */
import opsviewSpec from '../mocks/generated/opsview.openapi.json'
import opscenterSpec from '../mocks/generated/opscenter.openapi.json'
import opmanagerSpec from '../mocks/generated/opmanager.openapi.json'
import type { BundledSpec } from '../mocks/core/spec-schema'
import type { ContractTarget } from './support/target'
import type { ContractVendor } from './support/real-vendors'
import { opsviewContracts, OPSVIEW_MOCK_CREDENTIALS } from './opsview'
import { opscenterContracts, OPSCENTER_MOCK_CREDENTIALS } from './opscenter'
import { opmanagerContracts, OPMANAGER_MOCK_CREDENTIALS } from './opmanager'

export { opsviewContracts, OPSVIEW_MOCK_CREDENTIALS } from './opsview'
export { opscenterContracts, opscenterAuthDisabledContracts, OPSCENTER_MOCK_CREDENTIALS } from './opscenter'
export { opmanagerContracts, OPMANAGER_MOCK_CREDENTIALS } from './opmanager'
export type { OpsviewCredentials, OpsviewTarget } from './opsview/target'
export type { OpscenterCredentials, OpscenterTarget } from './opscenter/target'
export type { OpmanagerCredentials, OpmanagerTarget } from './opmanager/target'
export { httpControl, StatusCoverage, validatingFetch, uniqueName, type ContractTarget, type MockControl } from './support/target'
export { realTarget, type RealTargetOptions } from './support/real-target'
export { createSpecValidator, type SpecValidator, type ResponseCheck } from './support/spec-validator'
export { REAL_VENDOR_NEEDS, CONTRACT_VENDORS, realCredentials, type ContractVendor, type RealVendorNeeds } from './support/real-vendors'
export type { BundledSpec } from '../mocks/core/spec-schema'

export interface ContractSuite {
  /** The bundled OpenAPI document responses are checked against. */
  spec: BundledSpec
  /** Registers every contract of the vendor (Vitest `describe`/`it`) against a target. */
  register(target: ContractTarget<any>): void
  /** The seeded users/keys of the opsmocks mock, for targets that are opsmocks servers. */
  mockCredentials: unknown
}

export const CONTRACT_SUITES: Record<ContractVendor, ContractSuite> = {
  opsview: { spec: opsviewSpec as unknown as BundledSpec, register: opsviewContracts, mockCredentials: OPSVIEW_MOCK_CREDENTIALS },
  opscenter: { spec: opscenterSpec as unknown as BundledSpec, register: opscenterContracts, mockCredentials: OPSCENTER_MOCK_CREDENTIALS },
  opmanager: { spec: opmanagerSpec as unknown as BundledSpec, register: opmanagerContracts, mockCredentials: OPMANAGER_MOCK_CREDENTIALS },
}
