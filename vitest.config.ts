import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 15_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['mocks/**/*.test.ts', 'scripts/**/*.test.ts', 'contracts/**/*.test.ts'],
          // Type tests (*.test-d.ts): the typed replies and spec-typed routes, checked by tsc and counted here.
          typecheck: { enabled: true, include: ['mocks/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      { extends: true, test: { name: 'contract', include: ['test/contract/**/*.test.ts'] } },
      // Spec-driven property-based fuzzing (issue 8): seeded and bounded; FUZZ_RUNS=500 for a longer search.
      { extends: true, test: { name: 'fuzz', include: ['test/fuzz/**/*.test.ts'], testTimeout: 120_000 } },
      // npm pack + install into a fresh project (minutes, network-free from npm's cache): its own npm test step.
      { extends: true, test: { name: 'package', include: ['test/package/*.test.ts'], testTimeout: 300_000, hookTimeout: 900_000 } },
    ],
  },
})
