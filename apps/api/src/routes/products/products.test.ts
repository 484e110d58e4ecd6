import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '@mini-ecommerce/domain';
import { buildTestApp, errorOf, type TestApp } from '../../test/test-app';

let t: TestApp;
let adminToken: string;
let customerToken: string;
beforeAll(async () => {
  t = await buildTestApp();
  adminToken = (await t.admin()).token;
  customerToken = (await t.quickCustomer()).token;
});
afterAll(() => t?.close());

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const PRODUCT_KEYS = [
  'category',
  'createdAt',
  'currency',
  'description',
  'name',
  'price',
  'productId',
  'stock',
  'updatedAt',
];

describe('POST /api/products (admin)', () => {
  it('creates a product with defaults and answers 201 Product', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/products',
      token: adminToken,
      payload: { name: '  Oak chair ', category: 'Chairs', price: 4999 },
    });
    expect(response.statusCode, response.body).toBe(201);
    const product = response.json<Product>();
    expect(Object.keys(product).sort()).toEqual(PRODUCT_KEYS);
    expect(product).toMatchObject({
      name: 'Oak chair',
      description: '',
      category: 'Chairs',
      price: 4999,
      currency: 'USD',
      stock: 0,
    });
    expect(product.createdAt).toBe(product.updatedAt);
    const read = await t.request({ url: `/api/products/${product.productId}` });
    expect(read.json()).toEqual(product);
  });

  it('refuses server-owned and unknown fields with 400 and stores nothing', async () => {
    const before = (await t.request({ url: '/api/categories' })).json();
    for (const extra of [
      { productId: 'mine' },
      { createdAt: '2000-01-01T00:00:00.000Z' },
      { secret: 1 },
    ]) {
      const response = await t.request({
        method: 'POST',
        url: '/api/products',
        token: adminToken,
        payload: { name: 'Extra', category: 'Extras', price: 1, ...extra },
      });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    }
    expect((await t.request({ url: '/api/categories' })).json()).toEqual(before);
  });

  it.each([
    ['a negative price', { price: -1 }, 'price'],
    ['a fractional price', { price: 19.99 }, 'price'],
    ['a negative stock', { stock: -5 }, 'stock'],
    ['a lowercase currency', { currency: 'usd' }, 'currency'],
    ['a category with #', { category: 'a#b' }, 'category'],
    ['an empty name', { name: '' }, 'name'],
    ['a javascript: image URL', { imageUrl: 'javascript:alert(1)' }, 'imageUrl'],
  ])('answers 400 with details naming the field for %s', async (_label, fields, field) => {
    const response = await t.request({
      method: 'POST',
      url: '/api/products',
      token: adminToken,
      payload: { name: 'Bad', category: 'Bad', price: 100, ...fields },
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: field })]),
    );
  });

  it('answers 401 without a token and 403 FORBIDDEN for a customer', async () => {
    const payload = { name: 'Nope', category: 'Nope', price: 1 };
    const anonymous = await t.request({ method: 'POST', url: '/api/products', payload });
    expect(anonymous.statusCode).toBe(401);
    const customer = await t.request({
      method: 'POST',
      url: '/api/products',
      token: customerToken,
      payload,
    });
    expect(customer.statusCode).toBe(403);
    expect(errorOf(customer).code).toBe('FORBIDDEN');
  });
});

describe('GET /api/products/:productId', () => {
  it('answers 404 NOT_FOUND for an unknown id and 400 for a malformed one', async () => {
    const missing = await t.request({ url: '/api/products/no-such-product' });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
    const malformed = await t.request({
      url: `/api/products/${encodeURIComponent('#CATEGORY_COUNTS')}`,
    });
    expect(malformed.statusCode).toBe(400);
    expect(errorOf(malformed).code).toBe('VALIDATION_ERROR');
  });
});

