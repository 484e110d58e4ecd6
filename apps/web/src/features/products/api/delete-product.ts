import { useMutation, useQueryClient, type Query } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';
import { getProductQueryOptions } from './get-product';

export function deleteProduct(productId: string): Promise<void> {
  return api(`/api/products/${encodeURIComponent(productId)}`, { method: 'DELETE', auth: true });
}

export function useDeleteProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteProduct,
    onSuccess: async (_void, productId) => {
      const detail = getProductQueryOptions(productId).queryKey;
      const isDetail = (query: Query) => JSON.stringify(query.queryKey) === JSON.stringify(detail);
      // The deleted product is never fetched again (it would answer 404): the page that still
      // shows it (its edit page, about to navigate away) keeps its copy until it unmounts.
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: queryKeys.products,
          predicate: (query) => !isDetail(query),
        }),
        queryClient.invalidateQueries({ queryKey: queryKeys.categories }),
        queryClient.invalidateQueries({ queryKey: queryKeys.cart }),
      ]);
      queryClient.removeQueries({
        queryKey: detail,
        predicate: (query) => query.getObserversCount() === 0,
      });
    },
  });
}
