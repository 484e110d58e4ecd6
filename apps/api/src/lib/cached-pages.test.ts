import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../test/test-app';
import { CachedPages } from './cached-pages';
import { Metrics } from './metrics';

/** Everything a client sees of a response but the date. */
async function seen(response: Response) {
  const headers = Object.fromEntries(
    [...response.headers].filter(([name]) => name !== 'date' && name !== 'keep-alive'),
  );
  return { status: response.status, headers, body: await response.text() };
}

/**
 * A test app listening on loopback: cached pages are answered by the HTTP server in front of
 * Fastify, which app.inject does not go through.
 */
async function listening(env: Record<string, string> = {}, logLines?: string[]) {
  const t = await buildTestApp(
    { CATALOG_CACHE_TTL_MS: '60000', ...env },
    logLines
      ? {
          logger: {
            level: 'info',
            stream: new Writable({
              write(chunk, _encoding, done) {
                logLines.push(String(chunk));
                done();
              },
            }),
          },
        }
      : {},
  );
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const answers = vi.spyOn(CachedPages.prototype, 'answer');
  const answeredHere = () => answers.mock.results.filter((result) => result.value === true).length;
  const close = async () => {
    answers.mockRestore();
    await t.close();
  };
  return { t, url: address, answeredHere, close };
}

describe('cached catalog pages answered before routing', () => {
  let s: Awaited<ReturnType<typeof listening>>;
  let adminToken: string;
  const path = '/api/products?category=Lamps&limit=20';
  beforeAll(async () => {
    s = await listening();
    adminToken = (await s.t.admin()).token;
    await s.t.createProduct(adminToken, { name: 'Desk lamp', category: 'Lamps', price: 2500 });
  });
  afterAll(() => s?.close());

  it('answers a repeat request with the same status, headers and bytes as the routed answer', async () => {
    const routed = await seen(await fetch(`${s.url}${path}`));
    expect(s.answeredHere()).toBe(0);
    const cached = await seen(await fetch(`${s.url}${path}`));
    expect(s.answeredHere()).toBe(1);
    expect(cached).toEqual(routed);
    expect(routed.headers['content-security-policy']).toContain("default-src 'none'");
    expect(JSON.parse(cached.body).items[0].name).toBe('Desk lamp');
  });

  it('answers a product page the same way, and never a missing product', async () => {
    const [lamp] = JSON.parse(await (await fetch(`${s.url}${path}`)).text()).items;
    const productPath = `/api/products/${lamp.productId}`;
    const routed = await seen(await fetch(`${s.url}${productPath}`));
    const answered = s.answeredHere();
    expect(await seen(await fetch(`${s.url}${productPath}`))).toEqual(routed);
    expect(s.answeredHere()).toBe(answered + 1);
    await fetch(`${s.url}/api/products/no-such-product`);
    expect((await fetch(`${s.url}/api/products/no-such-product`)).status).toBe(404);
    expect(s.answeredHere()).toBe(answered + 1);
  });

  it('counts the answers in the request metric', async () => {
    await fetch(`${s.url}${path}`);
    const recorded = vi.spyOn(Metrics.prototype, 'recordRequest');
    const answered = s.answeredHere();
    await fetch(`${s.url}${path}`);
    expect(s.answeredHere()).toBe(answered + 1);
    expect(recorded).toHaveBeenCalledExactlyOnceWith(200, path);
    recorded.mockRestore();
  });

  it('serves an admin change at once: the write clears the entry and the URL is routed again', async () => {
    await fetch(`${s.url}${path}`);
    const [lamp] = JSON.parse(await (await fetch(`${s.url}${path}`)).text()).items;
    await s.t.request({
      method: 'PATCH',
      url: `/api/products/${lamp.productId}`,
      token: adminToken,
      payload: { price: 2900 },
    });
    const answered = s.answeredHere();
    const after = await fetch(`${s.url}${path}`);
    expect(s.answeredHere()).toBe(answered);
    expect(JSON.parse(await after.text()).items[0].price).toBe(2900);
  });

  it('routes what could be answered differently: 304s, CORS, HEAD, invalid and other URLs', async () => {
    await fetch(`${s.url}${path}`);
    const before = s.answeredHere();
    const { etag } = (await seen(await fetch(`${s.url}${path}`))).headers;
    const answered = s.answeredHere();
    expect(answered).toBe(before + 1);
    const notModified = await fetch(`${s.url}${path}`, {
      headers: { 'if-none-match': String(etag) },
    });
    expect(notModified.status).toBe(304);
    await fetch(`${s.url}${path}`, { headers: { origin: 'https://elsewhere.example' } });
    expect((await fetch(`${s.url}${path}`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${s.url}${path}&limit=abc`)).status).toBe(400);
    expect((await fetch(`${s.url}/api/products?category=Lamps&limit=1`)).status).toBe(200);
    expect(s.answeredHere()).toBe(answered);
  });
});

describe('cached pages and the rest of the server', () => {
  it('carry the CORS headers of a configured WEB_ORIGIN', async () => {
    const s = await listening({ WEB_ORIGIN: 'https://shop.example' });
    try {
      const routed = await seen(await fetch(`${s.url}/api/products?limit=5`));
      const cached = await seen(await fetch(`${s.url}/api/products?limit=5`));
      expect(s.answeredHere()).toBe(1);
      expect(cached).toEqual(routed);
      expect(cached.headers['access-control-allow-origin']).toBe('https://shop.example');
    } finally {
      await s.close();
    }
  });

  it('write an access-log line at info, as routed requests do', async () => {
    const lines: string[] = [];
    const s = await listening({}, lines);
    try {
      await fetch(`${s.url}/api/products?limit=3`);
      await fetch(`${s.url}/api/products?limit=3`, { headers: { 'x-request-id': 'trace-42' } });
      expect(s.answeredHere()).toBe(1);
      const logged = lines.map((line) => JSON.parse(line));
      expect(logged).toContainEqual(
        expect.objectContaining({
          msg: 'request completed (cached page)',
          reqId: 'trace-42',
          req: expect.objectContaining({
            method: 'GET',
            url: '/api/products?limit=3',
            remoteAddress: '127.0.0.1',
          }),
          res: { statusCode: 200 },
          responseTime: expect.any(Number),
        }),
      );
    } finally {
      await s.close();
    }
  });

  it('step aside once the server is closing (Fastify answers 503 then)', async () => {
    const s = await listening();
    const closed = vi.spyOn(CachedPages.prototype, 'close');
    const pagesOf = vi.mocked(CachedPages.prototype.answer);
    await fetch(`${s.url}/api/products?limit=2`);
    await fetch(`${s.url}/api/products?limit=2`);
    expect(s.answeredHere()).toBe(1);
    const pages = pagesOf.mock.contexts[0] as CachedPages;
    await s.close();
    expect(closed).toHaveBeenCalledOnce();
    closed.mockRestore();
    expect(
      pages.answer(
        { method: 'GET', url: '/api/products?limit=2', headers: {} } as never,
        {} as never,
      ),
    ).toBe(false);
  });
});
