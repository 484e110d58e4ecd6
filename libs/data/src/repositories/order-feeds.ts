import { createHash, randomBytes } from 'node:crypto';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import {
  ORDER_NUMBER_ALPHABET,
  ORDER_STATUSES,
  type OrderNumber,
  type OrderStatus,
  type Page,
} from '@mini-ecommerce/domain';
import { INDEX_NAMES } from '@mini-ecommerce/stack-model';
import type { DataContext } from '../context';
import { decodeCursor, encodeCursor, withStartKey } from '../cursor';

/**
 * The admin feeds: one copy of every order in a UserOrdersIndex partition no user id can take,
 * `#ORDERS#<status>#<shard>`. The copy is keyed by the order number (`#N#<number>`), so the same
 * item that lists the order for admins also makes its number unique (the placement transaction
 * puts it on the condition that the key is free) and finds an order by its number (one GetItem).
 *
 * A status has FEED_SHARDS partitions, the shard taken from the order number (random), so each
 * partition key receives about 1/FEED_SHARDS of the order rate (docs/scaling.md has the
 * arithmetic). Listings merge the shards newest first; "every order" merges every status's shards.
 * Raising FEED_SHARDS later is safe for writes; readers must then read the old shards too.
 */
export const FEED_SHARDS = 4;

export const feedCopyId = (orderNumber: string) => `#N#${orderNumber}`;
export const feedShard = (orderNumber: string) =>
  ORDER_NUMBER_ALPHABET.indexOf(orderNumber.charAt(orderNumber.length - 1)) % FEED_SHARDS;
export const feedPartition = (status: OrderStatus, shard: number) => `#ORDERS#${status}#${shard}`;

/** A fresh random order number: 40 bits in Crockford base32, `XXXX-XXXX`. */
export function newOrderNumber(): OrderNumber {
  return formatNumber(randomBytes(5));
}

/**
 * Orders placed before numbers existed show one derived from their id (display only: such orders
 * have no number item, so they cannot be found by it).
 */
export function legacyOrderNumber(orderId: string): OrderNumber {
  return formatNumber(createHash('sha256').update(orderId).digest().subarray(0, 5));
}

function formatNumber(bytes: Uint8Array): OrderNumber {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < 8; i += 1) {
    text = ORDER_NUMBER_ALPHABET.charAt(Number(value & 31n)) + text;
    value >>= 5n;
  }
  return `${text.slice(0, 4)}-${text.slice(4)}`;
}

/** A partition's position in a merged listing: not started, after this item, or read to the end. */
type ShardPosition = 0 | 1 | [createdAt: string, orderId: string];
interface MergeCursor {
  /** The status listed ('' for every order): a cursor of one listing is no position in another. */
  s: string;
  p: ShardPosition[];
}

const isPosition = (value: unknown): value is ShardPosition =>
  value === 0 ||
  value === 1 ||
  (Array.isArray(value) &&
    value.length === 2 &&
    value.every((part) => typeof part === 'string' && part.length > 0 && part.length <= 200) &&
    (value[1] as string).startsWith('#N#'));

/** The partitions a listing reads: one status's shards, or every status's. */
export function feedPartitions(status?: OrderStatus): string[] {
  const statuses = status ? [status] : ORDER_STATUSES;
  return statuses.flatMap((s) =>
    Array.from({ length: FEED_SHARDS }, (_, shard) => feedPartition(s, shard)),
  );
}

interface FeedItem {
  orderId: string;
  userId: string;
  createdAt: string;
}

/**
 * Access pattern: a newest-first page over several feed partitions. Each partition not yet read
 * to its end is queried (newest first, at most `limit` items, in parallel); the heads are merged
 * by `createdAt`, and the cursor keeps each partition's position, so no order is skipped or
 * repeated across pages whatever the shards' interleaving.
 */
export async function mergeFeeds<T extends FeedItem>(
  ctx: DataContext,
  listing: string,
  partitions: readonly string[],
  limit: number,
  cursor: string | undefined,
): Promise<Page<T>> {
  const state = decodeCursor(
    cursor,
    (value): value is MergeCursor =>
      typeof value === 'object' &&
      value !== null &&
      (value as MergeCursor).s === listing &&
      Array.isArray((value as MergeCursor).p) &&
      (value as MergeCursor).p.length === partitions.length &&
      (value as MergeCursor).p.every(isPosition),
  );
  const positions: ShardPosition[] = state?.p ?? partitions.map(() => 0);
  const fetched = await Promise.all(
    partitions.map(async (partition, i) => {
      const position = positions[i] as ShardPosition;
      if (position === 1) return { items: [] as T[], more: false };
      const startKey =
        position === 0
          ? undefined
          : { orderId: position[1], userId: partition, createdAt: position[0] };
      const { Items, LastEvaluatedKey } = await withStartKey(startKey, () =>
        ctx.tables.orders
          .build(QueryCommand)
          .entities(ctx.entities.OrderEntity)
          .query({ index: INDEX_NAMES.userOrders, partition })
          .options({ limit, reverse: true, ...(startKey ? { exclusiveStartKey: startKey } : {}) })
          .send(),
      );
      return { items: (Items ?? []) as unknown as T[], more: LastEvaluatedKey !== undefined };
    }),
  );
  const heads = fetched.map(() => 0);
  const page: T[] = [];
  while (page.length < limit) {
    let best = -1;
    for (let i = 0; i < fetched.length; i += 1) {
      const { items, more } = fetched[i] as { items: T[]; more: boolean };
      const head = items[heads[i] as number];
      // A partition read to the end of what was fetched, with more behind, may hold the next newest.
      if (!head && more) {
        best = -2;
        break;
      }
      if (!head) continue;
      const current = best >= 0 ? fetched[best]?.items[heads[best] as number] : undefined;
      if (!current || head.createdAt > current.createdAt) best = i;
    }
    if (best < 0) break;
    page.push(fetched[best]?.items[heads[best] as number] as T);
    heads[best] = (heads[best] as number) + 1;
  }
  const next: ShardPosition[] = fetched.map(({ items, more }, i) => {
    const consumed = heads[i] as number;
    if (!more && consumed >= items.length) return 1;
    const last = items[consumed - 1];
    return last ? [last.createdAt, last.orderId] : (positions[i] as ShardPosition);
  });
  return {
    items: page,
    nextCursor: next.every((p) => p === 1) ? null : encodeCursor({ s: listing, p: next }),
  };
}

/** Access pattern: how many orders have a status, counted on its feed shards (Select COUNT). */
export async function countFeed(ctx: DataContext, status: OrderStatus): Promise<number> {
  const counts = await Promise.all(
    feedPartitions(status).map(async (partition) => {
      let count = 0;
      let startKey: Record<string, unknown> | undefined;
      do {
        const { Count, LastEvaluatedKey } = await ctx.tables.orders
          .build(QueryCommand)
          .entities(ctx.entities.OrderEntity)
          .query({ index: INDEX_NAMES.userOrders, partition })
          .options({ select: 'COUNT', ...(startKey ? { exclusiveStartKey: startKey } : {}) })
          .send();
        count += Count ?? 0;
        startKey = LastEvaluatedKey;
      } while (startKey);
      return count;
    }),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}
