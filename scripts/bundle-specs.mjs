// Bundles every vendor spec in redocly.yaml to mocks/generated/<vendor>.openapi.json (internal $refs kept),
// the document the store schemas and the response validator read at run time.
import { execFileSync } from 'node:child_process'
import { redoclyApis } from './redocly-apis.mjs'

const apis = redoclyApis()
for (const api of apis) {
  execFileSync('npx', ['--no-install', 'redocly', 'bundle', api, '--ext', 'json', '-o', `mocks/generated/${api}.openapi.json`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
console.log(`bundled ${apis.join(', ')}`)
