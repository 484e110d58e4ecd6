import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDataLayer,
  provisionTables,
  tableNamesFor,
  type DataLayer,
} from '@mini-ecommerce/data';
import type { Order, Product } from '@mini-ecommerce/domain';
import { LOAD_TEST_JWT_SECRET, startApiProcess, type ApiProcess } from '../bench/api-process';
import { auditCheckout, mapConcurrent } from '../bench/checkout';
import { mintToken } from '../bench/tokens';
import { startDynamoDbLocal, type DynamoDbLocal } from '../local-stack/dynamodb-local';
import { call } from '../resilience/harness';

const CACHE_TTL_MS = 1000;
/** Two scarce products (bought 1 and 2 at a time by 24 buyers each) and a plentiful one. */
const STOCKS = [14, 10, 400];
const BUYERS = 48;

/**
 * The shop on two API processes over one DynamoDB Local, as an Auto Scaling group behind a load
 * balancer runs it: nothing a request needs lives in one process's memory.
 */
describe('two API instances on one DynamoDB Local', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mini-ecommerce-two-'));
  let dynamo: DynamoDbLocal;
  let data: DataLayer;
  let a: ApiProcess;
  let b: ApiProcess;
  let products: Product[];
  const instances = () => [a, b] as const;

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal({ dataDir: join(dir, 'dynamodb') });
    data = createDataLayer({ env: 'local', endpoint: dynamo.endpoint, requestTimeoutMs: 5000 });
    await provisionTables(data.clients.client, tableNamesFor('local'));
    const env = { CATALOG_CACHE_TTL_MS: String(CACHE_TTL_MS), LOGIN_SLOW_DELAY_MS: '0' };
    const started = await Promise.all(
      ['a', 'b'].map((name) =>
        startApiProcess({
          dynamoDbEndpoint: dynamo.endpoint,
          imagesDir: join(dir, name),
          env,
          readyTimeoutMs: 90_000,
        }),
      ),
    );
    [a, b] = started as [ApiProcess, ApiProcess];
    products = [];
    for (const [i, stock] of STOCKS.entries()) {
      products.push(
        await data.products.create({
          name: `Two-instance product ${i}`,
          description: 'x',
          category: 'Scaling',
          price: 1000 + i,
          currency: 'USD',
          stock,
        }),
      );
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    data?.close();
    await dynamo?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('checkout load spread over both: nothing oversold or lost, and a retry on either instance returns the same order', async () => {
    const buyers = await mapConcurrent(
      Array.from({ length: BUYERS }, (_, i) => i),
      8,
      async (i) => {
        const user = await data.users.create({
          email: `two-${i}-${Date.now()}@example.com`,
          name: `Two ${i}`,
          passwordHash: 'not-used-tokens-are-minted',
          role: 'customer',
        });
        return { i, user, token: mintToken(LOAD_TEST_JWT_SECRET, user.userId) };
      },
    );
    // Carts filled through both instances: each buyer wants a scarce product and a plentiful one.
    await mapConcurrent(buyers, 16, async ({ i, token }) => {
      const lines = [
        [products[i % 2] as Product, 1 + (i % 2)],
        [products[2] as Product, 1],
      ] as const;
      for (const [j, [product, quantity]] of lines.entries()) {
        const api = instances()[(i + j) % 2] as ApiProcess;
        const put = await call(`${api.url}/api/cart/items/${product.productId}`, {
          method: 'PUT',
          token,
          body: { quantity },
        });
        expect(put.status, JSON.stringify(put.body)).toBe(200);
      }
    });
    const initialStock = new Map(products.map((p, i) => [p.productId, STOCKS[i] as number]));
    const address = { name: 'B', line1: '1 Street', city: 'C', postalCode: '1', country: 'US' };
    const answers = await mapConcurrent(buyers, 24, async ({ i, user, token }) => {
      const key = `two-instances-${user.userId}`;
      const place = (api: ApiProcess) =>
        call(`${api.url}/api/orders`, {
          method: 'POST',
          token,
          headers: { 'idempotency-key': key },
          body: { address },
        });
      const first = await place(instances()[i % 2] as ApiProcess);
      // The client did not hear the answer and retries; the load balancer picks the other instance.
      const retry = await place(instances()[(i + 1) % 2] as ApiProcess);
      return { first, retry };
    });
    const placed = answers.filter((x) => x.first.status === 201);
    const refused = answers.filter((x) => x.first.status === 409);
    expect(placed.length + refused.length).toBe(BUYERS);
    expect(placed.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const { first, retry } of placed) {
      expect(retry.status).toBe(201);
      expect((retry.body as Order).orderId).toBe((first.body as Order).orderId);
      expect((retry.body as Order).orderNumber).toBe((first.body as Order).orderNumber);
    }
    const audit = await auditCheckout(
      data,
      initialStock,
      placed.map((x) => ({ orderId: (x.first.body as Order).orderId })),
    );
    expect(audit).toMatchObject({
      lostOrders: 0,
      oversoldUnits: 0,
      stockMismatchUnits: 0,
      ordersInDatabase: placed.length,
    });
    // The scarce products sold out exactly: every unit went to a stored order.
    const after = await data.products.getMany(
      products.map((p) => p.productId),
      {
        consistent: true,
      },
    );
    expect(after.get((products[0] as Product).productId)?.stock).toBe(0);
    expect(after.get((products[1] as Product).productId)?.stock).toBe(0);
    expect(placed.length).toBe(14 + 5);
  }, 180_000);

  it('holds the failed-login limit across instances', async () => {
    const email = `limit-${Date.now()}@example.com`;
    const registered = await call(`${a.url}/api/auth/register`, {
      method: 'POST',
      body: { email, password: 'correct horse battery', name: 'Limit' },
    });
    expect(registered.status).toBe(201);
    const wrong = (api: ApiProcess) =>
      call(`${api.url}/api/auth/login`, {
        method: 'POST',
        body: { email, password: 'wrong password!' },
      });
    // Ten failures, alternating between the instances (the default limit is 10 per window).
    for (let i = 0; i < 10; i += 1)
      expect((await wrong(instances()[i % 2] as ApiProcess)).status).toBe(401);
    for (const api of instances()) {
      expect((await wrong(api)).status).toBe(429);
      const right = await call(`${api.url}/api/auth/login`, {
        method: 'POST',
        body: { email, password: 'correct horse battery' },
      });
      expect(right.status).toBe(429);
    }
  }, 60_000);

  it("shows an admin's price change made on A on B within the catalog cache's lifetime", async () => {
    const admin = await data.users.create({
      email: `two-admin-${Date.now()}@example.com`,
      name: 'Admin',
      passwordHash: 'not-used',
      role: 'admin',
    });
    const adminToken = mintToken(LOAD_TEST_JWT_SECRET, admin.userId, 'admin');
    const product = products[2] as Product;
    const listing = `/api/products?category=Scaling&limit=20`;
    const priceOnB = async () => {
      const [one, page] = await Promise.all([
        call(`${b.url}/api/products/${product.productId}`),
        call(`${b.url}${listing}`),
      ]);
      return [
        (one.body as Product).price,
        (page.body as { items: Product[] }).items.find((p) => p.productId === product.productId)
          ?.price,
      ];
    };
    // B has the product and the page in its cache now.
    expect(await priceOnB()).toEqual([product.price, product.price]);
    const patched = await call(`${a.url}/api/products/${product.productId}`, {
      method: 'PATCH',
      token: adminToken,
      body: { price: product.price + 500 },
    });
    expect(patched.status).toBe(200);
    const changedAt = Date.now();
    let seenAfter = -1;
    while (Date.now() - changedAt < CACHE_TTL_MS + 3000) {
      const [one, page] = await priceOnB();
      if (one === product.price + 500 && page === product.price + 500) {
        seenAfter = Date.now() - changedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seenAfter).toBeGreaterThanOrEqual(0);
    // Within the lifetime, plus the time a request takes on this loaded machine.
    expect(seenAfter).toBeLessThanOrEqual(CACHE_TTL_MS + 500);
  }, 60_000);
});
