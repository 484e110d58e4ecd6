import { useId, useState, type FormEvent } from 'react';
import type { Product } from '@mini-ecommerce/domain';
import { IMAGE_TYPES } from '@mini-ecommerce/domain/rules';
import { ProductImage } from '../../../components/ui/product-image';
import { FormError } from '../../../components/ui/status';
import { useUploadProductImage } from '../api/upload-product-image';

export function ImageUploadForm({ product }: { product: Product }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadProductImage();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file) upload.mutate({ productId: product.productId, file });
  }

  return (
    <form className="form image-upload" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Image</h2>
      <ProductImage src={product.imageUrl} alt={product.name} size="thumb" />
      <div className="field">
        <label htmlFor={id}>Choose an image</label>
        <input
          id={id}
          type="file"
          accept={Object.keys(IMAGE_TYPES).join(',')}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            upload.reset();
          }}
        />
      </div>
      <button
        type="submit"
        className="button button--secondary"
        disabled={!file || upload.isPending}
      >
        {upload.isPending ? 'Uploading…' : 'Upload image'}
      </button>
      <FormError error={upload.error} />
      {upload.isSuccess ? <p role="status">Image uploaded.</p> : null}
    </form>
  );
}
