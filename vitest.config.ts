import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each suite starts its own embedded S3/DynamoDB servers on random ports; two cores here.
    pool: 'forks',
    maxWorkers: 2,
    // Node 20 is supported locally on purpose (Lambda runs 24); the SDK's upgrade nag is noise.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
