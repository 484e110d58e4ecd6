/**
 * What each request costs on AWS: a second API process with DYNAMODB_CAPACITY=on (the measured
 * API stays unmetered) answers the capacity units DynamoDB Local reported for each request in
 * `x-dynamodb-capacity`; the bench sends a few requests of each type and prices them at on-demand
 * rates.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyCapacityTally, type CapacityUse, type DataLayer } from '@mini-ecommerce/data';
import type { Product } from '@mini-ecommerce/domain';
import { LOAD_TEST_JWT_SECRET, startApiProcess } from './api-process';
import { mintToken } from './tokens';

/**
 * us-east-1 on-demand, Standard table class, since the 50 % reduction of 1 November 2024, as
 * cited in docs/scaling.md ("Capacity and cost"): USD per million request units.
 */
export const PRICES = {
  region: 'us-east-1',
  asOf: '2026-11-29',
  writePerMillion: 0.625,
  readPerMillion: 0.125,
};

/** Units DynamoDB Local reported for one request (AWS bills `transactWrite` twice). */
export type Capacity = CapacityUse;
export type CapacityTable = Record<string, Capacity & { samples: number }>;

const parse = (header: string | null): Capacity => {
  const match = /^read=([\d.]+);write=([\d.]+);calls=(\d+);transactWrite=([\d.]+)$/.exec(
    header ?? '',
  );
  if (!match) throw new Error(`no x-dynamodb-capacity header (${header})`);
  return {
    read: Number(match[1]),
    write: Number(match[2]),
    calls: Number(match[3]),
    transactWrite: Number(match[4]),
  };
};

/** Write units AWS bills for what DynamoDB Local reported: transactional writes count twice. */
export const billedWrites = (c: Capacity) => c.write + c.transactWrite;

/** On-demand price of the table's units (index writes, which DynamoDB Local does not report, excluded). */
export const dollars = (c: Capacity) =>
  (c.read * PRICES.readPerMillion + billedWrites(c) * PRICES.writePerMillion) / 1_000_000;

export async function measureCapacity(
  data: DataLayer,
  dynamoDbEndpoint: string,
  products: Product[],
  category: string,
): Promise<CapacityTable> {
  const imagesDir = mkdtempSync(join(tmpdir(), 'bench-capacity-'));
  const api = await startApiProcess({
    dynamoDbEndpoint,
    imagesDir,
    env: { DYNAMODB_CAPACITY: 'on', CATALOG_CACHE_TTL_MS: '0' },
  });
  const table: CapacityTable = {};
  const record = (type: string, capacity: Capacity) => {
    const row = table[type] ?? { ...emptyCapacityTally(), samples: 0 };
    row.read += capacity.read;
    row.write += capacity.write;
    row.calls += capacity.calls;
    row.transactWrite += capacity.transactWrite;
    row.samples += 1;
    table[type] = row;
  };
  const call = async (type: string, path: string, init: RequestInit = {}, expect = 200) => {
    const response = await fetch(`${api.url}${path}`, init);
    if (response.status !== expect)
      throw new Error(`${type}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    record(type, parse(response.headers.get('x-dynamodb-capacity')));
  };
  try {
    const stamp = Date.now().toString(36);
    const admin = await data.users.create({
      email: `capacity-admin-${stamp}@load-test.example.com`,
      name: 'Capacity Admin',
      passwordHash: 'not-used',
      role: 'admin',
    });
    const adminAuth = {
      authorization: `Bearer ${mintToken(LOAD_TEST_JWT_SECRET, admin.userId, 'admin')}`,
    };
    const plentiful = products.filter((p) => p.stock >= 1000);
    for (let i = 0; i < 5; i += 1) {
      await call(
        'catalog page (20, uncached)',
        `/api/products?category=${encodeURIComponent(category)}&limit=20`,
      );
      await call('product', `/api/products/${(plentiful[i] as Product).productId}`);
      const buyer = await data.users.create({
        email: `capacity-${stamp}-${i}@load-test.example.com`,
        name: `Capacity Buyer ${i}`,
        passwordHash: 'not-used',
        role: 'customer',
      });
      const auth = {
        authorization: `Bearer ${mintToken(LOAD_TEST_JWT_SECRET, buyer.userId)}`,
        'content-type': 'application/json',
      };
      for (let line = 0; line < 3; line += 1) {
        const product = plentiful[(i * 3 + line + 7) % plentiful.length] as Product;
        await call('cart update', `/api/cart/items/${product.productId}`, {
          method: 'PUT',
          headers: auth,
          body: JSON.stringify({ quantity: 1 }),
        });
      }
      await call(
        'checkout (3 lines)',
        '/api/orders',
        {
          method: 'POST',
          headers: { ...auth, 'idempotency-key': `capacity-${stamp}-${i}` },
          body: JSON.stringify({
            address: { name: 'B', line1: '1 Street', city: 'C', postalCode: '1', country: 'US' },
          }),
        },
        201,
      );
      await call('order list', '/api/orders?limit=20', { headers: auth });
      await call('admin order list (20)', '/api/admin/orders?limit=20', { headers: adminAuth });
      await call('search', '/api/products/search?q=lamp&limit=20');
    }
    // The first dashboard after the bench's load also clears the low-stock markers of products
    // the bench restocked (one DeleteItem each, a one-time cleanup): the second is the steady cost.
    await fetch(`${api.url}/api/admin/summary`, { headers: adminAuth }).then((r) =>
      r.arrayBuffer(),
    );
    await call('admin dashboard', '/api/admin/summary', { headers: adminAuth });
  } finally {
    await api.stop();
    rmSync(imagesDir, { recursive: true, force: true });
  }
  for (const row of Object.values(table)) {
    row.read /= row.samples;
    row.write /= row.samples;
    row.calls /= row.samples;
    row.transactWrite /= row.samples;
  }
  return table;
}
