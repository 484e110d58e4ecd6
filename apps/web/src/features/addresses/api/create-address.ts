import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Address, AddressCreate } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

export function createAddress(input: AddressCreate): Promise<Address> {
  return api('/api/users/me/addresses', { method: 'POST', body: input, auth: true });
}

export function useCreateAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAddress,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.addresses }),
  });
}
