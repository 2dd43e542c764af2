// The vendor APIs declared in redocly.yaml (`apis:`), shared by the scripts that loop over them.
import { readFileSync } from 'node:fs'

export function redoclyApis() {
  const config = readFileSync(new URL('../redocly.yaml', import.meta.url), 'utf8')
  return [...config.matchAll(/^ {2}([a-z]+):\n {4}root:/gm)].map((match) => match[1])
}
