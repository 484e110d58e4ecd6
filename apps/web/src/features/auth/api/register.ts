import { useMutation } from '@tanstack/react-query';
import type { AuthResponse } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { session } from '../../../lib/session';

export function register(input: {
  email: string;
  password: string;
  name: string;
}): Promise<AuthResponse> {
  return api('/api/auth/register', { method: 'POST', body: input });
}

export function useRegister() {
  return useMutation({
    mutationFn: register,
    // The query client drops the previous account's cached data when the session changes.
    onSuccess: ({ user, token }) => session.signIn({ user, token }),
  });
}
