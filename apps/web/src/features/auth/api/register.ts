import type { AuthResponse } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { session } from '../../../lib/session';
import { useApiMutation } from '../../../lib/use-api-mutation';

export function register(input: {
  email: string;
  password: string;
  name: string;
}): Promise<AuthResponse> {
  return api('/api/auth/register', { method: 'POST', body: input });
}

export function useRegister() {
  return useApiMutation(register, {
    // The query client drops the previous account's cached data when the session changes.
    onSuccess: ({ user, token }) => session.signIn({ user, token }),
  });
}