describe('PATCH /api/products/:productId (admin)', () => {
  it('changes only the fields sent and moves the product between categories', async () => {
    const product = await t.createProduct(adminToken, {
      category: 'Lamps',
      price: 1000,
      stock: 3,
      description: 'warm',
    });
    const response = await t.request({
      method: 'PATCH',
      url: `/api/products/${product.productId}`,
      token: adminToken,
      payload: { price: 1200, category: 'Lighting', imageUrl: '/images/products/x/y.png' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const updated = response.json<Product>();
    expect(updated).toMatchObject({
      price: 1200,
      category: 'Lighting',
      stock: 3,
      description: 'warm',
      name: product.name,
    });
    expect(updated.imageUrl).toBe('/images/products/x/y.png');
    expect(updated.createdAt).toBe(product.createdAt);
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(product.updatedAt));
    expect((await t.request({ url: `/api/products/${product.productId}` })).json()).toEqual(
      updated,
    );
    const categories = (await t.request({ url: '/api/categories' })).json().items;
    expect(categories).toContainEqual({ category: 'Lighting', count: 1 });
    expect(categories.find((c: { category: string }) => c.category === 'Lamps')).toBeUndefined();
    const byCategory = await t.request({ url: '/api/products?category=Lighting' });
    expect(byCategory.json().items.map((p: Product) => p.productId)).toEqual([product.productId]);

    const cleared = await t.request({
      method: 'PATCH',
      url: `/api/products/${product.productId}`,
      token: adminToken,
      payload: { imageUrl: null },
    });
    expect(cleared.json().imageUrl).toBeUndefined();
  });

  it('refuses an empty patch, server-owned fields and a negative stock with 400, changing nothing', async () => {
    const product = await t.createProduct(adminToken, { category: 'Patch', stock: 4 });
    for (const payload of [
      {},
      { productId: 'other' },
      { currency: 'EUR' },
      { stock: -1 },
      { createdAt: new Date().toISOString() },
    ]) {
      const response = await t.request({
        method: 'PATCH',
        url: `/api/products/${product.productId}`,
        token: adminToken,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await t.request({ url: `/api/products/${product.productId}` })).json()).toEqual(
      product,
    );
  });

  it('answers 404 for an unknown product, 401 anonymously and 403 for a customer', async () => {
    const product = await t.createProduct(adminToken, { category: 'Patch' });
    const missing = await t.request({
      method: 'PATCH',
      url: '/api/products/nope',
      token: adminToken,
      payload: { price: 1 },
    });
    expect(missing.statusCode).toBe(404);
    const url = `/api/products/${product.productId}`;
    expect((await t.request({ method: 'PATCH', url, payload: { price: 1 } })).statusCode).toBe(401);
    const customer = await t.request({
      method: 'PATCH',
      url,
      token: customerToken,
      payload: { price: 1 },
    });
    expect(customer.statusCode).toBe(403);
    expect((await t.request({ url })).json().price).toBe(product.price);
  });
});

describe('DELETE /api/products/:productId (admin)', () => {
  it('answers 204, then the product is 404 and its category count drops', async () => {
    const product = await t.createProduct(adminToken, { category: 'Doomed' });
    const customer = await t.request({
      method: 'DELETE',
      url: `/api/products/${product.productId}`,
      token: customerToken,
    });
    expect(customer.statusCode).toBe(403);
    expect(
      (await t.request({ method: 'DELETE', url: `/api/products/${product.productId}` })).statusCode,
    ).toBe(401);
    const response = await t.request({
      method: 'DELETE',
      url: `/api/products/${product.productId}`,
      token: adminToken,
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await t.request({ url: `/api/products/${product.productId}` })).statusCode).toBe(404);
    const categories = (await t.request({ url: '/api/categories' })).json().items;
    expect(categories.find((c: { category: string }) => c.category === 'Doomed')).toBeUndefined();
    const again = await t.request({
      method: 'DELETE',
      url: `/api/products/${product.productId}`,
      token: adminToken,
    });
    expect(again.statusCode).toBe(404);
  });
});

describe('GET /api/products and /api/categories', () => {
  let app: TestApp;
  let admin: string;
  const created: Product[] = [];
  beforeAll(async () => {
    app = await buildTestApp();
    admin = (await app.admin()).token;
    for (const [category, n] of [
      ['Alpha', 3],
      ['Beta', 5],
      ['Gamma', 2],
    ] as const) {
      for (let i = 0; i < n; i += 1)
        created.push(await app.createProduct(admin, { category, name: `${category} ${i}` }));
    }
  });
  afterAll(() => app?.close());

  it('answers {items:[{category, count}]} sorted by category', async () => {
    const response = await app.request({ url: '/api/categories' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: [
        { category: 'Alpha', count: 3 },
        { category: 'Beta', count: 5 },
        { category: 'Gamma', count: 2 },
      ],
    });
  });

  it('pages the whole catalog with the opaque cursor: every product exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=3&cursor=${encodeURIComponent(cursor)}` : 'limit=3';
      const response = await app.request({ url: `/api/products?${query}` });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((p: Product) => p.productId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen.sort()).toEqual(created.map((p) => p.productId).sort());
    expect(pages).toBeGreaterThanOrEqual(4);
  });

  it('pages one category through CategoryIndex', async () => {
    const first = (await app.request({ url: '/api/products?category=Beta&limit=2' })).json();
    expect(first.items).toHaveLength(2);
    expect(first.items.every((p: Product) => p.category === 'Beta')).toBe(true);
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest: Product[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (
        await app.request({
          url: `/api/products?category=Beta&limit=2&cursor=${encodeURIComponent(cursor)}`,
        })
      ).json();
      rest.push(...page.items);
      cursor = page.nextCursor;
    }
    const all = [...first.items, ...rest].map((p: Product) => p.productId);
    expect(new Set(all).size).toBe(5);
    expect((await app.request({ url: '/api/products?category=Nothing' })).json()).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('defaults limit to 20 and returns full Product objects', async () => {
    const response = await app.request({ url: '/api/products' });
    const page = response.json();
    expect(page.items).toHaveLength(10);
    expect(page.nextCursor).toBeNull();
    for (const item of page.items) expect(Object.keys(item).sort()).toEqual(PRODUCT_KEYS);
  });

  it.each(['0', '101', '-1', '2.5', 'ten', ''])('answers 400 for limit=%s', async (limit) => {
    const response = await app.request({ url: `/api/products?limit=${limit}` });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
  });

  it.each(['1', '100'])('accepts limit=%s', async (limit) => {
    expect((await app.request({ url: `/api/products?limit=${limit}` })).statusCode).toBe(200);
  });

  it.each([
    ['not base64 JSON', '!!!not-a-cursor'],
    ['base64 of plain text', Buffer.from('hello').toString('base64url')],
    ['a JSON number', cursorOf(42)],
    ['an object of the wrong shape', cursorOf({ productId: 1 })],
    ['a key with an empty product id', cursorOf({ productId: '', category: 'Beta' })],
    ['a key of another category', cursorOf({ productId: 'x', category: 'Alpha' })],
    ['a key with extra attributes', cursorOf({ productId: 'x', category: 'Beta', stock: '1' })],
  ])(
    'answers 400 VALIDATION_ERROR for a malformed cursor in a category: %s',
    async (_label, cursor) => {
      const response = await app.request({
        url: `/api/products?category=Beta&cursor=${encodeURIComponent(cursor)}`,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    },
  );

  it.each([
    ['not base64 JSON', '%%%'],
    ['an array', cursorOf([1, 2])],
    ['a category name that is not a string', cursorOf({ c: 5 })],
    [
      'a key of another category than the one named',
      cursorOf({ c: 'Beta', k: { productId: 'x', category: 'Alpha' } }),
    ],
    ['a key with an empty category', cursorOf({ c: '', k: { productId: 'x', category: '' } })],
  ])('answers 400 VALIDATION_ERROR for a malformed catalog cursor: %s', async (_label, cursor) => {
    const response = await app.request({
      url: `/api/products?cursor=${encodeURIComponent(cursor)}`,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
  });
});
