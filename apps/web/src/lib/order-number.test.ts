import { describe, expect, it } from 'vitest';
import { orderCustomer, orderNumber } from './order-number';

describe('order numbers', () => {
  it('shows the stored number with a hash', () => {
    expect(orderNumber({ orderNumber: '7KQ2-M4XD' })).toBe('#7KQ2-M4XD');
  });

  it('names the customer, or the account id for orders placed before customers were copied', () => {
    expect(orderCustomer({ userId: 'u-1', customer: { name: 'Ada', email: 'a@b.c' } })).toEqual({
      name: 'Ada',
      email: 'a@b.c',
    });
    expect(orderCustomer({ userId: 'u-1', customer: { name: '', email: 'a@b.c' } })).toEqual({
      name: 'a@b.c',
    });
    expect(orderCustomer({ userId: 'u-1', customer: { name: '', email: '' } })).toEqual({
      name: 'u-1',
    });
  });
});
