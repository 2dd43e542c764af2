import { bodyFields, NamedRecords, type LearnedExchange, type WorldLearner } from '../core/learner'
import type { World } from '../core/world'
import type { StoredRecord } from './config/module'
import { CONFIG_TYPE_NAMES } from './config/registry'
import type { ConfigTypeName } from './spec-types'
import { OPSVIEW_COLLECTIONS, worldEntryOf } from './world'

/**
 * What the proxy learns from a real Opsview: configuration objects from lists and reads, host and
 * service states and outputs from the status views, and the password of each user who logged in.
 */
type Entry = Record<string, unknown>

const isConfigType = (name: string | undefined): name is ConfigTypeName => CONFIG_TYPE_NAMES.includes(name as ConfigTypeName)

export function opsviewLearner(): WorldLearner {
  const objects = new Map<ConfigTypeName, NamedRecords<Entry>>()
  const passwords = new Map<string, string>()
  const runtime = new NamedRecords<Entry>()
  const recordsOf = (type: ConfigTypeName) => objects.get(type) ?? objects.set(type, new NamedRecords()).get(type)!
  const add = (type: ConfigTypeName, record: unknown) => {
    if (typeof record === 'object' && record !== null && typeof (record as Entry).name === 'string')
      recordsOf(type).merge((record as Entry).name as string, worldEntryOf(type, record as StoredRecord))
  }
  return {
    learn({ operationId, params, query, requestBody, status, json }: LearnedExchange) {
      if (status >= 300 || typeof json !== 'object' || json === null) return
      const body = json as Entry
      const type = params.objecttype
      if (operationId === 'login') {
        const fields = bodyFields(requestBody, query)
        if (typeof fields.username === 'string' && typeof fields.password === 'string') passwords.set(fields.username, fields.password)
      } else if (operationId === 'listConfigObjects' && isConfigType(type) && Array.isArray(body.list)) {
        for (const record of body.list) add(type, record)
      } else if (operationId === 'getConfigObject' && isConfigType(type)) {
        add(type, body.object)
      } else if (operationId === 'listHostStatus' && Array.isArray(body.list)) {
        for (const host of body.list as Entry[]) runtime.merge(String(host.name), { state: host.state, output: host.output })
      } else if (operationId === 'listServiceStatus' && Array.isArray(body.list)) {
        for (const host of body.list as Entry[]) {
          // Service names come from the answer: a Map, then own properties.
          const services = new Map(Object.entries((runtime.get(String(host.name))?.services as Entry | undefined) ?? {}))
          for (const service of (host.services as Entry[] | undefined) ?? [])
            services.set(String(service.name), { state: service.state, output: service.output })
          runtime.merge(String(host.name), { state: host.state, output: host.output, services: Object.fromEntries(services) })
        }
      }
    },
    world(): World {
      const collections = [...objects].map(([type, records]) => [
        OPSVIEW_COLLECTIONS[type],
        records.values().map((entry) => {
          const password = type === 'contact' ? passwords.get(String(entry.name)) : undefined
          const state = type === 'host' ? runtime.get(String(entry.name)) : undefined
          return { ...entry, ...(password === undefined ? {} : { password }), ...state }
        }),
      ])
      return { vendor: 'opsview', ...Object.fromEntries(collections) }
    },
  }
}
