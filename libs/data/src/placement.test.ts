import { describe, expect, it } from 'vitest';
import { MAX_CART_LINES, ORDER_TRANSACTION, type Product } from '@mini-ecommerce/domain';
import { createDataLayer } from './index';

function product(i: number): Product {
  return {
    productId: `p${i}`,
    name: `Product ${i}`,
    description: '',
    category: 'Books',
    price: 100 + i,
    currency: 'USD',
    stock: 10,
    createdAt: '2026-11-30T00:00:00.000Z',
    updatedAt: '2026-11-30T00:00:00.000Z',
  };
}

/** Building a placement sends nothing: no DynamoDB is needed here. */
const data = createDataLayer({ env: 'local', endpoint: 'http://127.0.0.1:9' });

function placementFor(lineCount: number) {
  const products = Array.from({ length: lineCount }, (_, i) => product(i));
  const lines = products.map((p) => ({ productId: p.productId, quantity: 1 }));
  const order = data.orders.draft({
    orderId: 'o-test',
    orderNumber: '7KQ2-M4XD',
    userId: 'u-test',
    lines,
    products: new Map(products.map((p) => [p.productId, p])),
  });
  return data.orders.placement(order, lines);
}

describe('an order placement', () => {
  it('has the shape the cart-line limit is derived from, with each part labelled', () => {
    const { items, positions } = placementFor(3);
    expect(items).toHaveLength(ORDER_TRANSACTION.perOrder + 3 * ORDER_TRANSACTION.perLine);
    const kind = (i: number) => Object.keys(items[i] ?? {})[0];
    expect([...Array(3).keys()].map((i) => kind(positions.stock[0] + i))).toEqual([
      'Update',
      'Update',
      'Update',
    ]);
    expect(items[positions.order]?.Put?.Item?.['orderId']).toBe('o-test');
    expect(items[positions.feedCopy]?.Put?.Item?.['orderId']).not.toBe('o-test');
    expect(positions.cartLines[1] - positions.cartLines[0]).toBe(3);
    expect(kind(positions.cartLines[0])).toBe('Delete');
    expect(positions.salesCounter).toBe(items.length - 1);
  });

  it('fits DynamoDB’s transaction at the largest cart and not one line more', () => {
    expect(placementFor(MAX_CART_LINES).items.length).toBeLessThanOrEqual(
      ORDER_TRANSACTION.maxItems,
    );
    expect(() => placementFor(MAX_CART_LINES + 1)).toThrow(
      `An order holds at most ${MAX_CART_LINES} different products`,
    );
  });

  it('prices the order like the cart and refuses a cart of two currencies', () => {
    const [a, b] = [product(1), { ...product(2), currency: 'EUR' }];
    const lines = [
      { productId: a.productId, quantity: 2 },
      { productId: b.productId, quantity: 1 },
    ];
    const draft = (products: Product[]) =>
      data.orders.draft({
        orderId: 'o-test',
        orderNumber: '7KQ2-M4XD',
        userId: 'u-test',
        lines: lines.filter((line) => products.some((p) => p.productId === line.productId)),
        products: new Map(products.map((p) => [p.productId, p])),
      });
    expect(draft([a])).toMatchObject({ total: 2 * a.price, currency: 'USD' });
    expect(() => draft([a, b])).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
  });
});
