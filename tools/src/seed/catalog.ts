import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProductRepository } from '@mini-ecommerce/data';
import type { ProductCreate } from '@mini-ecommerce/domain';
import { SEED_CATEGORIES, type SeedCategory } from './catalog-data';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** A small deterministic SVG card for a product: its category colour, a shape and its name. */
export function productSvg(name: string, category: SeedCategory, index: number): string {
  const words = name.split(' ');
  const lines = [
    words.slice(0, Math.ceil(words.length / 2)).join(' '),
    words.slice(Math.ceil(words.length / 2)).join(' '),
  ];
  const shape =
    index % 3 === 0
      ? '<circle cx="200" cy="150" r="70" fill="#ffffff" fill-opacity="0.25"/>'
      : index % 3 === 1
        ? '<rect x="135" y="85" width="130" height="130" rx="18" fill="#ffffff" fill-opacity="0.25"/>'
        : '<polygon points="200,70 280,220 120,220" fill="#ffffff" fill-opacity="0.25"/>';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="${escapeXml(name)}">
<rect width="400" height="400" fill="${category.color}"/>
${shape}
<text x="200" y="290" font-family="system-ui, sans-serif" font-size="24" font-weight="600" fill="#ffffff" text-anchor="middle">${escapeXml(lines[0] ?? '')}</text>
<text x="200" y="322" font-family="system-ui, sans-serif" font-size="24" font-weight="600" fill="#ffffff" text-anchor="middle">${escapeXml(lines[1] ?? '')}</text>
<text x="200" y="362" font-family="system-ui, sans-serif" font-size="16" fill="#ffffff" fill-opacity="0.85" text-anchor="middle">${escapeXml(category.name)}</text>
</svg>
`;
}

/** The demo products, with stock varied deterministically (a few are sold out). */
export function seedProducts(): (ProductCreate & { imageSlug: string; svg: string })[] {
  return SEED_CATEGORIES.flatMap((category) =>
    category.products.map(([name, detail, price], index) => {
      const imageSlug = `${slug(category.name)}-${slug(name)}`;
      return {
        name,
        description: `${detail}. A favourite ${category.blurb}.`,
        category: category.name,
        price,
        currency: 'USD',
        stock: index === 7 ? 0 : ((index * 37 + category.name.length * 11) % 90) + 10,
        imageUrl: `/images/seed/${imageSlug}.svg`,
        imageSlug,
        svg: productSvg(name, category, index),
      };
    }),
  );
}

/**
 * Seeds the demo catalog when the products table is empty: writes the SVG images under
 * `imagesDir/seed/` and creates the products through the repository (so category counts hold).
 */
export async function seedCatalogIfEmpty(
  products: ProductRepository,
  imagesDir: string,
  log: (message: string) => void = () => undefined,
): Promise<{ seeded: number }> {
  if ((await products.categories()).length > 0) return { seeded: 0 };
  const all = seedProducts();
  await mkdir(join(imagesDir, 'seed'), { recursive: true });
  await Promise.all(
    all.map((p) => writeFile(join(imagesDir, 'seed', `${p.imageSlug}.svg`), p.svg)),
  );
  let done = 0;
  for (const { imageSlug: _slug, svg: _svg, ...product } of all) {
    await products.create(product);
    done += 1;
    if (done % 30 === 0 || done === all.length) log(`seeded ${done}/${all.length} products`);
  }
  return { seeded: all.length };
}
