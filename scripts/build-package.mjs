// `npm run build` (and `prepack`, so `npm pack`/`npm publish` ship it): everything the npm package holds in dist/.
//   dist/server/cli.js    the `opsmocks` command, one bundle with its dependencies (fast cold start)
//   dist/lib/*.js         ESM library entries (package.json `exports`), bare imports left to the app
//   dist/types/**/*.d.ts  declarations, with relative imports ending in .js so NodeNext resolution works
//   dist/specs/*.json     the bundled OpenAPI documents;  dist/docs/  the offline API reference
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { redoclyApis } from './redocly-apis.mjs'

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' })
const only = process.argv[2] // lib | types: one part only (npm run build:lib, used by npm run contract)

if (!only) run('npm', ['run', '--silent', 'build:server'])
if (!only || only === 'lib') {
  run('npx', ['--no-install', 'vite', 'build', '-c', 'vite.lib.config.ts'])
  copyFileSync('contracts/run/contract-run.config.js', 'dist/lib/contract-run.config.js')
}
if (!only || only === 'types') {
  rmSync('dist/types', { recursive: true, force: true })
  run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.build.json'])
  mkdirSync('dist/types/mocks/generated', { recursive: true })
  for (const api of redoclyApis()) copyFileSync(`mocks/generated/${api}.d.ts`, `dist/types/mocks/generated/${api}.d.ts`)
  for (const file of walk('dist/types')) writeFileSync(file, withJsExtensions(file, readFileSync(file, 'utf8')))
}
if (!only) {
  mkdirSync('dist/specs', { recursive: true })
  for (const api of redoclyApis()) copyFileSync(`mocks/generated/${api}.openapi.json`, `dist/specs/${api}.openapi.json`)
  run('node', ['scripts/docs.mjs'])
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.d.ts') ? [path] : []
  })
}

/** `from './service'` → `from './service.js'` (or `./dir/index.js`): what NodeNext requires of ESM declarations. */
function withJsExtensions(file, text) {
  return text.replace(/((?:from|import\()\s*['"])(\.{1,2}\/[^'"]+)(['"])/g, (match, before, specifier, after) => {
    if (/\.(js|json)$/.test(specifier)) return match
    const target = resolve(dirname(file), specifier)
    const isFile = exists(`${target}.d.ts`)
    if (!isFile && !exists(join(target, 'index.d.ts'))) throw new Error(`${file}: cannot resolve ${specifier}`)
    const rewritten = isFile ? `${specifier}.js` : `${relative(dirname(file), join(target, 'index.js')).replace(/^(?!\.)/, './')}`
    return `${before}${rewritten}${after}`
  })
}

function exists(path) {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
