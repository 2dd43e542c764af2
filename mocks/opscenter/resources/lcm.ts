import type { MockRequest } from '../../core/exchange'
import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { done, ok, withPrincipal, type Handler, type Params, type ResourceHandlers } from '../handler'
import { requireAdmin } from '../permissions'
import { readOpscenterBody } from '../request-body'
import { LCM_KINDS, type LcmKind, type LcmRecord, type OpscenterStore } from '../store'
import type { OperationId, Reply } from '../spec-types'

/** Write-only LCM fields: accepted on create, never stored or returned (decisions/026). */
const LCM_SECRETS = new Set(['login-password', 'become-password', 'ssh-private-key', 'password'])
/** Fields the server sets. */
const SERVER_FIELDS = new Set(['id', 'href', 'type'])

/** A new LCM object from a client body: secrets dropped, server fields set, checked against the kind's schema. */
export async function createLcm(
  store: OpscenterStore,
  kind: LcmKind,
  input: unknown,
  id: string = globalThis.crypto.randomUUID(),
): Promise<LcmRecord> {
  if (!isPlainObject(input)) throw new MockError('BAD_REQUEST', `Expected a JSON object with the new ${LCM_KINDS[kind].type}'s fields`)
  if (typeof input.name !== 'string' || input.name.trim() === '')
    throw new MockError('BAD_REQUEST', "Missing required field 'name' (a non-empty string)")
  const fields = Object.fromEntries(Object.entries(input).filter(([key]) => !LCM_SECRETS.has(key) && !SERVER_FIELDS.has(key)))
  return store.insertLcm(kind, { ...fields, id, href: `/api/v2/lcm/${kind}/${id}/`, type: LCM_KINDS[kind].type, name: input.name })
}

/** LCM is admin-only in the mock (decisions/026). */
function admin<Id extends OperationId>(
  handle: (store: OpscenterStore, request: MockRequest, params: Params) => Reply<Id> | Promise<Reply<Id>>,
): Handler<Id> {
  return withPrincipal<Id>(({ store }, principal, request, params) => {
    requireAdmin(principal, 'using LCM')
    return handle(store, request, params)
  })
}

const list = (store: OpscenterStore, kind: LcmKind) => {
  const results = store.lcm[kind].all()
  return ok({ count: results.length, next: null, previous: null, results })
}

export const lcmHandlers: ResourceHandlers<
  | 'listLcmRepositories'
  | 'createLcmRepository'
  | 'getLcmRepository'
  | 'deleteLcmRepository'
  | 'listLcmMachineCredentials'
  | 'createLcmMachineCredential'
  | 'getLcmMachineCredential'
  | 'deleteLcmMachineCredential'
  | 'listLcmClusters'
  | 'createLcmCluster'
  | 'getLcmCluster'
  | 'deleteLcmCluster'
> = {
  listLcmRepositories: admin((store) => list(store, 'repositories') as never),
  createLcmRepository: admin(async (store, request) => ({
    status: 201,
    json: (await createLcm(store, 'repositories', readOpscenterBody(request))) as never,
  })),
  getLcmRepository: admin((store, _request, { id }) => ok(store.getLcm('repositories', id!) as never)),
  deleteLcmRepository: admin((store, _request, { id }) => {
    store.deleteLcm('repositories', id!)
    return done()
  }),
  listLcmMachineCredentials: admin((store) => list(store, 'machine_credentials') as never),
  createLcmMachineCredential: admin(async (store, request) => ({
    status: 201,
    json: (await createLcm(store, 'machine_credentials', readOpscenterBody(request))) as never,
  })),
  getLcmMachineCredential: admin((store, _request, { id }) => ok(store.getLcm('machine_credentials', id!) as never)),
  deleteLcmMachineCredential: admin((store, _request, { id }) => {
    store.deleteLcm('machine_credentials', id!)
    return done()
  }),
  listLcmClusters: admin((store) => list(store, 'clusters') as never),
  createLcmCluster: admin(async (store, request) => ({
    status: 201,
    json: (await createLcm(store, 'clusters', readOpscenterBody(request))) as never,
  })),
  getLcmCluster: admin((store, _request, { id }) => ok(store.getLcm('clusters', id!) as never)),
  deleteLcmCluster: admin((store, _request, { id }) => {
    store.deleteLcm('clusters', id!)
    return done()
  }),
}
