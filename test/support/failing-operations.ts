import type { Operation } from '../../mocks/core/service'

/**
 * Operations that fail the ways a handler can (it throws, or returns a body or header with no wire form), shared
 * by the transport tests: both adapters must answer each with a 500 and keep serving.
 */
export function failingOperations<Ctx>(): Operation<Ctx>[] {
  return [
    { operationId: 'ok', method: 'GET', path: '/ok', handle: () => ({ status: 200, json: { ok: true } }) },
    {
      operationId: 'throws',
      method: 'GET',
      path: '/throws',
      handle: () => {
        throw new TypeError('kaput')
      },
    },
    { operationId: 'function', method: 'GET', path: '/function', handle: () => ({ status: 200, json: () => 1 }) },
    { operationId: 'badHeader', method: 'GET', path: '/bad-header', handle: () => ({ status: 200, headers: { 'x-a': 'a\nb' }, json: {} }) },
  ]
}
