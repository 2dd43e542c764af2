import { cpSync, existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Command } from './commands'
import { UsageError, type ResolvedOptions } from './options'

/** `opsmocks docs`: copies the offline API reference built into the package (dist/docs) to a folder. */
export const docsCommand: Command = {
  name: 'docs',
  summary: 'write the offline API reference (one self-contained HTML page per vendor) to a folder',
  usage: 'opsmocks docs [--out DIR]',
  options: [
    {
      name: 'out',
      type: 'string',
      placeholder: 'DIR',
      env: 'OPSMOCKS_DOCS_DIR',
      default: 'opsmocks-docs',
      description: 'where to write the pages',
    },
  ],
  run: async (options: ResolvedOptions) => {
    if (options.positionals.length) throw new UsageError(`unexpected argument "${options.positionals[0]}"`)
    const source = fileURLToPath(new URL('../docs/', import.meta.url))
    if (!existsSync(join(source, 'index.html'))) throw new Error(`the built API reference is missing from ${source} (run npm run docs)`)
    const out = resolve(options.get<string>('out')!)
    cpSync(source, out, { recursive: true })
    for (const page of readdirSync(source).sort()) console.log(join(out, page))
  },
}
