import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Product } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

export function getProduct(productId: string, signal?: AbortSignal): Promise<Product> {
  return api(`/api/products/${encodeURIComponent(productId)}`, { signal });
}

export function getProductQueryOptions(productId: string) {
  return queryOptions({
    queryKey: [...queryKeys.products, 'detail', productId],
    queryFn: ({ signal }) => getProduct(productId, signal),
  });
}

export function useProduct(productId: string) {
  return useQuery(getProductQueryOptions(productId));
}
