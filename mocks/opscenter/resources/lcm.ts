import type { MockRequest } from '../../core/exchange'
import { isPlainObject } from '../../core/body'
import { MockError } from '../../core/mock-error'
import { ownValue } from '../../core/own'
import { done, ok, withPrincipal, type Handler, type Params, type ResourceHandlers } from '../handler'
import { requireAdmin } from '../permissions'
import { readOpscenterBody } from '../request-body'
import type { LcmRecord, OpscenterStore } from '../store'
import type { OperationId, Reply } from '../spec-types'
import { lcmCaCertificate } from '../world/lcm-ca'
import { jobEvents, jobNodes, jobStatus, jobView } from '../world/lcm-jobs'
import {
  createLcm,
  datacentersOf,
  deleteLcm,
  lcmView,
  nodesOfCluster,
  nodesOfDatacenter,
  updateLcm,
  type LcmObjectKind,
} from './lcm-objects'

/** LCM is admin-only in the mock (decisions/026). Handlers answer LCM records, typed per operation by the spec. */
function admin<Id extends OperationId>(handle: (store: OpscenterStore, request: MockRequest, params: Params) => unknown): Handler<Id> {
  return withPrincipal<Id>(async ({ store }, principal, request, params) => {
    requireAdmin(principal, 'using LCM')
    return (await handle(store, request, params)) as Reply<Id>
  })
}

const page = (results: LcmRecord[]) => ok({ count: results.length, next: null, previous: null, results })

/** The five operations of one LCM object kind. */
function crud(kind: LcmObjectKind) {
  return {
    list: admin((store) => page(store.lcm[kind].all().map((record) => lcmView(store, kind, record)))),
    create: admin(async (store, request) => ({
      status: 201,
      json: lcmView(store, kind, await createLcm(store, kind, readOpscenterBody(request))),
    })),
    get: admin((store, _request, { id }) => ok(lcmView(store, kind, store.getLcm(kind, id!)))),
    update: admin(async (store, request, { id }) =>
      ok(lcmView(store, kind, await updateLcm(store, kind, id!, readOpscenterBody(request)))),
    ),
    remove: admin((store, _request, { id }) => {
      deleteLcm(store, kind, id!)
      return done()
    }),
  }
}

const repositories = crud('repositories')
const credentials = crud('machine_credentials')
const profiles = crud('config_profiles')
const clusters = crud('clusters')
const datacenters = crud('datacenters')
const nodes = crud('nodes')

/** The job types and the options each accepts (decisions/104). */
const ACTIONS: Record<string, { options: string[] }> = {
  install: { options: ['continue-on-error', 'dry-run', 'description', 'auto-bootstrap'] },
  configure: { options: ['continue-on-error', 'dry-run', 'description'] },
  upgrade: { options: ['continue-on-error', 'dry-run', 'description', 'new-version'] },
  restart: { options: ['continue-on-error', 'dry-run', 'description', 'batch-size'] },
  terminate: { options: ['job-id'] },
}

/** The DSE versions LCM holds config file definitions for; a few properties each, enough for a client to browse. */
const DEFINITIONS: Record<string, Record<string, Record<string, { type: string; default: unknown }>>> = {
  '6.8.35': {
    'cassandra-yaml': { num_tokens: { type: 'int', default: 8 }, concurrent_reads: { type: 'int', default: 32 } },
    'dse-yaml': { authentication_options: { type: 'dict', default: { enabled: false } } },
  },
  '6.7.17': {
    'cassandra-yaml': { num_tokens: { type: 'int', default: 1 }, concurrent_reads: { type: 'int', default: 32 } },
    'dse-yaml': { authentication_options: { type: 'dict', default: { enabled: false } } },
  },
}

interface Target {
  cluster: LcmRecord
  datacenter?: LcmRecord
  node?: LcmRecord
  nodeIds: string[]
  touched: Array<[LcmObjectKind, LcmRecord]>
}

