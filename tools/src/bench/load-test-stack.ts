import { mkdtempSync, rmSync } from 'node:fs';
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
 * The local stack of `npm start`, in a temporary directory: DynamoDB Local with its files on disk,
 * the tables, the demo catalog and the API as a child process on a free loopback port.
 */
export async function startLoadTestStack(
  options: { webDist?: string; apiEnv?: Record<string, string>; log?: (m: string) => void } = {},
): Promise<LoadTestStack> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'mini-ecommerce-load-'));
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
    });
    return { dynamo, data, api, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
