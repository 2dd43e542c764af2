import { filterFromQuery, type Journal } from './journal'
import { MockError } from './mock-error'
import type { Operation } from './service'

/**
 * `/__opsmocks/requests`: read the journal with filters (operationId, method, path, status, since,
 * after, unmatched, limit), clear it, and list what the app called that the mock does not serve.
 */
export function journalControlOperations<Ctx>(journal: Journal): Operation<Ctx>[] {
  return [
    {
      operationId: 'controlListRequests',
      method: 'GET',
      path: '/__opsmocks/requests',
      handle: (_context, request) => {
        let filter
        try {
          filter = filterFromQuery(request.query)
        } catch (error) {
          throw new MockError('BAD_REQUEST', `controlListRequests: ${(error as Error).message}`)
        }
        return { status: 200, json: { capacity: journal.capacity, size: journal.size, requests: journal.entries(filter) } }
      },
    },
    {
      operationId: 'controlListUnmatchedRequests',
      method: 'GET',
      path: '/__opsmocks/requests/unmatched',
      handle: () => ({ status: 200, json: journal.unmatched() }),
    },
    {
      operationId: 'controlClearRequests',
      method: 'DELETE',
      path: '/__opsmocks/requests',
      handle: () => {
        journal.clear()
        return { status: 200, json: { capacity: journal.capacity, size: 0, requests: [] } }
      },
    },
  ]
}
