import { Writable } from 'node:stream';
import Fastify from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestLogger } from './request-logger';
import { securityHeaders } from './security-headers';
import { cachingValidatorCompiler } from './validation';

describe('securityHeaders', () => {
  it("is helmet's headers for the policy, computed once", () => {
    const headers = securityHeaders({
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"] } },
    });
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['strict-transport-security']).toContain('max-age=');
    expect(Object.isFrozen(headers)).toBe(true);
  });

  it('refuses a policy helmet would resolve per request', () => {
    expect(() =>
      securityHeaders({
        contentSecurityPolicy: { directives: { scriptSrc: [() => "'nonce-x'"] } },
      }),
    ).toThrow(/per-request/);
  });
});

describe('cachingValidatorCompiler', () => {
  const Query = z.object({
    limit: z.coerce.number().int().max(100).default(20),
    q: z.string().optional(),
  });
  const compile = (httpPart: string) =>
    cachingValidatorCompiler({ schema: Query, method: 'GET', url: '/', httpPart }) as (
      data: unknown,
    ) => { value?: unknown; error?: unknown };

  it('answers a repeated valid query string with the same frozen value, and validates bad input every time', () => {
    const validate = compile('querystring');
    const first = validate({ limit: '5' });
    expect(first.value).toEqual({ limit: 5 });
    expect(validate({ limit: '5' }).value).toBe(first.value);
    expect(Object.isFrozen(first.value)).toBe(true);
    expect(validate({ limit: '6' }).value).toEqual({ limit: 6 });
    expect(validate({ limit: '500' }).error).toBeDefined();
    expect(validate({ limit: '500' }).error).toBeDefined();
    // Names and values cannot run into each other: `q=1` and `q1=` are different inputs.
    expect(validate({ q: '1' }).value).toEqual({ limit: 20, q: '1' });
    expect(validate({ q1: '' }).value).toEqual({ limit: 20 });
    // A repeated parameter (an array) is validated as it is, never remembered.
    expect(validate({ limit: ['1', '2'] }).error).toBeDefined();
  });

  it('stays within its bound and leaves bodies alone', () => {
    const validate = compile('querystring');
    for (let i = 0; i < 1000; i += 1) expect(validate({ q: `word${i}` }).value).toBeDefined();
    const body = compile('body');
    const value = body({ limit: '5' }).value;
    expect(body({ limit: '5' }).value).not.toBe(value);
    expect(Object.isFrozen(value)).toBe(false);
  });
});

describe('requestLogger', () => {
  const capture = (level: string) => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    return { lines, logger: pino({ level }, stream) };
  };

  it('writes lines bound to the request id, at the levels the logger has enabled', async () => {
    const { lines, logger } = capture('warn');
    const app = Fastify({ loggerInstance: logger, childLoggerFactory: requestLogger });
    app.get('/', async (request) => {
      request.log.info('not written');
      request.log.warn({ detail: 1 }, 'written');
      request.log.child({ extra: true }).error('from a child');
      return { ok: true };
    });
    await app.inject({ url: '/', headers: { 'request-id': 'abc' } });
    await app.close();
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.map((entry) => entry.msg)).toEqual(['written', 'from a child']);
    expect(parsed.every((entry) => typeof entry.reqId === 'string')).toBe(true);
    expect(parsed[0]?.detail).toBe(1);
    expect(parsed[1]?.extra).toBe(true);
  });

  it('logs every request at info, as the default child logger does', async () => {
    const { lines, logger } = capture('info');
    const app = Fastify({ loggerInstance: logger, childLoggerFactory: requestLogger });
    app.get('/', async () => ({ ok: true }));
    await app.inject({ url: '/' });
    await app.close();
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.map((entry) => entry.msg)).toEqual(['incoming request', 'request completed']);
    expect(parsed[0]?.reqId).toBe(parsed[1]?.reqId);
  });
});
