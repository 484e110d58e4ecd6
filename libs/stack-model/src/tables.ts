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
  products: {
    key: 'products',
    partitionKey: { name: 'productId', type: 'S' },
    globalSecondaryIndexes: [
      {
        indexName: INDEX_NAMES.category,
        partitionKey: { name: 'category', type: 'S' },
        projection: 'ALL',
      },
    ],
    billingMode: 'PAY_PER_REQUEST',
  },
  users: {
    key: 'users',
    partitionKey: { name: 'userId', type: 'S' },
    globalSecondaryIndexes: [
      {
        indexName: INDEX_NAMES.email,
        partitionKey: { name: 'email', type: 'S' },
        projection: 'ALL',
      },
    ],
    timeToLiveAttribute: 'expiresAt',
    billingMode: 'PAY_PER_REQUEST',
  },
  orders: {
    key: 'orders',
    partitionKey: { name: 'orderId', type: 'S' },
    globalSecondaryIndexes: [
      {
        indexName: INDEX_NAMES.userOrders,
        partitionKey: { name: 'userId', type: 'S' },
        sortKey: { name: 'createdAt', type: 'S' },
        projection: 'ALL',
      },
    ],
    billingMode: 'PAY_PER_REQUEST',
  },
  cart: {
    key: 'cart',
    partitionKey: { name: 'userId', type: 'S' },
    sortKey: { name: 'productId', type: 'S' },
    globalSecondaryIndexes: [],
    billingMode: 'PAY_PER_REQUEST',
  },
};

export function tableName(env: Environment, key: TableKey): string {
  return resourceName(env, key);
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
