import { createHash, randomUUID } from 'node:crypto';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { execute as executeTransactWrite } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import {
  DomainError,
  MAX_CART_LINES,
  MAX_STOCK,
  canTransition,
  insufficientStock,
  lineTotal,
  notFound,
  validationError,
  type CartItem,
  type Order,
  type OrderStatus,
  type Page,
  type Product,
  type ShippingAddress,
  type StockShortage,
} from '@mini-ecommerce/domain';
import { INDEX_NAMES } from '@mini-ecommerce/stack-model';
import type { DataContext } from '../context';
import { decodeCursor, encodeCursor, isStringKey, withStartKey } from '../cursor';
import { cancellationCodes, isConflictOnly } from '../transactions';
import type { CartRepository } from './cart';
import type { ProductRepository } from './products';
import { LOW_STOCK_WATCH, daySalesUpdate, watchStock } from './shop-summary';

/** Admin feeds: copies of every order in UserOrdersIndex partitions no user id can take. */
const ALL_FEED = '#ORDERS#ALL';
const statusFeed = (status: OrderStatus) => `#ORDERS#${status}`;
const allFeedId = (orderId: string) => `#FEED#ALL#${orderId}`;
const statusFeedId = (orderId: string) => `#FEED#STATUS#${orderId}`;

/** DynamoDB's TransactWriteItems limit. */
export const MAX_TRANSACTION_ITEMS = 100;
const MAX_PLACE_ATTEMPTS = 12;

const indexKey = isStringKey(['orderId', 'userId', 'createdAt']);

type StoredOrder = Order & { updatedAt: string; sourceOrderId?: string; ownerId?: string };

function toOrder(item: StoredOrder): Order {
  return {
    orderId: item.sourceOrderId ?? item.orderId,
    userId: item.ownerId ?? item.userId,
    items: item.items.map((line) => ({
      productId: line.productId,
      name: line.name,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      lineTotal: line.lineTotal,
    })),
    total: item.total,
    currency: item.currency,
    status: item.status,
    ...(item.shippingAddress ? { shippingAddress: { ...item.shippingAddress } } : {}),
    createdAt: item.createdAt,
  };
}

export interface PlaceOrderResult {
  order: Order;
  /** True when an earlier request with the same Idempotency-Key placed this order. */
  replayed: boolean;
}

const backoff = (attempt: number) =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.min(250, 4 * 2 ** attempt) * (0.5 + Math.random())),
  );

export class OrderRepository {
  constructor(
    private readonly ctx: DataContext,
    private readonly products: ProductRepository,
    private readonly cart: CartRepository,
  ) {}

  /** The order id for an idempotency key: the same user and key always name the same order. */
  static idFor(userId: string, idempotencyKey: string): string {
    return (
      'o-' +
      createHash('sha256').update(`${userId}\n${idempotencyKey}`).digest('base64url').slice(0, 40)
    );
  }

  async get(orderId: string): Promise<Order | undefined> {
    if (orderId.startsWith('#')) return undefined;
    const { Item } = await this.ctx.entities.OrderEntity.build(GetItemCommand)
      .key({ orderId })
      .options({ consistent: true })
      .send();
    return Item ? toOrder(Item) : undefined;
  }

