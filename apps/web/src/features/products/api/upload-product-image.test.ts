import { describe, expect, it } from 'vitest';
import { uploadProductImage } from './upload-product-image';

describe('uploadProductImage', () => {
  it('refuses an SVG before asking the API, naming the types the API accepts', async () => {
    const file = new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' });
    await expect(uploadProductImage({ productId: 'p1', file })).rejects.toThrow(
      'Choose a JPEG, PNG, WebP or GIF image.',
    );
  });

  it('refuses an image larger than the API accepts before uploading it', async () => {
    const file = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' });
    await expect(uploadProductImage({ productId: 'p1', file })).rejects.toThrow(
      'Choose an image of at most 5 MiB.',
    );
  });
});
