import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DomainError, type Product } from '@mini-ecommerce/domain';
import { INDEX_NAMES, TABLES, TABLE_KEYS } from '@mini-ecommerce/stack-model';
import type { DataLayer } from './index';
import { createTestDataLayer } from './testing';

let data: DataLayer;

beforeAll(async () => {
  data = await createTestDataLayer();
});
afterAll(() => data?.close());

const newProduct = (overrides: Partial<Product> = {}) =>
  data.products.create({
    name: 'Desk lamp',
    description: 'A lamp',
    category: 'Home',
    price: 1999,
    currency: 'USD',
    stock: 10,
    ...overrides,
  });

async function newCustomer(email = `c${Math.random().toString(36).slice(2)}@example.com`) {
  return data.users.create({ email, name: 'Customer', passwordHash: 'hash', role: 'customer' });
}

describe('tables', () => {
  it('are created in DynamoDB Local exactly as the stack model and the toolbox tables say', async () => {
    for (const key of TABLE_KEYS) {
      const { Table } = await data.clients.client.send(
        new DescribeTableCommand({ TableName: data.names[key] }),
      );
      const model = TABLES[key];
      expect(Table?.KeySchema).toEqual([
        { AttributeName: model.partitionKey.name, KeyType: 'HASH' },
        ...(model.sortKey ? [{ AttributeName: model.sortKey.name, KeyType: 'RANGE' }] : []),
      ]);
      expect((Table?.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i.KeySchema])).toEqual(
        model.globalSecondaryIndexes.map((i) => [
          i.indexName,
          [
            { AttributeName: i.partitionKey.name, KeyType: 'HASH' },
            ...(i.sortKey ? [{ AttributeName: i.sortKey.name, KeyType: 'RANGE' }] : []),
          ],
        ]),
      );
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    }
  });

  it('toolbox tables use the same names, keys and indexes', async () => {
    const { createToolboxTables } = await import('./tables');
    const tables = createToolboxTables(data.clients.documentClient, data.names);
    for (const key of TABLE_KEYS) {
      expect(tables[key].getName()).toBe(data.names[key]);
      expect(tables[key].partitionKey.name).toBe(TABLES[key].partitionKey.name);
      expect(tables[key].sortKey?.name).toBe(TABLES[key].sortKey?.name);
      expect(Object.keys(tables[key].indexes)).toEqual(
        TABLES[key].globalSecondaryIndexes.map((i) => i.indexName),
      );
    }
    expect(Object.values(INDEX_NAMES)).toEqual(['CategoryIndex', 'EmailIndex', 'UserOrdersIndex']);
  });
});

