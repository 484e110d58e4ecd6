import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Order, Page } from '@mini-ecommerce/domain';
import { api, withQuery } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

export function getOrders(
  { cursor, limit = 20 }: { cursor?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<Page<Order>> {
  return api(withQuery('/api/orders', { limit, cursor }), { auth: true, signal });
}

export function getOrdersQueryOptions() {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.orders, 'list'],
    queryFn: ({ pageParam, signal }) => getOrders({ cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOrders() {
  return useInfiniteQuery(getOrdersQueryOptions());
}
