import { z } from 'zod';

import { MAX_UNIT_PRICE } from './rules/pricing';

export const MinorUnits = z.number().int().min(0).max(MAX_UNIT_PRICE);

export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD');
export type Currency = z.infer<typeof Currency>;

export interface Money {
  amount: number;
  currency: Currency;
}
