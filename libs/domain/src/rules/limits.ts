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
