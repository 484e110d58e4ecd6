/**
 * How long browsers and CloudFront may keep the storefront's files: one policy for the API's
 * local static serving (`npm start`) and for web:deploy's uploads to the website bucket.
 */
export const WEB_CACHE_CONTROL = {
  /** Fingerprinted build output: a new build has new names, so a year is safe. */
  immutable: 'public, max-age=31536000, immutable',
  /** index.html (and other HTML): revalidated on every visit so a deploy is seen at once. */
  revalidate: 'no-cache',
  /** Files without a content hash that are not HTML (favicon, robots.txt): short, revalidated. */
  short: 'public, max-age=300, must-revalidate',
  /** Product images: their keys change when an image is replaced. */
  images: 'public, max-age=86400',
} as const;

/** Vite writes fingerprinted files to assets/ as name-<hash>.ext (hash: 8+ url-safe characters). */
export function isFingerprinted(key: string): boolean {
  return /(^|\/)assets\//.test(key) && /[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/i.test(key);
}

/**
 * The Cache-Control of a storefront file by its path relative to the build folder: index.html is
 * revalidated on every visit; everything it references is fingerprinted and cached for a year,
 * which is what makes that cheap.
 */
export function webCacheControl(key: string): string {
  // A precompressed copy (`.br`, `.gz` beside the file) is cached like the file it encodes.
  key = key.replace(/\.(br|gz)$/, '');
  if (key.endsWith('.html')) return WEB_CACHE_CONTROL.revalidate;
  if (isFingerprinted(key)) return WEB_CACHE_CONTROL.immutable;
  return WEB_CACHE_CONTROL.short;
}
