import type { TestProject } from 'vitest/node';
import { startMotoServer } from './moto-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** moto's endpoint for this test run, or why it could not start (missing moto, ...). */
    moto?: { endpoint: string; version: string } | { error: string };
  }
}

/**
 * One moto server per test run, on a free loopback port, stopped with the run. A start failure
 * (moto not installed) is handed to the tests that need moto, which fail with it; the others run.
 */
export default async function setup(project: TestProject) {
  try {
    const moto = await startMotoServer();
    project.provide('moto', { endpoint: moto.endpoint, version: moto.version });
    return async () => {
      await moto.stop();
    };
  } catch (error) {
    project.provide('moto', { error: (error as Error).message });
    return undefined;
  }
}
