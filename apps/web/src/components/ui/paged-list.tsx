import type { ReactNode } from 'react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { Page } from '@mini-ecommerce/domain';
import { LoadMore } from './load-more';
import { ErrorMessage, QueryStatus } from './status';

/**
 * A list read a page at a time: its status until the first page arrives, `empty` when there is
 * nothing, else `children` with the items so far and "Load more". A failed next page or refresh
 * keeps the items already shown and says so under them. `what` is the plural noun the messages use.
 */
export function PagedList<T>({
  pages,
  what,
  empty,
  children,
}: {
  pages: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  what: string;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  const What = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
  if (!pages.data) {
    return (
      <QueryStatus
        query={pages}
        loadingLabel={`Loading ${what}…`}
        errorTitle={`${What} could not be loaded`}
      />
    );
  }
  const items = pages.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return empty;
  return (
    <>
      {children(items)}
      {pages.isFetchNextPageError ? (
        // "Load more" below asks again.
        <ErrorMessage error={pages.error} title={`More ${what} could not be loaded`} />
      ) : pages.isRefetchError ? (
        <ErrorMessage
          error={pages.error}
          title={`${What} could not be brought up to date`}
          onRetry={() => void pages.refetch()}
        />
      ) : null}
      <LoadMore pages={pages} label={`Load more ${what}`} />
    </>
  );
}
