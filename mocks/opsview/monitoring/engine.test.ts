import { describe, expect, it } from 'vitest'
import { createOpsviewService, type OpsviewService } from '../service'
import type { MonitoringEngine } from './engine'

/** Events of a fresh mock after `moves` clock moves, with times relative to its reset. */
async function eventsAfter(seed: number, moves: number[]): Promise<unknown[]> {
  const mock = await createOpsviewService({ seed })
  const engine = engineOf(mock)
  for (const seconds of moves) {
    mock.service.clock.advance(seconds * 1000)
    engine.advance()
  }
  return engine.events.map(({ time, ...event }) => ({ ...event, time: time - engine.resetAt }))
}

const engineOf = (mock: OpsviewService): MonitoringEngine => mock.monitoring

describe('MonitoringEngine', () => {
  it('gives the same events, outputs and times for the same seed and the same clock moves', async () => {
    const first = await eventsAfter(1, [3600, 7200, 60])
    const second = await eventsAfter(1, [3600, 7200, 60])
    expect(first.length).toBeGreaterThan(0)
    expect(second).toEqual(first)
  })

  it('gives the same events however the same total time is split into moves', async () => {
    expect(await eventsAfter(1, [10_860])).toEqual(await eventsAfter(1, [3600, 7200, 60]))
  })

  it('records nothing while mock time stands still, whatever the wall clock does', async () => {
    expect(await eventsAfter(1, [0, 0])).toEqual([])
  })

  it('numbers events in time order', async () => {
    const events = (await eventsAfter(1, [86_400])) as Array<{ eventid: number; time: number }>
    for (let index = 1; index < events.length; index++) {
      expect(events[index]!.eventid).toBe(events[index - 1]!.eventid + 1)
      expect(events[index]!.time).toBeGreaterThanOrEqual(events[index - 1]!.time)
    }
  })

  it('keeps status in line with the last state change of each check', async () => {
    const mock = await createOpsviewService()
    const engine = engineOf(mock)
    mock.service.clock.advance(86_400_000)
    engine.advance()
    const last = new Map<string, string>()
    for (const event of engine.events) if (event.serviceId) last.set(event.serviceId, event.state)
    expect(last.size).toBeGreaterThan(0)
    for (const runtime of mock.store.runtime.values())
      for (const service of runtime.services) if (last.has(service.id)) expect(service.state).toBe(last.get(service.id))
  })

  it('moves a rechecked check to now and its next check one interval later', async () => {
    const mock = await createOpsviewService()
    const engine = engineOf(mock)
    const runtime = mock.store.runtime.get('7')!
    const service = runtime.services[0]!
    mock.service.clock.advance(100_000)
    const now = mock.store.clock.nowSeconds()
    engine.recheck([{ hostId: '7', serviceId: service.id }], now)
    expect(engine.lastCheck('7', service.id, service.lastCheck)).toBe(now)
    expect(engine.nextCheck('7', service.id, service.lastCheck)).toBe(now + 300)
    expect(engine.events.at(-1)).toMatchObject({ eventtype: 0, hostname: 'web01', servicename: service.name, time: now })
  })
})
