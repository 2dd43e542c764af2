import { existsSync, readFileSync, statSync } from 'node:fs'

/**
 * The latest reports in `.reports/` for one vendor, for the console: contract coverage (written by
 * `npm test` / `npm run contract`) and fidelity (real-vendor runs and the record-through proxy).
 */
export function latestReports(vendor: string, dir = '.reports'): unknown {
  const coverage = readJson(`${dir}/coverage.json`) as Record<string, { documented: number; covered: number }> | undefined
  const fidelityFile = `${dir}/fidelity-${vendor}.json`
  const fidelity = readJson(fidelityFile) as { baseUrl?: string; differences?: unknown[] } | undefined
  return {
    coverage: coverage && Object.hasOwn(coverage, vendor) ? coverage[vendor] : null,
    fidelity: fidelity
      ? { baseUrl: fidelity.baseUrl, differences: fidelity.differences?.length ?? 0, at: statSync(fidelityFile).mtime.toISOString() }
      : null,
  }
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}
