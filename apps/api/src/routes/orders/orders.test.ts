import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order, Product } from '@mini-ecommerce/domain';
import { ORDER_BODY, TEST_ADDRESS, buildTestApp, errorOf, type TestApp } from '../../test/test-app';

let t: TestApp;
let adminToken: string;
beforeAll(async () => {
  t = await buildTestApp();
  adminToken = (await t.admin()).token;
});
afterAll(() => t?.close());

const place = (token: string, key?: string, payload?: object) =>
  t.request({
    method: 'POST',
    url: '/api/orders',
    token,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
    payload: { ...ORDER_BODY, ...payload },
  });
const stockOf = async (productId: string) =>
  (await t.request({ url: `/api/products/${productId}` })).json<Product>().stock;
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('POST /api/orders', () => {
  it('places the cart as an Order priced from the catalog, takes the stock and empties the cart', async () => {
    const desk = await t.createProduct(adminToken, {
      name: 'Desk',
      category: 'Office',
      price: 25_000,
      stock: 4,
    });
    const pen = await t.createProduct(adminToken, {
      name: 'Pen',
      category: 'Office',
      price: 150,
      stock: 100,
    });
    const { user, token } = await t.quickCustomer();
    await t.addToCart(token, desk.productId, 2);
    await t.addToCart(token, pen.productId, 10);
    const response = await place(token);
    expect(response.statusCode, response.body).toBe(201);
    const order = response.json<Order>();
    expect(Object.keys(order).sort()).toEqual([
      'createdAt',
      'currency',
      'customer',
      'items',
      'orderId',
      'orderNumber',
      'shippingAddress',
      'status',
      'total',
      'userId',
    ]);
    expect(order).toMatchObject({
      userId: user.userId,
      customer: { name: user.name, email: user.email },
      status: 'PLACED',
      currency: 'USD',
      total: 2 * 25_000 + 10 * 150,
      shippingAddress: TEST_ADDRESS,
    });
    expect(order.items).toEqual(
      expect.arrayContaining([
        {
          productId: desk.productId,
          name: 'Desk',
          unitPrice: 25_000,
          quantity: 2,
          lineTotal: 50_000,
        },
        { productId: pen.productId, name: 'Pen', unitPrice: 150, quantity: 10, lineTotal: 1500 },
      ]),
    );
    expect(await stockOf(desk.productId)).toBe(2);
    expect(await stockOf(pen.productId)).toBe(90);
    expect((await t.request({ url: '/api/cart', token })).json().items).toEqual([]);
    expect((await t.request({ url: `/api/orders/${order.orderId}`, token })).json()).toEqual(order);
  });

  it('places the cart the shopper sees when a product in it was deleted meanwhile', async () => {
    const kept = await t.createProduct(adminToken, {
      name: 'Kept',
      category: 'Office',
      price: 400,
      stock: 5,
    });
    const gone = await t.createProduct(adminToken, {
      name: 'Gone',
      category: 'Office',
      price: 900,
      stock: 5,
    });
    const { token } = await t.quickCustomer();
    await t.addToCart(token, kept.productId, 2);
    await t.addToCart(token, gone.productId, 1);
    await t.request({
      method: 'DELETE',
      url: `/api/products/${gone.productId}`,
      token: adminToken,
    });
    const response = await place(token);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<Order>()).toMatchObject({
      total: 800,
      items: [{ productId: kept.productId, quantity: 2 }],
    });
    expect(await stockOf(kept.productId)).toBe(3);
    expect((await t.request({ url: '/api/cart', token })).json().items).toEqual([]);
    // A cart holding only deleted products is empty.
    const onlyGone = await t.createProduct(adminToken, {
      name: 'Gone too',
      category: 'Office',
      price: 100,
      stock: 1,
    });
    await t.addToCart(token, onlyGone.productId, 1);
    await t.request({
      method: 'DELETE',
      url: `/api/products/${onlyGone.productId}`,
      token: adminToken,
    });
    const empty = await place(token);
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).code).toBe('VALIDATION_ERROR');
  });

  it('ignores a price, total or items sent by the client: the total comes from the catalog', async () => {
    const chair = await t.createProduct(adminToken, {
      name: 'Chair',
      category: 'Office',
      price: 8_000,
      stock: 5,
    });
    const { token } = await t.quickCustomer();
    await t.addToCart(token, chair.productId, 1);
    // The admin raises the price after the line went into the cart: the order charges today's price.
    await t.request({
      method: 'PATCH',
      url: `/api/products/${chair.productId}`,
      token: adminToken,
      payload: { price: 9_000 },
    });
    const response = await place(token, undefined, {
      total: 1,
      items: [{ productId: chair.productId, quantity: 1, unitPrice: 1 }],
      price: 1,
    });
    expect(response.statusCode, response.body).toBe(201);
    const order = response.json<Order>();
    expect(order.total).toBe(9_000);
    expect(order.items).toEqual([
      {
        productId: chair.productId,
        name: 'Chair',
        unitPrice: 9_000,
        quantity: 1,
        lineTotal: 9_000,
      },
    ]);
  });

  it('answers 400 VALIDATION_ERROR for an empty cart', async () => {
    const { token } = await t.quickCustomer();
    const response = await place(token);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'The cart is empty',
    });
    expect((await t.request({ url: '/api/orders', token })).json().items).toEqual([]);
  });

  it('answers 401 without a token', async () => {
    const response = await t.request({ method: 'POST', url: '/api/orders' });
    expect(response.statusCode).toBe(401);
  });

  it('answers 409 INSUFFICIENT_STOCK naming the short products, and changes nothing', async () => {
    const lamp = await t.createProduct(adminToken, {
      name: 'Lamp',
      category: 'Light',
      price: 3_000,
      stock: 3,
    });
    const bulb = await t.createProduct(adminToken, {
      name: 'Bulb',
      category: 'Light',
      price: 300,
      stock: 50,
    });
    const { token } = await t.quickCustomer();
    await t.addToCart(token, lamp.productId, 3);
    await t.addToCart(token, bulb.productId, 5);
    // Someone else buys two lamps first.
    const other = await t.quickCustomer();
    await t.addToCart(other.token, lamp.productId, 2);
    expect((await place(other.token)).statusCode).toBe(201);

    const response = await place(token);
    expect(response.statusCode).toBe(409);
    const error = errorOf(response);
    expect(error.code).toBe('INSUFFICIENT_STOCK');
    expect(error.message).toContain('Lamp');
    expect(error.message).not.toContain('Bulb');
    expect(error.details).toEqual({
      products: [{ productId: lamp.productId, name: 'Lamp', requested: 3, available: 1 }],
    });
    // A failed order changes nothing: stock, cart and history are as before.
    expect(await stockOf(lamp.productId)).toBe(1);
    expect(await stockOf(bulb.productId)).toBe(50);
    expect((await t.request({ url: '/api/cart', token })).json().items).toHaveLength(2);
    expect((await t.request({ url: '/api/orders', token })).json().items).toEqual([]);
  });

  it('answers 400 for a malformed Idempotency-Key', async () => {
    const { token } = await t.quickCustomer();
    for (const key of ['short', 'has spaces in it', 'x'.repeat(129)]) {
      const response = await place(token, key);
      expect(response.statusCode, key).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    }
  });

  it('makes exactly one order for ten concurrent requests with one Idempotency-Key', async () => {
    const mug = await t.createProduct(adminToken, {
      name: 'Mug',
      category: 'Kitchen',
      price: 1_200,
      stock: 20,
    });
    const { token } = await t.quickCustomer();
    await t.addToCart(token, mug.productId, 2);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => place(token, 'checkout-attempt-0001')),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(
      statuses.every((s) => s === 201),
      JSON.stringify(responses.map((r) => r.body)),
    ).toBe(true);
    const ids = new Set(responses.map((r) => r.json().orderId));
    expect(ids.size).toBe(1);
    expect(await stockOf(mug.productId)).toBe(18);
    expect((await t.request({ url: '/api/orders', token })).json().items).toHaveLength(1);
    // The same key later returns the same order, never a second one, even with a new cart.
    await t.addToCart(token, mug.productId, 1);
    const later = await place(token, 'checkout-attempt-0001');
    expect(later.statusCode).toBe(201);
    expect(later.json().orderId).toBe([...ids][0]);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(await stockOf(mug.productId)).toBe(18);
    // A new key places a new order.
    const fresh = await place(token, 'checkout-attempt-0002');
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json().orderId).not.toBe([...ids][0]);
    expect(await stockOf(mug.productId)).toBe(17);
  });

  it('keeps keys per user: the same key from two customers makes two orders', async () => {
    const cup = await t.createProduct(adminToken, {
      name: 'Cup',
      category: 'Kitchen',
      price: 500,
      stock: 10,
    });
    const a = await t.quickCustomer();
    const b = await t.quickCustomer();
    await t.addToCart(a.token, cup.productId, 1);
    await t.addToCart(b.token, cup.productId, 1);
    const first = await place(a.token, 'shared-key-123');
    const second = await place(b.token, 'shared-key-123');
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().orderId).not.toBe(first.json().orderId);
    expect(second.json().userId).toBe(b.user.userId);
  });

  it('never oversells: 30 buyers race for 10 units, exactly 10 orders and 20 INSUFFICIENT_STOCK, stock 0', async () => {
    const console = await t.createProduct(adminToken, {
      name: 'Console',
      category: 'Games',
      price: 49_900,
      stock: 10,
    });
    const buyers = await Promise.all(Array.from({ length: 30 }, () => t.quickCustomer()));
    for (const buyer of buyers) await t.addToCart(buyer.token, console.productId, 1);
    const responses = await Promise.all(buyers.map((buyer) => place(buyer.token)));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(20);
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(errorOf(response).code).toBe('INSUFFICIENT_STOCK');
      expect(errorOf(response).message).toContain('Console');
    }
    expect(await stockOf(console.productId)).toBe(0);
    const admin = await t.request({ url: '/api/admin/orders?limit=100', token: adminToken });
    const sold = admin
      .json()
      .items.filter((o: Order) => o.items.some((item) => item.productId === console.productId))
      .reduce((sum: number, o: Order) => sum + (o.items[0]?.quantity ?? 0), 0);
    expect(sold).toBe(10);
  });
});

