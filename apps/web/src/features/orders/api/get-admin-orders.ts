import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Order, OrderStatus, Page } from '@mini-ecommerce/domain';
import { api, withQuery } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

export function getAdminOrders(
  {
    status,
    cursor,
    limit = 25,
  }: { status?: OrderStatus | undefined; cursor?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<Page<Order>> {
  return api(withQuery('/api/admin/orders', { status, limit, cursor }), { auth: true, signal });
}

export function getAdminOrdersQueryOptions(status: OrderStatus | undefined) {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.adminOrders, { status: status ?? null }],
    queryFn: ({ pageParam, signal }) => getAdminOrders({ status, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAdminOrders(status: OrderStatus | undefined) {
  return useInfiniteQuery(getAdminOrdersQueryOptions(status));
}
