import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order, Product } from '@mini-ecommerce/domain';
import { ORDER_BODY, buildTestApp, errorOf, signToken, type TestApp } from '../../test/test-app';

let t: TestApp;
let adminToken: string;
let customer: Awaited<ReturnType<TestApp['quickCustomer']>>;
let stool: Product;
beforeAll(async () => {
  t = await buildTestApp();
  adminToken = (await t.admin()).token;
  customer = await t.quickCustomer();
  stool = await t.createProduct(adminToken, {
    name: 'Stool',
    category: 'Seating',
    price: 2_500,
    stock: 100,
  });
});
afterAll(() => t?.close());

async function placeOrder(token: string, quantity = 1, product: Product = stool): Promise<Order> {
  await t.addToCart(token, product.productId, quantity);
  const response = await t.request({
    method: 'POST',
    url: '/api/orders',
    token,
    payload: ORDER_BODY,
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json<Order>();
}
const setStatus = (orderId: string, status: unknown, token = adminToken) =>
  t.request({ method: 'PATCH', url: `/api/orders/${orderId}`, token, payload: { status } });
const stockOf = async (productId: string) =>
  (await t.request({ url: `/api/products/${productId}` })).json<Product>().stock;

describe('GET /api/admin/orders', () => {
  it("lists every customer's orders newest first, paged, and filters by status", async () => {
    const app = await buildTestApp();
    try {
      const admin = (await app.admin()).token;
      const product = await app.createProduct(admin, { stock: 100 });
      const buyers = [await app.quickCustomer(), await app.quickCustomer()];
      const placed: Order[] = [];
      for (let i = 0; i < 4; i += 1) {
        const buyer = buyers[i % 2] as (typeof buyers)[number];
        await app.addToCart(buyer.token, product.productId, 1);
        placed.push(
          (
            await app.request({
              method: 'POST',
              url: '/api/orders',
              token: buyer.token,
              payload: ORDER_BODY,
            })
          ).json(),
        );
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const paid = placed[1] as Order;
      expect(
        (
          await app.request({
            method: 'PATCH',
            url: `/api/orders/${paid.orderId}`,
            token: admin,
            payload: { status: 'PAID' },
          })
        ).statusCode,
      ).toBe(200);

      const seen: Order[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `limit=3&cursor=${encodeURIComponent(cursor)}` : 'limit=3';
        const response = await app.request({ url: `/api/admin/orders?${query}`, token: admin });
        expect(response.statusCode, response.body).toBe(200);
        seen.push(...response.json().items);
        cursor = response.json().nextCursor;
      } while (cursor);
      expect(seen.map((o) => o.orderId)).toEqual([...placed].reverse().map((o) => o.orderId));
      expect(seen.find((o) => o.orderId === paid.orderId)?.status).toBe('PAID');
      expect(new Set(seen.map((o) => o.userId))).toEqual(new Set(buyers.map((b) => b.user.userId)));

      const paidOnly = (
        await app.request({ url: '/api/admin/orders?status=PAID', token: admin })
      ).json();
      expect(paidOnly.items.map((o: Order) => o.orderId)).toEqual([paid.orderId]);
      const placedOnly = (
        await app.request({ url: '/api/admin/orders?status=PLACED', token: admin })
      ).json();
      expect(placedOnly.items).toHaveLength(3);
      expect(placedOnly.items.every((o: Order) => o.status === 'PLACED')).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('answers 401 without a token and 403 FORBIDDEN for a customer', async () => {
    expect((await t.request({ url: '/api/admin/orders' })).statusCode).toBe(401);
    const response = await t.request({ url: '/api/admin/orders', token: customer.token });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).code).toBe('FORBIDDEN');
  });

  it('checks the role in the users table, not only the token: a forged admin claim on a customer account is 403', async () => {
    const token = signToken({ sub: customer.user.userId, role: 'admin' });
    expect((await t.request({ url: '/api/admin/orders', token })).statusCode).toBe(403);
  });

  it.each(['status=SHIPPING', 'status=placed', 'limit=0', 'limit=101', 'cursor=%25%25'])(
    'answers 400 for %s',
    async (query) => {
      const response = await t.request({ url: `/api/admin/orders?${query}`, token: adminToken });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    },
  );
});

describe('PATCH /api/orders/:orderId (admin)', () => {
  it('moves an order along PLACED, PAID, SHIPPED, DELIVERED', async () => {
    const order = await placeOrder(customer.token);
    for (const status of ['PAID', 'SHIPPED', 'DELIVERED']) {
      const response = await setStatus(order.orderId, status);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ ...order, status });
    }
    const seenByOwner = await t.request({
      url: `/api/orders/${order.orderId}`,
      token: customer.token,
    });
    expect(seenByOwner.json().status).toBe('DELIVERED');
  });

  it.each([
    [[], 'SHIPPED'],
    [[], 'DELIVERED'],
    [[], 'PLACED'],
    [['PAID'], 'PLACED'],
    [['PAID', 'SHIPPED'], 'CANCELLED'],
    [['PAID', 'SHIPPED', 'DELIVERED'], 'CANCELLED'],
    [['CANCELLED'], 'PAID'],
    [['CANCELLED'], 'CANCELLED'],
  ])(
    'after %j refuses a move to %s with 409 CONFLICT and leaves the order as it was',
    async (path, to) => {
      const order = await placeOrder(customer.token);
      for (const step of path) expect((await setStatus(order.orderId, step)).statusCode).toBe(200);
      const stockBefore = await stockOf(stool.productId);
      const response = await setStatus(order.orderId, to);
      expect(response.statusCode).toBe(409);
      expect(errorOf(response).code).toBe('CONFLICT');
      const current = (
        await t.request({ url: `/api/orders/${order.orderId}`, token: customer.token })
      ).json();
      expect(current.status).toBe(path.at(-1) ?? 'PLACED');
      expect(await stockOf(stool.productId)).toBe(stockBefore);
    },
  );

  it('cancelling puts the stock back, once, and shows in the status feeds', async () => {
    const product = await t.createProduct(adminToken, {
      name: 'Bench',
      category: 'Seating',
      price: 9_000,
      stock: 5,
    });
    const order = await placeOrder(customer.token, 3, product);
    expect(await stockOf(product.productId)).toBe(2);
    const response = await setStatus(order.orderId, 'CANCELLED');
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('CANCELLED');
    expect(await stockOf(product.productId)).toBe(5);
    // A second cancel is an illegal move and restocks nothing.
    expect((await setStatus(order.orderId, 'CANCELLED')).statusCode).toBe(409);
    expect(await stockOf(product.productId)).toBe(5);
    const cancelled = (
      await t.request({ url: '/api/admin/orders?status=CANCELLED', token: adminToken })
    ).json();
    expect(cancelled.items.map((o: Order) => o.orderId)).toContain(order.orderId);
    const placed = (
      await t.request({ url: '/api/admin/orders?status=PLACED&limit=100', token: adminToken })
    ).json();
    expect(placed.items.map((o: Order) => o.orderId)).not.toContain(order.orderId);
  });

  it('restocks exactly once when two admins cancel the same order at the same time', async () => {
    const product = await t.createProduct(adminToken, {
      name: 'Sofa',
      category: 'Seating',
      price: 90_000,
      stock: 4,
    });
    const order = await placeOrder(customer.token, 4, product);
    const responses = await Promise.all([
      setStatus(order.orderId, 'CANCELLED'),
      setStatus(order.orderId, 'CANCELLED'),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await stockOf(product.productId)).toBe(4);
  });

  it('cancels an order whose product has since been deleted', async () => {
    const product = await t.createProduct(adminToken, {
      name: 'Ottoman',
      category: 'Seating',
      price: 4_000,
      stock: 2,
    });
    const order = await placeOrder(customer.token, 1, product);
    await t.request({
      method: 'DELETE',
      url: `/api/products/${product.productId}`,
      token: adminToken,
    });
    const response = await setStatus(order.orderId, 'CANCELLED');
    expect(response.statusCode, response.body).toBe(200);
    expect((await t.request({ url: `/api/products/${product.productId}` })).statusCode).toBe(404);
  });

  it('answers 403 for a customer (even on their own order), 401 anonymously, and changes nothing', async () => {
    const order = await placeOrder(customer.token);
    const own = await setStatus(order.orderId, 'CANCELLED', customer.token);
    expect(own.statusCode).toBe(403);
    const anonymous = await t.request({
      method: 'PATCH',
      url: `/api/orders/${order.orderId}`,
      payload: { status: 'PAID' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(
      (await t.request({ url: `/api/orders/${order.orderId}`, token: customer.token })).json()
        .status,
    ).toBe('PLACED');
  });

  it('answers 404 for an unknown order and 400 for an unknown status or extra fields', async () => {
    const missing = await setStatus('no-such-order', 'PAID');
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
    const order = await placeOrder(customer.token);
    for (const payload of [{ status: 'LOST' }, { status: 'PAID', total: 0 }, {}]) {
      const response = await t.request({
        method: 'PATCH',
        url: `/api/orders/${order.orderId}`,
        token: adminToken,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const current = (
      await t.request({ url: `/api/orders/${order.orderId}`, token: customer.token })
    ).json();
    expect(current).toEqual(order);
  });
});
