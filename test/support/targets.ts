import { mkdirSync, writeFileSync } from 'node:fs'
import { setupServer } from 'msw/node'
import { describe, it } from 'vitest'
import type { RequestHandler } from 'msw'
import type { MockService } from '../../mocks/core/service'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { httpControl, StatusCoverage, validatingFetch, type ContractTarget } from '../../contracts/support/target'
import { createSpecValidator as buildValidator, type SpecValidator } from '../../contracts/support/spec-validator'
import { startServerProcess, type ServerProcess } from '../../contracts/support/server-process'
import { realTarget } from '../../contracts/support/real-target'
import { REAL_VENDOR_NEEDS, realCredentials, type ContractVendor } from '../../contracts/support/real-vendors'
import { CONTRACT_SUITES } from '../../contracts'

/**
 * Each mock run records which documented operationId × status pairs it saw and writes them to
 * `.reports/coverage/` when it stops; `scripts/coverage-report.mjs` merges them per vendor.
 */
function coverageFor(
  vendor: string,
  name: string,
  spec: BundledSpec,
): { validator: SpecValidator; coverage: StatusCoverage; write(): void } {
  const validator = buildValidator(spec)
  const coverage = new StatusCoverage()
  return {
    validator,
    coverage,
    write() {
      const dir = '.reports/coverage'
      mkdirSync(dir, { recursive: true })
      const file = `${dir}/${vendor}-${name}-${process.pid}-${Date.now()}.json`
      writeFileSync(
        file,
        JSON.stringify({ vendor, target: name, documented: validator.documentedPairs(), seen: [...coverage.seen].sort() }, null, 1),
      )
    },
  }
}

/**
 * The three places a vendor's contract suite runs. Each returns a target synchronously (so suites can
 * decide what to register) and does the slow work in `start()`.
 */
interface MockUnderTest {
  service: MockService
  handlers(options: { baseUrl: string }): RequestHandler[]
  reset(): Promise<void>
}

/** In-process: the vendor's MSW handlers under `setupServer`, every response checked against the spec. */
export function mswTarget<C>(options: {
  vendor: string
  spec: BundledSpec
  credentials: C
  create: () => Promise<MockUnderTest>
}): ContractTarget<C> {
  const baseUrl = `http://${options.vendor}.msw.opsmocks.test`
  const report = coverageFor(options.vendor, 'msw', options.spec)
  let server: ReturnType<typeof setupServer> | undefined
  let mock: MockUnderTest | undefined
  return {
    name: 'msw',
    kind: 'mock',
    allowWrites: true,
    credentials: options.credentials,
    baseUrl,
    // Late-bound: msw patches globalThis.fetch in listen(), after this object exists.
    fetch: validatingFetch((input, init) => globalThis.fetch(input, init), report.validator, report.coverage),
    control: {
      reset: async () => mock!.reset(),
      advanceClock: async (seconds) => mock!.service.clock.advance(seconds * 1000),
    },
    async start() {
      mock = await options.create()
      server = setupServer(...mock.handlers({ baseUrl }))
      server.listen({ onUnhandledRequest: 'error' })
    },
    async stop() {
      server?.close()
      report.write()
    },
  }
}

/** Over real HTTP: the built standalone server in a child process, every response checked against the spec. */
export function httpTarget<C>(options: {
  vendor: string
  spec: BundledSpec
  credentials: C
  env?: Record<string, string>
}): ContractTarget<C> {
  const report = coverageFor(options.vendor, 'http', options.spec)
  let process: ServerProcess | undefined
  const target: ContractTarget<C> = {
    name: 'http',
    kind: 'mock',
    allowWrites: true,
    credentials: options.credentials,
    baseUrl: '',
    fetch: validatingFetch((input, init) => fetch(input, init), report.validator, report.coverage),
    control: httpControl(() => target.baseUrl),
    async start() {
      process = await startServerProcess(options.vendor, options.env)
      target.baseUrl = process.url
    },
    async stop() {
      await process?.stop()
      report.write()
    },
  }
  return target
}

/**
 * The vendor's contract suite against the real server its environment names (REAL_VENDOR_NEEDS), or,
 * without that environment, one line saying what to set and a skipped placeholder.
 */
export function realVendorSuite(vendor: ContractVendor): void {
  const needs = REAL_VENDOR_NEEDS[vendor]
  const variables = [needs.urlEnv, ...needs.credentials.map((credential) => credential.env)]
  const writesEnv = 'writesEnv' in needs ? needs.writesEnv : undefined
  if (variables.some((name) => !process.env[name])) {
    skipRealVendor(needs.title, variables, writesEnv ? `${writesEnv}=1 lets it create and delete its own objects` : 'read-only')
    return
  }
  const suite = CONTRACT_SUITES[vendor]
  const values = Object.fromEntries(needs.credentials.map((credential) => [credential.option, process.env[credential.env]!]))
  suite.register(
    realTarget({
      vendor,
      spec: suite.spec,
      baseUrl: process.env[needs.urlEnv]!,
      credentials: realCredentials(vendor, values),
      allowWrites: writesEnv !== undefined && process.env[writesEnv] === '1',
    }),
  )
}

/** Without the environment for a real vendor: one line saying why, and a skipped placeholder. */
function skipRealVendor(title: string, needs: readonly string[], hint = ''): void {
  console.info(`[contract] real ${title} skipped: set ${needs.join(', ')} to run the suite against one${hint ? ` (${hint})` : ''}`)
  describe.skip(`${title} contract [real]`, () => {
    it(`needs ${needs.join(', ')}`, () => {})
  })
}
