import { createHash, randomUUID } from 'node:crypto';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import {
  DomainError,
  MAX_CART_LINES,
  ORDER_TRANSACTION,
  insufficientStock,
  priceCart,
  validationError,
  type CartItem,
  type Order,
  type OrderCustomer,
  type OrderNumber,
  type OrderStatus,
  type Page,
  type Product,
  type ShippingAddress,
} from '@mini-ecommerce/domain';
import { INDEX_NAMES } from '@mini-ecommerce/stack-model';
import type { DataContext } from '../context';
import { decodeCursor, encodeCursor, isStringKey, withStartKey } from '../cursor';
import { cancellationCodes, isConflictOnly } from '../transactions';
import type { CartRepository } from './cart';
import type { ProductRepository } from './products';
import { LOW_STOCK_WATCH, daySalesUpdate, watchStock } from './shop-summary';
import {
  backoff,
  feedCopy,
  findShortages,
  MAX_PLACE_ATTEMPTS,
  toOrder,
  type StoredOrder,
} from './stored-order';
import { updateOrderStatus } from './order-status';
import { onceUntilFailure } from '../once';
import { migrateOrderFeeds } from './feed-migration';
import { countFeed, feedCopyId, feedPartitions, mergeFeeds, newOrderNumber } from './order-feeds';

export type { StoredOrder };
export type TransactWriteItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Where each part of a placement sits in its transaction: `[start, end)` of the items. */
export interface PlacementPositions {
  readonly stock: readonly [number, number];
  readonly order: number;
  readonly feedCopy: number;
  readonly cartLines: readonly [number, number];
  readonly salesCounter: number;
}

const indexKey = isStringKey(['orderId', 'userId', 'createdAt']);

export interface PlaceOrderResult {
  order: Order;
  /** True when an earlier request with the same Idempotency-Key placed this order. */
  replayed: boolean;
}

export interface PlaceOrderOptions {
  idempotencyKey?: string;
  shippingAddress?: ShippingAddress;
  /** The account's name and email, copied onto the order. */
  customer?: OrderCustomer;
}

export class OrderRepository {
  /** Orders placed before the sharded feeds move into them before the first feed read. */
  private readonly feedsMigration = onceUntilFailure(() => migrateOrderFeeds(this.ctx));

