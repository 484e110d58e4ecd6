import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Cart } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

export function getCart(signal?: AbortSignal): Promise<Cart> {
  return api('/api/cart', { auth: true, signal });
}

export function getCartQueryOptions() {
  return queryOptions({ queryKey: queryKeys.cart, queryFn: ({ signal }) => getCart(signal) });
}

export function useAccountCart({ enabled }: { enabled: boolean }) {
  return useQuery({ ...getCartQueryOptions(), enabled });
}
