import spec from '../generated/opmanager.openapi.json'
import { assertJsonDepth, isJsonMediaType, isPlainObject, mediaType } from '../core/body'
import type { MockRequest } from '../core/exchange'
import type { Operation } from '../core/service'
import { schemaProblems, type BundledSpec } from '../core/spec-schema'
import { wireUser } from './api/users'
import { badRequest, keyChanges, keyFromInput } from './keys'
import type { OpmanagerContext } from './api'
import type { ApiKeyCreate, ApiKeyUpdate, OperationId, RateLimitSettings, Reply } from './spec-types'

/**
 * The opsmocks control API for OpManager keys and users, under `/__opsmocks/opmanager`. OpManager
 * manages keys only in its UI, so tests and front-end developers use this instead. It needs no key;
 * bodies are JSON checked against the spec's schemas; errors use real HTTP statuses (decisions/036).
 */
const PREFIX = '/__opsmocks/opmanager'

type ControlHandler<Id extends OperationId> = (
  context: OpmanagerContext,
  request: MockRequest,
  params: Record<string, string>,
) => Reply<Id> | Promise<Reply<Id>>

function control<Id extends OperationId>(
  operationId: Id,
  method: string,
  path: string,
  handle: ControlHandler<Id>,
): Operation<OpmanagerContext> {
  return { operationId, method, path: `${PREFIX}${path}`, handle }
}

function jsonBody<T>(request: MockRequest, schemaName: string): T {
  const type = mediaType(request)
  if (type !== '' && !isJsonMediaType(type)) throw badRequest(`Send a JSON body (Content-Type application/json), not ${type}`)
  let body: unknown
  try {
    assertJsonDepth(request.body)
    body = JSON.parse(request.body || 'null')
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}`)
  }
  if (!isPlainObject(body)) throw badRequest(`The body must be a JSON object (${schemaName})`)
  const problems = schemaProblems(spec as unknown as BundledSpec, schemaName, body)
  if (problems.length) throw badRequest(problems.join('; '))
  return body as T
}

export const OPMANAGER_CONTROL_OPERATIONS: readonly Operation<OpmanagerContext>[] = [
  control('controlListKeys', 'GET', '/keys', ({ store }) => ({ status: 200, json: [...store.keys.all()] })),
  control('controlCreateKey', 'POST', '/keys', async ({ store, clock }, request) => {
    const input = jsonBody<ApiKeyCreate>(request, 'ApiKeyCreate')
    return { status: 201, json: await store.keys.insert(keyFromInput(store, input, 'opsmocks'), clock.now()) }
  }),
  control('controlGetKey', 'GET', '/keys/{keyId}', ({ store }, _request, params) => ({ status: 200, json: store.keys.get(params.keyId!) })),
  control('controlUpdateKey', 'PATCH', '/keys/{keyId}', async ({ store }, request, params) => {
    store.keys.get(params.keyId!)
    const changes = keyChanges(jsonBody<ApiKeyUpdate>(request, 'ApiKeyUpdate'))
    return { status: 200, json: await store.keys.update(params.keyId!, changes) }
  }),
  control('controlDeleteKey', 'DELETE', '/keys/{keyId}', ({ store }, _request, params) => ({
    status: 200,
    json: { deleted: store.keys.delete(params.keyId!).id },
  })),
  control('controlRegenerateKey', 'POST', '/keys/{keyId}/regenerate', async ({ store }, _request, params) => ({
    status: 200,
    json: await store.keys.regenerate(params.keyId!),
  })),
  control('controlGetRateLimit', 'GET', '/rate-limit', ({ limiter }) => ({ status: 200, json: limiter.settings })),
  control('controlSetRateLimit', 'PUT', '/rate-limit', ({ limiter }, request) => {
    limiter.configure(jsonBody<RateLimitSettings>(request, 'RateLimitSettings'))
    return { status: 200, json: limiter.settings }
  }),
  control('controlListUsers', 'GET', '/users', ({ store }) => ({ status: 200, json: store.users.all().map(wireUser) })),
  control('controlUpdateUser', 'PATCH', '/users/{userName}', async ({ store }, request, params) => {
    const { restApiAccess } = jsonBody<{ restApiAccess: boolean }>(request, 'UserAccessUpdate')
    return { status: 200, json: wireUser(await store.users.setRestApiAccess(params.userName!, restApiAccess)) }
  }),
]
