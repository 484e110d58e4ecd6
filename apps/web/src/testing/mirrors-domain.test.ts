import { describe, expect, it } from 'vitest';
import {
  COUNTRY_CODES,
  MAX_CART_QUANTITY,
  MAX_SEARCH_QUERY_LENGTH,
  nextStatuses as domainNextStatuses,
  ORDER_STATUSES,
} from '@mini-ecommerce/domain';
import { COUNTRY_CODES as webCountryCodes } from '../features/addresses/utils/countries';
import { MAX_CART_QUANTITY as webMaxQuantity } from '../features/cart/stores/guest-cart';
import { MAX_SEARCH_QUERY_LENGTH as webMaxSearchLength } from '../features/products/components/search-form';
import { nextStatuses, ORDER_STATUSES as webStatuses } from '../features/orders/utils/order-status';
import { parseMoney, toMajorUnits } from '../lib/money';

// The storefront repeats a few pure rules of the domain lib to keep zod out of its bundle; these must not drift.
describe('rules repeated from the domain lib', () => {
  it('has the same order lifecycle and cart limit', () => {
    expect(webStatuses).toEqual(ORDER_STATUSES);
    for (const status of ORDER_STATUSES)
      expect(nextStatuses(status)).toEqual(domainNextStatuses(status));
    expect(webMaxQuantity).toBe(MAX_CART_QUANTITY);
  });

  it('offers the same countries for delivery addresses', () => {
    expect(webCountryCodes).toEqual(COUNTRY_CODES);
  });
});

describe('money input', () => {
  it('parses amounts into minor units and back', () => {
    expect(parseMoney('19.99', 'USD')).toBe(1999);
    expect(parseMoney('12.5', 'USD')).toBe(1250);
    expect(parseMoney('7', 'USD')).toBe(700);
    expect(parseMoney('500', 'JPY')).toBe(500);
    expect(toMajorUnits(1999, 'USD')).toBe('19.99');
  });

  it('refuses what is not a plain amount', () => {
    for (const bad of ['', '-1', '1.999', 'abc', '1,50', '1e3'])
      expect(parseMoney(bad, 'USD')).toBeUndefined();
    expect(parseMoney('5.5', 'JPY')).toBeUndefined();
  });
});

describe('search', () => {
  it('has the same query length limit as the API', () => {
    expect(webMaxSearchLength).toBe(MAX_SEARCH_QUERY_LENGTH);
  });
});
