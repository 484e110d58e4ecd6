import { randomInt } from 'node:crypto';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import {
  MAX_LOW_STOCK_THRESHOLD,
  type AdminSummary,
  type Order,
  type SalesFigure,
} from '@mini-ecommerce/domain';
import { INDEX_NAMES } from '@mini-ecommerce/stack-model';
import type { DataContext } from '../context';
import type { OrderRepository } from './orders';
import type { ProductRepository } from './products';

/**
 * Shards of each day's sales counter: every order adds to one at random, so one day's item takes
 * at most about 1/8 of the order rate (a DynamoDB item or partition key takes ~1,000 writes/s).
 */
export const SALES_SHARDS = 8;
/** Products are watched once their stock is at or below this; the dashboard's threshold is capped by it. */
export const LOW_STOCK_WATCH = MAX_LOW_STOCK_THRESHOLD;
const LOW_STOCK_CATEGORY = '#LOW_STOCK';
const DAYS = 7;

const dayOf = (timestamp: string) => timestamp.slice(0, 10);
const salesPartition = (shard: number) => `#STATS#${shard}`;
const stockWatchId = (productId: string) => `#LOW_STOCK#${productId}`;

/** The write that counts an order into its day's sales (negative `sign` takes a cancellation off). */
export function daySalesUpdate(ctx: DataContext, order: Order, sign: 1 | -1) {
  const shard = randomInt(SALES_SHARDS);
  const day = dayOf(order.createdAt);
  return ctx.entities.DaySalesEntity.build(UpdateTransaction).item({
    orderId: `#STATS#${day}#${order.currency}#${shard}`,
    userId: salesPartition(shard),
    createdAt: `${day}#${order.currency}`,
    day,
    currency: order.currency,
    orders: $add(sign),
    revenue: $add(sign * order.total),
  });
}

/** The marker that puts a product on the low-stock watch list (written in the stock change's transaction). */
export function stockWatchPut(ctx: DataContext, productId: string) {
  return ctx.entities.StockWatchEntity.build(PutTransaction).item({
    productId: stockWatchId(productId),
    category: LOW_STOCK_CATEGORY,
    watchedId: productId,
  });
}

/** Puts products on the low-stock watch list (after an order took their stock down). */
export async function watchStock(ctx: DataContext, productIds: readonly string[]): Promise<void> {
  await Promise.all(
    productIds.map((productId) =>
      ctx.entities.StockWatchEntity.build(PutItemCommand)
        .item({
          productId: stockWatchId(productId),
          category: LOW_STOCK_CATEGORY,
          watchedId: productId,
        })
        .send(),
    ),
  );
}

/** What the admin dashboard shows, from counters and feeds: no Scan, no read of the whole catalog. */
export class ShopSummaryRepository {
  constructor(
    private readonly ctx: DataContext,
    private readonly products: ProductRepository,
    private readonly orders: OrderRepository,
  ) {}

  async summary(lowStockThreshold: number): Promise<AdminSummary> {
    const now = this.ctx.now();
    const today = dayOf(now.toISOString());
    const firstDay = dayOf(new Date(now.getTime() - (DAYS - 1) * 86_400_000).toISOString());
    const [sales, waiting, lowStock, newest] = await Promise.all([
      this.sales(firstDay),
      this.waitingToShip(),
      this.lowStock(lowStockThreshold),
      this.orders.listAll(10),
    ]);
    return {
      generatedAt: now.toISOString(),
      today: total(sales.filter((row) => row.day === today)),
      last7Days: total(sales),
      waitingToShip: waiting,
      lowStock: { threshold: lowStockThreshold, items: lowStock },
      newestOrders: newest.items,
    };
  }

  /** Access pattern: the sales counters of the last days, one Query per shard on UserOrdersIndex. */
  private async sales(firstDay: string) {
    const shards = await Promise.all(
      Array.from({ length: SALES_SHARDS }, async (_, shard) => {
        const rows: { day: string; currency: string; orders: number; revenue: number }[] = [];
        let startKey: Record<string, unknown> | undefined;
        do {
          const { Items, LastEvaluatedKey } = await this.ctx.tables.orders
            .build(QueryCommand)
            .entities(this.ctx.entities.DaySalesEntity)
            .query({
              index: INDEX_NAMES.userOrders,
              partition: salesPartition(shard),
              range: { gte: firstDay },
            })
            .options(startKey ? { exclusiveStartKey: startKey } : {})
            .send();
          rows.push(...(Items ?? []));
          startKey = LastEvaluatedKey;
        } while (startKey);
        return rows;
      }),
    );
    return shards.flat();
  }

  /** Orders PLACED or PAID: counted from their status feeds (the backlog a shop works through). */
  private async waitingToShip(): Promise<AdminSummary['waitingToShip']> {
    const [placed, paid] = await Promise.all([
      this.orders.countWithStatus('PLACED'),
      this.orders.countWithStatus('PAID'),
    ]);
    return { PLACED: placed, PAID: paid, total: placed + paid };
  }

  /** Access pattern: the low-stock watch list through CategoryIndex, checked against the stock now. */
  private async lowStock(threshold: number) {
    const watched: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const { Items, LastEvaluatedKey } = await this.ctx.tables.products
        .build(QueryCommand)
        .entities(this.ctx.entities.StockWatchEntity)
        .query({ index: INDEX_NAMES.category, partition: LOW_STOCK_CATEGORY })
        .options(startKey ? { exclusiveStartKey: startKey } : {})
        .send();
      watched.push(...(Items ?? []).map((item) => item.watchedId));
      startKey = LastEvaluatedKey;
    } while (startKey);
    const products = await this.products.getMany(watched);
    // Restocked or deleted products leave the list, so it stays as long as the low stock is.
    const recovered = watched.filter(
      (id) => (products.get(id)?.stock ?? Infinity) > LOW_STOCK_WATCH,
    );
    await Promise.all(
      recovered.map((productId) =>
        this.ctx.entities.StockWatchEntity.build(DeleteItemCommand)
          .key({ productId: stockWatchId(productId) })
          .send(),
      ),
    );
    return [...products.values()]
      .filter((product) => product.stock <= threshold)
      .sort((a, b) => a.stock - b.stock || a.name.localeCompare(b.name));
  }
}

function total(rows: { currency: string; orders: number; revenue: number }[]): SalesFigure[] {
  const byCurrency = new Map<string, SalesFigure>();
  for (const row of rows) {
    const figure = byCurrency.get(row.currency) ?? {
      currency: row.currency,
      orders: 0,
      revenue: 0,
    };
    figure.orders += row.orders;
    figure.revenue += row.revenue;
    byCurrency.set(row.currency, figure);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
