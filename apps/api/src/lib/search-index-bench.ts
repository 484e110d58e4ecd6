/**
 * The search rows of `npm run bench` (tools/src/bench spawns this file), run as a process of its
 * own so the heap it measures is the index's: builds ProductSearch over 10,000 products (shop-like
 * names and descriptions, varied) and times queries a shopper types (words, prefixes, typos, two
 * words). Prints one JSON line. Run with --expose-gc.
 */
import { performance } from 'node:perf_hooks';
import type { Page, Product } from '@mini-ecommerce/domain';
import { ProductSearch, type SearchSource } from './product-search';

const PRODUCTS = Number(process.argv[2] ?? 10_000);
const QUERIES = 2_000;
const ADJECTIVES = ['Classic', 'Compact', 'Deluxe', 'Eco', 'Pro', 'Mini', 'Large', 'Travel'];
const COLOURS = ['black', 'walnut', 'sage', 'ivory', 'slate', 'terracotta', 'navy', 'sand'];

const CATEGORIES: Record<string, string[]> = {
  Kitchen: ['Cast Iron Skillet', 'Chef Knife', 'Cutting Board', 'Coffee Kettle', 'Mixing Bowls'],
  Home: ['Linen Throw', 'Desk Lamp', 'Wool Rug', 'Ceramic Vase', 'Wall Clock'],
  Outdoor: ['Camping Stove', 'Trail Backpack', 'Hammock', 'Water Bottle', 'Headlamp'],
  Office: ['Notebook', 'Fountain Pen', 'Monitor Stand', 'Desk Organizer', 'Task Chair'],
  Garden: ['Pruning Shears', 'Watering Can', 'Planter Box', 'Garden Gloves', 'Seed Tray'],
  Audio: ['Wireless Headphones', 'Bookshelf Speaker', 'Turntable', 'Soundbar', 'Earbuds'],
  Fitness: ['Yoga Mat', 'Kettlebell', 'Jump Rope', 'Foam Roller', 'Resistance Bands'],
  Toys: ['Wooden Blocks', 'Puzzle', 'Kite', 'Building Set', 'Plush Bear'],
};
const DETAILS = [
  'durable and easy to clean, made to last for years',
  'lightweight design with a comfortable grip',
  'handmade from sustainably sourced materials',
  'compact enough for small spaces, generous where it counts',
];
const seeds = Object.entries(CATEGORIES).flatMap(([category, names]) =>
  names.map((name, i) => ({ category, name, detail: DETAILS[i % DETAILS.length] as string })),
);
const products: Product[] = Array.from({ length: PRODUCTS }, (_, i) => {
  const seed = seeds[i % seeds.length] as (typeof seeds)[number];
  const adjective = ADJECTIVES[Math.floor(i / seeds.length) % ADJECTIVES.length] as string;
  const colour = COLOURS[Math.floor(i / (seeds.length * ADJECTIVES.length)) % COLOURS.length];
  return {
    productId: `p-${i.toString().padStart(6, '0')}`,
    name: `${adjective} ${seed.name}`,
    description: `${seed.detail}; in ${colour} (${i})`,
    category: seed.category,
    price: 1000 + (i % 500),
    currency: 'USD',
    stock: 10,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
});

/** The catalog in memory, read the way the API reads DynamoDB (pages of 100). */
const source: SearchSource = {
  listAll: async (limit: number, cursor?: string): Promise<Page<Product>> => {
    const from = cursor ? Number(cursor) : 0;
    const items = products.slice(from, from + limit);
    return { items, nextCursor: from + limit < products.length ? String(from + limit) : null };
  },
  catalogVersion: async () => 1,
  getMany: async (ids: readonly string[]) =>
    new Map(products.filter((p) => ids.includes(p.productId)).map((p) => [p.productId, p])),
};

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
gc();
const heapBefore = process.memoryUsage().heapUsed;
const search = new ProductSearch(source, { refreshMs: 300_000 });
const buildStarted = performance.now();
await search.refresh();
const buildMs = performance.now() - buildStarted;
gc();
const indexBytes = process.memoryUsage().heapUsed - heapBefore;

const words = seeds.flatMap((s) => s.name.split(/\s+/)).filter((w) => /^[A-Za-z]{4,}$/.test(w));
const queries = Array.from({ length: QUERIES }, (_, i) => {
  const word = (words[(i * 7919) % words.length] as string).toLowerCase();
  switch (i % 4) {
    case 0:
      return word; // a whole word
    case 1:
      return word.slice(0, 3); // typing: a prefix
    case 2:
      return word.slice(0, -2) + word.slice(-1) + word.slice(-2, -1); // a typo (swapped letters)
    default:
      return `${word} ${(COLOURS[i % COLOURS.length] as string).slice(0, 4)}`; // two words
  }
});
const times: number[] = [];
let hits = 0;
for (const query of queries) {
  const started = performance.now();
  hits += search.match(query, 20, 0).ids.length;
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] as number;
console.log(
  JSON.stringify({
    products: PRODUCTS,
    queries: QUERIES,
    averageHits: hits / QUERIES,
    buildMs,
    indexBytes,
    latencyMs: { p50: at(0.5), p99: at(0.99), max: times[times.length - 1] },
  }),
);
