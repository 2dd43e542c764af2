import type { StandardSchemaV1 } from '@standard-schema/spec'

/**
 * The schema of a stored OpManager record. Records are the mock's own (devices, alarms, schedules …)
 * and never go on the wire as they are: handlers shape them into the spec's bodies, and the spec
 * validators check those. The table only needs every record to carry its string `id`.
 */
export function recordSchema<T extends { id: string }>(kind: string): StandardSchemaV1<T, T> {
  return {
    '~standard': {
      version: 1,
      vendor: 'opsmocks',
      validate: (value) =>
        typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
          ? { value: value as T }
          : { issues: [{ message: `a stored ${kind} needs a string id` }] },
    },
  }
}
