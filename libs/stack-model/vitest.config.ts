import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@mini-ecommerce/source'] },
  test: { name: 'stack-model', include: ['src/**/*.test.ts'], environment: 'node' },
});
