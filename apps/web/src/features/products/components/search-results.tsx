import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Product } from '@mini-ecommerce/domain';
import { EmptyState } from '../../../components/ui/status';
import { useSearchProducts } from '../api/search-products';
import { ProductList } from './product-list';

/** Products matching `q`, best matches first, a page at a time. */
export function SearchResults({
  q,
  renderAction,
}: {
  q: string;
  renderAction?: (product: Product) => ReactNode;
}) {
  const products = useSearchProducts({ q });
  return (
    <ProductList
      products={products}
      label={`Products matching ${q}`}
      emptyState={
        <EmptyState title={`No products match “${q}”.`}>
          <p>
            Check the spelling, try fewer words, or <Link to="/">browse all products</Link>.
          </p>
        </EmptyState>
      }
      renderAction={renderAction}
    />
  );
}
