import { beforeEach, describe, expect, it } from 'vitest'
import { readCallResult, type CallResult, type ContractTarget } from './target'

/**
 * The mock-only request journal (`/__opsmocks/requests`): every vendor API request with its operationId,
 * status and duration, credentials redacted, filters, clearing, and the requests the mock does not serve.
 */
export interface JournalProbe {
  /** Run before each case, before the journal is cleared (a login the call needs). */
  prepare?(): Promise<void>
  /** A served call that carries a credential in `secretHeader` (and answers 2xx). */
  call(): Promise<CallResult>
  operationId: string
  /** Lower-case name of the header that carries the credential. */
  secretHeader: string
  /** A path under the vendor's API prefix that no operation serves. */
  unmatchedPath: string
}

export function journalContract<C>(target: ContractTarget<C>, probe: JournalProbe): void {
  const control = (path: string, init?: RequestInit) => fetch(`${target.baseUrl}/__opsmocks${path}`, init).then(readCallResult)

  describe.runIf(target.kind === 'mock')('request journal', () => {
    beforeEach(async () => {
      await probe.prepare?.()
      expect((await control('/requests', { method: 'DELETE' })).json.size).toBe(0)
    })

    it('journals each request with its operationId, status and duration, credentials redacted', async () => {
      const answered = await probe.call()
      const { json } = await control(`/requests?operationId=${probe.operationId}`)
      expect(json.requests).toHaveLength(1)
      const [entry] = json.requests
      expect(entry).toMatchObject({ operationId: probe.operationId, status: answered.status, matched: true, seq: expect.any(Number) })
      expect(entry.durationMs).toBeGreaterThanOrEqual(0)
      expect(Date.parse(entry.at)).not.toBeNaN()
      expect(entry.headers[probe.secretHeader]).toBe('[redacted]')
      expect(JSON.stringify(entry)).not.toMatch(/initial|test-api-key/)
    })

    it('lists requests the mock does not serve, and filters by status and path', async () => {
      await probe.call()
      await fetch(`${target.baseUrl}${probe.unmatchedPath}?apiKey=secret`)
      await fetch(`${target.baseUrl}${probe.unmatchedPath}`)
      const unmatched = await control('/requests?unmatched=true')
      expect(unmatched.json.requests).toHaveLength(2)
      expect(unmatched.json.requests[0]).toMatchObject({
        path: probe.unmatchedPath,
        operationId: null,
        matched: false,
        query: { apiKey: '[redacted]' },
      })
      expect((await control('/requests/unmatched')).json).toEqual([
        { method: 'GET', path: probe.unmatchedPath, count: 2, lastStatus: unmatched.json.requests[1].status },
      ])
      expect((await control(`/requests?path=${encodeURIComponent(probe.unmatchedPath)}`)).json.requests).toHaveLength(2)
      const served = (await control('/requests?status=2xx')).json.requests
      expect(served.map((entry: { operationId: string }) => entry.operationId)).toContain(probe.operationId)
      expect(served.every((entry: { matched: boolean }) => entry.matched)).toBe(true)
    })

    it('reads only newer entries with after and since, keeps control calls out, and clears', async () => {
      await probe.call()
      const first = (await control('/requests')).json.requests.at(-1)
      await probe.call()
      const newer = await control(`/requests?after=${first.seq}`)
      expect(newer.json.requests.map((entry: { seq: number }) => entry.seq)).toEqual([first.seq + 1])
      expect((await control(`/requests?since=${encodeURIComponent(first.at)}`)).json.requests.length).toBeGreaterThanOrEqual(2)
      expect((await control('/requests')).json.requests.every((entry: { path: string }) => !entry.path.startsWith('/__opsmocks'))).toBe(
        true,
      )
      await control('/requests', { method: 'DELETE' })
      expect((await control('/requests')).json).toMatchObject({ size: 0, requests: [] })
    })

    it('names the injected fault that answered a request', async () => {
      const fault = await control('/faults', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: 503, times: 1 }),
      })
      const failed = await probe.call().catch(() => undefined)
      expect(failed?.status ?? 503).toBe(503)
      const [entry] = (await control('/requests?status=503')).json.requests
      expect(entry).toMatchObject({ operationId: probe.operationId, status: 503, fault: fault.json.id })
    })

    it('rejects a malformed filter', async () => {
      const result = await control('/requests?status=teapot')
      expect(result.status).toBe(400)
      expect(result.text).toMatch(/status/)
    })
  })
}
