import { afterEach, describe, expect, it } from 'vitest'
import { readCallResult, type ContractTarget } from './target'

/**
 * The mock-only fault API (`/__opsmocks/faults`): a chosen status in the vendor's envelope for a number of
 * requests, added latency, and both gone after a clear or a reset.
 */
export interface FaultProbe {
  method: 'GET'
  path: string
  headers?: Record<string, string>
  /** How the vendor's error envelope carries the message, to check the injected body. */
  messageOf(json: any): unknown
}

export function faultsContract<C>(target: ContractTarget<C>, probe: FaultProbe): void {
  const faults = (init?: RequestInit) => fetch(`${target.baseUrl}/__opsmocks/faults`, init).then(readCallResult)
  const add = (rule: object) => faults({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rule) })
  const callProbe = () =>
    target.fetch(`${target.baseUrl}${probe.path}`, { method: probe.method, headers: probe.headers }).then(readCallResult)

  describe.runIf(target.kind === 'mock')('injected faults', () => {
    afterEach(async () => {
      await faults({ method: 'DELETE' })
    })

    it('fails the matching request with the chosen status in the vendor envelope, then recovers', async () => {
      const added = await add({ method: 'GET', path: probe.path.split('?')[0], status: 503, message: 'maintenance window', times: 1 })
      expect(added.status).toBe(201)
      const failed = await callProbe()
      expect(failed.status).toBe(503)
      expect(failed.headers.get('x-opsmocks-fault')).toBe(added.json.id)
      expect(probe.messageOf(failed.json)).toBe('maintenance window')
      expect((await callProbe()).status).not.toBe(503)
      expect((await faults()).json).toEqual([])
    })

    it('delays the matching request by at least delayMs', async () => {
      await add({ path: `${probe.path.split('?')[0]}*`, delayMs: 250 })
      const started = performance.now()
      const result = await callProbe()
      expect(result.status).not.toBe(503)
      expect(performance.now() - started).toBeGreaterThanOrEqual(200)
    })

    it('rejects an invalid rule and drops every rule on reset', async () => {
      expect((await add({ status: 42 })).json).toBeDefined()
      expect((await faults()).json).toEqual([])
      await add({ status: 500 })
      await target.control!.reset()
      expect((await faults()).json).toEqual([])
    })
  })
}
