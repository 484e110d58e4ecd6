import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney, toMajorUnits } from './money';

describe('money', () => {
  it('formats minor units with the currency’s own number of digits', () => {
    expect(formatMoney(1999, 'USD')).toBe('$19.99');
    expect(formatMoney(500, 'JPY')).toBe('¥500');
    expect(formatMoney(1, 'KWD')).toMatch(/^KWD\s0\.001$/);
  });

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
