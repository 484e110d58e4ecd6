import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@mini-ecommerce/source'] },
  test: {
    name: 'infra',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // `--env local` provisioning is tested against a real DynamoDB Local.
    // The deploy end-to-end test runs against moto's server (src/deploy/e2e).
    globalSetup: [
      '../tools/src/local-stack/vitest-global-setup.ts',
      '../tools/src/moto/vitest-global-setup.ts',
    ],
    // cfn-guard and the specification check take a few seconds on 2 shared cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