/** The one object an action names, and everything under it. */
function targetOf(store: OpscenterStore, body: Record<string, unknown>): Target {
  const named = (['cluster-id', 'datacenter-id', 'node-id'] as const).filter((field) => body[field] !== undefined && body[field] !== null)
  if (named.length !== 1)
    throw new MockError('BAD_REQUEST', "Name the target with exactly one of 'cluster-id', 'datacenter-id' or 'node-id'")
  const field = named[0]!
  const id = body[field]
  if (typeof id !== 'string') throw new MockError('BAD_REQUEST', `Field '${field}' must be an id string`)
  if (field === 'node-id') {
    const node = store.getLcm('nodes', id)
    const datacenter = store.getLcm('datacenters', String(node['datacenter-id']))
    const cluster = store.getLcm('clusters', String(datacenter['cluster-id']))
    return { cluster, datacenter, node, nodeIds: [node.id], touched: [['nodes', node]] }
  }
  if (field === 'datacenter-id') {
    const datacenter = store.getLcm('datacenters', id)
    const cluster = store.getLcm('clusters', String(datacenter['cluster-id']))
    const members = nodesOfDatacenter(store, datacenter.id)
    return {
      cluster,
      datacenter,
      nodeIds: members.map((node) => node.id),
      touched: [['datacenters', datacenter], ...members.map((node) => ['nodes', node] as [LcmObjectKind, LcmRecord])],
    }
  }
  const cluster = store.getLcm('clusters', id)
  const members = nodesOfCluster(store, cluster.id)
  return {
    cluster,
    nodeIds: members.map((node) => node.id),
    touched: [
      ['clusters', cluster],
      ...datacentersOf(store, cluster.id).map((datacenter) => ['datacenters', datacenter] as [LcmObjectKind, LcmRecord]),
      ...members.map((node) => ['nodes', node] as [LcmObjectKind, LcmRecord]),
    ],
  }
}

