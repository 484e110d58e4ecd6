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

/** Line icons on a 24-unit grid, one per demo category (a parcel for any other). */
const CATEGORY_ICONS: Record<string, string> = {
  Kitchen:
    '<path d="M4 10h16v5a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5z"/><path d="M2 10h20"/><path d="M9 7c0-1.2 1.3-2 3-2s3 .8 3 2"/>',
  Books:
    '<path d="M12 6.5C10 5 7 4.5 4 5v13.5c3-.5 6 0 8 1.5 2-1.5 5-2 8-1.5V5c-3-.5-6 0-8 1.5z"/><path d="M12 6.5V20"/>',
  Electronics:
    '<path d="M4 16v-4a8 8 0 0 1 16 0v4"/><path d="M4 15h3v5H5.5A1.5 1.5 0 0 1 4 18.5z"/><path d="M20 15h-3v5h1.5a1.5 1.5 0 0 0 1.5-1.5z"/>',
  Outdoors: '<path d="M12 4 3 20h18z"/><path d="M12 4v16"/><path d="M9 20l3-5 3 5"/>',
  Home: '<path d="M8 3h8l3 8H5z"/><path d="M12 11v8"/><path d="M8 20h8"/>',
  'Toys & Games':
    '<rect x="5" y="5" width="14" height="14" rx="3"/><circle cx="9" cy="9" r=".9"/><circle cx="15" cy="15" r=".9"/><circle cx="12" cy="12" r=".9"/><circle cx="15" cy="9" r=".9"/><circle cx="9" cy="15" r=".9"/>',
  Beauty:
    '<path d="M10 3h4v3h-4z"/><path d="M8 9a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2h-4a2 2 0 0 1-2-2z"/><path d="M8 13h8"/>',
  Sports:
    '<circle cx="12" cy="12" r="8"/><path d="M4 12h16"/><path d="M12 4c2.6 2.3 2.6 13.7 0 16"/><path d="M12 4c-2.6 2.3-2.6 13.7 0 16"/>',
};
const PARCEL_ICON =
  '<path d="M4 8l8-4 8 4v8l-8 4-8-4z"/><path d="M4 8l8 4 8-4"/><path d="M12 12v8"/>';

/** `color` mixed into `base` by `amount` (0..1), as #rrggbb. */
function mix(color: string, base: string, amount: number): string {
  const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const base3 = channels(base);
  return `#${channels(color)
    .map((c, i) => Math.round(c * amount + (base3[i] ?? c) * (1 - amount)))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

/**
 * A quiet placeholder photo for a product: a near-neutral background barely tinted by its
 * category, a soft disc and the category's line icon in a muted tone. No text: the storefront
 * prints the name beside it, and the picture must not compete with the buttons. The tint steps
 * with the product's position so neighbouring cards differ a little.
 */
export function productSvg(_name: string, category: SeedCategory, index: number): string {
  const background = mix(category.color, '#f5f5f4', 0.05 + (index % 3) * 0.02);
  const ink = mix(category.color, '#57534e', 0.35);
  const icon = CATEGORY_ICONS[category.name] ?? PARCEL_ICON;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
<rect width="400" height="400" fill="${background}"/>
<ellipse cx="200" cy="300" rx="92" ry="10" fill="#000000" fill-opacity="0.05"/>
<circle cx="200" cy="190" r="104" fill="#ffffff" fill-opacity="0.6"/>
<g transform="translate(140 130) scale(5)" fill="none" stroke="${ink}" stroke-width="1.1" stroke-linecap="round" stroke-linejoin="round">${icon}</g>
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
