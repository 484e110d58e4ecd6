/**
 * The image types a shop owner may upload, with the extension their stored file gets and the name
 * people know them by. Raster formats only: an uploaded SVG served from the shop's own origin
 * could run script there (and read a shopper's token). The demo catalog's SVGs are the shop's own
 * files.
 */
export const IMAGE_TYPES = {
  'image/jpeg': { extension: 'jpg', name: 'JPEG' },
  'image/png': { extension: 'png', name: 'PNG' },
  'image/webp': { extension: 'webp', name: 'WebP' },
  'image/gif': { extension: 'gif', name: 'GIF' },
} as const satisfies Record<`image/${string}`, { extension: string; name: string }>;
export type ImageType = keyof typeof IMAGE_TYPES;
export const isImageType = (type: string): type is ImageType => Object.hasOwn(IMAGE_TYPES, type);
/** "JPEG, PNG, WebP or GIF": the accepted types as a sentence names them. */
export const IMAGE_TYPE_NAMES = Object.values(IMAGE_TYPES)
  .map((type) => type.name)
  .join(', ')
  .replace(/, ([^,]*)$/, ' or $1');
/** The largest image an upload may carry (the API refuses more with 413). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
