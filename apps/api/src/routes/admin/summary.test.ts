import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDataLayer } from '@mini-ecommerce/data/testing';
import type { DataLayer } from '@mini-ecommerce/data';
import type { AdminSummary, Order, Product } from '@mini-ecommerce/domain';
import { ORDER_BODY, buildTestApp, errorOf, type TestApp } from '../../test/test-app';

// The clock the data layer stamps orders with; tests move it to place orders on earlier days.
let clock = new Date('2026-03-10T12:00:00.000Z');
const sent: string[] = [];
let data: DataLayer;
let t: TestApp;
let adminToken: string;
let teapot: Product;
let euroMug: Product;
beforeAll(async () => {
  data = await createTestDataLayer({ now: () => clock });
  // Record every DynamoDB command the app sends: the summary must not Scan.
  const client = data.clients.documentClient as unknown as {
    send: (command: { constructor: { name: string } }, ...rest: unknown[]) => unknown;
  };
  const send = client.send.bind(client);
  client.send = (command, ...rest) => {
    sent.push(command.constructor.name);
    return send(command, ...rest);
  };
  t = await buildTestApp({}, { data });
  adminToken = (await t.admin()).token;
  teapot = await t.createProduct(adminToken, { name: 'Teapot', price: 2_000, stock: 50 });
  euroMug = await t.createProduct(adminToken, {
    name: 'Euro mug',
    price: 900,
    currency: 'EUR',
    stock: 6,
  });
});
afterAll(async () => {
  await t?.close();
  data?.close();
});

async function order(product: Product, quantity: number, at: string): Promise<Order> {
  clock = new Date(at);
  const buyer = await t.quickCustomer();
  await t.addToCart(buyer.token, product.productId, quantity);
  const response = await t.request({
    method: 'POST',
    url: '/api/orders',
    token: buyer.token,
    payload: ORDER_BODY,
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json<Order>();
}

const summary = async (query = '') => {
  const response = await t.request({ url: `/api/admin/summary${query}`, token: adminToken });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<AdminSummary>();
};

describe('GET /api/admin/summary', () => {
  it('sums orders and revenue per currency for today and the last 7 days, minus cancellations', async () => {
    await order(teapot, 1, '2026-03-01T10:00:00.000Z'); // 9 days ago: outside the week
    await order(teapot, 2, '2026-03-04T10:00:00.000Z'); // 6 days ago: inside
    await order(teapot, 1, '2026-03-10T08:00:00.000Z');
    await order(euroMug, 1, '2026-03-10T09:00:00.000Z');
    const cancelled = await order(teapot, 3, '2026-03-10T10:00:00.000Z');
    clock = new Date('2026-03-10T12:00:00.000Z');
    const cancel = await t.request({
      method: 'PATCH',
      url: `/api/orders/${cancelled.orderId}`,
      token: adminToken,
      payload: { status: 'CANCELLED' },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);

    sent.length = 0;
    const result = await summary();
    expect(result.today).toEqual([
      { currency: 'EUR', orders: 1, revenue: 900 },
      { currency: 'USD', orders: 1, revenue: 2_000 },
    ]);
    expect(result.last7Days).toEqual([
      { currency: 'EUR', orders: 1, revenue: 900 },
      { currency: 'USD', orders: 2, revenue: 6_000 },
    ]);
    expect(sent).not.toContain('ScanCommand');
    expect(sent.length).toBeGreaterThan(0);
  });

  it('counts the orders waiting to ship and lists the 10 newest', async () => {
    const before = await summary();
    const placed = await order(teapot, 1, '2026-03-10T11:00:00.000Z');
    const paid = await order(teapot, 1, '2026-03-10T11:01:00.000Z');
    clock = new Date('2026-03-10T12:00:00.000Z');
    await t.request({
      method: 'PATCH',
      url: `/api/orders/${paid.orderId}`,
      token: adminToken,
      payload: { status: 'PAID' },
    });
    const after = await summary();
    expect(after.waitingToShip.PLACED).toBe(before.waitingToShip.PLACED + 1);
    expect(after.waitingToShip.PAID).toBe(before.waitingToShip.PAID + 1);
    expect(after.waitingToShip.total).toBe(after.waitingToShip.PLACED + after.waitingToShip.PAID);

    for (let n = 0; n < 9; n += 1) await order(teapot, 1, `2026-03-10T11:1${n}:00.000Z`);
    const newest = (await summary()).newestOrders;
    expect(newest).toHaveLength(10);
    expect(newest.map((o) => o.createdAt)).toEqual(
      [...newest.map((o) => o.createdAt)].sort().reverse(),
    );
    expect(newest.map((o) => o.orderId)).not.toContain(placed.orderId);
    expect(newest[0]?.shippingAddress).toEqual(ORDER_BODY.address);

    // Shipping takes an order off the waiting count.
    await t.request({
      method: 'PATCH',
      url: `/api/orders/${paid.orderId}`,
      token: adminToken,
      payload: { status: 'SHIPPED' },
    });
    expect((await summary()).waitingToShip.PAID).toBe(before.waitingToShip.PAID);
  });

  it('lists products at or below the threshold, lowest stock first, as orders and edits change it', async () => {
    // 6 euro mugs, 1 sold above: 5 left, at the default threshold of 5.
    expect((await summary()).lowStock).toEqual({
      threshold: 5,
      items: [expect.objectContaining({ productId: euroMug.productId, stock: 5 })],
    });
    const lamp = await t.createProduct(adminToken, { name: 'Lamp', price: 100, stock: 2 });
    expect((await summary()).lowStock.items.map((p) => p.name)).toEqual(['Lamp', 'Euro mug']);
    // Restocked products leave the list; a higher threshold brings the teapot in.
    await t.request({
      method: 'PATCH',
      url: `/api/products/${lamp.productId}`,
      token: adminToken,
      payload: { stock: 500 },
    });
    expect((await summary()).lowStock.items.map((p) => p.name)).toEqual(['Euro mug']);
    const teapotStock = (
      await t.request({ url: `/api/products/${teapot.productId}` })
    ).json<Product>().stock;
    expect((await summary(`?lowStock=${teapotStock}`)).lowStock.items.map((p) => p.name)).toEqual([
      'Euro mug',
      'Teapot',
    ]);
  });

  it('is for admins only and validates the threshold', async () => {
    const shopper = await t.quickCustomer();
    const forbidden = await t.request({ url: '/api/admin/summary', token: shopper.token });
    expect(forbidden.statusCode).toBe(403);
    expect((await t.request({ url: '/api/admin/summary' })).statusCode).toBe(401);
    const bad = await t.request({ url: '/api/admin/summary?lowStock=101', token: adminToken });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('VALIDATION_ERROR');
  });
});
