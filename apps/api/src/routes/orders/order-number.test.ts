import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderNumber, type Order, type Product } from '@mini-ecommerce/domain';
import { ORDER_BODY, buildTestApp, errorOf, type TestApp } from '../../test/test-app';

let t: TestApp;
let adminToken: string;
let mug: Product;
beforeAll(async () => {
  t = await buildTestApp();
  adminToken = (await t.admin()).token;
  mug = await t.createProduct(adminToken, { name: 'Mug', category: 'Kitchen', stock: 500 });
});
afterAll(() => t?.close());

async function buy(token: string, key?: string) {
  await t.addToCart(token, mug.productId, 1);
  return t.request({
    method: 'POST',
    url: '/api/orders',
    token,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
    payload: ORDER_BODY,
  });
}

describe('order numbers and the customer copy', () => {
  it('gives every order a unique XXXX-XXXX number and copies the buyer, on every route that returns it', async () => {
    const buyer = await t.customer('Ada Lovelace');
    const orders: Order[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await buy(buyer.token);
      expect(response.statusCode, response.body).toBe(201);
      orders.push(response.json<Order>());
    }
    for (const order of orders) {
      expect(OrderNumber.safeParse(order.orderNumber).success, order.orderNumber).toBe(true);
      expect(order.orderNumber).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(order.customer).toEqual({ name: 'Ada Lovelace', email: buyer.user.email });
    }
    expect(new Set(orders.map((o) => o.orderNumber)).size).toBe(orders.length);

    const first = orders[0] as Order;
    const own = await t.request({ url: `/api/orders/${first.orderId}`, token: buyer.token });
    expect(own.json()).toEqual(first);
    const list = await t.request({ url: '/api/orders', token: buyer.token });
    expect(list.json().items.map((o: Order) => [o.orderNumber, o.customer])).toEqual(
      [...orders].reverse().map((o) => [o.orderNumber, o.customer]),
    );
    const admin = await t.request({ url: '/api/admin/orders?limit=100', token: adminToken });
    const seen = admin.json().items.find((o: Order) => o.orderId === first.orderId) as Order;
    expect(seen).toEqual(first);
  });

  it('answers a retry with the same Idempotency-Key with the same number', async () => {
    const buyer = await t.quickCustomer('Grace');
    const placed = await buy(buyer.token, 'number-retry-1');
    expect(placed.statusCode, placed.body).toBe(201);
    const again = await t.request({
      method: 'POST',
      url: '/api/orders',
      token: buyer.token,
      headers: { 'idempotency-key': 'number-retry-1' },
      payload: ORDER_BODY,
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<Order>().orderNumber).toBe(placed.json<Order>().orderNumber);
  });

  it('finds an order by its number as a person types it, for its owner and admins only', async () => {
    const owner = await t.quickCustomer('Owner');
    const other = await t.quickCustomer('Other');
    const order = (await buy(owner.token)).json<Order>();
    const typed = [
      order.orderNumber,
      `#${order.orderNumber}`,
      order.orderNumber.toLowerCase().replace('-', ''),
    ];
    for (const number of typed) {
      const response = await t.request({
        url: `/api/orders/by-number/${encodeURIComponent(number)}`,
        token: owner.token,
      });
      expect(response.statusCode, `${number}: ${response.body}`).toBe(200);
      expect(response.json()).toEqual(order);
    }
    const byAdmin = await t.request({
      url: `/api/orders/by-number/${order.orderNumber}`,
      token: adminToken,
    });
    expect(byAdmin.json()).toEqual(order);
    const byOther = await t.request({
      url: `/api/orders/by-number/${order.orderNumber}`,
      token: other.token,
    });
    expect(byOther.statusCode).toBe(404);
    expect(errorOf(byOther).code).toBe('NOT_FOUND');
    for (const bad of ['0000-0000', 'not-a-number', 'UUUU-UUUU']) {
      const response = await t.request({ url: `/api/orders/by-number/${bad}`, token: owner.token });
      expect(response.statusCode, bad).toBe(404);
    }
    // The number follows the order through its lifecycle.
    await t.request({
      method: 'PATCH',
      url: `/api/orders/${order.orderId}`,
      token: adminToken,
      payload: { status: 'PAID' },
    });
    const paid = await t.request({
      url: `/api/orders/by-number/${order.orderNumber}`,
      token: owner.token,
    });
    expect(paid.json()).toMatchObject({ orderNumber: order.orderNumber, status: 'PAID' });
  });

  it('documents the fields in the OpenAPI description', async () => {
    const spec = (await t.request({ url: '/docs/json' })).json();
    expect(spec.paths['/api/orders/by-number/{number}']).toBeDefined();
    const text = JSON.stringify(spec.paths['/api/admin/orders']);
    expect(text).toContain('orderNumber');
    expect(text).toContain('customer');
  });
});
