import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDataLayer } from '@mini-ecommerce/data/testing';
import type { DataLayer } from '@mini-ecommerce/data';
import { ORDER_BODY, buildTestApp, type TestApp } from '../test/test-app';

const capacityOf = (header: unknown) => {
  const match = /^read=([\d.]+);write=([\d.]+);calls=(\d+);transactWrite=([\d.]+)$/.exec(
    String(header),
  );
  if (!match) throw new Error(`no capacity header: ${String(header)}`);
  return {
    read: Number(match[1]),
    write: Number(match[2]),
    calls: Number(match[3]),
    transactWrite: Number(match[4]),
  };
};

let data: DataLayer;
let t: TestApp;
beforeAll(async () => {
  data = await createTestDataLayer({ meterCapacity: true });
  t = await buildTestApp({ DYNAMODB_CAPACITY: 'on' }, { data });
});
afterAll(async () => {
  await t?.close();
  data?.close();
});

describe('DYNAMODB_CAPACITY=on (the bench)', () => {
  it('answers the read and write units each request consumed', async () => {
    const admin = (await t.admin()).token;
    const product = await t.createProduct(admin, { stock: 20 });
    const catalog = await t.request({ url: `/api/products/${product.productId}` });
    expect(capacityOf(catalog.headers['x-dynamodb-capacity'])).toMatchObject({ write: 0 });
    const { token } = await t.quickCustomer();
    const put = await t.request({
      method: 'PUT',
      url: `/api/cart/items/${product.productId}`,
      token,
      payload: { quantity: 2 },
    });
    const cart = capacityOf(put.headers['x-dynamodb-capacity']);
    // The user (authentication), the product and the lines, then the line's Put: four calls.
    expect(cart.calls).toBe(4);
    expect(cart.read).toBeGreaterThan(0);
    expect(cart.write).toBeGreaterThan(0);
    const order = await t.request({
      method: 'POST',
      url: '/api/orders',
      token,
      payload: ORDER_BODY,
    });
    expect(order.statusCode, order.body).toBe(201);
    const checkout = capacityOf(order.headers['x-dynamodb-capacity']);
    // The order's transaction writes at least 5 items (stock, order, feed copy, cart line,
    // sales counter), each at least one unit as DynamoDB Local reports it.
    expect(checkout.transactWrite).toBeGreaterThanOrEqual(5);
    expect(checkout.write).toBeGreaterThanOrEqual(checkout.transactWrite);
    expect(cart.transactWrite).toBe(0);
  });

  it('is off by default', async () => {
    const plain = await buildTestApp();
    try {
      const response = await plain.request({ url: '/api/categories' });
      expect(response.headers['x-dynamodb-capacity']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
