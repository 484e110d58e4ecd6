import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@mini-ecommerce/source'] },
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['../../tools/src/local-stack/vitest-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
