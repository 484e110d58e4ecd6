import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';
import { useApiMutation } from '../../../lib/use-api-mutation';

export function removeCartItem(productId: string): Promise<void> {
  return api(`/api/cart/items/${encodeURIComponent(productId)}`, { method: 'DELETE', auth: true });
}

export function useRemoveCartItem() {
  // The API answers without the cart: ask for it again, after a refusal too.
  return useApiMutation(removeCartItem, {
    invalidateAfter: 'settled',
    invalidates: [queryKeys.cart],
  });
}
