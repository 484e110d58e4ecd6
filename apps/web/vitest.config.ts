import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { conditions: ['@mini-ecommerce/source'] },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup-tests.ts'],
    restoreMocks: true,
    // A whole-route test types into forms in jsdom: about 2 s alone, over vitest's 5 s default when
    // the API and infra suites share the 2 cores (seen once in a fresh-clone CI run).
    testTimeout: 20_000,
  },
});
