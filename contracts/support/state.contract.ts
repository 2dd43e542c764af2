import { describe, expect, it } from 'vitest'
import { readCallResult, type ContractTarget } from './target'

/**
 * The mock-only state API: `GET /__opsmocks/state` exports a world that `PUT` loads back to the same
 * answers; a bad world is refused with every problem by path and line and changes nothing; named
 * snapshots (`/__opsmocks/snapshots`) bring a branch back.
 */
export interface StateProbe {
  vendor: string
  /** An answer that shows the state (read through the vendor API). */
  read(): Promise<unknown>
  /** A change through the vendor API that `read` sees. */
  change(): Promise<void>
}

export function stateContract<C>(target: ContractTarget<C>, probe: StateProbe): void {
  const control = (path: string, init?: RequestInit) => fetch(`${target.baseUrl}/__opsmocks${path}`, init).then(readCallResult)
  const put = (body: string, contentType = 'application/json') =>
    control('/state', { method: 'PUT', headers: { 'Content-Type': contentType }, body })

  describe.runIf(target.kind === 'mock')('state export, import and snapshots', () => {
    it('exports the state as a world that loads back to the same answers', async () => {
      await target.control!.reset()
      await probe.change()
      const before = await probe.read()
      const exported = await control('/state')
      expect(exported.status).toBe(200)
      expect(exported.json.vendor).toBe(probe.vendor)
      await target.control!.reset()
      expect(await probe.read()).not.toEqual(before)
      expect((await put(exported.text)).status).toBe(200)
      expect(await probe.read()).toEqual(before)
      const yaml = await control('/state?format=yaml')
      expect(yaml.headers.get('content-type')).toMatch(/yaml/)
      expect((await put(yaml.text, 'application/yaml')).status).toBe(200)
      expect(await probe.read()).toEqual(before)
      await target.control!.reset()
    })

    it('refuses a bad world with every problem by path and line, and changes nothing', async () => {
      const before = await probe.read()
      const result = await put(`vendor: ${probe.vendor}\nnot_a_collection: 1\nother: 2\n`, 'application/yaml')
      expect(result.status).toBe(400)
      expect(result.json.problems).toEqual([
        expect.objectContaining({ path: '/not_a_collection', line: 2 }),
        expect.objectContaining({ path: '/other', line: 3 }),
      ])
      expect((await put('vendor: [unclosed', 'application/yaml')).status).toBe(400)
      expect((await put('{"vendor": "somebody-else"}')).json.problems[0].path).toBe('/vendor')
      expect(await probe.read()).toEqual(before)
    })

    it('publishes the JSON Schema of its world files', async () => {
      const schema = await control('/state/schema')
      expect(schema.status).toBe(200)
      expect(JSON.parse(schema.text)).toMatchObject({ type: 'object', properties: { vendor: { const: probe.vendor } } })
    })

    it('takes named snapshots and restores them after a branch', async () => {
      await target.control!.reset()
      const before = await probe.read()
      const taken = await control('/snapshots', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"name":"clean"}',
      })
      expect(taken.status).toBe(201)
      await probe.change()
      expect(await probe.read()).not.toEqual(before)
      expect((await control('/snapshots/clean/restore', { method: 'POST' })).status).toBe(200)
      expect(await probe.read()).toEqual(before)
      expect((await control('/snapshots')).json).toEqual([{ name: 'clean', createdAt: taken.json.createdAt }])
      expect((await control('/snapshots/nope/restore', { method: 'POST' })).status).toBe(404)
      expect((await control('/snapshots', { method: 'POST', body: '{"name":"no spaces"}' })).status).toBe(400)
      expect((await control('/snapshots/clean', { method: 'DELETE' })).json).toEqual([])
    })
  })
}
