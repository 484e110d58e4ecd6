import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '@mini-ecommerce/domain';
import { buildTestApp, errorOf, type TestApp } from '../../test/test-app';

let t: TestApp;
let adminToken: string;
let product: Product;
beforeAll(async () => {
  t = await buildTestApp();
  adminToken = (await t.admin()).token;
  product = await t.createProduct(adminToken, { name: 'Poster', category: 'Art' });
});
afterAll(() => t?.close());

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const askUpload = (
  token: string | undefined,
  productId: string,
  payload: object = { contentType: 'image/png' },
) =>
  t.request({
    method: 'POST',
    url: `/api/products/${productId}/image-upload`,
    ...(token ? { token } : {}),
    payload,
  });
/** The path and query of an absolute URL, to replay it through app.inject. */
const local = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

describe('POST /api/products/:productId/image-upload and the local upload target', () => {
  it('refuses SVG uploads, which could run script on the shop origin', async () => {
    const response = await askUpload(adminToken, product.productId, {
      contentType: 'image/svg+xml',
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
  });

  it('presigns a PUT; uploading with the right Content-Type stores the file, served at imageUrl', async () => {
    const response = await askUpload(adminToken, product.productId);
    expect(response.statusCode, response.body).toBe(200);
    const { uploadUrl, imageUrl, expiresAt } = response.json();
    expect(uploadUrl).toMatch(/^https?:\/\//);
    expect(imageUrl).toMatch(new RegExp(`/images/products/${product.productId}/[\\w-]+\\.png$`));
    const ttl = Date.parse(expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);

    const put = await t.request({
      method: 'PUT',
      url: local(uploadUrl),
      headers: { 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(put.statusCode, put.body).toBe(204);
    const served = await t.request({ url: local(imageUrl) });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(PNG)).toBe(true);

    // The admin then points the product at it.
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/products/${product.productId}`,
      token: adminToken,
      payload: { imageUrl },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().imageUrl).toBe(imageUrl);
  });

  it('defaults to image/jpeg when no content type is asked for', async () => {
    const response = await t.request({
      method: 'POST',
      url: `/api/products/${product.productId}/image-upload`,
      token: adminToken,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().imageUrl).toMatch(/\.jpg$/);
  });

  it('refuses a tampered signature, another key or content type in the URL, and an expired URL with 403', async () => {
    const { uploadUrl, imageUrl } = (await askUpload(adminToken, product.productId)).json();
    const url = new URL(uploadUrl);
    const variants: URL[] = [];
    const tampered = new URL(url);
    const signature = tampered.searchParams.get('signature') ?? '';
    tampered.searchParams.set('signature', (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1));
    variants.push(tampered);
    const otherType = new URL(url);
    otherType.searchParams.set('contentType', 'image/gif');
    variants.push(otherType);
    const later = new URL(url);
    later.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    variants.push(later);
    const expired = new URL(url);
    expired.searchParams.set('expires', String(Math.floor(Date.now() / 1000) - 10));
    variants.push(expired);
    const otherKey = new URL(url);
    otherKey.pathname = otherKey.pathname.replace(/[\w-]+\.png$/, 'chosen-by-client.png');
    variants.push(otherKey);
    for (const variant of variants) {
      const contentType = variant.searchParams.get('contentType') ?? 'image/png';
      const response = await t.request({
        method: 'PUT',
        url: local(variant.href),
        headers: { 'content-type': contentType },
        payload: PNG,
      });
      expect(response.statusCode, variant.href).toBe(403);
      expect(errorOf(response).code).toBe('FORBIDDEN');
    }
    // Nothing was stored.
    expect((await t.request({ url: local(imageUrl) })).statusCode).toBe(404);
  });

  it('refuses an upload with another Content-Type than the one signed', async () => {
    const { uploadUrl, imageUrl } = (await askUpload(adminToken, product.productId)).json();
    const response = await t.request({
      method: 'PUT',
      url: local(uploadUrl),
      headers: { 'content-type': 'image/jpeg' },
      payload: PNG,
    });
    expect(response.statusCode).toBe(400);
    expect((await t.request({ url: local(imageUrl) })).statusCode).toBe(404);
  });

  it('answers 401 anonymously, 403 for a customer, 404 for an unknown product and 400 for a content type that is not an image', async () => {
    expect((await askUpload(undefined, product.productId)).statusCode).toBe(401);
    const customer = await t.quickCustomer();
    expect((await askUpload(customer.token, product.productId)).statusCode).toBe(403);
    expect((await askUpload(adminToken, 'no-such-product')).statusCode).toBe(404);
    const bad = await askUpload(adminToken, product.productId, { contentType: 'text/html' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('VALIDATION_ERROR');
  });

  it('never serves files outside the images directory', async () => {
    for (const url of [
      '/images/../package.json',
      '/images/%2e%2e/%2e%2e/etc/passwd',
      '/images/..%2f..%2fetc%2fpasswd',
    ]) {
      const response = await t.request({ url });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.body).not.toContain('root:');
    }
  });
});
