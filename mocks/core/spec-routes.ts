import type { BundledSpec } from './spec-schema'

type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH'

/** An operation of the spec as the router needs it: its operationId, method and path template. */
export interface SpecRoute<Id extends string = string> {
  operationId: Id
  method: HttpMethod
  path: string
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

/**
 * Every operation of a bundled spec (`mocks/generated/<vendor>.openapi.json`) with its method and path, in
 * spec order: operation tables read these instead of writing them again. `Id` is the generated
 * `keyof operations`, so the ids carry their spec type into the table.
 */
export function specRoutes<Id extends string>(spec: BundledSpec): readonly SpecRoute<Id>[] {
  return Object.entries((spec.paths ?? {}) as Record<string, Record<string, { operationId?: string } | undefined>>).flatMap(
    ([path, item]) =>
      METHODS.flatMap((method) => {
        const operationId = item[method]?.operationId
        return operationId ? [{ operationId: operationId as Id, method: method.toUpperCase() as HttpMethod, path }] : []
      }),
  )
}

/**
 * Looks an operation's method and path up by operationId. Typed with the generated `keyof operations`, a
 * misspelt id is a compile error; the run-time check catches a bundle that disagrees with its types.
 */
export function specRouteFinder<Id extends string>(spec: BundledSpec): (operationId: Id) => SpecRoute<Id> {
  const routes = new Map(specRoutes<Id>(spec).map((route) => [route.operationId, route]))
  return (operationId) => {
    const route = routes.get(operationId)
    if (!route) throw new Error(`[opsmocks] the ${spec.info.title} spec has no operation '${operationId}'`)
    return route
  }
}
