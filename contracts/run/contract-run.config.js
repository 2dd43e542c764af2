// Vitest configuration of `opsmocks contract` (copied next to the built suites in dist/lib).
export default {
  test: {
    include: ['contract-run.js'],
    exclude: [],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
}
