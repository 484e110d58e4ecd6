/** Prices are integers in minor units: 1999 is 19.99. The ceiling keeps totals exact in a double. */
export const MAX_UNIT_PRICE = 100_000_000;
export const DEFAULT_CURRENCY = 'USD';

/** What a cart line must know about its product to be priced. */
export interface PricedProduct {
  readonly productId: string;
  readonly name: string;
  readonly price: number;
  readonly currency: string;
  readonly stock: number;
}

export interface StockShortage {
  productId: string;
  name: string;
  requested: number;
  available: number;
}

export interface CartPrice<L> {
  /** Each line with its total (unit price times quantity). */
  readonly lines: readonly (L & { readonly lineTotal: number })[];
  readonly subtotal: number;
  /** The cart's one currency (DEFAULT_CURRENCY for an empty cart). */
  readonly currency: string;
  /** Every currency the lines use: more than one means the cart cannot become one order. */
  readonly currencies: readonly string[];
  /** Lines asking for more than is in stock. */
  readonly shortages: readonly StockShortage[];
}

export function lineTotal(unitPrice: number, quantity: number): number {
  return unitPrice * quantity;
}

/**
 * Prices a cart: line totals, subtotal, its currency and the lines stock cannot cover. The one
 * rule for the API's cart, the order an order is placed from and the storefront's guest cart.
 */
export function priceCart<L extends { readonly quantity: number; readonly product: PricedProduct }>(
  lines: readonly L[],
): CartPrice<L> {
  const priced = lines.map((line) => ({
    ...line,
    lineTotal: lineTotal(line.product.price, line.quantity),
  }));
  const currencies = [...new Set(lines.map((line) => line.product.currency))];
  return {
    lines: priced,
    subtotal: priced.reduce((sum, line) => sum + line.lineTotal, 0),
    currency: currencies[0] ?? DEFAULT_CURRENCY,
    currencies,
    shortages: lines
      .filter((line) => line.product.stock < line.quantity)
      .map((line) => ({
        productId: line.product.productId,
        name: line.product.name,
        requested: line.quantity,
        available: line.product.stock,
      })),
  };
}
