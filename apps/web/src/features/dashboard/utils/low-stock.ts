import { MAX_LOW_STOCK_THRESHOLD } from '@mini-ecommerce/domain/rules';

/** The threshold typed or put in the URL, when it is one the API accepts. */
export function lowStockThreshold(raw: string | null): number | undefined {
  if (raw === null) return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 && value <= MAX_LOW_STOCK_THRESHOLD
    ? value
    : undefined;
}
