import type { ImageUpload, Product } from '@mini-ecommerce/domain';
import { IMAGE_TYPE_NAMES, MAX_IMAGE_BYTES, isImageType } from '@mini-ecommerce/domain/rules';
import { api, ApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';
import { useApiMutation } from '../../../lib/use-api-mutation';
import { getProductQueryOptions } from './get-product';
import { updateProduct } from './update-product';

/** Asks the API for a presigned PUT, sends the bytes straight to storage, then points the product at the image. */
export async function uploadProductImage({
  productId,
  file,
}: {
  productId: string;
  file: File;
}): Promise<Product> {
  if (!isImageType(file.type)) {
    throw new ApiError(400, 'VALIDATION_ERROR', `Choose a ${IMAGE_TYPE_NAMES} image.`);
  }
  if (file.size > MAX_IMAGE_BYTES) {
    throw new ApiError(
      413,
      'PAYLOAD_TOO_LARGE',
      `Choose an image of at most ${MAX_IMAGE_BYTES / (1024 * 1024)} MiB.`,
    );
  }
  const upload = await api<ImageUpload>(
    `/api/products/${encodeURIComponent(productId)}/image-upload`,
    {
      method: 'POST',
      body: { contentType: file.type },
      auth: true,
    },
  );
  let stored: Response;
  try {
    stored = await fetch(upload.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Type': file.type },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'The image could not be sent to storage. Try again.');
  }
  if (!stored.ok) {
    throw new ApiError(
      stored.status,
      'UPLOAD_FAILED',
      `Storage refused the image (${stored.status}).`,
    );
  }
  return updateProduct({ productId, patch: { imageUrl: upload.imageUrl } });
}

export function useUploadProductImage() {
  return useApiMutation(uploadProductImage, {
    onSuccess: (product, _upload, queryClient) =>
      queryClient.setQueryData(getProductQueryOptions(product.productId).queryKey, product),
    // Cart lines show the product's image.
    invalidates: [queryKeys.products, queryKeys.cart],
  });
}
