import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_STOCK, type Product } from '@mini-ecommerce/domain';
import { CatalogCache } from './lib/catalog-cache';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { loggerOptions } from './app';
import { passwordHashStats } from './lib/passwords';
import {
  CUSTOMER_PASSWORD,
  ORDER_BODY,
  buildTestApp,
  errorOf,
  TEST_JWT_SECRET,
  signToken,
  uniqueEmail,
  type TestApp,
} from './test/test-app';

/** Issue 11: what an attacker tried and got through, each closed and held here. */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ LOGIN_SLOW_DELAY_MS: '300' });
});
afterAll(() => t?.close());

const login = (email: string, password: string, remoteAddress = '127.0.0.1', app = t) =>
  app.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    payload: { email, password },
  });

describe('item 1: the login failure limit holds under concurrency', () => {
  it('lets at most 10 of 30 concurrent attempts check a password; the rest are 429 before any scrypt', async () => {
    const { user } = await t.quickCustomer();
    const before = passwordHashStats.derived;
    const attempts = Array.from({ length: 30 }, (_, i) =>
      login(user.email, i === 29 ? CUSTOMER_PASSWORD : `wrong ${i}`, '203.0.113.10'),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.statusCode);
    const checked = statuses.filter((s) => s !== 429);
    expect(checked.length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    expect(passwordHashStats.derived - before).toBeLessThanOrEqual(10);
  });
});

describe('item 2: an attacker cannot lock the owner out', () => {
  it('blocks the attacking client while the owner signs in from another address, slowed down', async () => {
    const { user } = await t.quickCustomer();
    const attacker = '203.0.113.9';
    for (let i = 0; i < 10; i += 1)
      expect((await login(user.email, `guess ${i}`, attacker)).statusCode).toBe(401);
    const blocked = await login(user.email, CUSTOMER_PASSWORD, attacker);
    expect(blocked.statusCode).toBe(429);
    expect(errorOf(blocked).code).toBe('RATE_LIMITED');

    // The eleventh attempt on this email from any client: delayed (LOGIN_SLOW_DELAY_MS), not refused.
    const started = performance.now();
    const owner = await login(user.email, CUSTOMER_PASSWORD, '198.51.100.7');
    expect(owner.statusCode, owner.body).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    // The attacker is still blocked after the owner's success.
    expect((await login(user.email, CUSTOMER_PASSWORD, attacker)).statusCode).toBe(429);
  });
});

describe('item 3: no admin takeover through a pre-registered email; tokens carry a version', () => {
  it('never promotes an account startup did not create, logs one clear line, and the squatter stays a customer', async () => {
    const email = uniqueEmail('squatter');
    const registered = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, password: 'squatter password', name: 'Mallory' },
    });
    expect(registered.statusCode).toBe(201);
    const { token, user } = registered.json();

    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const restarted = await buildTestApp(
      { ADMIN_EMAIL: email, ADMIN_PASSWORD: 'operator password' },
      { data: t.data, logger: { ...loggerOptions('info'), stream } },
    );
    try {
      expect((await t.data.users.getById(user.userId))?.role).toBe('customer');
      const refusal = lines.filter((line) => line.includes('not made admin'));
      expect(refusal).toHaveLength(1);
      expect(JSON.parse(refusal[0] as string).level).toBe(50);
      const create = await restarted.request({
        method: 'POST',
        url: '/api/products',
        token,
        payload: { name: 'x', category: 'x', price: 1 },
      });
      expect(create.statusCode).toBe(403);
      // Neither the operator's password nor the squatter's opens an admin session.
      const asOperator = await login(email, 'operator password', '127.0.0.1', restarted);
      expect(asOperator.statusCode).toBe(401);
    } finally {
      await restarted.close();
    }
  });

  it('refuses tokens issued before a password change or a role change', async () => {
    const { user, token } = await t.customer();
    expect((await t.request({ url: '/api/users/me', token })).statusCode).toBe(200);
    await t.data.users.setPassword(user.userId, 'scrypt$1$1$1$c2FsdA$a2V5');
    const stale = await t.request({ url: '/api/users/me', token });
    expect(stale.statusCode).toBe(401);
    expect(errorOf(stale).code).toBe('UNAUTHORIZED');

    const admin = await t.admin();
    expect((await t.request({ url: '/api/admin/orders', token: admin.token })).statusCode).toBe(
      200,
    );
    await t.data.users.setRole(admin.user.userId, 'customer');
    expect((await t.request({ url: '/api/users/me', token: admin.token })).statusCode).toBe(401);
  });

  it('signs out older admin tokens when ADMIN_PASSWORD changes between starts', async () => {
    const email = uniqueEmail('operator');
    const first = await buildTestApp(
      { ADMIN_EMAIL: email, ADMIN_PASSWORD: 'first password' },
      { data: t.data },
    );
    const { token } = (await login(email, 'first password', '127.0.0.1', first)).json();
    await first.close();
    const second = await buildTestApp(
      { ADMIN_EMAIL: email, ADMIN_PASSWORD: 'second password' },
      { data: t.data },
    );
    try {
      expect((await second.request({ url: '/api/users/me', token })).statusCode).toBe(401);
      expect((await login(email, 'second password', '127.0.0.1', second)).statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('refuses a token for a user that does not exist', async () => {
    const token = signToken({ sub: 'no-such-user', role: 'customer' });
    expect((await t.request({ url: '/api/cart', token })).statusCode).toBe(401);
  });
});

describe('item 5: the real client address behind CloudFront and the load balancer', () => {
  let behind: TestApp;
  beforeAll(async () => {
    behind = await buildTestApp({ TRUST_PROXY: 'cloudfront', AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => behind?.close());

  const viaProxy = (remoteAddress: string, forwardedFor: string) =>
    behind.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: uniqueEmail('nobody'), password: 'whatever123' },
    });
  const CLOUDFRONT_EDGE = '130.176.1.20';
  const LOAD_BALANCER = '10.0.1.20';
  const VPC_ORIGIN = '10.0.2.5';

  it('gives each shopper behind one CloudFront address its own auth budget', async () => {
    const first = [];
    for (let i = 0; i < 4; i += 1)
      first.push((await viaProxy(CLOUDFRONT_EDGE, '192.0.2.1')).statusCode);
    expect(first).toEqual([401, 401, 401, 429]);
    // Another shopper through the same edge is not locked out.
    expect((await viaProxy(CLOUDFRONT_EDGE, '192.0.2.2')).statusCode).toBe(401);
  });

  it('finds the client through the load balancer (CloudFront VPC origin, then the ALB)', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await viaProxy(LOAD_BALANCER, `192.0.2.3, ${VPC_ORIGIN}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await viaProxy(LOAD_BALANCER, `192.0.2.4, ${VPC_ORIGIN}`)).statusCode).toBe(401);
  });

  it('ignores addresses a client writes into X-Forwarded-For itself', async () => {
    // CloudFront appends the viewer's real address after whatever the viewer sent.
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await viaProxy(CLOUDFRONT_EDGE, `10.0.9.${i}, 192.0.2.5`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('locally (no proxy) believes no X-Forwarded-For at all', async () => {
    const local = await buildTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) {
        const response = await local.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': `198.51.100.${i}` },
          payload: { email: uniqueEmail('nobody'), password: 'whatever123' },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await local.close();
    }
  });
});

describe('item 7: tokens must expire', () => {
  it.each([
    ['without exp', { exp: undefined }],
    ['without iat', { iat: undefined }],
    [
      'older than JWT_EXPIRES_IN, whatever its own exp says',
      {
        iat: Math.floor(Date.now() / 1000) - 13 * 3600,
        exp: Math.floor(Date.now() / 1000) + 30 * 86_400,
      },
    ],
  ])('refuses a token %s', async (_label, claims) => {
    const { user } = await t.quickCustomer();
    const token = signToken({ sub: user.userId, role: 'customer', ...claims });
    const response = await t.request({ url: '/api/users/me', token });
    expect(response.statusCode).toBe(401);
  });

  it('refuses a token without sub', async () => {
    const token = signToken({ role: 'customer' });
    expect((await t.request({ url: '/api/cart', token })).statusCode).toBe(401);
  });
});

describe('item 6: a restock past the stock ceiling never breaks the catalog', () => {
  it('clamps a cancellation restock at MAX_STOCK, and every read of the product still answers', async () => {
    const admin = await t.admin();
    const product = await t.createProduct(admin.token, { stock: 10, category: 'Ceiling' });
    const buyer = await t.quickCustomer();
    await t.addToCart(buyer.token, product.productId, 2);
    const placed = await t.request({
      method: 'POST',
      url: '/api/orders',
      token: buyer.token,
      payload: ORDER_BODY,
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const restocked = await t.request({
      method: 'PATCH',
      url: `/api/products/${product.productId}`,
      token: admin.token,
      payload: { stock: MAX_STOCK },
    });
    expect(restocked.statusCode).toBe(200);
    const cancel = await t.request({
      method: 'PATCH',
      url: `/api/orders/${placed.json().orderId}`,
      token: admin.token,
      payload: { status: 'CANCELLED' },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect((await t.data.products.get(product.productId, { consistent: true }))?.stock).toBe(
      MAX_STOCK,
    );
    const page = await t.request({ url: `/api/products/${product.productId}` });
    expect(page.statusCode).toBe(200);
    expect(page.json<Product>().stock).toBe(MAX_STOCK);
  });

  it('answers reads of a product whose stored stock is already past the ceiling', async () => {
    const admin = await t.admin();
    const product = await t.createProduct(admin.token, { stock: 1, category: 'Overstocked' });
    await t.data.clients.documentClient.send(
      new UpdateCommand({
        TableName: t.data.names.products,
        Key: { productId: product.productId },
        UpdateExpression: 'SET stock = :s',
        ExpressionAttributeValues: { ':s': MAX_STOCK + 2 },
      }),
    );
    for (const url of [
      `/api/products/${product.productId}`,
      '/api/products?category=Overstocked',
      '/api/products',
    ]) {
      const response = await t.request({ url });
      expect(response.statusCode, url).toBe(200);
    }
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/products/${product.productId}`,
      token: admin.token,
      payload: { name: 'Renamed' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<Product>().stock).toBe(MAX_STOCK);
  });
});

describe('item 8: nobody can fill the catalog cache', () => {
  it('stays within its byte budget and drops expired entries', () => {
    let now = 0;
    const cache = new CatalogCache(1000, { maxBytes: 1024 * 1024, now: () => now });
    const page = { body: Buffer.alloc(40 * 1024), etag: '"x"' };
    for (let i = 0; i < 5000; i += 1) void cache.get(`page ${i}`, async () => page);
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        expect(cache.stats().bytes).toBeLessThanOrEqual(1024 * 1024);
        now = 2000;
        void cache.get('fresh', async () => page);
        expect(cache.stats().entries).toBe(1);
        resolve();
      }),
    );
  });

  const cursorOf = (i: number) => Buffer.from(JSON.stringify({ c: `A${i}` })).toString('base64url');

  /** Heap still reachable after a full collection: what the process keeps, not its garbage. */
  const retainedHeap = () => {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    return process.memoryUsage().heapUsed;
  };

  it('keeps 5,000 made-up cursors out of the cache, and the retained heap within budget', async () => {
    const cached = await buildTestApp({ CATALOG_CACHE_TTL_MS: '60000' });
    try {
      const admin = await cached.admin();
      for (let i = 0; i < 20; i += 1)
        await cached.createProduct(admin.token, {
          category: 'Flood',
          description: 'x'.repeat(2000),
        });
      const retainedBefore = retainedHeap();
      for (let i = 0; i < 5000; i += 50) {
        await Promise.all(
          Array.from({ length: 50 }, (_, j) => {
            return cached.request({ url: `/api/products?limit=100&cursor=${cursorOf(i + j)}` });
          }),
        );
      }
      const grown = (retainedHeap() - retainedBefore) / 1024 / 1024;
      console.log(`heap retained after 5,000 made-up cursors: +${grown.toFixed(1)} MB`);
      // Before the fix each cursor kept its ~40 KB page: about 80 MB for 2,000 entries.
      expect(grown).toBeLessThan(16);
      // A cursor page is never served from memory: a change made behind the API's back shows.
      const first = (await cached.request({ url: '/api/products?category=Flood' })).json()
        .items[0] as Product;
      await cached.data.clients.documentClient.send(
        new UpdateCommand({
          TableName: cached.data.names.products,
          Key: { productId: first.productId },
          UpdateExpression: 'SET #n = :n',
          ExpressionAttributeNames: { '#n': 'name' },
          ExpressionAttributeValues: { ':n': 'Changed behind the cache' },
        }),
      );
      const again = await cached.request({ url: `/api/products?limit=100&cursor=${cursorOf(0)}` });
      expect(again.json().items.map((p: Product) => p.name)).toContain('Changed behind the cache');
    } finally {
      await cached.close();
    }
  }, 180_000);
});

describe('item 4: the JWT secret signs tokens only', () => {
  it('refuses a local upload URL signed with the JWT secret itself', async () => {
    const key = 'products/p1/0b1c2d3e-aaaa-bbbb-cccc-000000000000.png';
    const contentType = 'image/png';
    const expires = Math.floor(Date.now() / 1000) + 300;
    const signature = createHmac('sha256', TEST_JWT_SECRET)
      .update(`${key}\n${contentType}\n${expires}`)
      .digest('base64url');
    const query = new URLSearchParams({ contentType, expires: String(expires), signature });
    const response = await t.request({
      method: 'PUT',
      url: `/api/local-uploads/${key}?${query}`,
      headers: { 'content-type': contentType },
      payload: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    });
    expect(response.statusCode).toBe(403);
  });
});
