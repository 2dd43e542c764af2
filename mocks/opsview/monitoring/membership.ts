import { MockError } from '../../core/mock-error'
import { refId, type HostRecord, type OpsviewStore } from '../store'
import { businessServices, components, keywords, templateChecks } from './relations'

/**
 * The object filters `/rest/event` and `/rest/graph` share: `keyword` (hashtag name), `htid` (host
 * template id), `bcid` (BSM component id) and `bsid` (BSM service id). Each is repeatable (any value
 * matches); different filters must all match. An object is a host (servicename undefined) or one of
 * its services. A name or id that matches nothing selects nothing, so the answer is an empty list.
 */
export type MembershipFilterName = 'keyword' | 'htid' | 'bcid' | 'bsid'

export type Membership = (host: HostRecord, servicename: string | undefined) => boolean

function ids(query: URLSearchParams, name: string): string[] {
  const values = query.getAll(name)
  for (const value of values)
    if (!/^[0-9]+$/.test(value)) throw new MockError('BAD_REQUEST', `Invalid ${name} '${value}': expected a numeric id`)
  return values
}

/** The predicate for the filters named, or undefined when the query uses none of them. */
export function membershipFilter(
  store: OpsviewStore,
  query: URLSearchParams,
  names: readonly MembershipFilterName[],
): Membership | undefined {
  const tests: Membership[] = []
  if (names.includes('keyword') && query.has('keyword')) {
    const wanted = new Set(query.getAll('keyword'))
    const tags = keywords(store).filter((tag) => wanted.has(tag.name))
    // A host event belongs to a hashtag its host carries; a service event also needs the check tagged.
    tests.push((host, servicename) =>
      tags.some((tag) => tag.hasHost(host) && (servicename === undefined || tag.hasServicecheck(servicename))),
    )
  }
  if (names.includes('htid') && query.has('htid')) {
    const wanted = new Set(ids(query, 'htid'))
    tests.push((host) => host.hosttemplates.some((template) => wanted.has(refId(template))))
  }
  if (names.includes('bcid') && query.has('bcid')) tests.push(inComponents(store, new Set(ids(query, 'bcid'))))
  if (names.includes('bsid') && query.has('bsid')) {
    const wanted = new Set(ids(query, 'bsid'))
    const componentIds = businessServices(store)
      .filter((service) => wanted.has(service.id))
      .flatMap((service) => service.componentIds)
    tests.push(inComponents(store, new Set(componentIds)))
  }
  if (!tests.length) return undefined
  return (host, servicename) => tests.every((test) => test(host, servicename))
}

/** A component's objects are its hosts and, on them, the checks its host template brings. */
function inComponents(store: OpsviewStore, componentIds: ReadonlySet<string>): Membership {
  const selected = components(store)
    .filter((component) => componentIds.has(component.id))
    .map((component) => ({ hostIds: new Set(component.hostIds), checks: templateChecks(store, component.hosttemplateId) }))
  return (host, servicename) =>
    selected.some((component) => component.hostIds.has(host.id) && (servicename === undefined || component.checks.has(servicename)))
}
