import { defineConfig } from 'vite'
import { fileURLToPath } from 'node:url'

/** Serves the e2e page; public/ provides mockServiceWorker.js. */
export default defineConfig({
  root: fileURLToPath(new URL('./app', import.meta.url)),
  publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  server: { host: '127.0.0.1', port: Number(process.env.E2E_PORT ?? 5173), strictPort: true },
  logLevel: 'warn',
})
