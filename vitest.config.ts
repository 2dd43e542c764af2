import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 15_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['mocks/**/*.test.ts', 'scripts/**/*.test.ts', 'contracts/**/*.test.ts'] } },
      { extends: true, test: { name: 'contract', include: ['test/contract/**/*.test.ts'] } },
      // npm pack + install into a fresh project (minutes, network-free from npm's cache): its own npm test step.
      { extends: true, test: { name: 'package', include: ['test/package/*.test.ts'], testTimeout: 300_000, hookTimeout: 900_000 } },
    ],
  },
})
