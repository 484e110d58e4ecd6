import { describe, expect, it } from 'vitest';
import { priceCart } from './pricing';

const mug = { productId: 'mug', name: 'Mug', price: 1250, currency: 'EUR', stock: 3 };
const tee = { productId: 'tee', name: 'Tee', price: 1999, currency: 'EUR', stock: 10 };

describe('priceCart', () => {
  it('totals each line and the cart in the products’ currency', () => {
    const price = priceCart([
      { quantity: 2, product: mug },
      { quantity: 1, product: tee },
    ]);
    expect(price.lines.map((line) => line.lineTotal)).toEqual([2500, 1999]);
    expect(price.subtotal).toBe(4499);
    expect(price.currency).toBe('EUR');
    expect(price.shortages).toEqual([]);
  });

  it('names the lines stock cannot cover', () => {
    expect(priceCart([{ quantity: 5, product: mug }]).shortages).toEqual([
      { productId: 'mug', name: 'Mug', requested: 5, available: 3 },
    ]);
  });

  it('reports every currency of a mixed cart, and prices an empty one in the default', () => {
    expect(
      priceCart([
        { quantity: 1, product: mug },
        { quantity: 1, product: { ...tee, currency: 'USD' } },
      ]).currencies,
    ).toEqual(['EUR', 'USD']);
    expect(priceCart([])).toMatchObject({ subtotal: 0, currency: 'USD', currencies: [] });
  });
});