describe('products', () => {
  it('creates, reads, updates and deletes, keeping category counts', async () => {
    const lamp = await newProduct({ category: 'Lighting' });
    expect(await data.products.get(lamp.productId)).toEqual(lamp);
    const moved = await data.products.update(lamp.productId, { category: 'Garden', price: 2500 });
    expect(moved).toMatchObject({ category: 'Garden', price: 2500, name: 'Desk lamp' });
    let counts = await data.products.categories();
    expect(counts.find((c) => c.category === 'Garden')?.count).toBe(1);
    expect(counts.find((c) => c.category === 'Lighting')).toBeUndefined();
    await data.products.delete(lamp.productId);
    expect(await data.products.get(lamp.productId)).toBeUndefined();
    counts = await data.products.categories();
    expect(counts.find((c) => c.category === 'Garden')).toBeUndefined();
    await expect(data.products.delete(lamp.productId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages a category and the whole catalog with opaque cursors', async () => {
    const created = await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => newProduct({ category: 'PageA', name: `A${i}` })),
      ...Array.from({ length: 4 }, (_, i) => newProduct({ category: 'PageB', name: `B${i}` })),
    ]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await data.products.listByCategory('PageA', 2, cursor);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((p) => p.productId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(
      created
        .filter((p) => p.category === 'PageA')
        .map((p) => p.productId)
        .sort(),
    );

    const all: string[] = [];
    cursor = undefined;
    do {
      const page = await data.products.listAll(3, cursor);
      all.push(...page.items.map((p) => p.productId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    for (const product of created) expect(all).toContain(product.productId);
    expect(new Set(all).size).toBe(all.length);
  });

  it('refuses a malformed cursor with a validation error', async () => {
    await expect(data.products.listByCategory('PageA', 2, 'not-a-cursor')).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
    await expect(
      data.products.listAll(2, Buffer.from('{"x":1}').toString('base64url')),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it('reads many products in one batch', async () => {
    const a = await newProduct();
    const b = await newProduct();
    const found = await data.products.getMany([a.productId, b.productId, 'missing']);
    expect([...found.keys()].sort()).toEqual([a.productId, b.productId].sort());
  });

  it('keeps stock taken by an order placed while an admin edits the price', async () => {
    const lamp = await newProduct({ stock: 10 });
    const buyer = await newCustomer();
    await data.cart.setQuantity(buyer.userId, lamp.productId, 3);
    // The order lands between the update's read and its write.
    const get = data.products.get.bind(data.products);
    const spy = vi.spyOn(data.products, 'get').mockImplementationOnce(async (...args) => {
      const read = await get(...args);
      spy.mockRestore();
      await data.orders.place(buyer.userId);
      return read;
    });
    const updated = await data.products.update(lamp.productId, { price: 2500 });
    expect(updated).toMatchObject({ price: 2500, stock: 7 });
    expect(await data.products.get(lamp.productId, { consistent: true })).toMatchObject({
      price: 2500,
      stock: 7,
    });
  });
});

describe('users', () => {
  it('finds users by lower-cased email and keeps emails unique under a race', async () => {
    const email = `race${Date.now()}@example.com`;
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        data.users.create({ email, name: 'R', passwordHash: 'h', role: 'customer' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    const found = await data.users.getByEmail(email.toUpperCase());
    expect(found?.email).toBe(email);
  });

  it('lets at most `limit` concurrent sign-in attempts through per email and client, and clears them', async () => {
    const email = `fail${Date.now()}@example.com`;
    const options = { limit: 3, windowMs: 60_000 };
    const taken = await Promise.all(
      Array.from({ length: 12 }, () => data.users.takeLoginAttempt(email, '203.0.113.9', options)),
    );
    expect(taken.filter((t) => t.allowed)).toHaveLength(3);
    // Another client has its own budget; the email's total counts both.
    const other = await data.users.takeLoginAttempt(email, '198.51.100.7', options);
    expect(other).toMatchObject({ allowed: true, emailAttempts: 4 });
    await data.users.clearLoginAttempts(email, '203.0.113.9', options.windowMs);
    expect((await data.users.takeLoginAttempt(email, '203.0.113.9', options)).allowed).toBe(true);
  });
});

describe('cart and orders', () => {
  it('sets, removes and clears cart lines', async () => {
    const user = await newCustomer();
    const a = await newProduct();
    const b = await newProduct();
    await data.cart.setQuantity(user.userId, a.productId, 2);
    await data.cart.setQuantity(user.userId, b.productId, 1);
    await data.cart.setQuantity(user.userId, a.productId, 3);
    expect(await data.cart.lines(user.userId)).toEqual(
      expect.arrayContaining([
        { productId: a.productId, quantity: 3 },
        { productId: b.productId, quantity: 1 },
      ]),
    );
    await data.cart.remove(user.userId, b.productId);
    expect(await data.cart.lines(user.userId)).toEqual([{ productId: a.productId, quantity: 3 }]);
    await data.cart.clear(user.userId);
    expect(await data.cart.lines(user.userId)).toEqual([]);
  });

  it('places an order in one transaction priced from the catalog', async () => {
    const user = await newCustomer();
    const a = await newProduct({ price: 1000, stock: 5 });
    const b = await newProduct({ price: 250, stock: 5 });
    await data.cart.setQuantity(user.userId, a.productId, 2);
    await data.cart.setQuantity(user.userId, b.productId, 3);
    const { order, replayed } = await data.orders.place(user.userId);
    expect(replayed).toBe(false);
    expect(order.total).toBe(2 * 1000 + 3 * 250);
    expect(order.status).toBe('PLACED');
    expect((await data.products.get(a.productId, { consistent: true }))?.stock).toBe(3);
    expect((await data.products.get(b.productId, { consistent: true }))?.stock).toBe(2);
    expect(await data.cart.lines(user.userId)).toEqual([]);
    expect(await data.orders.get(order.orderId)).toEqual(order);
    await expect(data.orders.place(user.userId)).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });

  it('names the products without enough stock and changes nothing', async () => {
    const user = await newCustomer();
    const plenty = await newProduct({ stock: 5 });
    const scarce = await newProduct({ name: 'Scarce', stock: 1 });
    await data.cart.setQuantity(user.userId, plenty.productId, 1);
    await data.cart.setQuantity(user.userId, scarce.productId, 2);
    await expect(data.orders.place(user.userId)).rejects.toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      details: { products: [{ productId: scarce.productId, requested: 2, available: 1 }] },
    });
    expect((await data.products.get(plenty.productId, { consistent: true }))?.stock).toBe(5);
    expect(await data.cart.lines(user.userId)).toHaveLength(2);
  });

  it('never oversells: 30 concurrent buyers for 10 units make exactly 10 orders', async () => {
    const product = await newProduct({ stock: 10 });
    const buyers = await Promise.all(Array.from({ length: 30 }, () => newCustomer()));
    await Promise.all(
      buyers.map((buyer) => data.cart.setQuantity(buyer.userId, product.productId, 1)),
    );
    const results = await Promise.allSettled(
      buyers.map((buyer) => data.orders.place(buyer.userId)),
    );
    const placed = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(placed).toHaveLength(10);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    expect((await data.products.get(product.productId, { consistent: true }))?.stock).toBe(0);
  });

  it('makes one order for concurrent retries with one idempotency key', async () => {
    const user = await newCustomer();
    const product = await newProduct({ stock: 50 });
    await data.cart.setQuantity(user.userId, product.productId, 2);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        data.orders.place(user.userId, { idempotencyKey: 'checkout-attempt-1' }),
      ),
    );
    expect(new Set(results.map((r) => r.order.orderId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await data.products.get(product.productId, { consistent: true }))?.stock).toBe(48);
    expect((await data.orders.listForUser(user.userId, 10)).items).toHaveLength(1);
  });

  it('lists orders newest first for the user and for admins, and cancels with restock', async () => {
    const user = await newCustomer();
    const product = await newProduct({ stock: 10 });
    const placed = [];
    for (let i = 0; i < 3; i += 1) {
      await data.cart.setQuantity(user.userId, product.productId, 1);
      placed.push((await data.orders.place(user.userId)).order);
      await new Promise((r) => setTimeout(r, 5));
    }
    const first = await data.orders.listForUser(user.userId, 2);
    expect(first.items.map((o) => o.orderId)).toEqual([placed[2]?.orderId, placed[1]?.orderId]);
    const second = await data.orders.listForUser(user.userId, 2, first.nextCursor ?? undefined);
    expect(second.items.map((o) => o.orderId)).toEqual([placed[0]?.orderId]);

    const [target] = placed;
    if (!target) throw new Error('the first order was not placed');
    await expect(data.orders.updateStatus(target.orderId, 'DELIVERED')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await data.orders.updateStatus(target.orderId, 'PAID');
    const cancelled = await data.orders.updateStatus(target.orderId, 'CANCELLED');
    expect(cancelled.status).toBe('CANCELLED');
    expect((await data.products.get(product.productId, { consistent: true }))?.stock).toBe(8);

    const adminCancelled = await data.orders.listAll(50, undefined, 'CANCELLED');
    expect(adminCancelled.items.map((o) => o.orderId)).toContain(target.orderId);
    expect(adminCancelled.items.find((o) => o.orderId === target.orderId)?.userId).toBe(
      user.userId,
    );
    const adminPlaced = await data.orders.listAll(50, undefined, 'PLACED');
    expect(adminPlaced.items.map((o) => o.orderId)).not.toContain(target.orderId);
    const all = await data.orders.listAll(100);
    expect(all.items.find((o) => o.orderId === target.orderId)?.status).toBe('CANCELLED');
  });
});
