// Generates mocks/generated/<vendor>.d.ts with openapi-typescript, one API at a time.
// Its CLI lints every API of redocly.yaml concurrently, and @redocly/openapi-core 1.x shares one Ajv
// instance (with the first document's $ref resolver) between them, which printed ~100 false
// "can't resolve reference" example warnings per run; one document at a time resolves every reference.
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadConfig } from '@redocly/openapi-core'
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript'

const root = new URL('../', import.meta.url)
const redocly = await loadConfig({ configPath: new URL('redocly.yaml', root).pathname })
for (const [name, api] of Object.entries(redocly.apis)) {
  const output = new URL(api['x-openapi-ts'].output, root)
  const types = `${COMMENT_HEADER}${astToString(await openapiTS(new URL(api.root, root), { redocly }))}`
  mkdirSync(new URL('.', output), { recursive: true })
  writeFileSync(output, types, 'utf8')
  console.log(`${name} → ${api['x-openapi-ts'].output}`)
}
