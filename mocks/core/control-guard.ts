import type { MockRequest } from './exchange'

/**
 * Why a control-API write must be refused, or undefined when it may run. The control API needs no credentials
 * (a mock is a dev tool), so what keeps a web page open in the developer's browser from resetting the mock,
 * moving its clock or regenerating keys is that browsers label their requests: every POST, PUT, PATCH and
 * DELETE a page sends carries `Origin`, and current browsers add `Sec-Fetch-Site`. A write labelled as coming
 * from a page that is neither this server's own origin nor served from this machine (a loopback origin, the
 * developer's own front-end) is refused; curl, test runners and scripts send no label (decisions/040).
 */
export function crossOriginProblem(request: MockRequest): string | undefined {
  const origin = request.header('origin')?.trim()
  if (origin === undefined || origin === '') {
    const site = request.header('sec-fetch-site')?.trim().toLowerCase()
    if (site && site !== 'same-origin' && site !== 'none') return refusal(`Sec-Fetch-Site: ${site}`)
    return undefined
  }
  const originUrl = parseOrigin(origin)
  if (originUrl === undefined) return refusal(`Origin: ${origin.slice(0, 100)}`)
  if (isLoopbackName(originUrl.hostname)) return undefined
  const host = request.header('host')?.trim()
  // In-process transports (msw) have no Host: only the page itself can reach them, so there is no other origin.
  if (host === undefined) return undefined
  if (originUrl.host !== normalisedHost(host, originUrl.protocol)) return refusal(`Origin: ${origin.slice(0, 100)}`)
  return undefined
}

function refusal(label: string): string {
  return `The opsmocks control API refuses writes from web pages on other origins (${label}); use curl, a script or a page served from this machine`
}

/** Loopback names a DNS-rebinding attacker cannot put in `Origin` (the page's own URL keeps the attacker's name). */
function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase()
  return name === 'localhost' || name.endsWith('.localhost') || name === '[::1]' || /^127(\.[0-9]{1,3}){3}$/.test(name)
}

/** A Host header as URL parsing writes it (lower case, default port dropped), for the origin's scheme. */
function normalisedHost(host: string, protocol: string): string | undefined {
  try {
    return new URL(`${protocol}//${host}`).host
  } catch {
    return undefined
  }
}

/** An http(s) origin, or undefined for `null` and anything malformed. */
function parseOrigin(origin: string): URL | undefined {
  try {
    const url = new URL(origin)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
  } catch {
    return undefined
  }
}
