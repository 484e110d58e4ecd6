import { useState } from 'react';

/** A product photo, or a neutral placeholder when there is none or it fails to load. */
export function ProductImage({
  src,
  alt,
  size = 'card',
  priority = false,
}: {
  src?: string | undefined;
  alt: string;
  size?: 'card' | 'large' | 'thumb';
  /** The first images of a page are its largest paint: load them at once, not lazily. */
  priority?: boolean;
}) {
  const [failed, setFailed] = useState(false);
  if (!src || failed) {
    return (
      <div
        className={`product-image product-image--${size} product-image--placeholder`}
        role="img"
        aria-label={alt}
      >
        <span aria-hidden="true">No image</span>
      </div>
    );
  }
  return (
    <img
      className={`product-image product-image--${size}`}
      src={src}
      alt={alt}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}
