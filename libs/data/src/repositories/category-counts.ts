import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import {
  execute as executeTransactWrite,
  type ExecuteTransactWriteInput,
} from 'dynamodb-toolbox/entity/actions/transactWrite';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import type { CategoryCount } from '@mini-ecommerce/domain';
import type { DataContext } from '../context';
import { onceUntilFailure } from '../once';

/**
 * The key of the one item in the products table that counts the products of every category (a
 * `counts` map) and versions the catalog. Product writes move both in their own transaction.
 */
export const CATEGORY_COUNTS_ID = '#CATEGORY_COUNTS';

/** How versions before the `counts` map stored a category's count: a top-level attribute each. */
const LEGACY_COUNT_PREFIX = 'count:';

const MIGRATION_ATTEMPTS = 8;

type WriteTransactions = Extract<ExecuteTransactWriteInput, { params: unknown }[]>;

/**
 * The category counters and the catalog version, read and written through CategoryCountsEntity.
 * Before the first read or write in a process, the counters item is brought to the entity's
 * shape once (migrateCategoryCounts), so data written by earlier versions reads the same.
 */
export class CategoryCounts {
  /** migrateCategoryCounts once per process (again after a failure, or after `reset`). */
  private readonly migration = onceUntilFailure(() => migrateCategoryCounts(this.ctx));

  constructor(private readonly ctx: DataContext) {}

  /** Category names with their product counts (categories left empty are not listed), from one GetItem. */
  async list(): Promise<CategoryCount[]> {
    return Object.entries((await this.read())?.counts ?? {})
      .filter(([, count]) => count > 0)
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => a.category.localeCompare(b.category));
  }

  /** The catalog version: moves with every product create, update and delete (one GetItem). */
  async version(): Promise<number> {
    return (await this.read())?.catalogVersion ?? 0;
  }

  /**
   * The counters item (one GetItem, after the migration). DynamoDB bills the whole item's size
   * whatever is projected, so both readers take all of it.
   */
  private async read() {
    await this.migration.run();
    const { Item } = await this.ctx.entities.CategoryCountsEntity.build(GetItemCommand)
      .key({ productId: CATEGORY_COUNTS_ID })
      .send();
    return Item;
  }

  /**
   * Runs product writes with the counters' item as one transaction, once (callers retry
   * conflicts): the version bump and, with `$add`, each category's change (a move is -1 on one
   * category and +1 on another, still this one item).
   */
  async transact(writes: WriteTransactions, deltas: Record<string, number>): Promise<void> {
    try {
      await executeTransactWrite(...writes, await this.change(deltas));
    } catch (error) {
      if (!isMissingCounts(error)) throw error;
      // The counters item went away after this process migrated it (a table restored or the
      // item deleted by hand): make it again, then write once more.
      this.migration.reset();
      await executeTransactWrite(...writes, await this.change(deltas));
    }
  }

  private async change(deltas: Record<string, number>) {
    await this.migration.run();
    const changes = Object.entries(deltas).filter(([, delta]) => delta !== 0);
    return this.ctx.entities.CategoryCountsEntity.build(UpdateTransaction).item({
      productId: CATEGORY_COUNTS_ID,
      catalogVersion: $add(1),
      ...(changes.length > 0
        ? {
            counts: Object.fromEntries(changes.map(([category, delta]) => [category, $add(delta)])),
          }
        : {}),
    });
  }
}

/**
 * Brings the counters item to CategoryCountsEntity's shape; idempotent. Creates it when it is
 * missing (an `$add` into a map needs the map), and folds the `count:<category>` attributes that
 * earlier versions wrote into `counts`, removing them. The update is conditional on the catalog
 * version it read, which every product write bumps (this version's and earlier ones'), so a write
 * in between makes it read again instead of losing a change. It reads and removes attributes the
 * entity does not describe, hence the document client.
 */
export async function migrateCategoryCounts(ctx: DataContext): Promise<void> {
  const key = { productId: CATEGORY_COUNTS_ID };
  for (let attempt = 1; ; attempt += 1) {
    const { Item } = await ctx.documentClient.send(
      new GetCommand({ TableName: ctx.names.products, Key: key, ConsistentRead: true }),
    );
    const legacy = Object.entries(Item ?? {}).filter(
      (entry): entry is [string, number] =>
        entry[0].startsWith(LEGACY_COUNT_PREFIX) && typeof entry[1] === 'number',
    );
    const counts = isCounts(Item?.counts) ? Item.counts : undefined;
    const version = typeof Item?.catalogVersion === 'number' ? Item.catalogVersion : undefined;
    if (counts && version !== undefined && legacy.length === 0) return;

    const merged: Record<string, number> = { ...counts };
    for (const [name, count] of legacy) {
      const category = name.slice(LEGACY_COUNT_PREFIX.length);
      merged[category] = (merged[category] ?? 0) + count;
    }
    const names: Record<string, string> = { '#counts': 'counts', '#version': 'catalogVersion' };
    legacy.forEach(([name], i) => (names[`#legacy${i}`] = name));
    const remove = legacy.map((_, i) => `#legacy${i}`);
    try {
      await ctx.documentClient.send(
        new UpdateCommand({
          TableName: ctx.names.products,
          Key: key,
          UpdateExpression: `SET #counts = :counts, #version = :version${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ConditionExpression:
            version === undefined ? 'attribute_not_exists(#version)' : '#version = :version',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':counts': merged, ':version': version ?? 0 },
        }),
      );
      return;
    } catch (error) {
      const name = (error as { name?: string })?.name;
      const raced =
        name === 'ConditionalCheckFailedException' || name === 'TransactionConflictException';
      if (!raced || attempt >= MIGRATION_ATTEMPTS) throw error;
    }
  }
}

function isCounts(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((count) => typeof count === 'number')
  );
}

/**
 * An `$add` into the `counts` map of an item that has none: DynamoDB Local answers a
 * ValidationException; a cancellation with a ValidationError reason is taken the same way.
 */
function isMissingCounts(error: unknown): boolean {
  const { name, message } = (error ?? {}) as { name?: string; message?: string };
  const reasons = (error as { CancellationReasons?: { Code?: string; Message?: string }[] })
    ?.CancellationReasons;
  const invalidPath = (text?: string) => text?.includes('document path provided') ?? false;
  return (
    (name === 'ValidationException' && invalidPath(message)) ||
    (reasons ?? []).some(
      (reason) => reason.Code === 'ValidationError' && invalidPath(reason.Message),
    )
  );
}
