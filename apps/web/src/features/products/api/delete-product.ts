import type { Query } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';
import { useApiMutation } from '../../../lib/use-api-mutation';
import { getProductQueryOptions } from './get-product';

export function deleteProduct(productId: string): Promise<void> {
  return api(`/api/products/${encodeURIComponent(productId)}`, { method: 'DELETE', auth: true });
}

const detailKey = (productId: string) => getProductQueryOptions(productId).queryKey;
const isDetail = (query: Query, productId: string) =>
  JSON.stringify(query.queryKey) === JSON.stringify(detailKey(productId));

export function useDeleteProduct() {
  return useApiMutation(deleteProduct, {
    // The deleted product is never fetched again (it would answer 404): the page that still
    // shows it (its edit page, about to navigate away) keeps its copy until it unmounts.
    onSuccess: (_void, productId, queryClient) =>
      queryClient.removeQueries({
        queryKey: detailKey(productId),
        predicate: (query) => query.getObserversCount() === 0,
      }),
    invalidates: (productId) => [
      { queryKey: queryKeys.products, predicate: (query) => !isDetail(query, productId) },
      queryKeys.categories,
      queryKeys.cart,
    ],
  });
}
