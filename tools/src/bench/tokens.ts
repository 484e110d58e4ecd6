import { createHmac } from 'node:crypto';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A bearer token in the format the API issues (HS256, `sub` and `role`), signed with the secret
 * the load-test API was started with. Load tests mint tokens for many shoppers instead of
 * registering each one, which would measure the deliberately slow password hashing instead.
 */
export function mintToken(
  secret: string,
  userId: string,
  role: 'customer' | 'admin' = 'customer',
  ttlSeconds = 3600,
): string {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub: userId, role, iat: now, exp: now + ttlSeconds })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
