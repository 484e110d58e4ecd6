import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Address } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

export function getAddresses(signal?: AbortSignal): Promise<{ items: Address[] }> {
  return api('/api/users/me/addresses', { auth: true, signal });
}

export function getAddressesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.addresses,
    queryFn: ({ signal }) => getAddresses(signal),
  });
}

export function useAddresses() {
  return useQuery(getAddressesQueryOptions());
}
