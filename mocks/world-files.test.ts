import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseWorldText, worldToYaml } from './core/world'
import { createOpsviewService } from './opsview/service'
import { createOpscenterService } from './opscenter/service'
import { createOpmanagerService } from './opmanager/service'

/**
 * The world files in `worlds/`: each vendor's built-in seed as a world file and the JSON Schema of
 * the format, for editors. They are generated from the code (`npm run worlds` rewrites them) and this
 * test fails when one is stale, so the files in the repo always say what the mocks start with.
 */
const VENDORS = [
  { name: 'opsview', create: createOpsviewService },
  { name: 'opscenter', create: createOpscenterService },
  { name: 'opmanager', create: createOpmanagerService },
] as const

const update = process.env.UPDATE_WORLDS === '1'

beforeEach(() => {
  // The seed's times are relative to its clock; a fixed Date makes the export the same on every run.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2030, 0, 1, 12) })
})
afterEach(() => {
  vi.useRealTimers()
})

function checkFile(path: string, content: string): void {
  if (update) writeFileSync(path, content)
  expect(existsSync(path), `${path} is missing; run npm run worlds`).toBe(true)
  expect(readFileSync(path, 'utf8'), `${path} is stale; run npm run worlds`).toBe(content)
}

describe.each(VENDORS)('worlds/ for $name', ({ name, create }) => {
  it('holds the JSON Schema of the world format', async () => {
    const mock = await create()
    checkFile(`worlds/schema/${name}.world.schema.json`, `${JSON.stringify(mock.world.schema, null, 2)}\n`)
  })

  it('holds the built-in seed as a world file that loads to the same state', async () => {
    const mock = await create()
    // Without `at`, the seed's times count back from whenever it is loaded, as the seed code does.
    const { at: _at, ...world } = mock.world.export()
    const header = [
      `yaml-language-server: $schema=./schema/${name}.world.schema.json`,
      `The built-in ${name} seed as a world file (generated: npm run worlds). Start from it and change what you need:`,
      `  npm start -- --world worlds/${name}.seed.yaml --world my-${name}.yaml`,
    ].join('\n')
    checkFile(`worlds/${name}.seed.yaml`, worldToYaml(world, header))
    const loaded = await create({ world: parseWorldText(readFileSync(`worlds/${name}.seed.yaml`, 'utf8'), `worlds/${name}.seed.yaml`) })
    expect(loaded.world.export()).toEqual(mock.world.export())
  })
})
