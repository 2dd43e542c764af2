import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { ownValue } from '../../core/own'
import { LCM_KINDS, type LcmKind, type LcmRecord, type OpscenterStore } from '../store'
import { jobStatus } from '../world/lcm-jobs'

/** The LCM object kinds a client creates (jobs come from actions). */
export type LcmObjectKind = Exclude<LcmKind, 'jobs'>

interface KindRules {
  /** Fields that must be present and non-empty strings on create, besides `name`. */
  required: readonly string[]
  /** Reference fields and the kind they name; a reference to nothing is a 400. */
  references: Readonly<Record<string, LcmObjectKind>>
  /** The field naming the owner: deleting the owner deletes this object (LCM's cluster > datacenter > node). */
  owner?: string
  /** Whether objects of this kind carry `job-status` and `last-job-id`. */
  runsJobs: boolean
}

const SHARED = { 'machine-credential-id': 'machine_credentials', 'config-profile-id': 'config_profiles' } as const

/**
 * Each LCM kind's rules (decisions/104): what it requires, what it refers to, who owns it. The checks run
 * on the whole new record before anything is stored, so a rejected write changes nothing.
 */
export const LCM_RULES: Readonly<Record<LcmObjectKind, KindRules>> = {
  repositories: { required: [], references: {}, runsJobs: false },
  machine_credentials: { required: [], references: {}, runsJobs: false },
  config_profiles: { required: ['datastax-version'], references: {}, runsJobs: false },
  clusters: { required: [], references: { 'repository-id': 'repositories', ...SHARED }, runsJobs: true },
  datacenters: { required: ['cluster-id'], references: { 'cluster-id': 'clusters', ...SHARED }, owner: 'cluster-id', runsJobs: true },
  nodes: {
    required: ['datacenter-id', 'ssh-management-address'],
    references: { 'datacenter-id': 'datacenters', ...SHARED },
    owner: 'datacenter-id',
    runsJobs: true,
  },
}

/** Write-only LCM fields: accepted, never stored or returned (decisions/026). */
const SECRETS = new Set(['login-password', 'become-password', 'ssh-private-key', 'password'])
/** Fields only the server sets, and `__proto__`, which no stored object may carry as a field. */
const SERVER_FIELDS = new Set(['id', 'href', 'type', 'job-status', 'last-job-id', '__proto__'])

function clientFields(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !SECRETS.has(key) && !SERVER_FIELDS.has(key)))
}

function checkRules(store: OpscenterStore, kind: LcmObjectKind, record: Record<string, unknown>): void {
  const rules = LCM_RULES[kind]
  if (typeof record.name !== 'string' || record.name.trim() === '')
    throw new MockError('BAD_REQUEST', "Missing required field 'name' (a non-empty string)")
  for (const field of rules.required)
    if (typeof ownValue(record, field) !== 'string' || ownValue(record, field) === '')
      throw new MockError('BAD_REQUEST', `Missing required field '${field}'`)
  for (const [field, target] of Object.entries(rules.references)) {
    const id = ownValue(record, field)
    if (id === undefined || id === null) continue
    if (typeof id !== 'string' || !store.lcm[target].get(id))
      throw new MockError('BAD_REQUEST', `Field '${field}' names no ${LCM_KINDS[target].type}: ${JSON.stringify(id)}`)
  }
}

/** A new LCM object from a client body: secrets dropped, server fields set, rules and schema checked. */
export async function createLcm(store: OpscenterStore, kind: LcmObjectKind, input: unknown, id?: string): Promise<LcmRecord> {
  if (!isPlainObject(input)) throw new MockError('BAD_REQUEST', `Expected a JSON object with the new ${LCM_KINDS[kind].type}'s fields`)
  const build = (recordId: string) => {
    const record: LcmRecord = { ...clientFields(input), id: recordId, href: `/api/v2/lcm/${kind}/${recordId}/`, type: LCM_KINDS[kind].type }
    if (LCM_RULES[kind].runsJobs) record['last-job-id'] = null
    checkRules(store, kind, record)
    return store.insertLcm(kind, record)
  }
  return id === undefined ? store.withNewId(build) : build(id)
}

/** Changes the fields sent (LCM's PUT), keeping id, href, type and the job fields. */
export async function updateLcm(store: OpscenterStore, kind: LcmObjectKind, id: string, input: unknown): Promise<LcmRecord> {
  const previous = store.getLcm(kind, id)
  if (!isPlainObject(input))
    throw new MockError('BAD_REQUEST', `Expected a JSON object with the ${LCM_KINDS[kind].type}'s fields to change`)
  const record: LcmRecord = { ...previous, ...clientFields(input), id: previous.id, href: previous.href, type: previous.type }
  checkRules(store, kind, record)
  return store.replaceLcm(kind, record)
}

/**
 * Deletes an object: what it owns goes with it (a cluster takes its datacenters and their nodes); an object
 * other objects refer to (a repository, credential or profile in use) is a 409 naming them.
 */
export function deleteLcm(store: OpscenterStore, kind: LcmObjectKind, id: string): void {
  store.getLcm(kind, id)
  const users: string[] = []
  for (const [otherKind, rules] of Object.entries(LCM_RULES) as Array<[LcmObjectKind, KindRules]>) {
    for (const [field, target] of Object.entries(rules.references)) {
      if (target !== kind || field === rules.owner) continue
      for (const other of store.lcm[otherKind].filter((record) => ownValue(record, field) === id))
        users.push(`${LCM_KINDS[otherKind].type} ${other.id}`)
    }
  }
  if (users.length) throw new MockError('CONFLICT', `The ${LCM_KINDS[kind].type} ${id} is in use by ${users.join(', ')}`)
  for (const [otherKind, rules] of Object.entries(LCM_RULES) as Array<[LcmObjectKind, KindRules]>) {
    const owner = rules.owner
    if (!owner || ownValue(rules.references, owner) !== kind) continue
    for (const owned of store.lcm[otherKind].filter((record) => ownValue(record, owner) === id)) deleteLcm(store, otherKind, owned.id)
  }
  store.deleteLcm(kind, id)
}

/** The wire shape of an object: `job-status` is the current status of its last job (null before any). */
export function lcmView(store: OpscenterStore, kind: LcmObjectKind, record: LcmRecord): LcmRecord {
  if (!LCM_RULES[kind].runsJobs) return { ...record }
  const lastJob = typeof record['last-job-id'] === 'string' ? store.lcm.jobs.get(record['last-job-id']) : undefined
  return { ...record, 'job-status': lastJob ? jobStatus(store, lastJob) : null }
}

/** The datacenters of a cluster and the nodes of a datacenter or cluster, by ownership. */
export function datacentersOf(store: OpscenterStore, clusterId: string): LcmRecord[] {
  return store.lcm.datacenters.filter((record) => record['cluster-id'] === clusterId)
}

export function nodesOfDatacenter(store: OpscenterStore, datacenterId: string): LcmRecord[] {
  return store.lcm.nodes.filter((record) => record['datacenter-id'] === datacenterId)
}

export function nodesOfCluster(store: OpscenterStore, clusterId: string): LcmRecord[] {
  return datacentersOf(store, clusterId).flatMap((datacenter) => nodesOfDatacenter(store, datacenter.id))
}
