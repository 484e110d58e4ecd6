import { randomUUID } from 'node:crypto';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $remove } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { BatchGetRequest } from 'dynamodb-toolbox/entity/actions/batchGet';
import {
  BatchGetCommand,
  execute as executeBatchGet,
} from 'dynamodb-toolbox/table/actions/batchGet';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import {
  DomainError,
  MAX_STOCK,
  notFound,
  type CategoryCount,
  type Page,
  type Product,
  type ProductCreate,
  type ProductUpdate,
} from '@mini-ecommerce/domain';
import { INDEX_NAMES } from '@mini-ecommerce/stack-model';
import type { DataContext } from '../context';
import { decodeCursor, encodeCursor, isStringKey, withStartKey } from '../cursor';
import { cancellationCodes, retryOnTransactionConflict } from '../transactions';
import { CategoryCounts } from './category-counts';
import { LOW_STOCK_WATCH, stockWatchPut } from './shop-summary';

const BATCH_GET_LIMIT = 100;

/** A BatchGetItem that DynamoDB could not finish (throttling); the API answers 503. */
export class IncompleteBatchError extends Error {
  override readonly name = 'IncompleteBatchError';
}

type StoredProduct = Omit<Product, 'imageUrl'> & { imageUrl?: string };

function toProduct(item: StoredProduct): Product {
  const product: Product = {
    productId: item.productId,
    name: item.name,
    description: item.description,
    category: item.category,
    price: item.price,
    currency: item.currency,
    // Writes keep stock within its bounds; a value stored before they did must not fail reads.
    stock: Math.min(Math.max(item.stock, 0), MAX_STOCK),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
  if (item.imageUrl) product.imageUrl = item.imageUrl;
  return product;
}

interface ListAllCursor {
  c: string;
  k?: Record<string, string>;
}
const categoryKey = isStringKey(['productId', 'category']);
const isListAllCursor = (value: unknown): value is ListAllCursor =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ListAllCursor).c === 'string' &&
  (value as ListAllCursor).c.length > 0 &&
  ((value as ListAllCursor).k === undefined ||
    (categoryKey((value as ListAllCursor).k) &&
      (value as ListAllCursor).k?.category === (value as ListAllCursor).c));

export class ProductRepository {
  /** Products per category and the catalog version, moved in every product write's transaction. */
  private readonly counts: CategoryCounts;

  constructor(private readonly ctx: DataContext) {
    this.counts = new CategoryCounts(ctx);
  }

  async get(
    productId: string,
    options: { consistent?: boolean } = {},
  ): Promise<Product | undefined> {
    const { Item } = await this.ctx.entities.ProductEntity.build(GetItemCommand)
      .key({ productId })
      .options({ consistent: options.consistent ?? false })
      .send();
    return Item ? toProduct(Item) : undefined;
  }

