import { realVendorSuite } from '../support/targets'

// Against the server in OPSCENTER_URL with its credentials (contracts/support/real-vendors.ts); skipped without them.
realVendorSuite('opscenter')
