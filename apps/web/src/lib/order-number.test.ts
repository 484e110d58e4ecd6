import { describe, expect, it } from 'vitest';
import { orderCustomer, orderNumber } from './order-number';

describe('order numbers', () => {
  it('shows the stored number with a hash', () => {
    expect(orderNumber({ orderId: 'ord_01JZ', orderNumber: '7KQ2-M4XD' })).toBe('#7KQ2-M4XD');
  });

  it('falls back to a short form of the id for orders without a number', () => {
    expect(orderNumber({ orderId: '01JZ8Q3K5V6W7X8Y9Z0A1B2C3D-e4f5a6b7' })).toBe('#E4F5-A6B7');
  });

  it('names the customer, or the account id when the order does not carry one', () => {
    expect(
      orderCustomer({ orderId: 'o', userId: 'u-1', customer: { name: 'Ada', email: 'a@b.c' } }),
    ).toEqual({ name: 'Ada', email: 'a@b.c' });
    expect(orderCustomer({ orderId: 'o', userId: 'u-1' })).toEqual({ name: 'u-1' });
    expect(
      orderCustomer({ orderId: 'o', userId: 'u-1', customer: { name: '', email: '' } }),
    ).toEqual({ name: 'u-1' });
  });
});
