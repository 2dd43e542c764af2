import { isAbsolute } from 'node:path'
import { defineConfig } from 'vite'

/**
 * The package's library entry points (`exports` in package.json) as ESM JavaScript in dist/lib, shared code
 * in chunks. Every bare import (msw, ajv, @msw/data, openapi-fetch, vitest, node:*) stays an import, so an
 * app's msw is the one the handlers register with; the bundled spec JSON is inlined.
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/lib',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    lib: {
      formats: ['es'],
      entry: {
        index: 'mocks/index.ts',
        opsview: 'mocks/opsview/index.ts',
        opscenter: 'mocks/opscenter/index.ts',
        opmanager: 'mocks/opmanager/index.ts',
        browser: 'mocks/browser/index.ts',
        server: 'mocks/server/index.ts',
        contracts: 'contracts/index.ts',
        'contract-run': 'contracts/run/contract-run.ts',
      },
    },
    rollupOptions: {
      external: (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0'),
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
})
