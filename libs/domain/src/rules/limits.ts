/** The most of one product a cart line (and so an order line) may hold. */
export const MAX_CART_QUANTITY = 99;
/** The longest search query the API accepts (and the search box lets a shopper type). */
export const MAX_SEARCH_QUERY_LENGTH = 100;
