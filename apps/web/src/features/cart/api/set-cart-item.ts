import type { Cart } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';
import { useApiMutation } from '../../../lib/use-api-mutation';

export function setCartItem({
  productId,
  quantity,
}: {
  productId: string;
  quantity: number;
}): Promise<Cart> {
  return api(`/api/cart/items/${encodeURIComponent(productId)}`, {
    method: 'PUT',
    body: { quantity },
    auth: true,
  });
}

export function useSetCartItem() {
  return useApiMutation(setCartItem, {
    onSuccess: (cart, _line, queryClient) => queryClient.setQueryData(queryKeys.cart, cart),
    // A refusal (stock, a deleted product) means our copy is stale.
    invalidateAfter: 'error',
    invalidates: [queryKeys.cart],
  });
}
