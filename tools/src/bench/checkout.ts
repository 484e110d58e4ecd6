import type { DataLayer } from '@mini-ecommerce/data';
import type { Order, Product } from '@mini-ecommerce/domain';
import { LOAD_TEST_JWT_SECRET } from './api-process';
import { runLoad, type LoadFigures } from './load';
import { mintToken } from './tokens';

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index] as T);
      }
    }),
  );
  return results;
}

/** Every item of a paged listing, following its cursors to the end. */
async function allPages<T>(
  page: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export const allProducts = (data: DataLayer): Promise<Product[]> =>
  allPages((cursor) => data.products.listAll(100, cursor));

export const allOrders = (data: DataLayer): Promise<Order[]> =>
  allPages((cursor) => data.orders.listAll(100, cursor));

/** Deterministic pseudo-random numbers, so every run asks for the same carts. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Shopper {
  userId: string;
  token: string;
  lines: { productId: string; quantity: number }[];
}

/**
 * Stores a user for each shopper (the API refuses a token whose user does not exist) and mints its
 * token with the stored id. Users are written directly, not registered, so the load test measures
 * the shop rather than the deliberately slow password hashing.
 */
export async function registerShoppers<T extends { userId: string; token: string }>(
  data: DataLayer,
  shoppers: T[],
  concurrency = 8,
): Promise<T[]> {
  return mapConcurrent(shoppers, concurrency, async (shopper) => {
    const user = await data.users.create({
      email: `${shopper.userId}@load-test.example.com`,
      name: shopper.userId,
      passwordHash: 'not-used-tokens-are-minted',
      role: 'customer',
    });
    return { ...shopper, userId: user.userId, token: mintToken(LOAD_TEST_JWT_SECRET, user.userId) };
  });
}

/** Shoppers with a planned cart of `linesPerCart` different products (1 or 2 of each). */
export function planShoppers(
  count: number,
  productIds: readonly string[],
  linesPerCart: number,
  prefix: string,
): Shopper[] {
  const next = random(count * 7919 + linesPerCart);
  return Array.from({ length: count }, (_, i) => {
    const userId = `${prefix}-${i}`;
    const chosen = new Set<string>();
    while (chosen.size < linesPerCart)
      chosen.add(productIds[Math.floor(next() * productIds.length)] as string);
    return {
      userId,
      token: mintToken(LOAD_TEST_JWT_SECRET, userId),
      lines: [...chosen].map((productId) => ({ productId, quantity: 1 + Math.floor(next() * 2) })),
    };
  });
}

/**
 * Many shoppers fill their carts through PUT /api/cart/items/:productId, one line per request,
 * over `connections` connections. Returns the figures and the shoppers whose every line was set.
 */
export async function fillCarts(url: string, shoppers: Shopper[], connections: number) {
  const puts = shoppers.flatMap((shopper) => shopper.lines.map((line) => ({ shopper, line })));
  const okLines = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  let lastAnswer = started;
  const measured = await runLoad({
    url,
    connections,
    amount: puts.length,
    requests: [
      {
        method: 'PUT',
        setupRequest: (request, context) => {
          const put = puts[next++ % puts.length];
          if (!put) return request;
          (context as { userId?: string }).userId = put.shopper.userId;
          return {
            ...request,
            path: `/api/cart/items/${put.line.productId}`,
            headers: {
              ...request.headers,
              authorization: `Bearer ${put.shopper.token}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ quantity: put.line.quantity }),
          };
        },
        onResponse: (status, _body, context) => {
          lastAnswer = performance.now();
          const { userId } = context as { userId?: string };
          if (status === 200 && userId) okLines.set(userId, (okLines.get(userId) ?? 0) + 1);
        },
      },
    ],
  });
  // A fixed amount ends on autocannon's one-second tick; rate the requests by their own time.
  const durationSeconds = (lastAnswer - started) / 1000;
  const figures = {
    ...measured,
    durationSeconds,
    requestsPerSecond: measured.requests / durationSeconds,
  };
  const ready = shoppers.filter((shopper) => okLines.get(shopper.userId) === shopper.lines.length);
  return { figures, ready };
}

export interface CheckoutOutcome {
  figures: LoadFigures;
  ordersPerSecond: number;
  /** From the first request to the last answer. */
  seconds: number;
  answered: { orderId: string; lines: number }[];
}

/** Every order needs a delivery address; the storefront sends one inline like this. */
const BENCH_ORDER_BODY = JSON.stringify({
  address: {
    name: 'Bench Buyer',
    line1: '1 Load Street',
    city: 'Springfield',
    postalCode: '12345',
    country: 'US',
  },
});

/** Concurrent buyers each POST /api/orders once for their filled cart (with an Idempotency-Key, as the storefront does). */
export async function checkout(
  url: string,
  buyers: Shopper[],
  connections: number,
): Promise<CheckoutOutcome> {
  const answered: { orderId: string; lines: number }[] = [];
  let next = 0;
  // autocannon notices the end of a fixed amount on its one-second tick; time the orders themselves.
  const started = performance.now();
  let lastAnswer = started;
  // autocannon prepares one request per connection ahead; keep those on buyers we do not count on.
  const amount = Math.max(0, buyers.length - 2 * connections);
  const figures = await runLoad({
    url,
    connections,
    amount,
    requests: [
      {
        method: 'POST',
        path: '/api/orders',
        setupRequest: (request) => {
          const buyer = buyers[next++ % buyers.length] as Shopper;
          return {
            ...request,
            headers: {
              ...request.headers,
              authorization: `Bearer ${buyer.token}`,
              'idempotency-key': `bench-order-${buyer.userId}`,
              'content-type': 'application/json',
            },
            body: BENCH_ORDER_BODY,
          };
        },
        onResponse: (status, body) => {
          lastAnswer = performance.now();
          if (status !== 201) return;
          const order = JSON.parse(body) as Order;
          answered.push({ orderId: order.orderId, lines: order.items.length });
        },
      },
    ],
  });
  const seconds = (lastAnswer - started) / 1000;
  return { figures, ordersPerSecond: answered.length / seconds, seconds, answered };
}

export interface CheckoutAudit {
  answered201: number;
  ordersInDatabase: number;
  /** Orders answered 201 that the database does not have. */
  lostOrders: number;
  /** Units sold beyond the stock there was (negative stock, or more ordered than was there). */
  oversoldUnits: number;
  /** Units by which stock and the orders that exist disagree (a half-written order). */
  stockMismatchUnits: number;
}

/** Reads the truth back from DynamoDB (consistent reads) and checks it against what the API answered. */
export async function auditCheckout(
  data: DataLayer,
  initialStock: Map<string, number>,
  answered: { orderId: string }[],
): Promise<CheckoutAudit> {
  const stored = await mapConcurrent(answered, 16, (order) => data.orders.get(order.orderId));
  const lostOrders = stored.filter((order) => !order).length;
  const orders = await allOrders(data);
  const ordered = new Map<string, number>();
  for (const order of orders) {
    for (const line of order.items)
      ordered.set(line.productId, (ordered.get(line.productId) ?? 0) + line.quantity);
  }
  const final = await data.products.getMany([...initialStock.keys()], { consistent: true });
  let oversoldUnits = 0;
  let stockMismatchUnits = 0;
  for (const [productId, initial] of initialStock) {
    const sold = ordered.get(productId) ?? 0;
    const left = final.get(productId)?.stock ?? 0;
    oversoldUnits += Math.max(0, sold - initial, -left);
    stockMismatchUnits += Math.abs(initial - left - sold);
  }
  return {
    answered201: answered.length,
    ordersInDatabase: orders.length,
    lostOrders,
    oversoldUnits,
    stockMismatchUnits,
  };
}
