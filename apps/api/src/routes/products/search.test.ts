import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product, ProductSearchPage } from '@mini-ecommerce/domain';
import { buildTestApp, errorOf, type TestApp } from '../../test/test-app';

let t: TestApp;
let adminToken: string;
const created: Record<string, Product> = {};

beforeAll(async () => {
  t = await buildTestApp();
  adminToken = (await t.admin()).token;
  const catalog = [
    { key: 'lamp', name: 'Brass desk lamp', category: 'Lighting', description: 'Warm light.' },
    { key: 'walnutDesk', name: 'Walnut desk', category: 'Furniture', description: 'Solid wood.' },
    {
      key: 'oakShelf',
      name: 'Oak shelf',
      category: 'Furniture',
      description: 'Fits beside a walnut desk.',
    },
    { key: 'mug', name: 'Enamel mug', category: 'Kitchen', description: 'Keeps coffee warm.' },
  ];
  for (const { key, ...product } of catalog) {
    created[key] = await t.createProduct(adminToken, product);
  }
});
afterAll(() => t?.close());

const search = async (app: TestApp, query: string) => {
  const response = await app.request({ url: `/api/products/search?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ProductSearchPage>();
};
const names = (page: ProductSearchPage) => page.items.map((product) => product.name);

describe('GET /api/products/search', () => {
  it('matches the beginning of a word in the name, description or category', async () => {
    expect(names(await search(t, 'q=enam'))).toEqual(['Enamel mug']);
    expect(names(await search(t, 'q=coff'))).toEqual(['Enamel mug']);
    expect(names(await search(t, 'q=LIGHT'))).toEqual(['Brass desk lamp']);
  });

  it('tolerates a typo', async () => {
    expect(names(await search(t, 'q=walnot'))).toContain('Walnut desk');
    expect(names(await search(t, 'q=enamal%20mig'))).toEqual(['Enamel mug']);
  });

  it('ranks a match in the name above a match in the description, and needs every word', async () => {
    expect(names(await search(t, 'q=walnut'))).toEqual(['Walnut desk', 'Oak shelf']);
    expect(names(await search(t, 'q=walnut%20lamp'))).toEqual([]);
    const page = await search(t, 'q=walnut');
    expect(page.items[0]).toEqual(created.walnutDesk);
  });

  it('pages through the ranked results with an opaque cursor', async () => {
    const all = names(await search(t, 'q=desk&limit=10'));
    expect(all).toHaveLength(3);
    const first = await search(t, 'q=desk&limit=2');
    expect(names(first)).toEqual(all.slice(0, 2));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await search(t, `q=desk&limit=2&cursor=${first.nextCursor}`);
    expect(names(second)).toEqual(all.slice(2));
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ['no q', ''],
    ['an empty q', 'q='],
    ['a whitespace-only q', 'q=%20%20%20'],
    ['a q over 100 characters', `q=${'a'.repeat(101)}`],
    ['a limit over 100', 'q=desk&limit=101'],
    ['a cursor that is not one', 'q=desk&cursor=bm9wZQ'],
  ])('refuses %s with 400 VALIDATION_ERROR', async (_name, query) => {
    const response = await t.request({ url: `/api/products/search?${query}` });
    expect(response.statusCode, response.body).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
  });

  it('finds a product as soon as it is created or renamed, and no longer once deleted', async () => {
    const product = await t.createProduct(adminToken, { name: 'Linen tablecloth' });
    expect(names(await search(t, 'q=tablecloth'))).toEqual(['Linen tablecloth']);

    const renamed = await t.request({
      method: 'PATCH',
      url: `/api/products/${product.productId}`,
      token: adminToken,
      payload: { name: 'Cotton napkin' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(names(await search(t, 'q=tablecloth'))).toEqual([]);
    expect(names(await search(t, 'q=napkin'))).toEqual(['Cotton napkin']);

    const deleted = await t.request({
      method: 'DELETE',
      url: `/api/products/${product.productId}`,
      token: adminToken,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(names(await search(t, 'q=napkin'))).toEqual([]);
  });
});

describe('two instances on the same tables', () => {
  const REFRESH_MS = 200;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await buildTestApp({ SEARCH_REFRESH_MS: String(REFRESH_MS) });
    b = await buildTestApp({ SEARCH_REFRESH_MS: String(REFRESH_MS) }, { data: a.data });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** Polls for up to a few refresh intervals; answers the time it took. */
  const waitFor = async (check: () => Promise<boolean>) => {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > REFRESH_MS * 5) throw new Error('not seen within the interval');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return Date.now() - started;
  };

  it('a product created, renamed or deleted on one is found (or not) on the other within the refresh interval', async () => {
    const token = (await a.admin()).token;
    expect(names(await search(b, 'q=hammock'))).toEqual([]);

    const product = await a.createProduct(token, { name: 'Rope hammock', category: 'Garden' });
    await waitFor(async () => names(await search(b, 'q=hammock')).length === 1);
    expect((await search(b, 'q=hammock')).items).toEqual([product]);

    const renamed = await a.request({
      method: 'PATCH',
      url: `/api/products/${product.productId}`,
      token,
      payload: { name: 'Canvas swing' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    await waitFor(async () => names(await search(b, 'q=swing')).length === 1);
    expect(names(await search(b, 'q=hammock'))).toEqual([]);

    const deleted = await a.request({
      method: 'DELETE',
      url: `/api/products/${product.productId}`,
      token,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    // Never returned once deleted (each page is read from DynamoDB), even before b refreshes.
    expect(names(await search(b, 'q=swing'))).toEqual([]);
  });
});
