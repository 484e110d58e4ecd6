import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorOf, signToken, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t?.close());

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('GET /api/users/me', () => {
  it("answers the caller's public profile", async () => {
    const { user, token } = await t.customer('Grace');
    const response = await t.request({ url: '/api/users/me', token });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(user);
    expect(response.body).not.toMatch(/passwordHash|scrypt/);
  });

  it('answers 401 UNAUTHORIZED without a token', async () => {
    const response = await t.request({ url: '/api/users/me' });
    expect(response.statusCode).toBe(401);
    expect(errorOf(response).code).toBe('UNAUTHORIZED');
  });

  it.each([
    ['a garbage token', 'Bearer not-a-jwt'],
    ['a non-Bearer scheme', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
  ])('answers 401 for %s', async (_label, authorization) => {
    const response = await t.request({ url: '/api/users/me', headers: { authorization } });
    expect(response.statusCode).toBe(401);
    expect(errorOf(response).code).toBe('UNAUTHORIZED');
  });

  it('answers 401 for a token signed with another secret, an unsigned (alg none) token and an expired one', async () => {
    const { user } = await t.customer();
    const now = Math.floor(Date.now() / 1000);
    const forged = signToken(
      { sub: user.userId, role: 'admin' },
      'some other secret of enough length!!',
    );
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: user.userId, role: 'admin', iat: now })}.`;
    const expired = signToken({
      sub: user.userId,
      role: 'customer',
      iat: now - 7200,
      exp: now - 3600,
    });
    // The same claims, validly signed and current, are accepted: the three refusals are about the signature and expiry.
    expect(
      (
        await t.request({
          url: '/api/users/me',
          token: signToken({ sub: user.userId, role: 'customer' }),
        })
      ).statusCode,
    ).toBe(200);
    for (const token of [forged, none, expired]) {
      const response = await t.request({ url: '/api/users/me', token });
      expect(response.statusCode, token).toBe(401);
    }
  });

  it('answers 401 when the account behind a valid token no longer exists', async () => {
    const token = signToken({ sub: 'ghost-user', role: 'customer' });
    const response = await t.request({ url: '/api/users/me', token });
    expect(response.statusCode).toBe(401);
  });
});
