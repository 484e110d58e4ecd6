import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createDataLayer, type DataLayer } from '@mini-ecommerce/data';
import { LOAD_TEST_JWT_SECRET } from './api-process';
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

/**
 * The shop exactly as a user runs it (`npm start`: DynamoDB Local, tables, demo catalog, the API
 * on the sources with tsx), with its data directory in LOAD_TEST_TMP and a JWT secret the load
 * test knows, so it can mint tokens for many shoppers.
 */
export async function startLoadTestStack(
  options: { log?: (m: string) => void } = {},
): Promise<LoadTestStack> {
  options.log?.(`npm start with DATA_DIR in ${LOAD_TEST_TMP}`);
  const npmStart = await runNpmStart({
    parentDir: LOAD_TEST_TMP,
    env: { JWT_SECRET: LOAD_TEST_JWT_SECRET },
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
