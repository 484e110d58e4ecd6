import { defineConfig } from 'vitest/config';

/** The browser end-to-end test against the real stack (`npm start`); see e2e/shop.e2e.test.ts. */
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: 'web-e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    // Starting the stack may build the storefront and boot DynamoDB Local.
    hookTimeout: 240_000,
    testTimeout: 120_000,
  },
});
