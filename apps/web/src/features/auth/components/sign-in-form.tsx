import { useState, type FormEvent } from 'react';
import type { AuthResponse } from '@mini-ecommerce/domain';
import { TextField } from '../../../components/ui/field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useLogin } from '../api/login';

function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 401)
    return 'That email and password do not match an account.';
  if (error instanceof ApiError && error.status === 429)
    return 'Too many attempts. Wait a few minutes and try again.';
  return errorMessage(error);
}

export function SignInForm({
  onSuccess,
}: {
  onSuccess: (auth: AuthResponse) => void | Promise<void>;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate({ email: email.trim(), password }, { onSuccess: (auth) => void onSuccess(auth) });
  }

  return (
    <form className="form form--narrow" onSubmit={submit}>
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {login.isError ? (
        <p className="form__error" role="alert">
          {loginErrorMessage(login.error)}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={login.isPending}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
