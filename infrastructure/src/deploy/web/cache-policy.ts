import mime from 'mime';

/** The storefront's cache policy is shared with the API's local serving (libs/stack-model). */
export { isFingerprinted, webCacheControl as cacheControlFor } from '@mini-ecommerce/stack-model';

export function contentTypeFor(key: string): string {
  const type = mime.getType(key) ?? 'application/octet-stream';
  const textual =
    type.startsWith('text/') ||
    [
      'application/javascript',
      'application/json',
      'image/svg+xml',
      'application/manifest+json',
    ].includes(type);
  return textual ? `${type}; charset=utf-8` : type;
}
