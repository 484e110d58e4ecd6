import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { Page, Product } from '@mini-ecommerce/domain';
import { ErrorMessage, QueryStatus } from '../../../components/ui/status';
import { LoadMore } from '../../../components/ui/load-more';
import { ProductCard, ProductCardPlaceholder } from './product-card';

/** Images of the first row or so are loaded at once; the rest when scrolled near. */
const EAGER_IMAGES = 3;

/**
 * A list's cards are mounted a few per task: a page of twelve at once was one long task
 * (150–200 ms on Lighthouse's throttled phone) that blocked input while the home page loaded.
 * The first group fills a phone's screen (its largest paint is the first card's image, and
 * nothing on screen moves when the rest arrive); the rest follow, two per task, within a few
 * frames, each in the room a placeholder kept for it. Pages added later ("Load more") are
 * mounted whole.
 */
const FIRST_CARDS = 4;
const CARDS_PER_TASK = 2;

function useMountedCount(total: number): number {
  const [count, setCount] = useState(FIRST_CARDS);
  const all = count === Infinity;
  useEffect(() => {
    if (all || total === 0) return;
    const timer = setTimeout(
      () =>
        setCount((shown) => (shown + CARDS_PER_TASK >= total ? Infinity : shown + CARDS_PER_TASK)),
      0,
    );
    return () => clearTimeout(timer);
  }, [all, count, total]);
  return count;
}

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
  const mounted = useMountedCount(items.length);

  useEffect(() => {
    if (focusIndex.current === null || !list.current) return;
    const link = list.current.children[focusIndex.current]?.querySelector('a');
    if (link) {
      link.focus();
      focusIndex.current = null;
    }
  }, [items.length, mounted]);

  if (!products.data)
    return (
      <QueryStatus
        query={products}
        loadingLabel="Loading products…"
        errorTitle="Products could not be loaded"
      />
    );
  if (items.length === 0) return emptyState;

  return (
    <>
      <ul className="product-grid" ref={list} aria-label={label}>
        {items.map((product, index) => (
          <li key={product.productId}>
            {index < mounted ? (
              <ProductCard
                product={product}
                action={renderAction?.(product)}
                priority={index < EAGER_IMAGES}
              />
            ) : (
              <ProductCardPlaceholder />
            )}
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
