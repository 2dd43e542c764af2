import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Clock } from '../core/clock'
import { MockError } from '../core/mock-error'
import { CONFIG_REGISTRY } from './config/registry'
import { ConfigStore } from './config-store'
import { OpsviewStore } from './store'
import { seedOpsview } from './seed'

async function seeded() {
  const store = new OpsviewStore(new Clock())
  await seedOpsview(store)
  return store
}

async function failure(work: () => Promise<unknown>): Promise<string> {
  try {
    await work()
  } catch (error) {
    if (error instanceof MockError) return `${error.code}: ${error.message}`
    throw error
  }
  throw new Error('expected a MockError')
}

describe('ConfigStore', () => {
  it('never names a configuration type: everything it knows about a type comes from the registry', () => {
    const source = readFileSync(new URL('./config-store.ts', import.meta.url), 'utf8')
    for (const type of Object.keys(CONFIG_REGISTRY)) {
      expect(source, `config-store.ts names '${type}'`).not.toMatch(new RegExp(`['"\`/]${type}['"\`/]`))
    }
  })

  it('serves every type of the registry from the seed, aliases answering their target', async () => {
    const { config } = await seeded()
    for (const type of Object.keys(CONFIG_REGISTRY)) {
      const canonical = config.typeNamed(type)!
      expect(config.size(canonical), `seeded ${type}`).toBeGreaterThan(0)
    }
    expect(config.typeNamed('monitoringserver')).toBe('monitoringcluster')
    expect(config.typeNamed('constructor')).toBeUndefined()
  })

  it('emits only refs that point at objects it serves', async () => {
    const { config } = await seeded()
    const problems: string[] = []
    const visit = (value: unknown, where: string) => {
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${where}/${index}`))
      else if (value && typeof value === 'object') {
        const ref = (value as { ref?: unknown }).ref
        if (typeof ref === 'string' && ref.startsWith('/rest/config/') && !where.endsWith('/ref')) {
          const [, , , type, key] = ref.split('/')
          const canonical = config.typeNamed(type!)
          if (!canonical || !config.get(canonical, decodeURIComponent(key!))) problems.push(`${where} → ${ref}`)
        }
        for (const [field, inner] of Object.entries(value)) if (field !== 'ref') visit(inner, `${where}/${field}`)
      }
    }
    for (const type of Object.keys(CONFIG_REGISTRY)) {
      const canonical = config.typeNamed(type)!
      for (const record of config.all(canonical)) visit(config.present(canonical, record), `${type}/${record.id}`)
    }
    expect(problems).toEqual([])
  })

  it('shows a renamed object under its new name in every object that references it', async () => {
    const { config } = await seeded()
    const group = config.byName('hostgroup', 'UK Web Servers')!
    await config.update('hostgroup', group.id, { name: 'UK Web Farm' })
    const web01 = config.byName('host', 'web01')!
    expect(config.present('host', web01).hostgroup).toEqual({ name: 'UK Web Farm', ref: group.ref })
    expect(config.present('role', config.byName('role', 'View some, change none')!).access_hostgroups).toEqual([
      { name: 'UK Web Farm', ref: group.ref },
    ])
  })

  it('keeps derived lists current after writes and deletes', async () => {
    const { config } = await seeded()
    const template = config.byName('hosttemplate', 'Application - Redis')!
    const cache = config.byName('host', 'cache01')!
    await config.update('host', cache.id, { hosttemplates: [{ name: 'Base Unix' }, { name: 'Application - Redis' }] })
    expect(config.present('hosttemplate', template).hosts).toEqual([{ name: 'cache01', ref: cache.ref }])
    await config.update('host', cache.id, { hosttemplates: [{ name: 'Base Unix' }] })
    expect(config.present('hosttemplate', template).hosts).toEqual([])
  })

  it('refuses to delete an object another one still needs, and drops list memberships of a deleted one', async () => {
    const { config } = await seeded()
    const period = config.byName('timeperiod', 'workhours')!
    expect(await failure(() => config.remove('timeperiod', period.id))).toMatch(
      /^BAD_REQUEST: Cannot delete timeperiod 'workhours': it is used by sharednotificationprofile/,
    )
    const web05 = config.byName('host', 'web05')!
    await config.remove('host', web05.id)
    const farm = config.byName('bsmcomponent', 'Web Farm')!
    expect((config.present('bsmcomponent', farm).hosts as Array<{ name: string }>).map((host) => host.name)).not.toContain('web05')
  })

  it('undoes every change of a failed transaction, derived lists and names included', async () => {
    const { config } = await seeded()
    const before = config.present('hostgroup', config.byName('hostgroup', 'Network')!)
    const pending = config.pendingChanges
    await failure(() =>
      config.atomically(async () => {
        await config.create('host', { name: 'sw99', ip: '10.20.0.99', hostgroup: { name: 'Network' } })
        await config.update('hostgroup', config.byName('hostgroup', 'Network')!.id, { name: 'Renamed' })
        throw new MockError('BAD_REQUEST', 'stop')
      }),
    )
    expect(config.byName('host', 'sw99')).toBeUndefined()
    expect(config.byName('hostgroup', 'Renamed')).toBeUndefined()
    expect(config.present('hostgroup', config.byName('hostgroup', 'Network')!)).toEqual(before)
    expect(config.pendingChanges).toBe(pending)
    expect(config.present('host', config.byName('host', 'core-sw01')!).hostgroup).toEqual({
      name: 'Network',
      ref: '/rest/config/hostgroup/6',
    })
  })

  it('keeps a write-only secret out of the record and copies it to a clone', async () => {
    const store = await seeded()
    const admin = store.config.byName('contact', 'admin')!
    expect(store.config.present('contact', admin)).not.toHaveProperty('password')
    const clone = await store.config.create('contact', { name: 'admin2' }, { base: admin })
    expect(store.checkPassword('admin2', 'initial')?.id).toBe(clone.id)
  })

  it('starts empty and refuses unknown fields with the field and type named', async () => {
    const config = new ConfigStore(new Clock())
    expect(config.size('host')).toBe(0)
    expect(await failure(() => config.create('keyword', { name: 'x', colour: 'red' }))).toBe(
      "BAD_REQUEST: Unknown field 'colour' for keyword",
    )
  })
})