async function runAction(store: OpscenterStore, jobType: string, input: unknown): Promise<LcmRecord> {
  if (!Object.hasOwn(ACTIONS, jobType))
    throw new MockError('NOT_FOUND', `No LCM action '${jobType}'; actions: ${Object.keys(ACTIONS).join(', ')}`)
  const body = input ?? {}
  if (!isPlainObject(body)) throw new MockError('BAD_REQUEST', 'Expected a JSON object naming the target')
  for (const flag of ['continue-on-error', 'dry-run'])
    if (ownValue(body, flag) !== undefined && typeof ownValue(body, flag) !== 'boolean')
      throw new MockError('BAD_REQUEST', `Field '${flag}' must be true or false`)
  const now = store.clock.nowSeconds()
  let target: Target
  if (jobType === 'terminate') {
    if (typeof body['job-id'] !== 'string') throw new MockError('BAD_REQUEST', "A terminate action needs 'job-id'")
    const victim = store.getLcm('jobs', body['job-id'])
    const status = jobStatus(store, victim)
    if (status !== 'PENDING' && status !== 'RUNNING')
      throw new MockError('BAD_REQUEST', `Job ${victim.id} is ${status}; only a pending or running job can be terminated`)
    target = { cluster: store.getLcm('clusters', String(victim['cluster-id'])), nodeIds: [], touched: [] }
    store.lcmJobPlans.get(victim.id)!.terminatedAt = now
  } else {
    target = targetOf(store, body)
  }
  const job = await store.withNewId(async (id) => {
    const record: LcmRecord = {
      id,
      href: `/api/v2/lcm/jobs/${id}/`,
      type: 'job',
      'job-type': jobType,
      status: 'PENDING',
      'cluster-id': target.cluster.id,
      'cluster-name': String(target.cluster.name),
      'datacenter-id': target.datacenter?.id ?? null,
      'datacenter-name': target.datacenter ? String(target.datacenter.name) : null,
      'node-id': target.node?.id ?? null,
      'node-name': target.node ? String(target.node.name) : null,
      description: typeof body.description === 'string' ? body.description : null,
      'dry-run': body['dry-run'] === true,
      'job-data': { ...body, 'job-type': jobType },
      'created-on': new Date(now * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }
    return store.insertLcm('jobs', record)
  })
  const id = job.id
  store.lcmJobPlans.set(id, { created: now, nodeIds: target.nodeIds })
  for (const [kind, record] of target.touched) await store.replaceLcm(kind, { ...record, 'last-job-id': id })
  return jobView(store, job)
}

export const lcmHandlers: ResourceHandlers<
  | 'listLcmRepositories'
  | 'createLcmRepository'
  | 'getLcmRepository'
  | 'updateLcmRepository'
  | 'deleteLcmRepository'
  | 'listLcmMachineCredentials'
  | 'createLcmMachineCredential'
  | 'getLcmMachineCredential'
  | 'updateLcmMachineCredential'
  | 'deleteLcmMachineCredential'
  | 'listLcmConfigProfiles'
  | 'createLcmConfigProfile'
  | 'getLcmConfigProfile'
  | 'updateLcmConfigProfile'
  | 'deleteLcmConfigProfile'
  | 'listLcmClusters'
  | 'createLcmCluster'
  | 'getLcmCluster'
  | 'getLcmClusterCacert'
  | 'updateLcmCluster'
  | 'deleteLcmCluster'
  | 'listLcmDatacenters'
  | 'createLcmDatacenter'
  | 'getLcmDatacenter'
  | 'updateLcmDatacenter'
  | 'deleteLcmDatacenter'
  | 'listLcmNodes'
  | 'createLcmNode'
  | 'getLcmNode'
  | 'updateLcmNode'
  | 'deleteLcmNode'
  | 'listLcmClusterDatacenters'
  | 'listLcmClusterNodes'
  | 'listLcmClusterJobs'
  | 'listLcmDatacenterNodes'
  | 'listLcmJobs'
  | 'getLcmJob'
  | 'listLcmJobEvents'
  | 'listLcmJobNodes'
  | 'listLcmActions'
  | 'runLcmAction'
  | 'listLcmDefinitions'
  | 'getLcmDefinitions'
> = {
  listLcmRepositories: repositories.list,
  createLcmRepository: repositories.create,
  getLcmRepository: repositories.get,
  updateLcmRepository: repositories.update,
  deleteLcmRepository: repositories.remove,
  listLcmMachineCredentials: credentials.list,
  createLcmMachineCredential: credentials.create,
  getLcmMachineCredential: credentials.get,
  updateLcmMachineCredential: credentials.update,
  deleteLcmMachineCredential: credentials.remove,
  listLcmConfigProfiles: profiles.list,
  createLcmConfigProfile: profiles.create,
  getLcmConfigProfile: profiles.get,
  updateLcmConfigProfile: profiles.update,
  deleteLcmConfigProfile: profiles.remove,
  listLcmClusters: clusters.list,
  createLcmCluster: clusters.create,
  getLcmCluster: clusters.get,
  // A PEM body: the generated reply type knows JSON bodies only, hence the cast.
  getLcmClusterCacert: admin(async (store, _request, { id }) => {
    store.getLcm('clusters', id!)
    return { status: 200, text: await lcmCaCertificate(store.seed), headers: { 'content-type': 'application/x-pem-file' } } as never
  }),
  updateLcmCluster: clusters.update,
  deleteLcmCluster: clusters.remove,
  listLcmDatacenters: datacenters.list,
  createLcmDatacenter: datacenters.create,
  getLcmDatacenter: datacenters.get,
  updateLcmDatacenter: datacenters.update,
  deleteLcmDatacenter: datacenters.remove,
  listLcmNodes: nodes.list,
  createLcmNode: nodes.create,
  getLcmNode: nodes.get,
  updateLcmNode: nodes.update,
  deleteLcmNode: nodes.remove,
  listLcmClusterDatacenters: admin((store, _request, { id }) =>
    page(datacentersOf(store, store.getLcm('clusters', id!).id).map((record) => lcmView(store, 'datacenters', record))),
  ),
  listLcmClusterNodes: admin((store, _request, { id }) =>
    page(nodesOfCluster(store, store.getLcm('clusters', id!).id).map((record) => lcmView(store, 'nodes', record))),
  ),
  listLcmClusterJobs: admin((store, _request, { id }) => {
    store.getLcm('clusters', id!)
    return page(store.lcm.jobs.filter((job) => job['cluster-id'] === id).map((job) => jobView(store, job)))
  }),
  listLcmDatacenterNodes: admin((store, _request, { id }) =>
    page(nodesOfDatacenter(store, store.getLcm('datacenters', id!).id).map((record) => lcmView(store, 'nodes', record))),
  ),
  listLcmJobs: admin((store) => page(store.lcm.jobs.all().map((job) => jobView(store, job)))),
  getLcmJob: admin((store, _request, { id }) => ok(jobView(store, store.getLcm('jobs', id!)))),
  listLcmJobEvents: admin((store, _request, { id }) => {
    const events = jobEvents(store, store.getLcm('jobs', id!))
    return ok({ count: events.length, next: null, previous: null, results: events })
  }),
  listLcmJobNodes: admin((store, _request, { id }) => {
    const nodes = jobNodes(store, store.getLcm('jobs', id!))
    return ok({ count: nodes.length, next: null, previous: null, results: nodes })
  }),
  listLcmActions: admin(() => ok(ACTIONS)),
  runLcmAction: admin(async (store, request, { job_type }) => ({
    status: 202,
    json: await runAction(store, job_type!, readOpscenterBody(request)),
  })),
  listLcmDefinitions: admin(() =>
    ok(Object.fromEntries(Object.keys(DEFINITIONS).map((version) => [version, { href: `/api/v2/lcm/definitions/${version}/` }]))),
  ),
  getLcmDefinitions: admin((_store, _request, { version }) => {
    const files = ownValue(DEFINITIONS, version!)
    if (!files) throw new MockError('NOT_FOUND', `No config file definitions for DSE version '${version}'`)
    return ok({ version, files })
  }),
}
