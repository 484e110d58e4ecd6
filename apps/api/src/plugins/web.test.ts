import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
const js = `console.log(${JSON.stringify('storefront '.repeat(200))});`;

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>shop</title>');
  writeFileSync(join(dist, 'assets', 'index-B3x9kQ2a.js'), js);
  writeFileSync(join(dist, 'assets', 'index-B3x9kQ2a.js.br'), brotliCompressSync(js));
  t = await buildTestApp({ WEB_DIST: dist });
});
afterAll(() => t?.close());

describe('serving the storefront', () => {
  it('serves fingerprinted assets immutable and precompressed when the browser accepts it', async () => {
    const response = await t.app.inject({
      url: '/assets/index-B3x9kQ2a.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(js);

    const plain = await t.app.inject({ url: '/assets/index-B3x9kQ2a.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
  });

  it('answers index.html, never cached, for the root and every client-side route', async () => {
    for (const url of ['/', '/products/some-id', '/orders/o-1?x=1']) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body).toContain('<title>shop</title>');
    }
  });

  it('keeps API paths out of the fallback', async () => {
    const response = await t.app.inject({ url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
