import type { Product, ProductUpdate } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';
import { useApiMutation } from '../../../lib/use-api-mutation';
import { getProductQueryOptions } from './get-product';

export function updateProduct({
  productId,
  patch,
}: {
  productId: string;
  patch: ProductUpdate;
}): Promise<Product> {
  return api(`/api/products/${encodeURIComponent(productId)}`, {
    method: 'PATCH',
    body: patch,
    auth: true,
  });
}

export function useUpdateProduct() {
  return useApiMutation(updateProduct, {
    onSuccess: (product, _update, queryClient) =>
      queryClient.setQueryData(getProductQueryOptions(product.productId).queryKey, product),
    invalidates: [
      queryKeys.products,
      queryKeys.categories,
      queryKeys.adminSummary,
      // Cart lines embed the product (price, stock).
      queryKeys.cart,
    ],
  });
}
