import type { Address, AddressCreate } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';
import { useApiMutation } from '../../../lib/use-api-mutation';

export function createAddress(input: AddressCreate): Promise<Address> {
  return api('/api/users/me/addresses', { method: 'POST', body: input, auth: true });
}

export function useCreateAddress() {
  return useApiMutation(createAddress, { invalidates: [queryKeys.addresses] });
}
