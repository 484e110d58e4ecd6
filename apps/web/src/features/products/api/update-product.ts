import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Product, ProductUpdate } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

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
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProduct,
    onSuccess: async (product) => {
      queryClient.setQueryData([...queryKeys.products, 'detail', product.productId], product);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.products }),
        queryClient.invalidateQueries({ queryKey: queryKeys.categories }),
        queryClient.invalidateQueries({ queryKey: queryKeys.adminSummary }),
        // Cart lines embed the product (price, stock).
        queryClient.invalidateQueries({ queryKey: queryKeys.cart }),
      ]);
    },
  });
}
