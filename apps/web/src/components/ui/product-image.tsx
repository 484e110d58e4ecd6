import { useState } from 'react';

/**
 * The box each size is drawn in (CSS `aspect-ratio` holds it; these are also the `width`/`height`
 * attributes, so the browser reserves the space before the image arrives). Images are one file
 * each: the seed's are SVG (sharp at any size) and uploads are stored as sent, with no resized
 * copies to offer in a `srcset`.
 */
const BOX = {
  card: { width: 400, height: 400 },
  large: { width: 800, height: 800 },
  thumb: { width: 72, height: 72 },
} as const;

/** A product photo, or a quiet placeholder when there is none or it fails to load. */
export function ProductImage({
  src,
  alt,
  size = 'card',
  priority = false,
}: {
  src?: string | undefined;
  /** Empty when the product's name is already next to the image (cards, cart lines). */
  alt: string;
  size?: 'card' | 'large' | 'thumb';
  /** The first images of a page are its largest paint: load them at once, not lazily. */
  priority?: boolean;
}) {
  const [failed, setFailed] = useState(false);
  const box = BOX[size];
  if (!src || failed) {
    return (
      <div
        className={`product-image product-image--${size} product-image--placeholder`}
        {...(alt ? { role: 'img', 'aria-label': alt } : { 'aria-hidden': true })}
      >
        <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
          <path
            d="M4 5h16v14H4zM4 15l4.5-4.5 4 4 2.5-2.5L20 17M15.5 8.5h.01"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </div>
    );
  }
  return (
    <img
      className={`product-image product-image--${size}`}
      src={src}
      alt={alt}
      width={box.width}
      height={box.height}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}
