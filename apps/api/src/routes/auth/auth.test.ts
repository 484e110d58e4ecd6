import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CUSTOMER_PASSWORD,
  buildTestApp,
  errorOf,
  uniqueEmail,
  type TestApp,
} from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ LOGIN_MAX_FAILURES: '3' });
});
afterAll(() => t?.close());

const register = (payload: unknown) =>
  t.request({ method: 'POST', url: '/api/auth/register', payload: payload as object });
const login = (email: string, password: string, app: TestApp = t) =>
  app.request({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('POST /api/auth/register', () => {
  it('creates a customer and answers 201 {user, token} without any password or hash', async () => {
    const email = uniqueEmail('Reg');
    const response = await register({ email, password: 'long enough', name: 'Ada' });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['token', 'user']);
    expect(Object.keys(body.user).sort()).toEqual(['createdAt', 'email', 'name', 'role', 'userId']);
    expect(body.user).toMatchObject({ email: email.toLowerCase(), name: 'Ada', role: 'customer' });
    expect(response.body).not.toContain('long enough');
    expect(response.body).not.toMatch(/scrypt|passwordHash/);
    const me = await t.request({ url: '/api/users/me', token: body.token });
    expect(me.json()).toEqual(body.user);
  });

  it('ignores a role (and other server-owned fields) in the body: the account is a customer', async () => {
    const response = await register({
      email: uniqueEmail('sneaky'),
      password: 'long enough',
      name: 'Mallory',
      role: 'admin',
      userId: 'chosen-id',
      createdAt: '2000-01-01T00:00:00.000Z',
    });
    expect(response.statusCode, response.body).toBe(201);
    const { user, token } = response.json();
    expect(user.role).toBe('customer');
    expect(user.userId).not.toBe('chosen-id');
    expect(user.createdAt).not.toBe('2000-01-01T00:00:00.000Z');
    const stored = await t.data.users.getById(user.userId);
    expect(stored?.role).toBe('customer');
    // And the token does not open admin routes.
    const create = await t.request({
      method: 'POST',
      url: '/api/products',
      token,
      payload: { name: 'x', category: 'x', price: 1 },
    });
    expect(create.statusCode).toBe(403);
  });

  it('answers 409 CONFLICT when the email is taken, whatever its case', async () => {
    const email = uniqueEmail('taken');
    expect((await register({ email, password: 'long enough', name: 'A' })).statusCode).toBe(201);
    const again = await register({
      email: email.toUpperCase(),
      password: 'another one',
      name: 'B',
    });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('CONFLICT');
  });

  it('makes exactly one account when the same email registers concurrently', async () => {
    const email = uniqueEmail('race');
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => register({ email, password: 'long enough', name: 'R' })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it.each([
    ['a 7-character password', { password: 'short12', name: 'A' }, 'password'],
    ['a malformed email', { email: 'not-an-email', password: 'long enough', name: 'A' }, 'email'],
    ['a missing name', { password: 'long enough' }, 'name'],
    ['an empty name', { password: 'long enough', name: '   ' }, 'name'],
  ])('answers 400 VALIDATION_ERROR with details for %s', async (_label, fields, field) => {
    const response = await register({ email: uniqueEmail('bad'), ...fields });
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: field })]),
    );
  });
});

describe('POST /api/auth/login', () => {
  it('answers 200 {user, token} for the right password, with the email in any case', async () => {
    const { user } = await t.customer('Lin');
    const response = await login(user.email.toUpperCase(), CUSTOMER_PASSWORD);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user).toEqual(user);
    expect(response.body).not.toContain(CUSTOMER_PASSWORD);
    const me = await t.request({ url: '/api/users/me', token: response.json().token });
    expect(me.json().userId).toBe(user.userId);
  });

  it('answers 401 UNAUTHORIZED for a wrong password and for an unknown email, with the same message', async () => {
    const { user } = await t.customer();
    const wrong = await login(user.email, 'not the password');
    const unknown = await login(uniqueEmail('nobody'), 'whatever123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(errorOf(wrong)).toEqual(errorOf(unknown));
    expect(errorOf(wrong).code).toBe('UNAUTHORIZED');
  });

  it('answers 429 RATE_LIMITED with Retry-After after LOGIN_MAX_FAILURES failures for one email, even with the right password', async () => {
    const { user } = await t.customer();
    for (let i = 0; i < 3; i += 1)
      expect((await login(user.email, `wrong ${i}`)).statusCode).toBe(401);
    const blocked = await login(user.email, CUSTOMER_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(errorOf(blocked).code).toBe('RATE_LIMITED');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // The limit is per email: another account still signs in.
    const other = await t.customer();
    expect((await login(other.user.email, CUSTOMER_PASSWORD)).statusCode).toBe(200);
  });

  it('answers 400 for a body that is not {email, password}', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.co' },
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
  });
});

describe('login failures at the default limit of 10', () => {
  it('refuses the 11th attempt (right password included) and not the 10th; a success starts the count again', async () => {
    const app = await buildTestApp();
    try {
      const { user } = await app.customer();
      for (let i = 0; i < 9; i += 1)
        expect((await login(user.email, `wrong ${i}`, app)).statusCode).toBe(401);
      // Nine failures: the right password still works, and resets the count.
      expect((await login(user.email, CUSTOMER_PASSWORD, app)).statusCode).toBe(200);
      for (let i = 0; i < 10; i += 1)
        expect((await login(user.email, `wrong again ${i}`, app)).statusCode).toBe(401);
      const blocked = await login(user.email, CUSTOMER_PASSWORD, app);
      expect(blocked.statusCode).toBe(429);
      expect(errorOf(blocked).code).toBe('RATE_LIMITED');
    } finally {
      await app.close();
    }
  });
});

describe('per-client rate limit on /api/auth/*', () => {
  it('answers 429 RATE_LIMITED in the contract shape once a client exceeds AUTH_RATE_LIMIT_PER_MINUTE', async () => {
    const app = await buildTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const responses = [];
      for (let i = 0; i < 5; i += 1)
        responses.push(await login(uniqueEmail('limited'), 'whatever123', app));
      expect(responses.map((r) => r.statusCode)).toEqual([401, 401, 401, 429, 429]);
      const last = responses[4] as (typeof responses)[number];
      expect(errorOf(last).code).toBe('RATE_LIMITED');
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
      // Other routes are not limited.
      expect((await app.request({ url: '/api/categories' })).statusCode).toBe(200);
      // Another client (address) has its own budget.
      const elsewhere = await app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.0.7',
        payload: { email: uniqueEmail('x'), password: 'whatever123' },
      });
      expect(elsewhere.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('counts login and register against one budget per client', async () => {
    const app = await buildTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const registerOnce = () =>
        app.request({
          method: 'POST',
          url: '/api/auth/register',
          payload: { email: uniqueEmail('r'), password: 'long enough', name: 'R' },
        });
      expect((await login(uniqueEmail('a'), 'whatever123', app)).statusCode).toBe(401);
      expect((await login(uniqueEmail('b'), 'whatever123', app)).statusCode).toBe(401);
      expect((await registerOnce()).statusCode).toBe(201);
      const fourth = await registerOnce();
      expect(fourth.statusCode).toBe(429);
      expect(errorOf(fourth).code).toBe('RATE_LIMITED');
    } finally {
      await app.close();
    }
  });
});
