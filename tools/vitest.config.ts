import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@mini-ecommerce/source'] },
  test: {
    name: 'tools',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./src/local-stack/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
