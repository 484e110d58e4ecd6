/**
 * The dashboard's low-stock threshold: the domain's `DEFAULT_LOW_STOCK_THRESHOLD` and
 * `MAX_LOW_STOCK_THRESHOLD` (in its zod module, so restated here until they move to its rules).
 */
export const DEFAULT_LOW_STOCK = 5;
export const MAX_LOW_STOCK = 100;

/** The threshold typed or put in the URL, when it is one the API accepts. */
export function lowStockThreshold(raw: string | null): number | undefined {
  if (raw === null) return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 && value <= MAX_LOW_STOCK ? value : undefined;
}
