import type { FormEvent } from 'react';
import type { AuthResponse } from '@mini-ecommerce/domain';
import { TextField, useFieldValues } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/status';
import { ApiError } from '../../../lib/api-client';
import { useLogin } from '../api/login';

/** The login's failure in the words of this form; other errors keep the API's message. */
function loginError(error: unknown): unknown {
  if (error instanceof ApiError && error.status === 401)
    return 'That email and password do not match an account.';
  if (error instanceof ApiError && error.status === 429)
    return 'Too many attempts. Wait a few minutes and try again.';
  return error;
}

export function SignInForm({
  onSuccess,
}: {
  onSuccess: (auth: AuthResponse) => void | Promise<void>;
}) {
  const { values, bind } = useFieldValues({ email: '', password: '' });
  const login = useLogin();

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate(
      { email: values.email.trim(), password: values.password },
      { onSuccess: (auth) => void onSuccess(auth) },
    );
  }

  return (
    <form className="form form--narrow" onSubmit={submit}>
      <TextField label="Email" type="email" autoComplete="email" required {...bind('email')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        {...bind('password')}
      />
      <FormError error={loginError(login.error)} />
      <button type="submit" className="button" disabled={login.isPending}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
