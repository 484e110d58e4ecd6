import type { AuthResponse } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { session } from '../../../lib/session';
import { useApiMutation } from '../../../lib/use-api-mutation';

export function login(credentials: { email: string; password: string }): Promise<AuthResponse> {
  return api('/api/auth/login', { method: 'POST', body: credentials });
}

export function useLogin() {
  return useApiMutation(login, {
    // The query client drops the previous account's cached data when the session changes.
    onSuccess: ({ user, token }) => session.signIn({ user, token }),
  });
}