  /**
   * Places an order from the user's cart as one TransactWriteItems: each product's stock is
   * decremented on the condition that enough remains and the price is the one charged, the order
   * and its feed copies are written, and the cart lines are deleted on the condition that they
   * are unchanged. Any failed condition changes nothing.
   */
  async place(
    userId: string,
    options: { idempotencyKey?: string; shippingAddress?: ShippingAddress } = {},
  ): Promise<PlaceOrderResult> {
    const orderId = options.idempotencyKey
      ? OrderRepository.idFor(userId, options.idempotencyKey)
      : randomUUID();
    if (options.idempotencyKey) {
      const existing = await this.get(orderId);
      if (existing) return this.replay(existing, userId);
    }

    for (let attempt = 0; ; attempt += 1) {
      const lines = await this.cart.lines(userId);
      if (lines.length > MAX_CART_LINES) {
        throw validationError(`An order holds at most ${MAX_CART_LINES} different products`);
      }
      const products = lines.length
        ? await this.products.getMany(
            lines.map((line) => line.productId),
            { consistent: true },
          )
        : new Map<string, Product>();
      // Lines whose product was deleted are not in the cart the shopper sees (GET /api/cart leaves
      // them out); the order leaves them out too and the transaction removes them.
      const buyable = lines.filter((line) => products.has(line.productId));
      if (buyable.length === 0) {
        // A concurrent request with the same key may have just placed the order and emptied the cart.
        const placed = options.idempotencyKey ? await this.get(orderId) : undefined;
        if (placed) return this.replay(placed, userId);
        throw validationError('The cart is empty');
      }
      const shortages = findShortages(buyable, products);
      if (shortages.length > 0) throw insufficientStock(shortages);

      const order = this.buildOrder(orderId, userId, buyable, products, options.shippingAddress);
      try {
        await this.writeOrder(order, lines);
        // Outside the transaction (it is full at the largest cart): a lost marker only delays the
        // product's appearance on the dashboard until its next stock change.
        await watchStock(
          this.ctx,
          buyable
            .filter(
              (line) =>
                (products.get(line.productId) as Product).stock - line.quantity <= LOW_STOCK_WATCH,
            )
            .map((line) => line.productId),
        ).catch(() => undefined);
        return { order: toOrder(order), replayed: false };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        const orderPutFailed = codes[buyable.length] === 'ConditionalCheckFailed';
        if (orderPutFailed && options.idempotencyKey) {
          const placed = await this.get(orderId);
          if (placed) return this.replay(placed, userId);
        }
        const stockFailed = codes
          .slice(0, buyable.length)
          .some((code) => code === 'ConditionalCheckFailed');
        if (stockFailed) {
          const fresh = await this.products.getMany(
            buyable.map((line) => line.productId),
            { consistent: true },
          );
          // A product deleted meanwhile is dropped on the next attempt, not a shortage.
          const now = findShortages(
            buyable.filter((line) => fresh.has(line.productId)),
            fresh,
          );
          if (now.length > 0) throw insufficientStock(now);
        }
        // A price changed, the cart changed or another transaction touched the same items: try again from the top.
        if (attempt + 1 >= MAX_PLACE_ATTEMPTS) {
          throw new DomainError(
            'CONFLICT',
            isConflictOnly(codes)
              ? 'The shop is busy with the same products; try again in a moment'
              : 'The cart or the catalog changed while the order was being placed; review the cart and try again',
          );
        }
        await backoff(attempt);
      }
    }
  }

  /** Access pattern: a user's orders, newest first, through UserOrdersIndex. */
  async listForUser(userId: string, limit: number, cursor?: string): Promise<Page<Order>> {
    return this.queryFeed(userId, limit, cursor);
  }

  /** Access pattern: every order (optionally of one status), newest first, through the admin feeds on UserOrdersIndex. */
  async listAll(limit: number, cursor?: string, status?: OrderStatus): Promise<Page<Order>> {
    return this.queryFeed(status ? statusFeed(status) : ALL_FEED, limit, cursor);
  }

