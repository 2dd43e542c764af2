import { defineConfig } from 'vite'

/**
 * Builds the standalone server (`npm start`) into one file, dependencies included: loading a single
 * bundle is several times faster than resolving hundreds of modules, which is most of the cold start.
 */
export default defineConfig({
  publicDir: false,
  ssr: { noExternal: true },
  logLevel: 'warn',
  build: {
    ssr: 'mocks/server/cli.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    // The `opsmocks` bin: npm links it as an executable, so it names its interpreter.
    rollupOptions: { output: { entryFileNames: 'cli.js', banner: '#!/usr/bin/env node' } },
  },
})
