import type { Environment } from './environments';
import { resourceName } from './naming';

export type AttributeType = 'S' | 'N';

export interface KeyAttribute {
  readonly name: string;
  readonly type: AttributeType;
}

export interface GlobalSecondaryIndex {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly projection: 'ALL';
}

export interface TableDefinition {
  /** Short name; the physical name is `mini-ecommerce-<env>-<key>`. */
  readonly key: TableKey;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly globalSecondaryIndexes: readonly GlobalSecondaryIndex[];
  /** Attribute holding an epoch-seconds expiry, for records that expire (rate-limit windows). */
  readonly timeToLiveAttribute?: string;
  readonly billingMode: 'PAY_PER_REQUEST';
}

/** Every key of the four tables is a string. */
function stringKey(name: string): KeyAttribute {
  return { name, type: 'S' };
}

/** An index projecting every attribute, as every index of the architecture document does. */
function index(indexName: string, partitionKey: string, sortKey?: string): GlobalSecondaryIndex {
  return {
    indexName,
    partitionKey: stringKey(partitionKey),
    ...(sortKey ? { sortKey: stringKey(sortKey) } : {}),
    projection: 'ALL',
  };
}

/** An on-demand table, as every table of the architecture document is. */
function table<K extends TableKey>(
  key: K,
  keys: {
    readonly partitionKey: string;
    readonly sortKey?: string;
    readonly indexes?: readonly GlobalSecondaryIndex[];
    readonly timeToLiveAttribute?: string;
  },
): TableDefinition & { readonly key: K } {
  return {
    key,
    partitionKey: stringKey(keys.partitionKey),
    ...(keys.sortKey ? { sortKey: stringKey(keys.sortKey) } : {}),
    globalSecondaryIndexes: keys.indexes ?? [],
    ...(keys.timeToLiveAttribute ? { timeToLiveAttribute: keys.timeToLiveAttribute } : {}),
    billingMode: 'PAY_PER_REQUEST',
  };
}

export const TABLE_KEYS = ['products', 'users', 'orders', 'cart'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export const INDEX_NAMES = {
  category: 'CategoryIndex',
  email: 'EmailIndex',
  userOrders: 'UserOrdersIndex',
} as const;

/**
 * The four tables exactly as the architecture document defines them. The CloudFormation
 * templates, the tables created in DynamoDB Local and the dynamodb-toolbox tables are all
 * derived from this object; `tables.test.ts` in libs/data proves the toolbox and DynamoDB Local
 * tables agree with it, and `stacks.test.ts` in infrastructure the committed templates.
 */
export const TABLES: { readonly [K in TableKey]: TableDefinition & { readonly key: K } } = {
  products: table('products', {
    partitionKey: 'productId',
    indexes: [index(INDEX_NAMES.category, 'category')],
  }),
  users: table('users', {
    partitionKey: 'userId',
    indexes: [index(INDEX_NAMES.email, 'email')],
    timeToLiveAttribute: 'expiresAt',
  }),
  orders: table('orders', {
    partitionKey: 'orderId',
    indexes: [index(INDEX_NAMES.userOrders, 'userId', 'createdAt')],
  }),
  cart: table('cart', { partitionKey: 'userId', sortKey: 'productId' }),
};

export function tableName(env: Environment, key: TableKey): string {
  return resourceName(env, key);
}

/** A table's or an index's key schema: the partition key (HASH), then the sort key (RANGE) if any. */
export function keySchema(keys: {
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
}): { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[] {
  return [
    { AttributeName: keys.partitionKey.name, KeyType: 'HASH' },
    ...(keys.sortKey ? [{ AttributeName: keys.sortKey.name, KeyType: 'RANGE' as const }] : []),
  ];
}

/** Every attribute used in a key of the table or of one of its indexes, deduplicated. */
export function keyAttributes(table: TableDefinition): KeyAttribute[] {
  const all = [
    table.partitionKey,
    ...(table.sortKey ? [table.sortKey] : []),
    ...table.globalSecondaryIndexes.flatMap((index) => [
      index.partitionKey,
      ...(index.sortKey ? [index.sortKey] : []),
    ]),
  ];
  const byName = new Map(all.map((attribute) => [attribute.name, attribute]));
  return [...byName.values()];
}

/**
 * A table's keys and indexes as both CloudFormation (AWS::DynamoDB::Table) and CreateTable
 * spell them: the database template and local provisioning build tables from this one shape.
 */
export function keyDefinitions(table: TableDefinition) {
  return {
    AttributeDefinitions: keyAttributes(table).map((a) => ({
      AttributeName: a.name,
      AttributeType: a.type,
    })),
    KeySchema: keySchema(table),
    ...(table.globalSecondaryIndexes.length > 0
      ? {
          GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: keySchema(index),
            Projection: { ProjectionType: index.projection },
          })),
        }
      : {}),
  };
}