  /** Access pattern: how many orders have a status, counted on its admin feed (Select COUNT). */
  async countWithStatus(status: OrderStatus): Promise<number> {
    let count = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const { Count, LastEvaluatedKey } = await this.ctx.tables.orders
        .build(QueryCommand)
        .entities(this.ctx.entities.OrderEntity)
        .query({ index: INDEX_NAMES.userOrders, partition: statusFeed(status) })
        .options({ select: 'COUNT', ...(startKey ? { exclusiveStartKey: startKey } : {}) })
        .send();
      count += Count ?? 0;
      startKey = LastEvaluatedKey;
    } while (startKey);
    return count;
  }

  /** Moves an order along its lifecycle; cancelling puts the stock back in the same transaction. */
  async updateStatus(orderId: string, to: OrderStatus): Promise<Order> {
    for (let attempt = 0; ; attempt += 1) {
      const { Item } = await this.ctx.entities.OrderEntity.build(GetItemCommand)
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
      const updatedAt = this.ctx.now().toISOString();
      const updated: StoredOrder = { ...Item, status: to, updatedAt };
      const { OrderEntity, ProductEntity } = this.ctx.entities;
      const restock =
        to === 'CANCELLED'
          ? await this.products.getMany(
              Item.items.map((line) => line.productId),
              { consistent: true },
            )
          : new Map<string, Product>();
      try {
        await executeTransactWrite(
          OrderEntity.build(UpdateTransaction)
            .item({ orderId, status: to, updatedAt })
            .options({ condition: { attr: 'status', eq: from } }),
          OrderEntity.build(UpdateTransaction)
            .item({ orderId: allFeedId(orderId), status: to, updatedAt })
            .options({ condition: { attr: 'orderId', exists: true } }),
          // Overwriting the status copy moves it to the new status's feed partition.
          OrderEntity.build(PutTransaction).item(
            this.feedCopy(updated, statusFeedId(orderId), statusFeed(to)),
          ),
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
          ...(to === 'CANCELLED' ? [daySalesUpdate(this.ctx, toOrder(Item), -1)] : []),
        );
        return toOrder(updated);
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes || attempt + 1 >= MAX_PLACE_ATTEMPTS) throw error;
        await backoff(attempt);
      }
    }
  }

  private replay(order: Order, userId: string): PlaceOrderResult {
    // Keys are per user (the id hashes both), so this only guards against a hash collision.
    if (order.userId !== userId)
      throw new DomainError('CONFLICT', 'This Idempotency-Key was already used');
    return { order, replayed: true };
  }

  private buildOrder(
    orderId: string,
    userId: string,
    lines: CartItem[],
    products: Map<string, Product>,
    shippingAddress?: ShippingAddress,
  ): StoredOrder {
    const items = lines.map((line) => {
      const product = products.get(line.productId) as Product;
      return {
        productId: product.productId,
        name: product.name,
        unitPrice: product.price,
        quantity: line.quantity,
        lineTotal: lineTotal(product.price, line.quantity),
      };
    });
    const currencies = new Set(
      lines.map((line) => (products.get(line.productId) as Product).currency),
    );
    if (currencies.size > 1) {
      throw validationError('The cart mixes currencies; order products of one currency at a time', {
        currencies: [...currencies],
      });
    }
    const now = this.ctx.now().toISOString();
    return {
      orderId,
      userId,
      items,
      total: items.reduce((sum, item) => sum + item.lineTotal, 0),
      currency: [...currencies][0] as string,
      status: 'PLACED',
      ...(shippingAddress ? { shippingAddress } : {}),
      createdAt: now,
      updatedAt: now,
    };
  }

  private feedCopy(order: StoredOrder, feedId: string, feedPartition: string): StoredOrder {
    return {
      ...order,
      orderId: feedId,
      userId: feedPartition,
      sourceOrderId: order.orderId,
      ownerId: order.userId,
    };
  }

  private async writeOrder(order: StoredOrder, lines: CartItem[]): Promise<void> {
    const { OrderEntity, ProductEntity, CartLineEntity } = this.ctx.entities;
    const transactions = [
      ...order.items.map((item) =>
        ProductEntity.build(UpdateTransaction)
          .item({ productId: item.productId, stock: $add(-item.quantity) })
          .options({
            condition: {
              and: [
                { attr: 'stock', gte: item.quantity },
                { attr: 'price', eq: item.unitPrice },
                { attr: 'currency', eq: order.currency },
              ],
            },
          }),
      ),
      OrderEntity.build(PutTransaction)
        .item(order)
        .options({ condition: { attr: 'orderId', exists: false } }),
      OrderEntity.build(PutTransaction).item(
        this.feedCopy(order, allFeedId(order.orderId), ALL_FEED),
      ),
      OrderEntity.build(PutTransaction).item(
        this.feedCopy(order, statusFeedId(order.orderId), statusFeed(order.status)),
      ),
      ...lines.map((line) =>
        CartLineEntity.build(DeleteTransaction)
          .key({ userId: order.userId, productId: line.productId })
          .options({ condition: { attr: 'quantity', eq: line.quantity } }),
      ),
      daySalesUpdate(this.ctx, toOrder(order), 1),
    ];
    if (transactions.length > MAX_TRANSACTION_ITEMS) {
      throw validationError(`An order holds at most ${MAX_CART_LINES} different products`);
    }
    await executeTransactWrite(...transactions);
  }

  private async queryFeed(partition: string, limit: number, cursor?: string): Promise<Page<Order>> {
    // A cursor from another user's (or feed's) listing is not a position in this one.
    const startKey = decodeCursor(
      cursor,
      (value): value is Record<string, string> => indexKey(value) && value.userId === partition,
    );
    const { Items, LastEvaluatedKey } = await withStartKey(startKey, () =>
      this.ctx.tables.orders
        .build(QueryCommand)
        .entities(this.ctx.entities.OrderEntity)
        .query({ index: INDEX_NAMES.userOrders, partition })
        .options({ limit, reverse: true, ...(startKey ? { exclusiveStartKey: startKey } : {}) })
        .send(),
    );
    return {
      items: (Items ?? []).map(toOrder),
      nextCursor: LastEvaluatedKey ? encodeCursor(LastEvaluatedKey) : null,
    };
  }
}

function findShortages(lines: CartItem[], products: Map<string, Product>): StockShortage[] {
  return lines.flatMap((line) => {
    const product = products.get(line.productId);
    if (product && product.stock >= line.quantity) return [];
    return [
      {
        productId: line.productId,
        name: product?.name ?? 'a product that is no longer sold',
        requested: line.quantity,
        available: product?.stock ?? 0,
      },
    ];
  });
}
