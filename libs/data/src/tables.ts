import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox/table';
import { INDEX_NAMES, TABLES } from '@mini-ecommerce/stack-model';
import type { TableNames } from './config';

/** The dynamodb-toolbox tables, built from the stack model; names are read lazily from config. */
export function createToolboxTables(documentClient: DynamoDBDocumentClient, names: TableNames) {
  const products = new Table({
    documentClient,
    name: () => names.products,
    partitionKey: { name: 'productId', type: 'string' },
    indexes: {
      [INDEX_NAMES.category]: {
        type: 'global',
        partitionKey: { name: 'category', type: 'string' },
      },
    },
  });
  const users = new Table({
    documentClient,
    name: () => names.users,
    partitionKey: { name: 'userId', type: 'string' },
    indexes: {
      [INDEX_NAMES.email]: { type: 'global', partitionKey: { name: 'email', type: 'string' } },
    },
  });
  const orders = new Table({
    documentClient,
    name: () => names.orders,
    partitionKey: { name: 'orderId', type: 'string' },
    indexes: {
      [INDEX_NAMES.userOrders]: {
        type: 'global',
        partitionKey: { name: 'userId', type: 'string' },
        sortKey: { name: 'createdAt', type: 'string' },
      },
    },
  });
  const cart = new Table({
    documentClient,
    name: () => names.cart,
    partitionKey: { name: 'userId', type: 'string' },
    sortKey: { name: 'productId', type: 'string' },
  });

  // The literal key names above give the entities their types; this keeps them equal to the model.
  const built = { products, users, orders, cart };
  for (const [name, table] of Object.entries(built) as [
    keyof typeof built,
    (typeof built)[keyof typeof built],
  ][]) {
    const model = TABLES[name];
    if (
      table.partitionKey.name !== model.partitionKey.name ||
      table.sortKey?.name !== model.sortKey?.name
    ) {
      throw new Error(`toolbox table ${name} has keys that differ from the stack model`);
    }
  }
  return { products, users, orders, cart };
}

export type ToolboxTables = ReturnType<typeof createToolboxTables>;
