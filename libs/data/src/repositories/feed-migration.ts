import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute as executeTransactWrite } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { INDEX_NAMES } from '@mini-ecommerce/stack-model';
import type { DataContext } from '../context';
import { cancellationCodes } from '../transactions';
import { feedCopyId, legacyOrderNumber, newOrderNumber } from './order-feeds';
import { MAX_PLACE_ATTEMPTS, backoff, feedCopy } from './stored-order';

/**
 * The admin feeds before they were sharded: every order had a copy `#FEED#ALL#<orderId>` in one
 * `#ORDERS#ALL` partition and one `#FEED#STATUS#<orderId>` in `#ORDERS#<status>`, and no order
 * number. The sharded feeds (order-feeds.ts) do not read these partitions.
 */
const LEGACY_ALL_FEED = '#ORDERS#ALL';
const legacyAllCopyId = (orderId: string) => `#FEED#ALL#${orderId}`;
const legacyStatusCopyId = (orderId: string) => `#FEED#STATUS#${orderId}`;
const PAGE = 50;

/**
 * Moves orders placed by versions before the sharded feeds into them; idempotent. Each order
 * gets, in one transaction, the number it was already shown with (legacyOrderNumber of its id,
 * so links and emails keep working; a fresh one in the 1-in-2^40 case that it is taken), its copy
 * in the sharded feed of its current status (which makes the number findable), and loses its two
 * old copies. The old all-orders copy is deleted on the condition that it exists, so processes
 * migrating at once move each order once; a status change in between makes it read again.
 * Returns how many orders it moved. One Query finds nothing on tables with no old orders.
 */
export async function migrateOrderFeeds(ctx: DataContext): Promise<number> {
  const { OrderEntity } = ctx.entities;
  let moved = 0;
  for (;;) {
    // Always the first page: migrated copies leave the partition.
    const { Items } = await ctx.tables.orders
      .build(QueryCommand)
      .entities(OrderEntity)
      .query({ index: INDEX_NAMES.userOrders, partition: LEGACY_ALL_FEED })
      .options({ limit: PAGE })
      .send();
    const copies = Items ?? [];
    for (const copy of copies) {
      const orderId = copy.sourceOrderId ?? copy.orderId.slice(legacyAllCopyId('').length);
      if (await migrateOne(ctx, orderId)) moved += 1;
    }
    if (copies.length < PAGE) return moved;
  }
}

/** One order into the sharded feeds; false when another process did it first. */
async function migrateOne(ctx: DataContext, orderId: string): Promise<boolean> {
  const { OrderEntity } = ctx.entities;
  let orderNumber = legacyOrderNumber(orderId);
  for (let attempt = 0; ; attempt += 1) {
    const { Item: order } = await OrderEntity.build(GetItemCommand)
      .key({ orderId })
      .options({ consistent: true })
      .send();
    const dropOldCopies = [
      OrderEntity.build(DeleteTransaction)
        .key({ orderId: legacyAllCopyId(orderId) })
        .options({ condition: { attr: 'orderId', exists: true } }),
      OrderEntity.build(DeleteTransaction).key({ orderId: legacyStatusCopyId(orderId) }),
    ];
    if (!order) {
      // The order itself is gone: its copies list nothing.
      await executeTransactWrite(...dropOldCopies).catch(() => undefined);
      return false;
    }
    const number = order.orderNumber ?? orderNumber;
    try {
      await executeTransactWrite(
        OrderEntity.build(UpdateTransaction)
          .item({ orderId, orderNumber: number })
          .options({
            condition: {
              and: [
                { attr: 'status', eq: order.status },
                {
                  or: [
                    { attr: 'orderNumber', exists: false },
                    { attr: 'orderNumber', eq: number },
                  ],
                },
              ],
            },
          }),
        OrderEntity.build(PutTransaction)
          .item(feedCopy({ ...order, orderNumber: number }, number))
          .options({ condition: { attr: 'orderId', exists: false } }),
        ...dropOldCopies,
      );
      return true;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes || attempt + 1 >= MAX_PLACE_ATTEMPTS) throw error;
      // Another process moved it (its old copy is gone): nothing left to do.
      if (codes[2] === 'ConditionalCheckFailed') return false;
      if (codes[1] === 'ConditionalCheckFailed') {
        const { Item: holder } = await OrderEntity.build(GetItemCommand)
          .key({ orderId: feedCopyId(number) })
          .options({ consistent: true })
          .send();
        if (holder?.sourceOrderId === orderId) {
          // Already in the sharded feeds (an order that also had an old copy): drop the old ones.
          await executeTransactWrite(...dropOldCopies).catch((dropError: unknown) => {
            if (!cancellationCodes(dropError)) throw dropError;
          });
          return true;
        }
        // The number is another order's: take a fresh one (the order was never shown with it).
        if (!order.orderNumber) orderNumber = newOrderNumber();
      }
      await backoff(attempt);
    }
  }
}
