import { describe, expect, it } from 'vitest';
import { CatalogCache } from './catalog-cache';
import { ORDER_BODY, buildTestApp } from '../test/test-app';

describe('CatalogCache', () => {
  it('shares one load between concurrent misses, expires after ttl and does not keep failures', async () => {
    let now = 0;
    let loads = 0;
    const cache = new CatalogCache(1000, { now: () => now });
    const load = async () => (loads += 1);
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
    now = 999;
    expect(await cache.get('k', load)).toBe(1);
    now = 1000;
    expect(await cache.get('k', load)).toBe(2);
    await expect(cache.get('bad', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('bad', async () => 'fine')).toBe('fine');
  });

  it('peeks only at values that have loaded and not expired', async () => {
    let now = 0;
    const cache = new CatalogCache(1000, { now: () => now });
    let release: (value: string) => void = () => undefined;
    const pending = cache.get('k', () => new Promise<string>((resolve) => (release = resolve)));
    expect(cache.peek('k')).toBeUndefined();
    release('page');
    await pending;
    expect(cache.peek('k')).toBe('page');
    now = 1000;
    expect(cache.peek('k')).toBeUndefined();
    expect(new CatalogCache(0).peek('k')).toBeUndefined();
  });
});

describe('catalog reads with the default cache lifetime', () => {
  it('show the new stock and price on this instance right after a checkout or an admin change', async () => {
    const t = await buildTestApp({ CATALOG_CACHE_TTL_MS: '60000' });
    try {
      const admin = await t.admin();
      const product = await t.createProduct(admin.token, {
        stock: 5,
        price: 100,
        category: 'Cached',
      });
      const read = async () =>
        (await t.request({ url: `/api/products/${product.productId}` })).json();
      const list = async () =>
        (await t.request({ url: '/api/products?category=Cached' })).json().items[0];
      expect((await read()).stock).toBe(5);
      expect((await list()).stock).toBe(5);
      const buyer = await t.quickCustomer();
      await t.addToCart(buyer.token, product.productId, 2);
      expect(
        (
          await t.request({
            method: 'POST',
            url: '/api/orders',
            token: buyer.token,
            payload: ORDER_BODY,
          })
        ).statusCode,
      ).toBe(201);
      expect((await read()).stock).toBe(3);
      expect((await list()).stock).toBe(3);
      await t.request({
        method: 'PATCH',
        url: `/api/products/${product.productId}`,
        token: admin.token,
        payload: { price: 150 },
      });
      expect((await read()).price).toBe(150);
      const orders = (await t.request({ url: '/api/admin/orders', token: admin.token })).json()
        .items;
      await t.request({
        method: 'PATCH',
        url: `/api/orders/${orders[0].orderId}`,
        token: admin.token,
        payload: { status: 'CANCELLED' },
      });
      expect((await read()).stock).toBe(5);
    } finally {
      await t.close();
    }
  });
});
