import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { createSpecValidator, type ResponseDifference } from './spec-validator'
import { StatusCoverage, validatingFetch, type ContractTarget } from './target'

export interface RealTargetOptions<C> {
  vendor: string
  spec: BundledSpec
  baseUrl: string
  credentials: C
  allowWrites: boolean
  /** Where the reports go; by default `.reports/fidelity-<vendor>.json` and no coverage file. */
  reports?: { fidelity: string; coverage?: string }
}

/**
 * A real vendor server; read-only unless the run allows writes. Its responses are checked against the
 * spec without failing the run: every difference goes to the fidelity report and a summary line, which
 * is where the mock (built from the spec) and the real vendor disagree. The coverage report lists the
 * documented operationId × status pairs the run saw. A field the spec does not list is an unknown field
 * (path and type), reported apart from real schema violations.
 */
export function realTarget<C>(options: RealTargetOptions<C>): ContractTarget<C> {
  const differences: Array<{ request: string } & ResponseDifference> = []
  const validator = createSpecValidator(options.spec)
  const coverage = new StatusCoverage()
  const reports = options.reports ?? { fidelity: `.reports/fidelity-${options.vendor}.json` }
  return {
    name: 'real',
    kind: 'real',
    allowWrites: options.allowWrites,
    credentials: options.credentials,
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    fetch: validatingFetch(
      (input, init) => fetch(input, init),
      validator,
      coverage,
      (difference, request) => differences.push({ request, ...difference }),
    ),
    async start() {},
    async stop() {
      writeJson(reports.fidelity, { vendor: options.vendor, baseUrl: options.baseUrl, differences })
      const violating = differences.filter((difference) => difference.problems.length).length
      const unknown = differences.reduce((sum, difference) => sum + difference.unknownFields.length, 0)
      console.info(
        `[fidelity] ${options.vendor}: ${violating} real responses violate the spec (and so differ from the mock), ${unknown} unknown fields; details in ${reports.fidelity}`,
      )
      if (reports.coverage) {
        const documented = validator.documentedPairs()
        writeJson(reports.coverage, {
          vendor: options.vendor,
          baseUrl: options.baseUrl,
          documented,
          seen: [...coverage.seen].sort(),
          notSeen: coverage.missing(validator),
        })
      }
    },
  }
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(value, null, 1))
}
