import { readFileSync } from 'node:fs'
import { isPlainObject } from '../core/body'
import { parseWorldText, WorldError, type ParsedWorld } from '../core/world'

/**
 * `--world FILE` (repeatable): reads world files and sorts them by the vendor they name, in the order
 * given, so later files override earlier ones. Unreadable or unparsable files are one WorldError.
 */
export function readWorldFiles(paths: readonly string[], vendors: readonly string[]): Map<string, ParsedWorld[]> {
  const byVendor = new Map<string, ParsedWorld[]>()
  const problems: WorldError['problems'] = []
  for (const path of paths) {
    let parsed: ParsedWorld
    try {
      parsed = parseWorldText(readFileSync(path, 'utf8'), path)
    } catch (error) {
      if (error instanceof WorldError) problems.push(...error.problems)
      else problems.push({ path: '', file: path, message: `cannot read it: ${(error as Error).message}` })
      continue
    }
    const vendor = isPlainObject(parsed.document) ? parsed.document.vendor : undefined
    if (typeof vendor !== 'string' || !vendors.includes(vendor)) {
      problems.push({
        path: '/vendor',
        file: path,
        line: parsed.lineOf('/vendor'),
        message: `must name a vendor with a world format: ${vendors.join(', ')}`,
      })
      continue
    }
    byVendor.set(vendor, [...(byVendor.get(vendor) ?? []), parsed])
  }
  if (problems.length) throw new WorldError(problems, 'world files')
  return byVendor
}
