import { describe, expect, it } from 'vitest';
import { Order, OrderNumber, normalizeOrderNumber } from './index';

describe('order numbers', () => {
  it('accept XXXX-XXXX in Crockford base32 and refuse I, L, O, U and other shapes', () => {
    expect(OrderNumber.safeParse('7KQ2-M4XD').success).toBe(true);
    for (const bad of ['7KQ2M4XD', '7kq2-m4xd', '7KQ2-M4XU', 'IIII-0000', '7KQ2-M4X', '#7KQ2-M4XD'])
      expect(OrderNumber.safeParse(bad).success, bad).toBe(false);
  });

  it('read a number as a person types it', () => {
    expect(normalizeOrderNumber('#7kq2-m4xd')).toBe('7KQ2-M4XD');
    expect(normalizeOrderNumber(' 7kq2m4xd ')).toBe('7KQ2-M4XD');
    expect(normalizeOrderNumber('o1l2-I4XD')).toBe('0112-14XD');
    expect(normalizeOrderNumber('7KQ2-M4XU')).toBeUndefined();
    expect(normalizeOrderNumber('7KQ2-M4X')).toBeUndefined();
    expect(normalizeOrderNumber('')).toBeUndefined();
  });

  it('are part of the Order with the customer copy', () => {
    const shape = Order.shape;
    expect(shape.orderNumber).toBe(OrderNumber);
    expect(Object.keys(shape.customer.shape)).toEqual(['name', 'email']);
  });
});
