import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_BODY, bearer, buildTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t?.close());

describe('a shopper walks register, browse, cart, order and history', () => {
  it('works end to end through HTTP', async () => {
    const admin = await t.admin();
    const desk = await t.createProduct(admin.token, { price: 1000, stock: 5, category: 'Desks' });
    const shopper = await t.customer();

    const health = await t.app.inject('/health/ready');
    expect(health.statusCode).toBe(200);

    const list = await t.app.inject(`/api/products?category=Desks&limit=5`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { productId: string }) => p.productId)).toContain(
      desk.productId,
    );

    const categories = await t.app.inject('/api/categories');
    expect(categories.json().items).toContainEqual({ category: 'Desks', count: 1 });

    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/cart/items/${desk.productId}`,
      headers: bearer(shopper.token),
      payload: { quantity: 2, price: 1 },
    });
    expect(put.statusCode, put.body).toBe(400);

    const put2 = await t.app.inject({
      method: 'PUT',
      url: `/api/cart/items/${desk.productId}`,
      headers: bearer(shopper.token),
      payload: { quantity: 2 },
    });
    expect(put2.statusCode, put2.body).toBe(200);
    expect(put2.json()).toMatchObject({ subtotal: 2000, currency: 'USD' });

    const order = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { ...bearer(shopper.token), 'idempotency-key': 'attempt-000001' },
      payload: ORDER_BODY,
    });
    expect(order.statusCode, order.body).toBe(201);
    expect(order.json()).toMatchObject({ total: 2000, status: 'PLACED' });

    const history = await t.app.inject({ url: '/api/orders', headers: bearer(shopper.token) });
    expect(history.json().items[0].orderId).toBe(order.json().orderId);

    const docs = await t.app.inject('/docs/json');
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths)).toContain('/api/orders/{orderId}');
  });
});
