/**
 * What every end-to-end test against moto shares: fast polling, an environment that can reach no
 * real account, SDK clients for reading moto's state, and the CLI run in-process with its output
 * captured.
 */
import { rm } from 'node:fs/promises';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { inject } from 'vitest';
import { main, type CliDependencies } from '../cli';
import { MemoryOutput, Reporter } from '../reporter';
import type { Timing } from '../timing';
import { createDistribution, prepareWorkspace, type MotoWorkspace } from './moto-workspace';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Declared here: tools/src/moto/vitest-global-setup.ts is not part of this program. */
    moto?: { endpoint: string; version: string } | { error: string };
  }
}

/** moto answers at once: poll in tenths of seconds instead of the production's seconds. */
export const MOTO_TIMING: Timing = {
  waiter: { minDelay: 0.05, maxDelay: 0.2, maxWaitTime: 60 },
  pollIntervalMs: 20,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

/** Test credentials and no profile, config file or endpoint from the machine running the tests. */
export function motoEnvironment(region: string): Record<string, string | undefined> {
  return {
    AWS_ENDPOINT_URL: '',
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: region,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  };
}

/** Sets the variables (undefined removes one) and returns a function that puts them back. */
export function useEnvironment(variables: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(variables).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(variables);
  return () => apply(saved);
}

/** An SDK client of moto in the test's region, to read what the commands did. */
export function motoClient<T>(
  Client: new (config: object) => T,
  region: string,
  endpoint: string,
): T {
  return new Client({
    region,
    endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    forcePathStyle: true,
  });
}

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** The deploy CLI run in-process, as `nx run infra:<command>` runs it, with its output captured. */
export async function runCli(
  argv: readonly string[],
  dependencies: Pick<CliDependencies, 'workspaceRoot' | 'createClients' | 'confirm'>,
): Promise<CliRun> {
  const out = new MemoryOutput();
  const err = new MemoryOutput();
  const code = await main(argv, new Reporter(out), new Reporter(err), {
    ...dependencies,
    timing: MOTO_TIMING,
  });
  return { code, out: out.text, err: err.text };
}

export interface MotoSetup {
  readonly endpoint: string;
  readonly version: string;
  readonly workspace: MotoWorkspace;
  /** Removes the workspace and puts the environment back. */
  readonly tearDown: () => Promise<void>;
}

/**
 * For a test file's beforeAll: the moto server of the global setup (failing, never skipping, when
 * it is missing), the environment pointed at it, a CloudFront distribution and a workspace of
 * bridged templates.
 */
export async function setUpMoto(repositoryRoot: string, region: string): Promise<MotoSetup> {
  const provided = inject('moto');
  if (!provided || 'error' in provided)
    throw new Error(provided?.error ?? 'moto was not started by the global setup');
  const restore = useEnvironment({
    ...motoEnvironment(region),
    AWS_ENDPOINT_URL: provided.endpoint,
  });
  const cloudFront = motoClient(CloudFrontClient, region, provided.endpoint);
  const distribution = await createDistribution(cloudFront);
  cloudFront.destroy();
  const workspace = await prepareWorkspace(repositoryRoot, { region, distribution });
  return {
    ...provided,
    workspace,
    tearDown: async () => {
      await rm(workspace.root, { recursive: true, force: true });
      restore();
    },
  };
}