  constructor(
    private readonly ctx: DataContext,
    private readonly products: ProductRepository,
    private readonly cart: CartRepository,
    /** Where order numbers come from (tests force collisions with it). */
    private readonly orderNumbers: () => OrderNumber = newOrderNumber,
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

  /** migrateOrderFeeds once per process: one Query when there is nothing to move. */
  private feedsReady(): Promise<number> {
    return this.feedsMigration.run();
  }

  /** Access pattern: an order by its number, through its feed copy (one GetItem). */
  async getByNumber(orderNumber: OrderNumber): Promise<Order | undefined> {
    await this.feedsReady();
    const { Item } = await this.ctx.entities.OrderEntity.build(GetItemCommand)
      .key({ orderId: feedCopyId(orderNumber) })
      .options({ consistent: true })
      .send();
    return Item?.sourceOrderId ? toOrder(Item) : undefined;
  }

  /**
   * Places an order from the user's cart as one TransactWriteItems (see placement):
   * each product's stock is decremented on the condition that enough remains and the price is
   * the one charged, the order and its feed copy (which claims the order number) are written,
   * and the cart lines are deleted on the condition that they are unchanged. Any failed
   * condition changes nothing.
   */
  async place(userId: string, options: PlaceOrderOptions = {}): Promise<PlaceOrderResult> {
    const orderId = options.idempotencyKey
      ? OrderRepository.idFor(userId, options.idempotencyKey)
      : randomUUID();
    // No read of the order first: a retry of a placed order fails the order's condition in the
    // transaction (or finds the cart empty) and is answered from the stored order then. Before
    // refusing a cart, a retry checks whether its order was placed already.
    const placedBefore = async () => (options.idempotencyKey ? await this.get(orderId) : undefined);
    /** Refuses the cart with `error`, unless a retry finds its order placed already. */
    const refuse = async (error: Error): Promise<PlaceOrderResult> => {
      const placed = await placedBefore();
      if (placed) return this.replay(placed, userId);
      throw error;
    };
    // Kept across retries; drawn again only when another order holds it (1 in 2^40 per order).
    let orderNumber = this.orderNumbers();

    for (let attempt = 0; ; attempt += 1) {
      const lines = await this.cart.lines(userId);
      if (lines.length > MAX_CART_LINES) {
        return refuse(
          validationError(`An order holds at most ${MAX_CART_LINES} different products`),
        );
      }
      // The first read is eventually consistent (half the read units): the transaction's
      // conditions catch a stale price or stock, and every retry reads consistently.
      let products = lines.length
        ? await this.products.getMany(
            lines.map((line) => line.productId),
            { consistent: attempt > 0 },
          )
        : new Map<string, Product>();
      // Lines whose product was deleted are not in the cart the shopper sees (GET /api/cart leaves
      // them out); the order leaves them out too and the transaction removes them.
      const buyable = lines.filter((line) => products.has(line.productId));
      if (buyable.length === 0) {
        // A concurrent request with the same key may have just placed the order and emptied the cart.
        return refuse(validationError('The cart is empty'));
      }
      let shortages = findShortages(buyable, products);
      if (shortages.length > 0 && attempt === 0) {
        // A stale read may miss a restock: confirm with a consistent read before refusing.
        products = await this.products.getMany(
          lines.map((line) => line.productId),
          { consistent: true },
        );
        shortages = findShortages(buyable, products);
      }
      if (shortages.length > 0) {
        return refuse(insufficientStock(shortages));
      }

      const order = this.draft({
        orderId,
        orderNumber,
        userId,
        lines: buyable,
        products,
        ...(options.shippingAddress ? { shippingAddress: options.shippingAddress } : {}),
        ...(options.customer ? { customer: options.customer } : {}),
      });
      const { items, positions } = this.placement(order, lines);
      try {
        await this.ctx.documentClient.send(new TransactWriteCommand({ TransactItems: items }));
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
        const orderPutFailed = codes[positions.order] === 'ConditionalCheckFailed';
        if (orderPutFailed) {
          const placed = await placedBefore();
          if (placed) return this.replay(placed, userId);
        }
        if (!orderPutFailed && codes[positions.feedCopy] === 'ConditionalCheckFailed') {
          // Another order has this number: draw another and place again at once.
          orderNumber = this.orderNumbers();
          if (attempt + 1 < MAX_PLACE_ATTEMPTS) continue;
        }
        const stockFailed = codes
          .slice(...positions.stock)
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
          if (now.length > 0) {
            return refuse(insufficientStock(now));
          }
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
    // A cursor from another user's listing is not a position in this one.
    const startKey = decodeCursor(
      cursor,
      (value): value is Record<string, string> => indexKey(value) && value.userId === userId,
    );
    const { Items, LastEvaluatedKey } = await withStartKey(startKey, () =>
      this.ctx.tables.orders
        .build(QueryCommand)
        .entities(this.ctx.entities.OrderEntity)
        .query({ index: INDEX_NAMES.userOrders, partition: userId })
        .options({ limit, reverse: true, ...(startKey ? { exclusiveStartKey: startKey } : {}) })
        .send(),
    );
    return {
      items: (Items ?? []).map(toOrder),
      nextCursor: LastEvaluatedKey ? encodeCursor(LastEvaluatedKey) : null,
    };
  }

  /**
   * Access pattern: every order (optionally of one status), newest first, merged from the sharded
   * admin feeds on UserOrdersIndex (Queries only).
   */
  async listAll(limit: number, cursor?: string, status?: OrderStatus): Promise<Page<Order>> {
    await this.feedsReady();
    const page = await mergeFeeds<StoredOrder>(
      this.ctx,
      status ?? '',
      feedPartitions(status),
      limit,
      cursor,
    );
    return { items: page.items.map(toOrder), nextCursor: page.nextCursor };
  }

  /** Access pattern: how many orders have a status, counted on its feed shards (Select COUNT). */
  async countWithStatus(status: OrderStatus): Promise<number> {
    await this.feedsReady();
    return countFeed(this.ctx, status);
  }

  /** Moves an order along its lifecycle; cancelling puts the stock back in the same transaction. */
  async updateStatus(orderId: string, to: OrderStatus): Promise<Order> {
    return updateOrderStatus(this.ctx, this.products, orderId, to);
  }

  private replay(order: Order, userId: string): PlaceOrderResult {
    // Keys are per user (the id hashes both), so this only guards against a hash collision.
    if (order.userId !== userId)
      throw new DomainError('CONFLICT', 'This Idempotency-Key was already used');
    return { order, replayed: true };
  }

  /**
   * The stored order for these cart lines, priced from `products` (the lines must all be
   * buyable). Public so the bench can build exactly the transaction a checkout sends.
   */
  draft(input: {
    orderId: string;
    orderNumber: OrderNumber;
    userId: string;
    lines: CartItem[];
    products: Map<string, Product>;
    shippingAddress?: ShippingAddress;
    customer?: OrderCustomer;
  }): StoredOrder {
    const { lines, products } = input;
    // The same pricing as the cart the shopper saw (priceCart in the domain rules).
    const price = priceCart(
      lines.map((line) => ({ ...line, product: products.get(line.productId) as Product })),
    );
    if (price.currencies.length > 1) {
      throw validationError('The cart mixes currencies; order products of one currency at a time', {
        currencies: price.currencies,
      });
    }
    const items = price.lines.map((line) => ({
      productId: line.product.productId,
      name: line.product.name,
      unitPrice: line.product.price,
      quantity: line.quantity,
      lineTotal: line.lineTotal,
    }));
    const now = this.ctx.now().toISOString();
    return {
      orderId: input.orderId,
      orderNumber: input.orderNumber,
      userId: input.userId,
      ...(input.customer ? { customer: input.customer } : {}),
      items,
      total: price.subtotal,
      currency: price.currency,
      status: 'PLACED',
      ...(input.shippingAddress ? { shippingAddress: input.shippingAddress } : {}),
      createdAt: now,
      updatedAt: now,
    };
  }

  /**
   * The TransactWriteItems of a placement, each item earning its place: per line, the stock
   * decrement (conditioned on stock, price and currency); the order (conditioned on a free id:
   * idempotency); its feed copy (conditioned on a free number: uniqueness, and the admin list);
   * per cart line, its delete (conditioned on the quantity ordered); the day's sales counter
   * (the dashboard). A 3-line order is 9 items (ORDER_TRANSACTION in the domain). `positions`
   * says where each part is, for reading the cancellation reasons.
   */
  placement(
    order: StoredOrder,
    lines: CartItem[],
  ): { items: TransactWriteItem[]; positions: PlacementPositions } {
    const { OrderEntity, ProductEntity, CartLineEntity } = this.ctx.entities;
    if (!order.orderNumber) throw new Error('an order is placed with its number');
    const stock = order.items.map((item) =>
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
    );
    const cartLines = lines.map((line) =>
      CartLineEntity.build(DeleteTransaction)
        .key({ userId: order.userId, productId: line.productId })
        .options({ condition: { attr: 'quantity', eq: line.quantity } }),
    );
    const writes = [
      ...stock,
      OrderEntity.build(PutTransaction)
        .item(order)
        .options({ condition: { attr: 'orderId', exists: false } }),
      OrderEntity.build(PutTransaction)
        .item(feedCopy(order, order.orderNumber))
        .options({ condition: { attr: 'orderId', exists: false } }),
      ...cartLines,
      daySalesUpdate(this.ctx, toOrder(order), 1),
    ];
    const positions: PlacementPositions = {
      stock: [0, stock.length],
      order: stock.length,
      feedCopy: stock.length + 1,
      cartLines: [stock.length + 2, stock.length + 2 + cartLines.length],
      salesCounter: stock.length + 2 + cartLines.length,
    };
    if (writes.length > ORDER_TRANSACTION.maxItems) {
      throw validationError(`An order holds at most ${MAX_CART_LINES} different products`);
    }
    return {
      items: writes.map((write) => {
        const { ToolboxItem: _parsed, ...item } = write.params();
        return item as TransactWriteItem;
      }),
      positions,
    };
  }
}
