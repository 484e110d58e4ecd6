import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataLayer } from '@mini-ecommerce/data';
import { createTestDataLayer } from '@mini-ecommerce/data/testing';
import { Product } from '@mini-ecommerce/domain';
import { seedCatalogIfEmpty, seedProducts } from './catalog';

let data: DataLayer;
beforeAll(async () => {
  data = await createTestDataLayer();
});
afterAll(() => data?.close());

describe('demo catalog', () => {
  it('has at least 100 distinct, valid products over at least 6 categories', () => {
    const products = seedProducts();
    expect(products.length).toBeGreaterThanOrEqual(100);
    expect(new Set(products.map((p) => p.category)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(products.map((p) => p.name)).size).toBe(products.length);
    for (const p of products) {
      expect(p.price).toBeGreaterThan(0);
      expect(Number.isInteger(p.price)).toBe(true);
      expect(p.description.length).toBeGreaterThan(20);
    }
    expect(products.some((p) => p.stock === 0)).toBe(true);
  });

  it('seeds an empty table once, with an SVG image per product', async () => {
    const imagesDir = mkdtempSync(join(tmpdir(), 'seed-images-'));
    const first = await seedCatalogIfEmpty(data.products, imagesDir);
    expect(first.seeded).toBe(seedProducts().length);
    const second = await seedCatalogIfEmpty(data.products, imagesDir);
    expect(second.seeded).toBe(0);

    const categories = await data.products.categories();
    expect(categories.reduce((sum, c) => sum + c.count, 0)).toBe(first.seeded);
    const [firstCategory] = categories;
    if (!firstCategory) throw new Error('the seeded catalog has no category');
    const page = await data.products.listByCategory(firstCategory.category, 100);
    expect(page.items).toHaveLength(firstCategory.count);
    for (const product of page.items) {
      expect(Product.safeParse(product).success).toBe(true);
      expect(product.imageUrl).toMatch(/^\/images\//);
      const file = join(imagesDir, (product.imageUrl ?? '').replace('/images/', ''));
      expect(readFileSync(file, 'utf8')).toContain('<svg');
    }
    expect(readdirSync(join(imagesDir, 'seed'))).toHaveLength(first.seeded);
  });
});
