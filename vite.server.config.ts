import { defineConfig } from 'vite'

/** Builds the standalone server (`npm start`) into dist/server; dependencies stay in node_modules. */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'mocks/server/cli.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'cli.js' } },
  },
})
