import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataLayer } from '@mini-ecommerce/data';
import { createTestDataLayer } from '@mini-ecommerce/data/testing';
import type { Product } from '@mini-ecommerce/domain';
import { rawCheckoutCeiling } from './ceilings';

let data: DataLayer;
let products: Product[];
beforeAll(async () => {
  data = await createTestDataLayer();
  products = [];
  for (let i = 0; i < 12; i += 1) {
    products.push(
      await data.products.create({
        name: `Ceiling ${i}`,
        description: 'x',
        category: 'Ceiling',
        price: 100 + i,
        currency: 'USD',
        stock: 1000,
      }),
    );
  }
});
afterAll(() => data?.close());

async function orderItems(): Promise<Record<string, unknown>[]> {
  const { Items } = await data.clients.documentClient.send(
    new ScanCommand({ TableName: data.names.orders, ConsistentRead: true }),
  );
  return Items ?? [];
}

describe('the raw checkout ceiling', () => {
  it('sends exactly the transaction a checkout sends, and each one places a whole order', async () => {
    const user = await data.users.create({
      email: `ceiling-${Date.now()}@example.com`,
      name: 'Ceiling',
      passwordHash: 'x',
      role: 'customer',
    });
    for (const product of products.slice(0, 3))
      await data.cart.setQuantity(user.userId, product.productId, 1);
    const lines = await data.cart.lines(user.userId);
    const catalog = new Map(products.map((p) => [p.productId, p]));
    const draft = data.orders.draft({
      orderId: 'o-shape',
      orderNumber: '7KQ2-M4XD',
      userId: user.userId,
      lines,
      products: catalog,
    });
    const shape = data.orders.placement(draft, lines).items.map((item) => Object.keys(item)[0]);
    // 3 stock updates, the order, its feed copy, 3 cart deletes, the sales counter.
    expect(shape).toEqual([
      'Update',
      'Update',
      'Update',
      'Put',
      'Put',
      'Delete',
      'Delete',
      'Delete',
      'Update',
    ]);
    // A checkout through the repository writes the same kinds of items.
    const before = (await orderItems()).length;
    await data.orders.place(user.userId);
    const written = (await orderItems()).length - before;

    const raw = await rawCheckoutCeiling(data, products, {
      count: 30,
      concurrency: 10,
      linesPerCart: 3,
      shape: 'current',
    });
    expect(raw.failures).toBe(0);
    expect(raw.count).toBe(30);
    expect(raw.perSecond).toBeGreaterThan(0);
    const items = await orderItems();
    // Each raw transaction stored an order and its feed copy, as the checkout did.
    expect(items.filter((i) => String(i.orderId).startsWith('o-raw-')).length).toBe(30);
    expect(items.filter((i) => String(i.sourceOrderId ?? '').startsWith('o-raw-')).length).toBe(30);
    expect(written).toBeGreaterThanOrEqual(2);
    const stock = await data.products.getMany(
      products.map((p) => p.productId),
      { consistent: true },
    );
    const sold = [...stock.values()].reduce((sum, p) => sum + (1000 - p.stock), 0);
    // 3 units for the checkout, and 3 lines of 1 or 2 units for each raw order.
    expect(sold).toBeGreaterThanOrEqual(3 + 30 * 3);
  });

  it('with its reads makes, per order, the three reads checkout makes first, then the same transaction', async () => {
    const sent: string[] = [];
    data.clients.documentClient.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(context.commandName as string);
        return next(args);
      },
      { step: 'initialize', name: 'countCommands' },
    );
    try {
      const raw = await rawCheckoutCeiling(data, products, {
        count: 10,
        concurrency: 5,
        linesPerCart: 3,
        shape: 'current',
        withReads: true,
      });
      expect(raw.failures).toBe(0);
      expect(raw.count).toBe(10);
      const count = (name: string) => sent.filter((n) => n === name).length;
      expect(count('GetItemCommand')).toBe(10);
      expect(count('QueryCommand')).toBe(10);
      expect(count('BatchGetItemCommand')).toBe(10);
      expect(count('TransactWriteItemsCommand')).toBe(10);
    } finally {
      data.clients.documentClient.middlewareStack.remove('countCommands');
    }
  });
});
