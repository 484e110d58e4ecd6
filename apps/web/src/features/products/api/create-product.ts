import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Product, ProductCreate } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

export function createProduct(input: ProductCreate): Promise<Product> {
  return api('/api/products', { method: 'POST', body: input, auth: true });
}

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProduct,
    onSuccess: async (product) => {
      queryClient.setQueryData([...queryKeys.products, 'detail', product.productId], product);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.products }),
        queryClient.invalidateQueries({ queryKey: queryKeys.categories }),
        queryClient.invalidateQueries({ queryKey: queryKeys.adminSummary }),
      ]);
    },
  });
}
