import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each suite starts its own embedded S3/DynamoDB servers on random ports; two cores here.
    pool: 'forks',
    maxWorkers: 2,
  },
});
