import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Order } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

export function getOrder(orderId: string, signal?: AbortSignal): Promise<Order> {
  return api(`/api/orders/${encodeURIComponent(orderId)}`, { auth: true, signal });
}

export function getOrderQueryOptions(orderId: string) {
  return queryOptions({
    queryKey: [...queryKeys.orders, 'detail', orderId],
    queryFn: ({ signal }) => getOrder(orderId, signal),
  });
}

export function useOrder(orderId: string) {
  return useQuery(getOrderQueryOptions(orderId));
}
