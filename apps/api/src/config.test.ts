import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const SECRET = 'a-deployed-secret-of-at-least-32-characters';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs locally with no variables at all, on 127.0.0.1:3001', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'local',
      port: 3001,
      host: '127.0.0.1',
      region: 'us-east-1',
      authRateLimitPerMinute: 300,
    });
    expect(config.login).toEqual({
      maxFailures: 10,
      windowMs: 15 * 60_000,
      slowAfter: 10,
      slowDelayMs: 2000,
    });
    expect(config.trustProxy).toBe('none');
    expect(config.metrics).toBe(false);
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      APP_ENV: 'moon',
      AWS_REGION: 'Mars',
      DYNAMODB_ENDPOINT: 'not a url',
      JWT_EXPIRES_IN: 'forever',
      LOGIN_MAX_FAILURES: '0',
      LOG_LEVEL: 'loud',
      WEB_ORIGIN: 'shop',
    });
    const named = problems.map((problem) => problem.split(' ')[0]);
    expect(named.sort()).toEqual(
      [
        'APP_ENV',
        'AWS_REGION',
        'DYNAMODB_ENDPOINT',
        'JWT_EXPIRES_IN',
        'LOGIN_MAX_FAILURES',
        'LOG_LEVEL',
        'PORT',
        'WEB_ORIGIN',
      ].sort(),
    );
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect((error as Error).message).toContain('PORT');
      expect((error as Error).message).toContain('LOG_LEVEL');
    }
  });

  it('requires JWT_SECRET outside local, of at least 32 characters', () => {
    for (const env of ['dev', 'staging', 'prod']) {
      const problems = problemsOf({ APP_ENV: env });
      expect(problems.some((p) => p.startsWith('JWT_SECRET'))).toBe(true);
    }
    expect(
      problemsOf({ APP_ENV: 'prod', JWT_SECRET: 'short' }).some((p) => p.startsWith('JWT_SECRET')),
    ).toBe(true);
    const prod = loadConfig({ APP_ENV: 'prod', JWT_SECRET: SECRET });
    expect(prod).toMatchObject({ env: 'prod', jwtSecret: SECRET, host: '0.0.0.0', metrics: true });
  });

  it('takes ADMIN_EMAIL and ADMIN_PASSWORD together or not at all', () => {
    expect(
      problemsOf({ ADMIN_EMAIL: 'boss@example.com' }).some((p) => p.startsWith('ADMIN_PASSWORD')),
    ).toBe(true);
    expect(
      problemsOf({ ADMIN_PASSWORD: 'long enough' }).some((p) => p.startsWith('ADMIN_EMAIL')),
    ).toBe(true);
    expect(
      loadConfig({ ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD: 'long enough' }).admin,
    ).toEqual({
      email: 'boss@example.com',
      password: 'long enough',
    });
  });

  it('reads the limits and treats empty strings as unset', () => {
    const config = loadConfig({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_WINDOW_MINUTES: '2',
      AUTH_RATE_LIMIT_PER_MINUTE: '7',
      JWT_SECRET: '',
      WEB_ORIGIN: '',
    });
    expect(config.login).toMatchObject({ maxFailures: 3, windowMs: 120_000 });
    expect(config.authRateLimitPerMinute).toBe(7);
    expect(config.webOrigin).toBeUndefined();
  });

  // Issue 11, item 4.
  it('refuses the built-in JWT secret unless the API listens on loopback', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })).toEqual([
      expect.stringMatching(/^JWT_SECRET is required when the API listens on 0\.0\.0\.0/),
    ]);
    expect(problemsOf({ HOST: '192.168.1.20', JWT_SECRET: '' })).toHaveLength(1);
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost'])
      expect(loadConfig({ HOST: host }).host).toBe(host);
    expect(loadConfig({ HOST: '0.0.0.0', JWT_SECRET: SECRET }).host).toBe('0.0.0.0');
  });

  // Issue 11, item 5: the chain in front of the API is CloudFront (and the load balancer) in every cloud environment.
  it('believes X-Forwarded-For from the CloudFront chain in the cloud environments only', () => {
    expect(loadConfig({}).trustProxy).toBe('none');
    for (const env of ['dev', 'staging', 'prod'])
      expect(loadConfig({ APP_ENV: env, JWT_SECRET: SECRET }).trustProxy).toBe('cloudfront');
    expect(
      loadConfig({ APP_ENV: 'prod', JWT_SECRET: SECRET, TRUST_PROXY: 'none' }).trustProxy,
    ).toBe('none');
  });

  // Issue 11, item 10: URLs the API hands out come from configuration, never from the request.
  it('builds the public URL from PUBLIC_URL, else WEB_ORIGIN, else the loopback address', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3001');
    expect(loadConfig({ WEB_ORIGIN: 'https://shop.example.com/' }).publicUrl).toBe(
      'https://shop.example.com',
    );
    expect(
      loadConfig({ WEB_ORIGIN: 'https://shop.example.com', PUBLIC_URL: 'http://127.0.0.1:9' })
        .publicUrl,
    ).toBe('http://127.0.0.1:9');
  });
});
