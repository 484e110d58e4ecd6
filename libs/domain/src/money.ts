import { z } from 'zod';

/** Prices are integers in minor units: 1999 is 19.99. The ceiling keeps totals exact in a double. */
export const MAX_UNIT_PRICE = 100_000_000;
export const MinorUnits = z.number().int().min(0).max(MAX_UNIT_PRICE);

export const DEFAULT_CURRENCY = 'USD';
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD');
export type Currency = z.infer<typeof Currency>;

export interface Money {
  amount: number;
  currency: Currency;
}

export function lineTotal(unitPrice: number, quantity: number): number {
  return unitPrice * quantity;
}

/** Formats minor units for people, e.g. 1999 USD -> "$19.99". */
export function formatMoney(amount: number, currency: Currency, locale = 'en-US'): string {
  const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amount / 10 ** digits);
}
