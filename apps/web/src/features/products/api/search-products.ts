import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, Product } from '@mini-ecommerce/domain';
import { api, withQuery } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';
import { PRODUCTS_PAGE_SIZE } from './get-products';

export function searchProducts(
  {
    q,
    cursor,
    limit = PRODUCTS_PAGE_SIZE,
  }: { q: string; cursor?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<Page<Product>> {
  return api(withQuery('/api/products/search', { q, limit, cursor }), { signal });
}

/** Under the products root, so product changes an admin makes drop cached results too. */
export function searchProductsQueryOptions({ q, limit }: { q: string; limit?: number }) {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.products, 'search', { q, limit: limit ?? PRODUCTS_PAGE_SIZE }],
    queryFn: ({ pageParam, signal }) => searchProducts({ q, cursor: pageParam, limit }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSearchProducts(params: { q: string; limit?: number }) {
  return useInfiniteQuery(searchProductsQueryOptions(params));
}
