import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order, OrderNumber } from '@mini-ecommerce/domain';
import { FEED_SHARDS, feedPartitions, type DataLayer } from './index';
import { newOrderNumber } from './repositories/order-feeds';
import { createTestDataLayer, userOrdersPartitionSize } from './testing';

const forced: OrderNumber[] = [];
let drawn = 0;
let clock = Date.parse('2026-11-20T10:00:00.000Z');
let data: DataLayer;

beforeAll(async () => {
  data = await createTestDataLayer({
    // Numbers come from `forced` first (to make collisions), then at random.
    orderNumbers: () => {
      drawn += 1;
      return forced.shift() ?? newOrderNumber();
    },
    // Every call is a second later, so orders have distinct, known creation times.
    now: () => new Date((clock += 1000)),
  });
});
afterAll(() => data?.close());

async function placeOne(quantity = 1): Promise<Order> {
  const user = await data.users.create({
    email: `f${Math.random().toString(36).slice(2)}@example.com`,
    name: 'Feed Buyer',
    passwordHash: 'hash',
    role: 'customer',
  });
  const product = await data.products.create({
    name: 'Feed product',
    description: 'x',
    category: 'Feeds',
    price: 100,
    currency: 'USD',
    stock: 100,
  });
  await data.cart.setQuantity(user.userId, product.productId, quantity);
  return (
    await data.orders.place(user.userId, { customer: { name: user.name, email: user.email } })
  ).order;
}

async function readAll(status?: Order['status'], limit = 7): Promise<Order[]> {
  const seen: Order[] = [];
  let cursor: string | undefined;
  do {
    const page = await data.orders.listAll(limit, cursor, status);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

describe('order numbers', () => {
  it('draws another number when one is taken, inside the same placement (no extra item)', async () => {
    forced.push('7KQ2-M4XD');
    const first = await placeOne();
    expect(first.orderNumber).toBe('7KQ2-M4XD');
    forced.push('7KQ2-M4XD', 'ABCD-EFGH');
    const before = drawn;
    const second = await placeOne();
    expect(drawn - before).toBe(2);
    expect(second.orderNumber).toBe('ABCD-EFGH');
    expect(await data.orders.getByNumber('7KQ2-M4XD')).toEqual(first);
    expect(await data.orders.getByNumber('ABCD-EFGH')).toEqual(second);
    expect(await data.orders.get(second.orderId)).toEqual(second);
    // The refused attempt changed nothing: one order per buyer, stock taken once.
    expect((await data.orders.listForUser(second.userId, 10)).items).toHaveLength(1);
    const stock = await data.products.getMany(
      second.items.map((i) => i.productId),
      {
        consistent: true,
      },
    );
    expect([...stock.values()].map((p) => p.stock)).toEqual([99]);
  });
});

describe('sharded admin feeds', () => {
  it('spreads orders over the shards and lists them newest first, paged across shards, per status too', async () => {
    const placed: Order[] = [];
    for (let i = 0; i < 24; i += 1) placed.push(await placeOne());
    // Some orders move along: they leave the PLACED feed for PAID's and CANCELLED's.
    const paid = placed.filter((_, i) => i % 5 === 1);
    const cancelled = placed.filter((_, i) => i % 7 === 3 && i % 5 !== 1);
    for (const order of paid) await data.orders.updateStatus(order.orderId, 'PAID');
    for (const order of cancelled) await data.orders.updateStatus(order.orderId, 'CANCELLED');

    // No feed partition holds every order: each takes a fraction of the order rate.
    const perPartition = await Promise.all(
      feedPartitions().map((partition) => userOrdersPartitionSize(data, partition)),
    );
    expect(perPartition.reduce((a, b) => a + b, 0)).toBe(placed.length + 2);
    expect(Math.max(...perPartition)).toBeLessThan(placed.length);
    expect(perPartition.filter((n) => n > 0).length).toBeGreaterThan(FEED_SHARDS);

    const everything = await data.orders.listAll(100);
    expect(everything.items.length).toBe(placed.length + 2);
    const all = await readAll();
    const newestFirst = [...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    expect(all.map((o) => o.orderId)).toEqual(newestFirst.map((o) => o.orderId));
    expect(new Set(all.map((o) => o.orderId)).size).toBe(all.length);
    for (const order of placed) expect(all.map((o) => o.orderId)).toContain(order.orderId);

    const paidListed = await readAll('PAID', 2);
    expect(paidListed.map((o) => o.orderId)).toEqual([...paid].reverse().map((o) => o.orderId));
    expect(paidListed.every((o) => o.status === 'PAID')).toBe(true);
    expect(await data.orders.countWithStatus('PAID')).toBe(paid.length);
    expect(await data.orders.countWithStatus('CANCELLED')).toBe(cancelled.length);
    expect(await data.orders.countWithStatus('PLACED')).toBe(
      placed.length + 2 - paid.length - cancelled.length,
    );
    // A cursor of one listing is no position in another.
    const paidPage = await data.orders.listAll(1, undefined, 'PAID');
    await expect(
      data.orders.listAll(1, paidPage.nextCursor ?? undefined, 'PLACED'),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('keeps the dashboard working from the sharded feeds and sales counters', async () => {
    const summary = await data.summary.summary(5);
    expect(summary.newestOrders).toHaveLength(10);
    const newest = (await data.orders.listAll(10)).items;
    expect(summary.newestOrders.map((o) => o.orderId)).toEqual(newest.map((o) => o.orderId));
    expect(summary.waitingToShip.total).toBe(
      (await data.orders.countWithStatus('PLACED')) + (await data.orders.countWithStatus('PAID')),
    );
  });
});
