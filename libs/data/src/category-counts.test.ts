import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '@mini-ecommerce/domain';
import type { DataLayer } from './index';
import { createTestDataLayer } from './testing';
import { CATEGORY_COUNTS_ID } from './repositories/category-counts';

const opened: DataLayer[] = [];

/** A data layer on fresh tables, or a second process on the same tables. */
async function open(on?: DataLayer): Promise<DataLayer> {
  const data = await createTestDataLayer(on ? { tableNames: on.names } : {});
  opened.push(data);
  return data;
}
afterAll(() => opened.forEach((data) => data.close()));

const product = (category: string): Omit<Product, 'productId' | 'createdAt' | 'updatedAt'> => ({
  name: 'Lamp',
  description: 'A lamp',
  category,
  price: 1000,
  currency: 'USD',
  stock: 10,
});

const storedCounters = async (data: DataLayer) =>
  (
    await data.clients.documentClient.send(
      new GetCommand({
        TableName: data.names.products,
        Key: { productId: CATEGORY_COUNTS_ID },
        ConsistentRead: true,
      }),
    )
  ).Item;

/** What the version before the counts map wrote: `ADD count:<category> :d, catalogVersion :1`. */
async function legacyWrite(data: DataLayer, category: string, delta: number) {
  await data.clients.documentClient.send(
    new UpdateCommand({
      TableName: data.names.products,
      Key: { productId: CATEGORY_COUNTS_ID },
      UpdateExpression: 'ADD #c :d, #v :one',
      ExpressionAttributeNames: { '#c': `count:${category}`, '#v': 'catalogVersion' },
      ExpressionAttributeValues: { ':d': delta, ':one': 1 },
    }),
  );
}

describe('category counters', () => {
  let data: DataLayer;
  beforeAll(async () => {
    data = await open();
  });

  it('start empty and count creates, moves and deletes in one counters item', async () => {
    expect(await data.products.categories()).toEqual([]);
    expect(await data.products.catalogVersion()).toBe(0);
    const a = await data.products.create(product('Lamps'));
    await data.products.create(product('Lamps'));
    await data.products.create(product('Desks'));
    expect(await data.products.categories()).toEqual([
      { category: 'Desks', count: 1 },
      { category: 'Lamps', count: 2 },
    ]);
    await data.products.update(a.productId, { category: 'Desks' });
    await data.products.update(a.productId, { price: 1200 });
    await data.products.delete(a.productId);
    expect(await data.products.categories()).toEqual([
      { category: 'Desks', count: 1 },
      { category: 'Lamps', count: 1 },
    ]);
    expect(await data.products.catalogVersion()).toBe(6);
    expect(await storedCounters(data)).toMatchObject({
      counts: { Desks: 1, Lamps: 1 },
      catalogVersion: 6,
    });
  });

  it('are made again when the counters item goes away under a running process', async () => {
    const fresh = await open();
    await fresh.products.create(product('Lamps'));
    await fresh.clients.documentClient.send(
      new DeleteCommand({
        TableName: fresh.names.products,
        Key: { productId: CATEGORY_COUNTS_ID },
      }),
    );
    await fresh.products.create(product('Lamps'));
    expect(await fresh.products.categories()).toEqual([{ category: 'Lamps', count: 1 }]);
  });
});

describe('category counters written by the version before the counts map', () => {
  it('read the same and keep counting, the old attributes folded into the map once', async () => {
    const before = await open();
    const { documentClient } = before.clients;
    await documentClient.send(
      new PutCommand({
        TableName: before.names.products,
        Item: {
          productId: CATEGORY_COUNTS_ID,
          catalogVersion: 41,
          'count:Lamps': 3,
          'count:Desks': 1,
          'count:Gone': 0,
          'count:Odd name: with colon': 2,
        },
      }),
    );

    // A process started on that data (what an upgraded API is).
    const after = await open(before);
    expect(await after.products.categories()).toEqual([
      { category: 'Desks', count: 1 },
      { category: 'Lamps', count: 3 },
      { category: 'Odd name: with colon', count: 2 },
    ]);
    expect(await after.products.catalogVersion()).toBe(41);
    const stored = await storedCounters(after);
    expect(Object.keys(stored ?? {}).filter((name) => name.startsWith('count:'))).toEqual([]);
    expect(stored).toMatchObject({ counts: { Lamps: 3, Desks: 1, Gone: 0 }, catalogVersion: 41 });

    await after.products.create(product('Lamps'));
    expect(await after.products.categories()).toContainEqual({ category: 'Lamps', count: 4 });
    expect(await after.products.catalogVersion()).toBe(42);

    // Idempotent: another process changes nothing.
    const again = await open(before);
    expect(await again.products.categories()).toEqual(await after.products.categories());
    expect(await storedCounters(again)).toEqual(await storedCounters(after));
  });

  it('counts what an old instance writes during a rolling deploy, once a new process starts', async () => {
    const data = await open();
    await data.products.create(product('Lamps'));
    await legacyWrite(data, 'Lamps', 1);
    await legacyWrite(data, 'Desks', 1);
    const next = await open(data);
    expect(await next.products.categories()).toEqual([
      { category: 'Desks', count: 1 },
      { category: 'Lamps', count: 2 },
    ]);
    expect(await next.products.catalogVersion()).toBe(3);
  });

  it('lose nothing when processes migrate and write at the same time', async () => {
    const first = await open();
    await legacyWrite(first, 'Busy', 5);
    const processes = await Promise.all([open(first), open(first), open(first)]);
    await Promise.all(
      processes.flatMap((data) =>
        Array.from({ length: 4 }, () => data.products.create(product('Busy'))),
      ),
    );
    const counts = await Promise.all(processes.map((data) => data.products.categories()));
    for (const listed of counts) expect(listed).toEqual([{ category: 'Busy', count: 17 }]);
    expect(await processes[0]?.products.catalogVersion()).toBe(13);
  });
});
