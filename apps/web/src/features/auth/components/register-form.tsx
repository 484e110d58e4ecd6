import { useState, type FormEvent } from 'react';
import type { AuthResponse } from '@mini-ecommerce/domain';
import { PASSWORD_MIN_LENGTH } from '@mini-ecommerce/domain/rules';
import { TextField, useFieldValues } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/status';
import { ApiError } from '../../../lib/api-client';
import { useRegister } from '../api/register';

type Errors = Partial<Record<'name' | 'email' | 'password', string>>;

export function RegisterForm({
  onSuccess,
}: {
  onSuccess: (auth: AuthResponse) => void | Promise<void>;
}) {
  const { values, bind } = useFieldValues({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Errors>({});
  const register = useRegister();
  const taken = register.error instanceof ApiError && register.error.status === 409;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Errors = {};
    if (!values.name.trim()) next.name = 'Enter your name.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
      next.email = 'Enter an email address like name@example.com.';
    if (values.password.length < PASSWORD_MIN_LENGTH)
      next.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
    setErrors(next);
    if (Object.keys(next).length > 0) {
      const form = event.currentTarget;
      requestAnimationFrame(() =>
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    register.mutate(
      { name: values.name.trim(), email: values.email.trim(), password: values.password },
      { onSuccess: (auth) => void onSuccess(auth) },
    );
  }

  return (
    <form className="form form--narrow" onSubmit={submit} noValidate>
      <TextField label="Name" autoComplete="name" required error={errors.name} {...bind('name')} />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        required
        error={errors.email}
        {...bind('email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={errors.password}
        {...bind('password')}
      />
      <FormError
        error={
          taken ? 'An account with this email already exists. Sign in instead.' : register.error
        }
      />
      <button type="submit" className="button" disabled={register.isPending}>
        {register.isPending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
