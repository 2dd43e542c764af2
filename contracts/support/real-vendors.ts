/**
 * What a contract run against a real vendor server needs, per vendor: its URL and credentials, each an
 * environment variable or a CLI flag. Free of Vitest so the CLI can check a run before starting one.
 */
export interface RealVendorNeeds {
  title: string
  urlEnv: string
  /** CLI option name → environment variable, in the order they are reported missing. */
  credentials: ReadonlyArray<{ option: 'username' | 'password' | 'api-key'; env: string }>
  /** Environment variable that lets the suite create and delete its own `opsmocks-…` objects; absent = always read-only. */
  writesEnv?: string
}

export const REAL_VENDOR_NEEDS = {
  opsview: {
    title: 'Opsview',
    urlEnv: 'OPSVIEW_URL',
    credentials: [
      { option: 'username', env: 'OPSVIEW_USERNAME' },
      { option: 'password', env: 'OPSVIEW_PASSWORD' },
    ],
    writesEnv: 'OPSVIEW_ALLOW_WRITES',
  },
  opscenter: {
    title: 'OpsCenter',
    urlEnv: 'OPSCENTER_URL',
    credentials: [
      { option: 'username', env: 'OPSCENTER_USERNAME' },
      { option: 'password', env: 'OPSCENTER_PASSWORD' },
    ],
    writesEnv: 'OPSCENTER_ALLOW_WRITES',
  },
  opmanager: {
    title: 'OpManager',
    urlEnv: 'OPMANAGER_URL',
    credentials: [{ option: 'api-key', env: 'OPMANAGER_API_KEY' }],
  },
} as const satisfies Record<string, RealVendorNeeds>

export type ContractVendor = keyof typeof REAL_VENDOR_NEEDS
export const CONTRACT_VENDORS = Object.keys(REAL_VENDOR_NEEDS) as ContractVendor[]

/** The credentials object each vendor's contract suite takes, from the values of the CLI options. */
export function realCredentials(vendor: ContractVendor, values: Readonly<Record<string, string>>): unknown {
  if (vendor === 'opmanager') return { adminKey: values['api-key'] }
  return { admin: { username: values.username, password: values.password } }
}