  /** Reads many products with BatchGetItem (100 keys a call, unprocessed keys retried by the toolbox). */
  async getMany(
    productIds: readonly string[],
    options: { consistent?: boolean } = {},
  ): Promise<Map<string, Product>> {
    const unique = [...new Set(productIds)];
    const found = new Map<string, Product>();
    const { ProductEntity } = this.ctx.entities;
    for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
      const chunk = unique.slice(start, start + BATCH_GET_LIMIT);
      const command = this.ctx.tables.products
        .build(BatchGetCommand)
        .requests(
          ...chunk.map((productId) => ProductEntity.build(BatchGetRequest).key({ productId })),
        )
        .options({ consistent: options.consistent ?? false });
      const { Responses, UnprocessedKeys } = await executeBatchGet({ maxAttempts: 5 }, command);
      // Keys DynamoDB still left unprocessed are unknown, not missing: callers would otherwise
      // treat those products as deleted (and checkout would drop them from the cart).
      if (
        UnprocessedKeys &&
        Object.values(UnprocessedKeys).some((request) => request.Keys?.length)
      ) {
        throw new IncompleteBatchError('DynamoDB left product reads unprocessed after 5 attempts');
      }
      for (const item of Responses?.[0] ?? []) {
        if (item) found.set(item.productId, toProduct(item));
      }
    }
    return found;
  }

  async create(input: ProductCreate): Promise<Product> {
    const now = this.ctx.now().toISOString();
    const product: Product = {
      productId: randomUUID(),
      name: input.name,
      description: input.description,
      category: input.category,
      price: input.price,
      currency: input.currency,
      stock: input.stock,
      ...(input.imageUrl ? { imageUrl: input.imageUrl } : {}),
      createdAt: now,
      updatedAt: now,
    };
    const put = this.ctx.entities.ProductEntity.build(PutTransaction)
      .item(product)
      .options({ condition: { attr: 'productId', exists: false } });
    // A product created low on stock goes on the dashboard's watch list in the same transaction.
    const watch =
      product.stock <= LOW_STOCK_WATCH ? [stockWatchPut(this.ctx, product.productId)] : [];
    // A new id conflicts with nothing but the counters item: a conflict there is safe to retry.
    await retryOnTransactionConflict(() =>
      this.counts.transact([put, ...watch], { [product.category]: 1 }),
    );
    return product;
  }

  async update(productId: string, patch: ProductUpdate): Promise<Product> {
    return retryOnTransactionConflict(async () => {
      const current = await this.get(productId, { consistent: true });
      if (!current) throw notFound('The product');
      const updatedAt = this.ctx.now().toISOString();
      const { imageUrl, ...fields } = patch;
      const next: Product = { ...current, ...fields, updatedAt };
      if (imageUrl === null) delete next.imageUrl;
      else if (imageUrl !== undefined) next.imageUrl = imageUrl;
      // Only the fields sent are written: a Put of the whole item read above would undo the stock
      // decrements of orders placed in between (overselling) and the restocks of cancellations.
      // Conditional on the category we read, so the counters cannot drift under a concurrent move.
      const put = this.ctx.entities.ProductEntity.build(UpdateTransaction)
        .item({
          productId,
          updatedAt,
          ...fields,
          ...(imageUrl === null ? { imageUrl: $remove() } : imageUrl ? { imageUrl } : {}),
        })
        .options({
          condition: {
            and: [
              { attr: 'productId', exists: true },
              { attr: 'category', eq: current.category },
            ],
          },
        });
      const deltas =
        current.category === next.category ? {} : { [current.category]: -1, [next.category]: 1 };
      try {
        const watch =
          fields.stock !== undefined && fields.stock <= LOW_STOCK_WATCH
            ? [stockWatchPut(this.ctx, productId)]
            : [];
        await this.counts.transact([put, ...watch], deltas);
      } catch (error) {
        if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') {
          throw new DomainError(
            'CONFLICT',
            'The product changed while it was being updated; try again',
          );
        }
        throw error;
      }
      // Stock may have moved since the read; answer with what is stored now.
      return (await this.get(productId, { consistent: true })) ?? next;
    });
  }

  async delete(productId: string): Promise<void> {
    await retryOnTransactionConflict(async () => {
      const current = await this.get(productId, { consistent: true });
      if (!current) throw notFound('The product');
      const remove = this.ctx.entities.ProductEntity.build(DeleteTransaction)
        .key({ productId })
        .options({ condition: { attr: 'category', eq: current.category } });
      try {
        await this.counts.transact([remove], { [current.category]: -1 });
      } catch (error) {
        if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed')
          throw notFound('The product');
        throw error;
      }
    });
  }

  /** Access pattern: products of one category, through CategoryIndex. */
  async listByCategory(category: string, limit: number, cursor?: string): Promise<Page<Product>> {
    // A position in another category is not a position in this one.
    const startKey = decodeCursor(
      cursor,
      (value): value is Record<string, string> => categoryKey(value) && value.category === category,
    );
    const { items, lastKey } = await this.queryCategory(category, limit, startKey);
    return { items, nextCursor: lastKey ? encodeCursor(lastKey) : null };
  }

  /**
   * Access pattern: the whole catalog, category by category through CategoryIndex (no Scan).
   * The cursor holds the category being read and DynamoDB's position inside it.
   */
  async listAll(limit: number, cursor?: string): Promise<Page<Product>> {
    const position = decodeCursor(cursor, isListAllCursor);
    const categories = (await this.categories()).map((entry) => entry.category);
    let index = position ? categories.indexOf(position.c) : 0;
    if (position && index < 0) index = categories.findIndex((c) => c > position.c);
    if (index < 0) return { items: [], nextCursor: null };
    let startKey = position?.c === categories[index] ? position?.k : undefined;
    const items: Product[] = [];
    while (index < categories.length) {
      const category = categories[index] as string;
      const page = await this.queryCategory(category, limit - items.length, startKey);
      items.push(...page.items);
      if (page.lastKey) {
        if (items.length >= limit)
          return { items, nextCursor: encodeCursor({ c: category, k: page.lastKey }) };
        startKey = page.lastKey;
        continue;
      }
      index += 1;
      startKey = undefined;
      if (items.length >= limit) {
        const next = categories[index];
        return { items, nextCursor: next === undefined ? null : encodeCursor({ c: next }) };
      }
    }
    return { items, nextCursor: null };
  }

  /** Category names with product counts, from one GetItem. */
  async categories(): Promise<CategoryCount[]> {
    return this.counts.list();
  }

  /**
   * Access pattern: a number that changes whenever a product is created, updated or deleted
   * (one GetItem; stock moved by orders does not count). Caches built from the catalog poll it.
   */
  async catalogVersion(): Promise<number> {
    return this.counts.version();
  }

  private async queryCategory(category: string, limit: number, startKey?: Record<string, string>) {
    const { Items, LastEvaluatedKey } = await withStartKey(startKey, () =>
      this.ctx.tables.products
        .build(QueryCommand)
        .entities(this.ctx.entities.ProductEntity)
        .query({ index: INDEX_NAMES.category, partition: category })
        .options({ limit, ...(startKey ? { exclusiveStartKey: startKey } : {}) })
        .send(),
    );
    return {
      items: (Items ?? []).map(toProduct),
      lastKey: LastEvaluatedKey as Record<string, string> | undefined,
    };
  }
}
