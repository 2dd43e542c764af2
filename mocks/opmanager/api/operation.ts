import spec from '../../generated/opmanager.openapi.json'
import type { Clock } from '../../core/clock'
import type { Operation } from '../../core/service'
import type { BundledSpec } from '../../core/spec-schema'
import { specRouteFinder } from '../../core/spec-routes'
import { authenticate, type Caller } from '../auth'
import { Params } from '../params'
import { scopeOf } from '../scope'
import type { RateLimiter } from '../rate-limit'
import type { OpmanagerStore } from '../store'
import type { ModuleName, OperationId, Reply } from '../spec-types'

export interface OpmanagerContext {
  store: OpmanagerStore
  clock: Clock
  limiter: RateLimiter
}

export type Handler<Id extends OperationId> = (context: OpmanagerContext, caller: Caller, params: Params) => Reply<Id> | Promise<Reply<Id>>

export interface OperationOptions {
  /** Only users with the Administrators privilege may call it (decisions/035). */
  adminOnly?: boolean
  /** The key-scope module when the URL segment does not say it (admin/* hosts several; decisions/034). */
  module?: ModuleName
}

/** operationId → method and path, read once from the bundled spec: the spec is the only place they are written. */
const routeOf = specRouteFinder<OperationId>(spec as unknown as BundledSpec)

/**
 * One operation-table row, named by the spec's operationId; its method and path come from the spec.
 * Parameters are read from the query and form body, then the key is checked (scope from the path),
 * then the handler runs and shapes its answer.
 */
export function operation<Id extends OperationId>(
  operationId: Id,
  handle: Handler<Id>,
  options: OperationOptions = {},
): Operation<OpmanagerContext> {
  const route = routeOf(operationId)
  const scope = scopeOf(route.method, route.path, options)
  return {
    operationId,
    method: route.method,
    path: route.path,
    handle: (context, request) => {
      const params = Params.from(request)
      return handle(context, authenticate(context.store, context.clock, context.limiter, request, params, scope), params)
    },
  }
}

export const ok = <T>(json: T) => ({ status: 200 as const, json })
export const result = (message: string) => ok({ result: { message } })
