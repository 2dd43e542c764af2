import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import spec from '../../mocks/generated/opmanager.openapi.json'
import { controlApi, errorcodeOf, opm, type OpmanagerTarget } from './target'

const setLimit = async (target: OpmanagerTarget, perMinute: number | null, blockSeconds = 60) => {
  const result = await controlApi.raw(target, 'PUT', '/rate-limit', { perMinute, blockSeconds })
  if (result.status !== 200) throw new Error(`controlSetRateLimit failed with ${result.status}: ${result.text}`)
  return result.json
}

/** Every /api/json operation of the spec, with its method. */
const OPERATIONS = Object.entries(spec.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(([path, item]) =>
  path.startsWith('/api/json/')
    ? (['get', 'post'] as const)
        .filter((method) => item[method])
        .map((method) => ({ path, method: method.toUpperCase() as 'GET' | 'POST' }))
    : [],
)

export function rateLimitContract(target: OpmanagerTarget): void {
  describe.runIf(target.kind === 'mock')('per-key rate limit (decisions/086)', () => {
    beforeAll(() => target.control!.reset())
    afterAll(() => target.control!.reset())

    it('is off by default, and the control API reads and switches it', async () => {
      expect((await controlApi.raw(target, 'GET', '/rate-limit')).json).toEqual({ perMinute: null, blockSeconds: 60 })
      expect(await setLimit(target, 500)).toEqual({ perMinute: 500, blockSeconds: 60 })
      expect((await controlApi.raw(target, 'PUT', '/rate-limit', { perMinute: 0, blockSeconds: 60 })).status).toBe(400)
      await target.control!.reset()
      expect((await controlApi.raw(target, 'GET', '/rate-limit')).json.perMinute).toBeNull()
    })

    // In process the vendor's own 500 a minute is cheap to reach; over HTTP a smaller limit shows the same rule.
    const limit = target.name === 'msw' ? 500 : 20

    it(`blocks a key for a minute after ${limit} requests in a minute, the vendor way, and leaves other keys alone`, async () => {
      await setLimit(target, limit)
      for (let request = 0; request < limit; request++) {
        const result = await opm(target, '/api/json/admin/listProbes')
        if (result.status !== 200) throw new Error(`request ${request + 1} was refused: ${result.text}`)
      }
      const refused = await opm(target, '/api/json/admin/listProbes')
      expect(refused.status).toBe(429)
      expect(errorcodeOf({ ...refused, status: 200 })).toBe('API_RATE_LIMIT_EXCEEDED')
      expect(refused.headers.get('retry-after')).toBe('60')
      expect((await opm(target, '/api/json/admin/listProbes', { key: target.credentials.operatorKey! })).status).toBe(200)
      await target.control!.advanceClock(30)
      const still = await opm(target, '/api/json/admin/listProbes')
      expect(still.status).toBe(429)
      expect(still.headers.get('retry-after')).toBe('30')
      await target.control!.advanceClock(31)
      expect((await opm(target, '/api/json/admin/listProbes')).status).toBe(200)
    })

    it('refuses every operation with 429 once a key is over its limit', async () => {
      await setLimit(target, 1)
      for (const { path, method } of OPERATIONS) {
        const key = target.credentials.adminKey
        await opm(target, path, { method, key })
        const second = await opm(target, path, { method, key })
        expect(second.status, `${method} ${path}`).toBe(429)
        await setLimit(target, 1)
      }
    }, 120_000)
  })
}
