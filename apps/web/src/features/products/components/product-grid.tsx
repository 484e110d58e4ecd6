import type { ReactNode } from 'react';
import type { Product } from '@mini-ecommerce/domain';
import { EmptyState } from '../../../components/ui/status';
import { useProducts } from '../api/get-products';
import { ProductList } from './product-list';

/** The catalog, or one category of it, a page at a time. */
export function ProductGrid({
  category,
  renderAction,
}: {
  category: string | undefined;
  renderAction?: (product: Product) => ReactNode;
}) {
  const products = useProducts({ category });
  return (
    <ProductList
      products={products}
      label={category ? `Products in ${category}` : 'Products'}
      emptyState={
        <EmptyState title={category ? `No products in ${category} yet.` : 'No products yet.'} />
      }
      renderAction={renderAction}
    />
  );
}
