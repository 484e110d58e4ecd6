/**
 * The ceilings the bench holds the API to, measured against the same DynamoDB Local in the same
 * run: the raw TransactWriteItems of a checkout (built by the data layer's own
 * placement, so the shape is exactly what POST /api/orders sends) and the DynamoDB
 * calls of a cart update made directly (the same repository methods, without HTTP).
 */
import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { newOrderNumber, type DataLayer, type TransactWriteItem } from '@mini-ecommerce/data';
import type { Product } from '@mini-ecommerce/domain';
import { mapConcurrent, random } from './checkout';

export interface RateFigures {
  count: number;
  seconds: number;
  perSecond: number;
  /** Transactions cancelled by a conflicting one and sent again (checkout only). */
  retries: number;
  failures: number;
  latencyMs: { p50: number; p99: number };
}

/** The transaction shapes tried: the one the API sends now, and the ones it sent before. */
export type CheckoutShape = 'current' | 'with-all-feed' | 'without-sales-counter';
export const SHAPE_NOTES: Record<CheckoutShape, string> = {
  current: 'the shape POST /api/orders sends',
  'with-all-feed': 'before: plus a second feed copy in one #ORDERS#ALL partition',
  'without-sales-counter':
    'without the dashboard sales counter (not taken: the dashboard needs it)',
};

function reshape(items: TransactWriteItem[], shape: CheckoutShape, lines: number) {
  if (shape === 'current') return items;
  if (shape === 'without-sales-counter') return items.slice(0, -1);
  // The all-orders feed copy the API wrote before: the feed copy again, in one partition. Keyed
  // apart from the old layout's `#FEED#ALL#` copies, which the data layer would migrate.
  const feed = items[lines + 1]?.Put as NonNullable<TransactWriteItem['Put']>;
  const order = items[lines]?.Put?.Item as Record<string, unknown>;
  const copy = {
    Put: {
      TableName: feed.TableName,
      Item: { ...feed.Item, orderId: `#BENCH#ALL#${order.orderId}`, userId: '#BENCH#ALL' },
    },
  };
  return [...items.slice(0, lines + 2), copy, ...items.slice(lines + 2)];
}

function figures(times: number[], seconds: number, retries: number, failures: number) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    count: times.length,
    seconds,
    perSecond: times.length / seconds,
    retries,
    failures,
    latencyMs: { p50: at(0.5), p99: at(0.99) },
  };
}

/**
 * Raw TransactWriteItems of a `linesPerCart`-line order, `count` of them `concurrency` at a time:
 * carts written first (outside the timing) so every delete's condition holds, then each order's
 * transaction exactly as placement builds it (conflicts sent again, as the API does).
 */
