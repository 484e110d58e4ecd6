import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

export function deleteProduct(productId: string): Promise<void> {
  return api(`/api/products/${encodeURIComponent(productId)}`, { method: 'DELETE', auth: true });
}

export function useDeleteProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteProduct,
    onSuccess: async (_void, productId) => {
      queryClient.removeQueries({ queryKey: [...queryKeys.products, 'detail', productId] });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.products }),
        queryClient.invalidateQueries({ queryKey: queryKeys.categories }),
        queryClient.invalidateQueries({ queryKey: queryKeys.cart }),
      ]);
    },
  });
}
