import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Cart } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

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
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setCartItem,
    onSuccess: (cart) => queryClient.setQueryData(queryKeys.cart, cart),
    // A refusal (stock, a deleted product) means our copy is stale.
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.cart }),
  });
}
