import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { IMAGE_TYPES, isImageType, type ImageType } from '@mini-ecommerce/domain';
import { IMAGES_KEY_PREFIX } from '@mini-ecommerce/stack-model';
const UPLOAD_TTL_SECONDS = 300;

export interface ImageUploadTarget {
  uploadUrl: string;
  imageUrl: string;
  expiresAt: string;
}

export interface ImageStore {
  createUpload(productId: string, contentType: string): Promise<ImageUploadTarget>;
}

/** The first bytes of each accepted image type (WebP: `RIFF`, four size bytes, then `WEBP`). */
const MAGIC_BYTES: Record<ImageType, (bytes: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  'image/jpeg': (b) => b.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')),
  'image/gif': (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' &&
    b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** Whether the bytes start as a file of the declared image type does. */
export function hasImageMagicBytes(contentType: string, bytes: Buffer): boolean {
  return isImageType(contentType) && MAGIC_BYTES[contentType](bytes);
}

const objectKey = (productId: string, contentType: string) =>
  `products/${productId}/${randomUUID()}.${isImageType(contentType) ? IMAGE_TYPES[contentType].extension : 'bin'}`;

/**
 * Presigned S3 PUTs for the images bucket (deployed environments). Keys live under the prefix
 * that CloudFront serves (`images/`), so an image is public at `<base>/images/products/...`
 * where base is IMAGES_BASE_URL, else the storefront's origin (the same distribution).
 */
export class S3ImageStore implements ImageStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly region: string,
    private readonly baseUrl?: string,
  ) {}

  async createUpload(productId: string, contentType: string): Promise<ImageUploadTarget> {
    const key = IMAGES_KEY_PREFIX + objectKey(productId, contentType);
    const uploadUrl = await getSignedUrl(
      this.s3,
      new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType }),
      // Sign the Content-Type so the URL uploads only the image type asked for (not, say, text/html).
      { expiresIn: UPLOAD_TTL_SECONDS, signableHeaders: new Set(['content-type']) },
    );
    const base = this.baseUrl ?? `https://${this.bucket}.s3.${this.region}.amazonaws.com`;
    return {
      uploadUrl,
      imageUrl: `${base.replace(/\/$/, '')}/${key}`,
      expiresAt: new Date(Date.now() + UPLOAD_TTL_SECONDS * 1000).toISOString(),
    };
  }
}

/**
 * Local stand-in for presigned uploads: the API signs a short-lived URL with an HMAC over the
 * key, content type and expiry, accepts the PUT itself, stores the file under IMAGES_DIR and
 * serves it at /images/. URLs are built on the configured public origin (PUBLIC_URL), never on
 * the request's Host header, which the client chooses.
 */
export class LocalImageStore implements ImageStore {
  private readonly origin: string;

  constructor(
    private readonly secret: string | Buffer,
    publicUrl: string,
  ) {
    this.origin = publicUrl.replace(/\/+$/, '');
  }

  async createUpload(productId: string, contentType: string): Promise<ImageUploadTarget> {
    const key = objectKey(productId, contentType);
    const expires = Math.floor(Date.now() / 1000) + UPLOAD_TTL_SECONDS;
    const signature = this.sign(key, contentType, expires);
    const query = new URLSearchParams({ contentType, expires: String(expires), signature });
    return {
      uploadUrl: `${this.origin}/api/local-uploads/${key}?${query}`,
      imageUrl: `${this.origin}/images/${key}`,
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  verify(key: string, contentType: string, expires: number, signature: string): boolean {
    if (!Number.isFinite(expires) || expires * 1000 < Date.now()) return false;
    const expected = Buffer.from(this.sign(key, contentType, expires));
    const actual = Buffer.from(signature);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  private sign(key: string, contentType: string, expires: number): string {
    return createHmac('sha256', this.secret)
      .update(`${key}\n${contentType}\n${expires}`)
      .digest('base64url');
  }
}