export async function rawCheckoutCeiling(
  data: DataLayer,
  products: Product[],
  options: {
    count: number;
    concurrency: number;
    linesPerCart: number;
    shape: CheckoutShape;
    /**
     * Also make, before each transaction, the three reads POST /api/orders makes before its own:
     * the caller's user (authentication), the cart's lines and their products (one BatchGetItem).
     */
    withReads?: boolean;
  },
): Promise<RateFigures> {
  const next = random(options.count * 31 + options.linesPerCart);
  const run = `raw-${Date.now().toString(36)}`;
  const catalog = new Map(products.map((p) => [p.productId, p]));
  const orders = Array.from({ length: options.count }, (_, i) => {
    const userId = `${run}-${i}`;
    const chosen = new Set<string>();
    while (chosen.size < options.linesPerCart)
      chosen.add((products[Math.floor(next() * products.length)] as Product).productId);
    const lines = [...chosen].map((productId) => ({ productId, quantity: 1 + (i % 2) }));
    return { userId, lines };
  });
  // The carts, in BatchWriteItem chunks (not timed).
  const puts = orders.flatMap((o) =>
    o.lines.map((line) => ({
      PutRequest: {
        Item: { userId: o.userId, ...line, updatedAt: new Date().toISOString() },
      },
    })),
  );
  const chunks = Array.from({ length: Math.ceil(puts.length / 25) }, (_, i) =>
    puts.slice(i * 25, i * 25 + 25),
  );
  await mapConcurrent(chunks, 8, async (chunk) => {
    let pending: typeof chunk | undefined = chunk;
    while (pending && pending.length) {
      const out = await data.clients.documentClient.send(
        new BatchWriteCommand({ RequestItems: { [data.names.cart]: pending } }),
      );
      pending = out.UnprocessedItems?.[data.names.cart] as typeof chunk | undefined;
    }
  });
  const transactions = orders.map((o) => {
    const order = data.orders.draft({
      orderId: `o-${o.userId}`,
      orderNumber: newOrderNumber(),
      userId: o.userId,
      lines: o.lines,
      products: catalog,
      customer: { name: 'Raw Buyer', email: 'raw@load-test.example.com' },
      shippingAddress: {
        name: 'Bench Buyer',
        line1: '1 Load Street',
        city: 'Springfield',
        postalCode: '12345',
        country: 'US',
      },
    });
    return {
      ...o,
      items: reshape(
        data.orders.placement(order, o.lines).items,
        options.shape,
        options.linesPerCart,
      ),
    };
  });
  let retries = 0;
  let failures = 0;
  const times: number[] = [];
  const started = performance.now();
  await mapConcurrent(transactions, options.concurrency, async ({ userId, lines, items }) => {
    const sent = performance.now();
    if (options.withReads) {
      await data.users.getById(userId);
      await data.cart.lines(userId);
      await data.products.getMany(lines.map((line) => line.productId));
    }
    for (let attempt = 0; ; attempt += 1) {
      try {
        await data.clients.documentClient.send(new TransactWriteCommand({ TransactItems: items }));
        times.push(performance.now() - sent);
        return;
      } catch (error) {
        const name = (error as { name?: string }).name;
        const conflict =
          name === 'TransactionCanceledException' &&
          !String((error as Error).message).includes('ConditionalCheckFailed');
        if (!conflict || attempt >= 12) {
          failures += 1;
          return;
        }
        retries += 1;
        // The API's backoff (OrderRepository.place): a retry storm would measure the storm.
        await new Promise((r) =>
          setTimeout(r, Math.min(250, 4 * 2 ** attempt) * (0.5 + Math.random())),
        );
      }
    }
  });
  return figures(times, (performance.now() - started) / 1000, retries, failures);
}

/**
 * The DynamoDB calls of PUT /api/cart/items/:id made directly, in the API's order: the caller's
 * user (authentication), then the product and the cart's lines at once, the line's Put, and the
 * other products of the cart (one BatchGetItem). Same shoppers' users, carts of their own.
 */
export async function rawCartCeiling(
  data: DataLayer,
  shoppers: { userId: string; lines: { productId: string; quantity: number }[] }[],
  concurrency: number,
): Promise<RateFigures> {
  const run = `rawcart-${Date.now().toString(36)}`;
  const puts = shoppers.flatMap((shopper) =>
    shopper.lines.map((line) => ({ shopper, line, cartOwner: `${run}-${shopper.userId}` })),
  );
  const times: number[] = [];
  let failures = 0;
  const started = performance.now();
  await mapConcurrent(puts, concurrency, async ({ shopper, line, cartOwner }) => {
    const sent = performance.now();
    try {
      await data.users.getById(shopper.userId);
      const [product, current] = await Promise.all([
        data.products.get(line.productId),
        data.cart.lines(cartOwner),
      ]);
      if (!product) throw new Error('no product');
      const lines = await data.cart.setQuantity(cartOwner, line.productId, line.quantity, current);
      const others = lines.map((l) => l.productId).filter((id) => id !== line.productId);
      if (others.length) await data.products.getMany(others);
      times.push(performance.now() - sent);
    } catch {
      failures += 1;
    }
  });
  return figures(times, (performance.now() - started) / 1000, 0, failures);
}
