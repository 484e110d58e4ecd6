import { randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { INDEX_NAMES } from '@mini-ecommerce/stack-model';
import { createDataLayer, type DataLayer, type DataLayerOptions } from './index';
import { tableNamesFor } from './config';
import { provisionTables } from './provision';

/**
 * A data layer on its own freshly created tables in a running DynamoDB Local, so test files can
 * share one DynamoDB Local without seeing each other's items.
 */
export async function createTestDataLayer(
  options: Partial<DataLayerOptions> = {},
): Promise<DataLayer> {
  const endpoint = testDynamoDbEndpoint();
  const names = tableNamesFor('local', `-t${randomBytes(4).toString('hex')}`);
  const data = createDataLayer({
    env: 'local',
    endpoint,
    tableNames: names,
    requestTimeoutMs: 5000,
    ...options,
  });
  await provisionTables(data.clients.client, names);
  return data;
}

/** The endpoint of the DynamoDB Local that tools/src/local-stack/vitest-global-setup.ts started for this run. */
export function testDynamoDbEndpoint(): string {
  // The key is declared for the global setup in tools/src/local-stack/provided-context.d.ts.
  const endpoint = (inject as (key: string) => unknown)('dynamoDbEndpoint');
  if (typeof endpoint !== 'string') {
    throw new Error(
      'No DynamoDB Local endpoint: add tools/src/local-stack/vitest-global-setup.ts as globalSetup',
    );
  }
  return endpoint;
}

/** How many items one UserOrdersIndex partition (a user's orders or an admin feed) holds. */
export async function userOrdersPartitionSize(data: DataLayer, partition: string): Promise<number> {
  const { Count } = await data.clients.documentClient.send(
    new QueryCommand({
      TableName: data.names.orders,
      IndexName: INDEX_NAMES.userOrders,
      KeyConditionExpression: 'userId = :p',
      ExpressionAttributeValues: { ':p': partition },
      Select: 'COUNT',
    }),
  );
  return Count ?? 0;
}
