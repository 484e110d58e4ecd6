import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderStatus } from '@mini-ecommerce/domain';
import { createDataLayer, type DataLayer } from './index';
import { legacyOrderNumber } from './repositories/order-feeds';
import { createTestDataLayer, testDynamoDbEndpoint, userOrdersPartitionSize } from './testing';

let data: DataLayer;
const others: DataLayer[] = [];

beforeAll(async () => {
  data = await createTestDataLayer();
});
afterAll(() => {
  data?.close();
  others.forEach((layer) => layer.close());
});

/** Another API process on the same tables: its repositories have not migrated anything yet. */
function anotherProcess(): DataLayer {
  const layer = createDataLayer({
    env: 'local',
    endpoint: testDynamoDbEndpoint(),
    tableNames: data.names,
    requestTimeoutMs: 5000,
  });
  others.push(layer);
  return layer;
}

let placed = 0;
/**
 * An order as versions before the sharded feeds stored it: no order number, a copy in the one
 * `#ORDERS#ALL` partition and one in `#ORDERS#<status>` (written through the Order entity, hence
 * its `_et` attribute).
 */
async function oldOrder(status: OrderStatus): Promise<string> {
  placed += 1;
  const orderId = `old-order-${placed}-${Math.random().toString(36).slice(2, 8)}`;
  const createdAt = new Date(Date.UTC(2026, 10, 1, 10, placed)).toISOString();
  const order = {
    _et: 'Order',
    orderId,
    userId: 'old-buyer',
    customer: { name: 'Old Buyer', email: 'old@example.com' },
    items: [{ productId: 'p-1', name: 'Old product', unitPrice: 250, quantity: 2, lineTotal: 500 }],
    total: 500,
    currency: 'USD',
    status,
    createdAt,
    updatedAt: createdAt,
  };
  const copy = (id: string, partition: string) => ({
    ...order,
    orderId: id,
    userId: partition,
    sourceOrderId: orderId,
    ownerId: order.userId,
  });
  for (const item of [
    order,
    copy(`#FEED#ALL#${orderId}`, '#ORDERS#ALL'),
    copy(`#FEED#STATUS#${orderId}`, `#ORDERS#${status}`),
  ]) {
    await data.clients.documentClient.send(
      new PutCommand({ TableName: data.names.orders, Item: item }),
    );
  }
  return orderId;
}

describe('orders placed before the sharded feeds', () => {
  it('are moved into the sharded feeds at the first admin read, keeping the number they were shown with', async () => {
    const ids = [await oldOrder('PLACED'), await oldOrder('SHIPPED'), await oldOrder('PLACED')];
    // The version before showed each with a number derived from its id.
    const shown = ids.map((id) => legacyOrderNumber(id));

    const next = anotherProcess();
    const listed = await next.orders.listAll(10);
    expect(listed.items.map((o) => o.orderId)).toEqual([...ids].reverse());
    expect(listed.items.map((o) => o.orderNumber)).toEqual([...shown].reverse());
    expect(await next.orders.countWithStatus('PLACED')).toBe(2);
    expect(
      (await next.orders.listAll(10, undefined, 'SHIPPED')).items.map((o) => o.orderId),
    ).toEqual([ids[1]]);
    // Findable by number now, and the number is stored on the order itself.
    expect((await next.orders.getByNumber(shown[0] as never))?.orderId).toBe(ids[0]);
    const { Item } = await next.clients.documentClient.send(
      new GetCommand({ TableName: next.names.orders, Key: { orderId: ids[0] } }),
    );
    expect(Item?.orderNumber).toBe(shown[0]);
    // The old partitions are empty.
    expect(await userOrdersPartitionSize(next, '#ORDERS#ALL')).toBe(0);
    expect(await userOrdersPartitionSize(next, '#ORDERS#PLACED')).toBe(0);
    expect(await userOrdersPartitionSize(next, '#ORDERS#SHIPPED')).toBe(0);
    // The owner's own list is unchanged.
    expect((await next.orders.listForUser('old-buyer', 10)).items).toHaveLength(3);

    // A later process finds nothing to move and lists the same.
    const later = anotherProcess();
    expect((await later.orders.listAll(10)).items.map((o) => o.orderId)).toEqual(
      [...ids].reverse(),
    );
    // A migrated order moves along its lifecycle like any other.
    await later.orders.updateStatus(ids[0] as string, 'PAID');
    expect((await later.orders.listAll(10, undefined, 'PAID')).items.map((o) => o.orderId)).toEqual(
      [ids[0]],
    );
    expect(await later.orders.countWithStatus('PLACED')).toBe(1);
  });

  it('are moved once when several processes migrate at the same time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) ids.push(await oldOrder(i % 3 === 0 ? 'CANCELLED' : 'PLACED'));
    const processes = [anotherProcess(), anotherProcess(), anotherProcess()];
    const pages = await Promise.all(processes.map((p) => p.orders.listAll(50)));
    for (const page of pages) {
      expect(page.items.filter((o) => ids.includes(o.orderId))).toHaveLength(ids.length);
    }
    const all = (await processes[0]?.orders.listAll(50))?.items ?? [];
    const mine = all.filter((o) => ids.includes(o.orderId));
    expect(mine).toHaveLength(12);
    expect(new Set(mine.map((o) => o.orderNumber)).size).toBe(12);
    for (const order of mine) expect(order.orderNumber).toBe(legacyOrderNumber(order.orderId));
    expect(await userOrdersPartitionSize(data, '#ORDERS#ALL')).toBe(0);
  });

  it('leave an order that is in the sharded feeds already listed once, without its old copy', async () => {
    const user = await data.users.create({
      email: `both-${Date.now()}@example.com`,
      name: 'Both',
      passwordHash: 'x',
      role: 'customer',
    });
    const product = await data.products.create({
      name: 'Both product',
      description: 'x',
      category: 'Both',
      price: 100,
      currency: 'USD',
      stock: 10,
    });
    await data.cart.setQuantity(user.userId, product.productId, 1);
    const { order } = await data.orders.place(user.userId);
    // An old-style copy beside its sharded one (the bench's old transaction shape writes these).
    const { Item } = await data.clients.documentClient.send(
      new GetCommand({ TableName: data.names.orders, Key: { orderId: order.orderId } }),
    );
    await data.clients.documentClient.send(
      new PutCommand({
        TableName: data.names.orders,
        Item: {
          ...Item,
          orderId: `#FEED#ALL#${order.orderId}`,
          userId: '#ORDERS#ALL',
          sourceOrderId: order.orderId,
          ownerId: order.userId,
        },
      }),
    );
    const next = anotherProcess();
    const listed = (await next.orders.listAll(100)).items.filter(
      (o) => o.orderId === order.orderId,
    );
    expect(listed).toEqual([order]);
    expect(await userOrdersPartitionSize(next, '#ORDERS#ALL')).toBe(0);
  });
});
