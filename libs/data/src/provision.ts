import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  TABLES,
  TABLE_KEYS,
  keyDefinitions,
  type TableDefinition,
} from '@mini-ecommerce/stack-model';
import type { TableNames } from './config';

/** The CreateTable request for a table of the stack model: the same definition the templates use. */
export function createTableInput(
  definition: TableDefinition,
  tableName: string,
): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: definition.billingMode,
    ...keyDefinitions(definition),
  };
}

/**
 * Creates the four tables when they are missing (idempotent), waits until they are active and
 * turns TTL on where the model asks for it.
 */
export async function provisionTables(
  client: DynamoDBClient,
  names: TableNames,
  log: (message: string) => void = () => undefined,
): Promise<{ created: string[] }> {
  const created: string[] = [];
  await Promise.all(
    TABLE_KEYS.map(async (key) => {
      const definition = TABLES[key];
      const name = names[key];
      if (await tableExists(client, name)) return;
      log(`creating table ${name}`);
      try {
        await client.send(new CreateTableCommand(createTableInput(definition, name)));
        created.push(name);
      } catch (error) {
        if (!(error instanceof ResourceInUseException)) throw error;
      }
      await waitUntilTableExists(
        { client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 },
        { TableName: name },
      );
      if (definition.timeToLiveAttribute) {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: name,
            TimeToLiveSpecification: {
              AttributeName: definition.timeToLiveAttribute,
              Enabled: true,
            },
          }),
        );
      }
    }),
  );
  return { created };
}

async function tableExists(client: DynamoDBClient, name: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}
