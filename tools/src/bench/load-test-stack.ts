import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataLayer, provisionTables, tableNamesFor, type DataLayer } from '@mini-ecommerce/data';
import { startDynamoDbLocal, type DynamoDbLocal } from '../local-stack/dynamodb-local';
import { seedCatalogIfEmpty } from '../seed/catalog';
import { startApiProcess, type ApiProcess } from './api-process';

export interface LoadTestStack {
  dynamo: DynamoDbLocal;
  /** A data layer of the bench's own, to prepare and verify the database directly. */
  data: DataLayer;
  api: ApiProcess;
  stop(): Promise<void>;
}

/**
 * Where load tests keep DynamoDB Local's files: a memory-backed temporary directory when the
 * machine has one. DynamoDB Local commits every write to SQLite with fsync, so on an ordinary
 * disk the stand-in database, not the application, would set the pace; AWS DynamoDB does not
 * behave like that.
 */
export const LOAD_TEST_TMP = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/**
 * The local stack of `npm start`, in a temporary directory: DynamoDB Local with its files in
 * LOAD_TEST_TMP, the tables, the demo catalog and the API as a child process on a free loopback port.
 */
export async function startLoadTestStack(
  options: { webDist?: string; apiEnv?: Record<string, string>; apiNodeArgs?: string[]; log?: (m: string) => void } = {},
): Promise<LoadTestStack> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(LOAD_TEST_TMP, 'mini-ecommerce-load-'));
  let dynamo: DynamoDbLocal | undefined;
  let data: DataLayer | undefined;
  let api: ApiProcess | undefined;
  const stop = async () => {
    await api?.stop();
    data?.close();
    await dynamo?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    log('starting DynamoDB Local');
    dynamo = await startDynamoDbLocal({ dataDir: join(dir, 'dynamodb') });
    data = createDataLayer({ env: 'local', endpoint: dynamo.endpoint, requestTimeoutMs: 5000 });
    await provisionTables(data.clients.client, tableNamesFor('local'));
    log('seeding the demo catalog');
    await seedCatalogIfEmpty(data.products, join(dir, 'images'));
    log('starting the API');
    api = await startApiProcess({
      dynamoDbEndpoint: dynamo.endpoint,
      imagesDir: join(dir, 'images'),
      ...(options.webDist ? { webDist: options.webDist } : {}),
      ...(options.apiEnv ? { env: options.apiEnv } : {}),
      ...(options.apiNodeArgs ? { nodeArgs: options.apiNodeArgs } : {}),
    });
    return { dynamo, data, api, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
