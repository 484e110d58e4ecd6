import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute as executeTransactWrite } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import {
  DomainError,
  MAX_STOCK,
  canTransition,
  notFound,
  type Order,
  type OrderStatus,
  type Product,
} from '@mini-ecommerce/domain';
import type { DataContext } from '../context';
import { cancellationCodes } from '../transactions';
import type { ProductRepository } from './products';
import { daySalesUpdate } from './shop-summary';
import { MAX_PLACE_ATTEMPTS, backoff, feedCopy, toOrder, type StoredOrder } from './stored-order';

/** Moves an order along its lifecycle; cancelling puts the stock back in the same transaction. */
export async function updateOrderStatus(
  ctx: DataContext,
  products: ProductRepository,
  orderId: string,
  to: OrderStatus,
): Promise<Order> {
  for (let attempt = 0; ; attempt += 1) {
    const { Item } = await ctx.entities.OrderEntity.build(GetItemCommand)
      .key({ orderId })
      .options({ consistent: true })
      .send();
    if (!Item || orderId.startsWith('#')) throw notFound('The order');
    const from = Item.status;
    if (!canTransition(from, to)) {
      throw new DomainError('CONFLICT', `An order that is ${from} cannot become ${to}`, {
        from,
        to,
      });
    }
    const updatedAt = ctx.now().toISOString();
    const updated: StoredOrder = { ...Item, status: to, updatedAt };
    const { OrderEntity, ProductEntity } = ctx.entities;
    const restock =
      to === 'CANCELLED'
        ? await products.getMany(
            Item.items.map((line) => line.productId),
            { consistent: true },
          )
        : new Map<string, Product>();
    try {
      await executeTransactWrite(
        OrderEntity.build(UpdateTransaction)
          .item({ orderId, status: to, updatedAt })
          .options({ condition: { attr: 'status', eq: from } }),
        // Overwriting the feed copy moves it to the new status's feed (same shard). Orders
        // placed before numbers existed have no copy in these feeds.
        ...(Item.orderNumber
          ? [OrderEntity.build(PutTransaction).item(feedCopy(updated, Item.orderNumber))]
          : []),
        // Products deleted since the order was placed have no stock to restore. Stock never
        // passes MAX_STOCK (a read would fail its schema): units beyond it are dropped, each
        // branch conditioned on its premise so a concurrent change retries with a fresh read.
        ...Item.items
          .filter((line) => restock.has(line.productId))
          .map((line) => {
            const room = MAX_STOCK - line.quantity;
            return (restock.get(line.productId) as Product).stock <= room
              ? ProductEntity.build(UpdateTransaction)
                  .item({ productId: line.productId, stock: $add(line.quantity) })
                  .options({ condition: { attr: 'stock', lte: room } })
              : ProductEntity.build(UpdateTransaction)
                  .item({ productId: line.productId, stock: MAX_STOCK })
                  .options({ condition: { attr: 'stock', gt: room } });
          }),
        // A cancelled order no longer counts in its day's sales.
        ...(to === 'CANCELLED' ? [daySalesUpdate(ctx, toOrder(Item), -1)] : []),
      );
      return toOrder(updated);
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes || attempt + 1 >= MAX_PLACE_ATTEMPTS) throw error;
      await backoff(attempt);
    }
  }
}
