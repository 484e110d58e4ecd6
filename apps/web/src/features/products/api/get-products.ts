import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, Product } from '@mini-ecommerce/domain';
import { api, withQuery } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';
import { PRODUCTS_PAGE_SIZE } from '../../../config/home-requests';

export { PRODUCTS_PAGE_SIZE };

export function getProducts(
  {
    category,
    cursor,
    limit = PRODUCTS_PAGE_SIZE,
  }: { category?: string | undefined; cursor?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<Page<Product>> {
  return api(withQuery('/api/products', { category, limit, cursor }), { signal });
}

export function getProductsQueryOptions({
  category,
  limit,
}: { category?: string | undefined; limit?: number } = {}) {
  return infiniteQueryOptions({
    queryKey: [
      ...queryKeys.products,
      'list',
      { category: category ?? null, limit: limit ?? PRODUCTS_PAGE_SIZE },
    ],
    queryFn: ({ pageParam, signal }) => getProducts({ category, cursor: pageParam, limit }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useProducts(params: { category?: string | undefined; limit?: number } = {}) {
  return useInfiniteQuery(getProductsQueryOptions(params));
}
