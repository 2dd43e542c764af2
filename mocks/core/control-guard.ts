import type { MockRequest } from './exchange'

/**
 * Why a control-API write must be refused, or undefined when it may run. The control API needs no credentials
 * (a mock is a dev tool), so what keeps a web page open in the developer's browser from resetting the mock,
 * moving its clock or regenerating keys is that browsers label their requests: every POST, PUT, PATCH and
 * DELETE a page sends carries `Origin`, and current browsers add `Sec-Fetch-Site`. A write that says it comes
 * from another origin is refused; curl, test runners and the mock's own pages send neither label or a
 * same-origin one (decisions/040).
 */
export function crossOriginProblem(request: MockRequest): string | undefined {
  const site = request.header('sec-fetch-site')?.trim().toLowerCase()
  if (site && site !== 'same-origin' && site !== 'none') {
    return `The opsmocks control API refuses writes from web pages on other origins (Sec-Fetch-Site: ${site})`
  }
  const origin = request.header('origin')?.trim()
  if (origin === undefined || origin === '') return undefined
  const host = request.header('host')?.trim().toLowerCase()
  // In-process transports (msw) have no Host: only the page itself can reach them, so there is no other origin.
  if (host === undefined) return undefined
  const expected = originHost(origin)
  if (expected === undefined || expected !== normalisedHost(host, origin)) {
    return `The opsmocks control API refuses writes from web pages on other origins (Origin: ${origin.slice(0, 100)})`
  }
  return undefined
}

/** A Host header as URL parsing writes it (lower case, default port dropped), for the origin's scheme. */
function normalisedHost(host: string, origin: string): string | undefined {
  try {
    return new URL(`${origin.toLowerCase().startsWith('https:') ? 'https' : 'http'}://${host}`).host
  } catch {
    return undefined
  }
}

/** `host[:port]` of an origin as a Host header would carry it, or undefined for `null` and malformed origins. */
function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    return url.host.toLowerCase()
  } catch {
    return undefined
  }
}
