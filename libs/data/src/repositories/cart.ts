import {
  BatchWriteCommand,
  execute as executeBatchWrite,
} from 'dynamodb-toolbox/table/actions/batchWrite';
import { BatchDeleteRequest } from 'dynamodb-toolbox/entity/actions/batchDelete';
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { DomainError, MAX_CART_LINES, type CartItem } from '@mini-ecommerce/domain';
import type { DataContext } from '../context';

const BATCH_WRITE_LIMIT = 25;

export class CartRepository {
  constructor(private readonly ctx: DataContext) {}

  /** Access pattern: the lines of one user's cart, a strongly consistent Query on the base table. */
  async lines(userId: string): Promise<CartItem[]> {
    const { Items } = await this.ctx.tables.cart
      .build(QueryCommand)
      .entities(this.ctx.entities.CartLineEntity)
      .query({ partition: userId })
      .options({ consistent: true, maxPages: Infinity })
      .send();
    return (Items ?? []).map((line) => ({ productId: line.productId, quantity: line.quantity }));
  }

  /**
   * Sets a line's quantity and returns the cart's lines with the change, so the caller need not
   * read them again. `current`: the lines if the caller has read them already (the cart route
   * reads them alongside the product).
   */
  async setQuantity(
    userId: string,
    productId: string,
    quantity: number,
    current?: CartItem[],
  ): Promise<CartItem[]> {
    const lines = current ?? (await this.lines(userId));
    const isNewLine = !lines.some((line) => line.productId === productId);
    if (isNewLine && lines.length >= MAX_CART_LINES) {
      throw new DomainError(
        'CONFLICT',
        `A cart holds at most ${MAX_CART_LINES} different products; place an order or remove a line first`,
      );
    }
    await this.ctx.entities.CartLineEntity.build(PutItemCommand)
      .item({ userId, productId, quantity, updatedAt: this.ctx.now().toISOString() })
      .send();
    return isNewLine
      ? [...lines, { productId, quantity }]
      : lines.map((line) => (line.productId === productId ? { productId, quantity } : line));
  }

  async remove(userId: string, productId: string): Promise<void> {
    await this.ctx.entities.CartLineEntity.build(DeleteItemCommand)
      .key({ userId, productId })
      .send();
  }

  async clear(userId: string): Promise<void> {
    const lines = await this.lines(userId);
    const { CartLineEntity } = this.ctx.entities;
    for (let start = 0; start < lines.length; start += BATCH_WRITE_LIMIT) {
      const chunk = lines.slice(start, start + BATCH_WRITE_LIMIT);
      await executeBatchWrite(
        { maxAttempts: 5 },
        this.ctx.tables.cart
          .build(BatchWriteCommand)
          .requests(
            ...chunk.map((line) =>
              CartLineEntity.build(BatchDeleteRequest).key({ userId, productId: line.productId }),
            ),
          ),
      );
    }
  }
}
