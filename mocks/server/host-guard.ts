import { hostname } from 'node:os'
import { isIP } from 'node:net'

/** Why a request's Host header is refused, or undefined when it may be served. */
export type HostGuard = (hostHeader: string | undefined) => string | undefined

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]'])

/**
 * DNS rebinding defence: a web page can point a name it controls at 127.0.0.1 and then read the mock as its
 * own origin (every OpManager key, through the control API). Such a request carries the attacker's name in
 * `Host`, so only names the server was bound to are served: IP literals (a rebinding needs a name),
 * `localhost` and `*.localhost`, the bound host, this machine's name when bound to every interface, and any
 * `allowedHosts` (`*` switches the check off). A request without Host (HTTP/1.0) cannot come from a browser.
 */
export function hostGuard(boundHost: string, allowedHosts: readonly string[]): HostGuard {
  const names = new Set([...allowedHosts, boundHost].map((name) => name.toLowerCase()))
  if (WILDCARD_BINDS.has(boundHost)) names.add(hostname().toLowerCase())
  if (names.has('*')) return () => undefined
  return (hostHeader) => {
    if (hostHeader === undefined || hostHeader === '') return undefined
    const name = hostName(hostHeader)
    if (name !== undefined && (isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost') || names.has(name))) {
      return undefined
    }
    return `Host '${hostHeader.slice(0, 100)}' is not served by this opsmocks server (it answers to localhost, IP addresses and ${[...names].join(', ')}); allow more names with OPSMOCKS_ALLOWED_HOSTS=name1,name2 or '*'`
  }
}

/** The name part of a Host header, lower-cased, without port or IPv6 brackets; undefined when malformed. */
function hostName(header: string): string | undefined {
  const value = header.trim().toLowerCase()
  if (value.startsWith('[')) {
    const end = value.indexOf(']')
    return end === -1 ? undefined : value.slice(1, end)
  }
  const colon = value.indexOf(':')
  const name = colon === -1 ? value : value.slice(0, colon)
  return /^[a-z0-9.-]+$/.test(name) ? name.replace(/\.$/, '') : undefined
}
