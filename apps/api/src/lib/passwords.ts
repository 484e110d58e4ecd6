import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DomainError } from '@mini-ecommerce/domain';

const KEY_LENGTH = 32;
/**
 * OWASP's scrypt settings list N=2^17, r=8, p=1 and, as equivalent, N=2^15, r=8, p=3. The second
 * costs the same CPU with a quarter of the memory (32 MiB a hash instead of 128 MiB), which is
 * what a t3.micro running the API under PM2's 300 MB restart limit can afford.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const;
const MAX_MEMORY = 2 * 128 * SCRYPT_PARAMS.N * SCRYPT_PARAMS.r;

/**
 * At most this many hashes run at once (each holds a libuv thread and 32 MiB), and at most
 * QUEUE_LIMIT wait: a sign-in flood queues here, and past the queue is refused, instead of
 * taking every CPU and thread from shoppers.
 */
const CONCURRENT_HASHES = 2;
const QUEUE_LIMIT = 64;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= CONCURRENT_HASHES) {
    if (waiting.length >= QUEUE_LIMIT) {
      throw new DomainError('RATE_LIMITED', 'Too many sign-ins at once; try again in a moment', {
        retryAfterSeconds: 1,
      });
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter, or free it.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

/** Hashes computed or checked so far (tests count password checks with it). */
export const passwordHashStats = { derived: 0 };

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return limited(
    () =>
      new Promise((resolve, reject) => {
        passwordHashStats.derived += 1;
        scrypt(
          password.normalize('NFKC'),
          salt,
          KEY_LENGTH,
          {
            ...options,
            maxmem: Math.max(MAX_MEMORY, 2 * 128 * (options.N ?? 0) * (options.r ?? 0)),
          },
          (error, key) => (error ? reject(error) : resolve(key)),
        );
      }),
  );
}

/** scrypt from node:crypto; the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT_PARAMS);
  return [
    'scrypt',
    SCRYPT_PARAMS.N,
    SCRYPT_PARAMS.r,
    SCRYPT_PARAMS.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Whether a stored hash was made with other parameters than today's (rehash it at the next sign-in). */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return (
    scheme !== 'scrypt' ||
    Number(n) !== SCRYPT_PARAMS.N ||
    Number(r) !== SCRYPT_PARAMS.r ||
    Number(p) !== SCRYPT_PARAMS.p
  );
}

/** A hash to compare against when the email is unknown, so timing does not reveal which emails exist. */
export const DUMMY_HASH_PROMISE = hashPassword(randomBytes(12).toString('hex'));
