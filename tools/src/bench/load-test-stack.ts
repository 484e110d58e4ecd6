import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataLayer, type DataLayer } from '@mini-ecommerce/data';
import { LOAD_TEST_JWT_SECRET, ROOT } from './api-process';
import { runNpmStart, type NpmStart } from './npm-start';

/**
 * Where load tests keep DynamoDB Local's files: a memory-backed temporary directory when the
 * machine has one. DynamoDB Local commits every write to SQLite with fsync, so on an ordinary
 * disk the stand-in database, not the application, would set the pace; AWS DynamoDB does not
 * behave like that.
 */
export const LOAD_TEST_TMP = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

export interface LoadTestStack {
  /** The shop, as `npm start` serves it. */
  url: string;
  apiPid: number;
  /** A data layer of the load test's own, to prepare and verify the database directly. */
  data: DataLayer;
  npmStart: NpmStart;
  stop(): Promise<void>;
}

/** Builds the deployable API bundle (`nx run api:bundle`'s script) into a fresh directory. */
async function bundleApi(log?: (m: string) => void): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'bench-api-')), 'api');
  log?.('bundling the API as it is deployed (esbuild, one ES module)');
  await new Promise<void>((resolveBundle, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=@mini-ecommerce/source',
        '--import',
        'tsx',
        'infrastructure/src/deploy/api/bundle-cli.ts',
        outDir,
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolveBundle() : reject(new Error(`bundling the API failed (exit ${code})`)),
    );
  });
  return join(outDir, 'server.mjs');
}

/**
 * The shop as a user runs it (`npm start`: DynamoDB Local, tables, demo catalog, the API), with
 * the API running from the deployable bundle under plain Node.js (`API_BUNDLE`, what PM2 runs on
 * EC2, so memory and throughput are the production process's), its data directory in
 * LOAD_TEST_TMP and a JWT secret the load test knows, so it can mint tokens for many shoppers.
 */
export async function startLoadTestStack(
  options: { log?: (m: string) => void } = {},
): Promise<LoadTestStack> {
  const bundle = await bundleApi(options.log);
  options.log?.(`npm start with DATA_DIR in ${LOAD_TEST_TMP} and API_BUNDLE=${bundle}`);
  const npmStart = await runNpmStart({
    parentDir: LOAD_TEST_TMP,
    env: { JWT_SECRET: LOAD_TEST_JWT_SECRET, API_BUNDLE: bundle },
  });
  const data = createDataLayer({
    env: 'local',
    endpoint: npmStart.dynamoDbEndpoint,
    requestTimeoutMs: 5000,
  });
  return {
    url: npmStart.url,
    apiPid: npmStart.apiPid,
    data,
    npmStart,
    stop: async () => {
      data.close();
      await npmStart.stop();
    },
  };
}
