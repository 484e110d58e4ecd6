import mime from 'mime';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';
/** Files without a content hash that are not HTML (favicon, robots.txt): short, revalidated. */
export const SHORT = 'public, max-age=300, must-revalidate';

/** Vite writes fingerprinted files to assets/ as name-<hash>.ext (hash: 8+ url-safe characters). */
export function isFingerprinted(key: string): boolean {
  return /(^|\/)assets\//.test(key) && /[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/i.test(key);
}

/**
 * index.html must be revalidated on every visit so a deploy is seen at once; everything it
 * references is fingerprinted and can be cached for a year, which is what makes that cheap.
 */
export function cacheControlFor(key: string): string {
  if (key.endsWith('.html')) return NO_CACHE;
  if (isFingerprinted(key)) return IMMUTABLE;
  return SHORT;
}

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