describe('GET /api/orders and GET /api/orders/:orderId', () => {
  let alice: Awaited<ReturnType<TestApp['quickCustomer']>>;
  let bob: Awaited<ReturnType<TestApp['quickCustomer']>>;
  const aliceOrders: Order[] = [];
  beforeAll(async () => {
    const tea = await t.createProduct(adminToken, {
      name: 'Tea',
      category: 'Pantry',
      price: 400,
      stock: 100,
    });
    alice = await t.quickCustomer('Alice');
    bob = await t.quickCustomer('Bob');
    for (let i = 1; i <= 5; i += 1) {
      await t.addToCart(alice.token, tea.productId, i);
      aliceOrders.push((await place(alice.token)).json());
      // Distinct createdAt timestamps, so "newest first" is well defined.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await t.addToCart(bob.token, tea.productId, 1);
    await place(bob.token);
  });

  it("lists the caller's orders newest first, paged with the cursor", async () => {
    const first = await t.request({ url: '/api/orders?limit=2', token: alice.token });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(2);
    const all: Order[] = [...page1.items];
    let cursor = page1.nextCursor;
    while (cursor) {
      const page = (
        await t.request({
          url: `/api/orders?limit=2&cursor=${encodeURIComponent(cursor)}`,
          token: alice.token,
        })
      ).json();
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(all.map((o) => o.orderId)).toEqual([...aliceOrders].reverse().map((o) => o.orderId));
    expect(all.every((o) => o.userId === alice.user.userId)).toBe(true);
    const everything = (await t.request({ url: '/api/orders', token: alice.token })).json();
    expect(everything.items).toHaveLength(5);
    expect(everything.items[0]).toEqual(aliceOrders[4]);
  });

  it("answers 404 for another user's order, the same as for an order that does not exist", async () => {
    const order = aliceOrders[0] as Order;
    const own = await t.request({ url: `/api/orders/${order.orderId}`, token: alice.token });
    expect(own.statusCode).toBe(200);
    const stolen = await t.request({ url: `/api/orders/${order.orderId}`, token: bob.token });
    expect(stolen.statusCode).toBe(404);
    const missing = await t.request({ url: '/api/orders/no-such-order', token: bob.token });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(stolen)).toEqual(errorOf(missing));
    expect(stolen.body).not.toContain(alice.user.userId);
  });

  it("lets an admin read another user's order only while the users table says admin", async () => {
    const order = aliceOrders[0] as Order;
    const admin = await t.admin();
    const asAdmin = await t.request({ url: `/api/orders/${order.orderId}`, token: admin.token });
    expect(asAdmin.statusCode).toBe(200);
    // Demoted: the token still says admin until it expires, the users table does not.
    await t.data.clients.documentClient.send(
      new UpdateCommand({
        TableName: t.data.names.users,
        Key: { userId: admin.user.userId },
        UpdateExpression: 'SET #role = :customer',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':customer': 'customer' },
      }),
    );
    const demoted = await t.request({ url: `/api/orders/${order.orderId}`, token: admin.token });
    expect(demoted.statusCode).toBe(404);
  });

  it("does not let a cursor from another user's listing read their orders", async () => {
    const alicePage = (await t.request({ url: '/api/orders?limit=1', token: alice.token })).json();
    expect(alicePage.nextCursor).toEqual(expect.any(String));
    const response = await t.request({
      url: `/api/orders?cursor=${encodeURIComponent(alicePage.nextCursor)}`,
      token: bob.token,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain(alice.user.userId);
  });

  it.each([
    ['garbage', 'not a cursor at all'],
    ['a JSON string', cursorOf('x')],
    ['a key missing createdAt', cursorOf({ orderId: 'o', userId: 'u' })],
    ['a key with an empty order id', 'EMPTY'],
  ])('answers 400 for a malformed cursor: %s', async (_label, raw) => {
    const cursor =
      raw === 'EMPTY' ? cursorOf({ orderId: '', userId: bob.user.userId, createdAt: 'z' }) : raw;
    const response = await t.request({
      url: `/api/orders?cursor=${encodeURIComponent(cursor)}`,
      token: bob.token,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
  });

  it("treats a hand-made cursor in the caller's own listing as a position, never a 5xx", async () => {
    const cursor = cursorOf({ orderId: 'o', userId: bob.user.userId, createdAt: 'x'.repeat(1200) });
    const response = await t.request({
      url: `/api/orders?cursor=${encodeURIComponent(cursor)}`,
      token: bob.token,
    });
    expect(response.statusCode).toBeLessThan(500);
    if (response.statusCode === 200) {
      expect(response.json().items.every((o: Order) => o.userId === bob.user.userId)).toBe(true);
    }
  });

  it.each(['0', '101', 'x'])('answers 400 for limit=%s', async (limit) => {
    expect(
      (await t.request({ url: `/api/orders?limit=${limit}`, token: bob.token })).statusCode,
    ).toBe(400);
  });

  it('answers 401 without a token', async () => {
    expect((await t.request({ url: '/api/orders' })).statusCode).toBe(401);
    expect((await t.request({ url: `/api/orders/${aliceOrders[0]?.orderId}` })).statusCode).toBe(
      401,
    );
  });
});
