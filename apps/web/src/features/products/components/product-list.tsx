import { useEffect, useRef, type ReactNode } from 'react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { Page, Product } from '@mini-ecommerce/domain';
import { ErrorMessage, Loading } from '../../../components/ui/status';
import { LoadMore } from '../../../components/ui/load-more';
import { ProductCard } from './product-card';

/** Images of the first row or so are loaded at once; the rest when scrolled near. */
const EAGER_IMAGES = 3;

/**
 * Product cards a page at a time (the catalog, search results). After "Load more", focus
 * moves to the first new product so keyboard users continue where the new content starts.
 */
export function ProductList({
  products,
  label,
  emptyState,
  renderAction,
}: {
  products: UseInfiniteQueryResult<InfiniteData<Page<Product>>>;
  label: string;
  emptyState: ReactNode;
  renderAction?: ((product: Product) => ReactNode) | undefined;
}) {
  const list = useRef<HTMLUListElement>(null);
  const focusIndex = useRef<number | null>(null);
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];

  useEffect(() => {
    if (focusIndex.current === null || !list.current) return;
    const link = list.current.children[focusIndex.current]?.querySelector('a');
    if (link) {
      link.focus();
      focusIndex.current = null;
    }
  }, [items.length]);

  if (products.isPending) return <Loading label="Loading products…" />;
  if (!products.data)
    return (
      <ErrorMessage
        error={products.error}
        title="Products could not be loaded"
        onRetry={() => void products.refetch()}
      />
    );
  if (items.length === 0) return emptyState;

  return (
    <>
      <ul className="product-grid" ref={list} aria-label={label}>
        {items.map((product, index) => (
          <li key={product.productId}>
            <ProductCard
              product={product}
              action={renderAction?.(product)}
              priority={index < EAGER_IMAGES}
            />
          </li>
        ))}
      </ul>
      {products.isFetchNextPageError ? (
        <ErrorMessage error={products.error} title="More products could not be loaded" />
      ) : null}
      <LoadMore
        pages={products}
        label="Load more products"
        onLoad={() => {
          focusIndex.current = items.length;
        }}
      />
    </>
  );
}
