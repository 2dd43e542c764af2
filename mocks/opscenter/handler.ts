import type { MockRequest } from '../core/exchange'
import { MockError } from '../core/mock-error'
import type { SessionStore } from '../core/sessions'
import { authenticate, type AuthSettings } from './auth'
import { requirePermission, type Principal } from './permissions'
import type { OpscenterStore } from './store'
import type { OperationId, Reply } from './spec-types'
import { settleBackups } from './world/backups'
import { settle } from './world/requests'

/** What every OpsCenter handler works with: the store, the sessions and the server's settings. */
export interface OpscenterContext {
  store: OpscenterStore
  sessions: SessionStore
  auth: AuthSettings
  version: string
}

export type Params = Record<string, string>

/** One handler per spec operation; it may only answer the statuses and bodies the spec lists for it. */
export type Handler<Id extends OperationId> = (
  context: OpscenterContext,
  request: MockRequest,
  params: Params,
) => Reply<Id> | Promise<Reply<Id>>

/** Every operation of the spec, each with its handler: the registry is typed against this. */
export type Handlers = { [Id in OperationId]: Handler<Id> }

/** The handlers one resource module contributes. */
export type ResourceHandlers<Ids extends OperationId> = { [Id in Ids]: Handler<Id> }

/** Wraps a handler that needs the caller (an anonymous admin when authentication is off). */
export function withPrincipal<Id extends OperationId>(
  handle: (context: OpscenterContext, principal: Principal, request: MockRequest, params: Params) => Reply<Id> | Promise<Reply<Id>>,
): Handler<Id> {
  return (context, request, params) =>
    handle(context, authenticate(context.store, context.sessions, context.auth, request), request, params)
}

/** What a cluster-scoped handler gets: the cluster id, the caller and the request. */
export interface ClusterCall {
  context: OpscenterContext
  store: OpscenterStore
  clusterId: string
  principal: Principal
  params: Params
  request: MockRequest
}

/**
 * Wraps a cluster endpoint: the cluster must exist (404) and the caller hold `permission` on it (401),
 * both checked before the handler reads anything else, so a rejected call changes nothing.
 */
export function onCluster<Id extends OperationId>(
  permission: string,
  handle: (call: ClusterCall) => Reply<Id> | Promise<Reply<Id>>,
): Handler<Id> {
  return withPrincipal((context, principal, request, params) => {
    const clusterId = params.cluster_id!
    context.store.getCluster(clusterId)
    requirePermission(principal, clusterId, permission)
    // Operations move the cluster as mock time passes; bring it up to now before anyone reads it.
    settle(context.store, clusterId)
    settleBackups(context.store, clusterId)
    return handle({ context, store: context.store, clusterId, principal, params, request })
  })
}

export const ok = <T>(json: T) => ({ status: 200 as const, json })
export const created = <T>(json: T) => ({ status: 201 as const, json })
export const done = () => ok({})

/** A query parameter as an integer, or `fallback` when absent; anything else is a 400 naming it. */
export function integerParam(
  request: MockRequest,
  name: string,
  fallback: number,
  range: [number, number] = [0, Number.MAX_SAFE_INTEGER],
): number {
  const raw = request.query.get(name)
  if (raw === null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < range[0] || value > range[1])
    throw new MockError('BAD_REQUEST', `Query parameter '${name}' must be an integer from ${range[0]} to ${range[1]}, got '${raw}'`)
  return value
}

/** A `0`/`1` (or `true`/`false`) query flag. */
export function flagParam(request: MockRequest, name: string, fallback: boolean): boolean {
  const raw = request.query.get(name)
  if (raw === null || raw === '') return fallback
  if (raw === '1' || raw === 'true') return true
  if (raw === '0' || raw === 'false') return false
  throw new MockError('BAD_REQUEST', `Query parameter '${name}' must be 0 or 1, got '${raw}'`)
}
