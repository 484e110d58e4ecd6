import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImageUpload, Product } from '@mini-ecommerce/domain';
import { IMAGE_TYPE_NAMES, MAX_IMAGE_BYTES, isImageType } from '@mini-ecommerce/domain/rules';
import { api, ApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

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
  const id = encodeURIComponent(productId);
  const upload = await api<ImageUpload>(`/api/products/${id}/image-upload`, {
    method: 'POST',
    body: { contentType: file.type },
    auth: true,
  });
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
  return api<Product>(`/api/products/${id}`, {
    method: 'PATCH',
    body: { imageUrl: upload.imageUrl },
    auth: true,
  });
}

export function useUploadProductImage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadProductImage,
    onSuccess: async (product) => {
      queryClient.setQueryData([...queryKeys.products, 'detail', product.productId], product);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.products }),
        queryClient.invalidateQueries({ queryKey: queryKeys.cart }),
      ]);
    },
  });
}
