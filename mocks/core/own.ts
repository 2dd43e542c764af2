/**
 * A record's own value for a name a client sent, never an inherited one: `record['toString']` on a plain object
 * is Object.prototype's function, which once became a response body and killed the process (issue 8). Use this
 * (or a `Map`) wherever the key comes from a request; `mocks/no-client-lookups.test.ts` keeps it that way.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}
