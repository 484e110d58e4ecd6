import type { Product, ProductCreate } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';
import { useApiMutation } from '../../../lib/use-api-mutation';
import { getProductQueryOptions } from './get-product';

export function createProduct(input: ProductCreate): Promise<Product> {
  return api('/api/products', { method: 'POST', body: input, auth: true });
}

export function useCreateProduct() {
  return useApiMutation(createProduct, {
    onSuccess: (product, _input, queryClient) =>
      queryClient.setQueryData(getProductQueryOptions(product.productId).queryKey, product),
    invalidates: [queryKeys.products, queryKeys.categories, queryKeys.adminSummary],
  });
}
