// Bundles every vendor spec in redocly.yaml to mocks/generated/<vendor>.openapi.json (internal $refs kept),
// the document the store schemas and the response validator read at run time.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const config = readFileSync(new URL('../redocly.yaml', import.meta.url), 'utf8')
const apis = [...config.matchAll(/^ {2}([a-z]+):\n {4}root:/gm)].map((match) => match[1])
for (const api of apis) {
  execFileSync('npx', ['--no-install', 'redocly', 'bundle', api, '--ext', 'json', '-o', `mocks/generated/${api}.openapi.json`], { stdio: ['ignore', 'ignore', 'inherit'] })
}
console.log(`bundled ${apis.join(', ')}`)
