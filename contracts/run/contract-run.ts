/**
 * The test file `opsmocks contract` hands to Vitest: one vendor's suite against the server the command
 * resolved (OPSMOCKS_CONTRACT_* variables), with its fidelity and coverage reports beside the JUnit one.
 */
import { CONTRACT_SUITES } from '../index'
import { realTarget } from '../support/real-target'
import { realCredentials, type ContractVendor } from '../support/real-vendors'

const vendor = process.env.OPSMOCKS_CONTRACT_VENDOR as ContractVendor
const suite = CONTRACT_SUITES[vendor]
if (!suite) throw new Error(`OPSMOCKS_CONTRACT_VENDOR must name a vendor, got "${vendor}"`)
const report = process.env.OPSMOCKS_CONTRACT_REPORT!
suite.register(
  realTarget({
    vendor,
    spec: suite.spec,
    baseUrl: process.env.OPSMOCKS_CONTRACT_URL!,
    credentials: realCredentials(vendor, JSON.parse(process.env.OPSMOCKS_CONTRACT_CREDENTIALS ?? '{}')),
    allowWrites: process.env.OPSMOCKS_CONTRACT_ALLOW_WRITES === '1',
    reports: { fidelity: `${report}.fidelity.json`, coverage: `${report}.coverage.json` },
  }),
)
