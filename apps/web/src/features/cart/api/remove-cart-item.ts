import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

export function removeCartItem(productId: string): Promise<void> {
  return api(`/api/cart/items/${encodeURIComponent(productId)}`, { method: 'DELETE', auth: true });
}

export function useRemoveCartItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeCartItem,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.cart }),
  });
}
