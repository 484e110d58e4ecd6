import type { Cart } from '@mini-ecommerce/domain';
import { ApiError, stockShortages } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';
import { useApiMutation } from '../../../lib/use-api-mutation';
import { guestCart, MAX_CART_QUANTITY } from '../stores/guest-cart';
import { getCart } from './get-cart';
import { setCartItem } from './set-cart-item';

export interface MergeResult {
  cart: Cart;
  /** Lines that could not be carried over: the product is gone or sold out. */
  dropped: string[];
}

/**
 * Adds the guest cart to the account cart, line by line: quantities are summed and
 * capped by the stock and the per-line maximum. The guest cart is emptied afterwards.
 */
export async function mergeGuestCart(): Promise<MergeResult> {
  const guestLines = guestCart.lines();
  let cart = await getCart();
  const dropped: string[] = [];
  for (const line of guestLines) {
    const existing = cart.items.find((item) => item.productId === line.productId);
    const stock = existing?.product.stock ?? line.product.stock;
    const wanted = Math.min((existing?.quantity ?? 0) + line.quantity, stock, MAX_CART_QUANTITY);
    if (wanted < 1) {
      dropped.push(line.product.name);
      continue;
    }
    if (wanted === existing?.quantity) continue;
    try {
      cart = await setLine(line.productId, wanted);
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.status >= 400 &&
        error.status < 500 &&
        error.status !== 401
      ) {
        dropped.push(line.product.name);
        continue;
      }
      throw error;
    }
  }
  guestCart.clear();
  return { cart, dropped };
}

/** Sets the line; when stock fell since the guest added it, carries over what is left instead. */
async function setLine(productId: string, quantity: number): Promise<Cart> {
  try {
    return await setCartItem({ productId, quantity });
  } catch (error) {
    const available = stockShortages(error)?.find(
      (shortage) => shortage.productId === productId,
    )?.available;
    if (available === undefined || available < 1 || available >= quantity) throw error;
    return setCartItem({ productId, quantity: available });
  }
}

export function useMergeGuestCart() {
  return useApiMutation(mergeGuestCart, {
    onSuccess: (result, _void, queryClient) =>
      queryClient.setQueryData(queryKeys.cart, result.cart),
    // Some lines may have been carried over before the failure.
    invalidateAfter: 'error',
    invalidates: [queryKeys.cart],
  });
}
