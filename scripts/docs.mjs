// `npm run docs`: one self-contained HTML reference per vendor (Redoc scripts inlined, so it renders
// offline) plus an index page, in dist/docs/.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { redoclyApis } from './redocly-apis.mjs'

const out = 'dist/docs'
mkdirSync(out, { recursive: true })
const entries = []
for (const api of redoclyApis()) {
  const spec = JSON.parse(readFileSync(`mocks/generated/${api}.openapi.json`, 'utf8'))
  const file = `${api}.html`
  execFileSync(
    'npx',
    ['--no-install', 'redocly', 'build-docs', api, '--inlineBundle', '--title', spec.info.title, '-o', `${out}/${file}`],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  entries.push({ file, title: spec.info.title, summary: spec.info.summary ?? '', size: statSync(`${out}/${file}`).size })
}
const items = entries
  .map((entry) => `<li><a href="${entry.file}">${escapeHtml(entry.title)}</a> — ${inlineMarkdown(entry.summary)}</li>`)
  .join('\n      ')
writeFileSync(
  `${out}/index.html`,
  `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>opsmocks API reference</title></head>
  <body style="font: 16px/1.5 system-ui, sans-serif; margin: 2rem">
    <h1>opsmocks API reference</h1>
    <p>The vendor APIs as opsmocks describes and mocks them. Each page is self-contained and works offline.</p>
    <ul>
      ${items}
    </ul>
  </body>
</html>
`,
)
/** The specs' `info.summary` is CommonMark: render its inline code, emphasis and links rather than print the marks. */
function inlineMarkdown(text) {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>')
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

for (const entry of entries) console.log(`${out}/${entry.file}  ${(entry.size / 1024 / 1024).toFixed(1)} MiB  ${entry.title}`)
console.log(`${out}/index.html`)
