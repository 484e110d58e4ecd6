import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { LocalImageStore, S3ImageStore } from './images';

describe('S3ImageStore', () => {
  const s3 = new S3Client({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
  });

  it('presigns a real S3 PutObject URL offline, for the bucket and a key under the product', async () => {
    const store = new S3ImageStore(s3, 'shop-images-bucket', 'eu-west-1');
    const { uploadUrl, imageUrl, expiresAt } = await store.createUpload('prod-1', 'image/webp');
    const url = new URL(uploadUrl);
    expect(url.protocol).toBe('https:');
    expect(url.hostname).toBe('shop-images-bucket.s3.eu-west-1.amazonaws.com');
    // Under the prefix CloudFront serves from the images bucket.
    expect(url.pathname).toMatch(/^\/images\/products\/prod-1\/[0-9a-f-]{36}\.webp$/);
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(
      /^AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request$/,
    );
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    // The Content-Type is signed, so S3 refuses an upload of another type.
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toContain('content-type');
    expect(imageUrl).toBe(`https://shop-images-bucket.s3.eu-west-1.amazonaws.com${url.pathname}`);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(290_000);
  });

  it('serves images from IMAGES_BASE_URL (CloudFront) when set', async () => {
    const store = new S3ImageStore(
      s3,
      'shop-images-bucket',
      'eu-west-1',
      'https://cdn.example.com/',
    );
    const { uploadUrl, imageUrl } = await store.createUpload('prod-2', 'image/png');
    expect(imageUrl).toBe(`https://cdn.example.com${new URL(uploadUrl).pathname}`);
  });
});

describe('LocalImageStore', () => {
  it('verifies only its own unexpired signatures over key, content type and expiry', async () => {
    const store = new LocalImageStore('secret-a', 'http://127.0.0.1:3001');
    const { uploadUrl } = await store.createUpload('p', 'image/png');
    const url = new URL(uploadUrl);
    const key = url.pathname.replace('/api/local-uploads/', '');
    const expires = Number(url.searchParams.get('expires'));
    const signature = url.searchParams.get('signature') ?? '';
    expect(store.verify(key, 'image/png', expires, signature)).toBe(true);
    expect(
      new LocalImageStore('secret-b', 'http://127.0.0.1:3001').verify(
        key,
        'image/png',
        expires,
        signature,
      ),
    ).toBe(false);
    expect(store.verify(key, 'image/gif', expires, signature)).toBe(false);
    expect(store.verify(`${key}x`, 'image/png', expires, signature)).toBe(false);
    expect(store.verify(key, 'image/png', expires + 1, signature)).toBe(false);
    expect(store.verify(key, 'image/png', expires, '')).toBe(false);
  });
});
