/**
 * Matches a method and path against an operation table written with OpenAPI path
 * templates (`/rest/config/{objecttype}/{id}`). Static segments beat parameters, so
 * `/rest/config/{objecttype}/exists` wins over `/rest/config/{objecttype}/{id}`.
 * A trailing slash is ignored on both sides (`/rest/status/service/?x=1` is a real client's URL).
 */
export interface RouteDefinition {
  method: string
  path: string
}

export type RouteMatch<R> =
  { kind: 'matched'; route: R; params: Record<string, string> } | { kind: 'method-not-allowed'; allow: string[] } | { kind: 'not-found' }

interface CompiledRoute<R> {
  route: R
  method: string
  segments: Array<{ literal: string } | { param: string }>
}

export class Router<R extends RouteDefinition> {
  readonly #byLength = new Map<number, CompiledRoute<R>[]>()

  constructor(routes: readonly R[]) {
    for (const route of routes) {
      const segments = splitPath(route.path).map((segment) =>
        segment.startsWith('{') && segment.endsWith('}') ? { param: segment.slice(1, -1) } : { literal: segment },
      )
      const list = this.#byLength.get(segments.length) ?? []
      list.push({ route, method: route.method.toUpperCase(), segments })
      this.#byLength.set(segments.length, list)
    }
    for (const list of this.#byLength.values()) list.sort((a, b) => specificity(a).localeCompare(specificity(b)))
  }

  match(method: string, path: string): RouteMatch<R> {
    const parts = splitPath(path)
    const candidates = this.#byLength.get(parts.length)
    if (!candidates) return { kind: 'not-found' }
    const allow = new Set<string>()
    let shape: string | undefined
    for (const candidate of candidates) {
      const params = matchSegments(candidate, parts)
      if (!params) continue
      // Only the most specific shape that matched decides 405 vs 200; a looser template must not
      // turn `PUT /rest/login` into a match of some `/rest/{x}` route.
      const candidateShape = specificity(candidate)
      if (shape !== undefined && candidateShape !== shape) break
      shape = candidateShape
      if (candidate.method === method) return { kind: 'matched', route: candidate.route, params }
      allow.add(candidate.method)
    }
    return allow.size ? { kind: 'method-not-allowed', allow: [...allow].sort() } : { kind: 'not-found' }
  }
}

function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
  return trimmed === '/' ? [] : trimmed.slice(1).split('/')
}

function specificity(route: CompiledRoute<RouteDefinition>): string {
  return route.segments.map((segment) => ('literal' in segment ? 'a' : 'b')).join('')
}

function matchSegments(route: CompiledRoute<RouteDefinition>, parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {}
  for (let i = 0; i < parts.length; i++) {
    const segment = route.segments[i]!
    const part = parts[i]!
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined
    } else {
      if (part === '') return undefined
      params[segment.param] = safeDecode(part)
    }
  }
  return params
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
