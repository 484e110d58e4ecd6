import { describe, expect, it } from 'vitest';
import { INDEX_NAMES, TABLES, keyAttributes, resourceName, tableName } from './index';

describe('stack model', () => {
  it('names resources mini-ecommerce-<env>-<name>', () => {
    expect(tableName('dev', 'products')).toBe('mini-ecommerce-dev-products');
    expect(resourceName('prod', 'website')).toBe('mini-ecommerce-prod-website');
  });

  it('keeps the key schemas and index names of the architecture document', () => {
    expect(TABLES.products.partitionKey.name).toBe('productId');
    expect(TABLES.products.globalSecondaryIndexes.map((i) => i.indexName)).toEqual([
      'CategoryIndex',
    ]);
    expect(TABLES.users.globalSecondaryIndexes[0]?.partitionKey.name).toBe('email');
    expect(TABLES.orders.globalSecondaryIndexes[0]).toMatchObject({
      indexName: INDEX_NAMES.userOrders,
      partitionKey: { name: 'userId' },
      sortKey: { name: 'createdAt' },
    });
    expect(TABLES.cart.partitionKey.name).toBe('userId');
    expect(TABLES.cart.sortKey?.name).toBe('productId');
  });

  it('lists each key attribute once', () => {
    expect(keyAttributes(TABLES.orders).map((a) => a.name)).toEqual([
      'orderId',
      'userId',
      'createdAt',
    ]);
    expect(keyAttributes(TABLES.cart).map((a) => a.name)).toEqual(['userId', 'productId']);
  });
});
