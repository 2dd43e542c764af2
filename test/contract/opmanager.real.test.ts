import { realVendorSuite } from '../support/targets'

// Strictly read-only against a real OpManager: every write and control-API test is mock-only.
// Against the server in OPMANAGER_URL with its credentials (contracts/support/real-vendors.ts); skipped without them.
realVendorSuite('opmanager')
