/** The shortest password an account may have. */
export const PASSWORD_MIN_LENGTH = 8;
/** An account keeps at most this many delivery addresses. */
export const MAX_ADDRESSES = 5;
/** The most units of one product the shop may hold in stock. */
export const MAX_STOCK = 1_000_000;
/** A product's text fields, in characters (after trimming); a category never holds "#". */
export const PRODUCT_TEXT_LIMITS = { name: 200, description: 5000, category: 64 } as const;
/** The dashboard's low-stock threshold is at most this (products are watched from this level down). */
export const MAX_LOW_STOCK_THRESHOLD = 100;
export const DEFAULT_LOW_STOCK_THRESHOLD = 5;
/** The most of one product a cart line (and so an order line) may hold. */
export const MAX_CART_QUANTITY = 99;
/** The longest search query the API accepts (and the search box lets a shopper type). */
export const MAX_SEARCH_QUERY_LENGTH = 100;

/**
 * An order is placed as one TransactWriteItems (libs/data `placement`): per cart line a stock
 * update and the line's delete; per order the order, its admin-feed copy (which claims the order
 * number) and the day's sales counter. DynamoDB takes at most 100 items in one.
 */
export const ORDER_TRANSACTION = { maxItems: 100, perLine: 2, perOrder: 3 } as const;

/** The most different products one order (so one cart) may hold: what fits in the transaction. */
export const MAX_CART_LINES = Math.floor(
  (ORDER_TRANSACTION.maxItems - ORDER_TRANSACTION.perOrder) / ORDER_TRANSACTION.perLine,
);
